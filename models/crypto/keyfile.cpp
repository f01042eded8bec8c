#include "keyfile.h"

#include "keychainstore.h"
#include "logging.h"
#include "securebytes.h"

#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSaveFile>

#include <openssl/err.h>
#include <openssl/evp.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <utility>

namespace vigil::crypto {

namespace {

const QString kFormat = QStringLiteral("vigil-cache-key");
const QString kKdfName = QStringLiteral("scrypt");
const QString kCipherName = QStringLiteral("aes-256-gcm");
// A key file that only refers to the OS keychain.
const QString kReferenceFormat = QStringLiteral("vigil-cache-key-ref");
const QString kStoreKeychain = QStringLiteral("os-keychain");
constexpr int kReferenceVersion = 1;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytesOf(const QByteArray& a)
{
    return reinterpret_cast<const unsigned char*>(a.constData());
}

QByteArray toQByteArray(const SecureBytes& b)
{
    return {reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())};
}

QString displayPath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// Fresh random salt: the length asked for, clamped to what isAcceptable() allows.
QByteArray freshSalt(qsizetype wanted)
{
    const qsizetype length = std::clamp(wanted, KdfParams::kMinSaltBytes, KdfParams::kMaxSaltBytes);
    return toQByteArray(SecureBytes::random(static_cast<std::size_t>(length)));
}

struct Sealed
{
    QByteArray nonce;
    QByteArray ciphertext;
    QByteArray tag;
};

// AES-256-GCM encryption of plaintext under key with a fresh random nonce.
std::optional<Sealed> gcmSeal(const SecureBytes& key, const QByteArray& aad, const SecureBytes& plaintext)
{
    Sealed out;
    out.nonce = toQByteArray(SecureBytes::random(static_cast<std::size_t>(KeyFile::kNonceBytes)));
    out.ciphertext.resize(static_cast<qsizetype>(plaintext.size()));
    out.tag.resize(KeyFile::kTagBytes);

    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    int finalLen = 0;
    const bool ok = ctx && key.size() == 32
        && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(KeyFile::kNonceBytes), nullptr) == 1
        && EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), bytesOf(out.nonce)) == 1
        && EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytesOf(aad), static_cast<int>(aad.size())) == 1
        && EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.ciphertext.data()), &len, plaintext.data(),
               static_cast<int>(plaintext.size()))
            == 1
        && EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.ciphertext.data()) + len, &finalLen) == 1
        && len + finalLen == out.ciphertext.size()
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(KeyFile::kTagBytes), out.tag.data())
            == 1;
    if (!ok) {
        qCWarning(lcCrypto, "AES-256-GCM key wrapping failed: %s", qUtf8Printable(takeOpenSslErrors()));
        return std::nullopt;
    }
    return out;
}

enum class OpenResult {
    Ok,
    AuthenticationFailed,
    Error,
};

// AES-256-GCM decryption and authentication; plaintextOut is left empty unless Ok.
OpenResult gcmOpen(const SecureBytes& key, const QByteArray& aad, const QByteArray& nonce, const QByteArray& ciphertext,
    const QByteArray& tag, SecureBytes& plaintextOut)
{
    plaintextOut.clear();
    SecureBytes plaintext(static_cast<std::size_t>(ciphertext.size()));
    CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    // EVP_CTRL_GCM_SET_TAG takes a non-const pointer.
    QByteArray tagCopy = tag;
    int len = 0;
    const bool prepared = ctx && key.size() == 32 && nonce.size() == KeyFile::kNonceBytes
        && tag.size() == KeyFile::kTagBytes
        && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(KeyFile::kNonceBytes), nullptr) == 1
        && EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), bytesOf(nonce)) == 1
        && EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytesOf(aad), static_cast<int>(aad.size())) == 1
        && EVP_DecryptUpdate(
               ctx.get(), plaintext.data(), &len, bytesOf(ciphertext), static_cast<int>(ciphertext.size()))
            == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(KeyFile::kTagBytes), tagCopy.data())
            == 1;
    if (!prepared) {
        qCWarning(lcCrypto, "AES-256-GCM key unwrapping could not start: %s", qUtf8Printable(takeOpenSslErrors()));
        return OpenResult::Error;
    }
    int finalLen = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), plaintext.data() + len, &finalLen) != 1) {
        ERR_clear_error(); // a tag mismatch: nothing worth logging, but leave no stale errors behind
        return OpenResult::AuthenticationFailed; // plaintext is wiped by its destructor
    }
    if (static_cast<qsizetype>(len) + finalLen != ciphertext.size())
        return OpenResult::Error;
    plaintextOut = std::move(plaintext);
    return OpenResult::Ok;
}

// Strict base64 (standard alphabet); nullopt if the value is not a string or not valid base64.
std::optional<QByteArray> base64Field(const QJsonObject& object, const QString& key)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *std::move(decoded);
}

// A JSON number holding an integer in [minimum, maximum]; nullopt otherwise (also for 1.5, "1", 1e300).
std::optional<qint64> integerField(const QJsonObject& object, const QString& key, qint64 minimum, qint64 maximum)
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    constexpr qint64 kNotInteger = std::numeric_limits<qint64>::min();
    const qint64 v = value.toInteger(kNotInteger);
    if (v == kNotInteger || v < minimum || v > maximum)
        return std::nullopt;
    return v;
}

// The JSON object in text; nullopt when text is too large to be a key file, not JSON or not an object.
std::optional<QJsonObject> jsonObjectOf(const QByteArray& text)
{
    if (text.size() > KeyFile::kMaxFileBytes)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// The "format" of a key file's text (empty when it has none or is not one).
QString formatOf(const QByteArray& text)
{
    const std::optional<QJsonObject> object = jsonObjectOf(text);
    return object ? object->value(QStringLiteral("format")).toString() : QString();
}

} // namespace

std::optional<KeyFile> KeyFile::create(
    const SecureBytes& passphrase, const KdfParams& params, SecureBytes& dataKeyOut, QString* error)
{
    dataKeyOut.clear();
    const auto fail = [error](const QString& message) -> std::optional<KeyFile> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (passphrase.empty())
        return fail(tr("The passphrase is empty."));

    KeyFile file;
    file.m_version = kCurrentVersion;
    file.m_cacheId = QUuid::createUuid();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    file.m_created = now.addMSecs(-now.time().msec()); // whole seconds, as written to the file
    file.m_kdf = params;
    file.m_kdf.salt = freshSalt(params.salt.size());
    QString why;
    if (!file.m_kdf.isAcceptable(&why))
        return fail(tr("The key-derivation settings are not acceptable: %1.").arg(why));

    const SecureBytes kek = KdfParams::deriveKey(passphrase, file.m_kdf);
    if (kek.empty())
        return fail(tr("The key could not be derived from the passphrase. The computer may be short of memory."));

    SecureBytes dataKey = SecureBytes::random(kDataKeyBytes);
    const std::optional<Sealed> sealed = gcmSeal(kek, file.associatedData(), dataKey);
    if (!sealed)
        return fail(tr("The key could not be encrypted because of an error in the encryption library."));
    file.m_nonce = sealed->nonce;
    file.m_wrappedKey = sealed->ciphertext;
    file.m_tag = sealed->tag;

    if (error)
        error->clear();
    dataKeyOut = std::move(dataKey);
    return file;
}

struct KeyFile::ParseFailure
{
    LoadError reason = LoadError::None;
    QString field; // Damaged: the field; UnacceptableKdf: why; NotAKeyFile: "format" when that was wrong
    qint64 version = 0; // NewerVersion: the version found
};

struct KeyFile::Reference
{
    int version = kReferenceVersion;
    QUuid cacheId;
    QString service;
    QString account;
};

std::optional<KeyFile> KeyFile::load(const QString& path, QString* error, LoadError* reason)
{
    const auto fail = [error, reason](LoadError why, const QString& message) -> std::optional<KeyFile> {
        if (error)
            *error = message;
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    const QString shown = displayPath(path);

    QByteArray text;
    if (!readFile(path, text, error, reason))
        return std::nullopt;

    ParseFailure failure;
    if (formatOf(text) == kReferenceFormat) {
        const std::optional<Reference> reference = referenceFrom(text, failure);
        if (!reference)
            return fail(failure.reason, describe(failure, shown, false));
        return loadFromKeychain(path, *reference, error, reason);
    }

    std::optional<KeyFile> out = fromJson(text, failure);
    if (!out)
        return fail(failure.reason, describe(failure, shown, false));
    if (error)
        error->clear();
    if (reason)
        *reason = LoadError::None;
    return out;
}

bool KeyFile::readFile(const QString& path, QByteArray& text, QString* error, LoadError* reason)
{
    const auto fail = [error, reason](LoadError why, const QString& message) {
        if (error)
            *error = message;
        if (reason)
            *reason = why;
        return false;
    };
    const QString shown = displayPath(path);
    QFile file(path);
    if (!file.exists())
        return fail(LoadError::Missing, tr("The key file “%1” does not exist.").arg(shown));
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            LoadError::Unreadable, tr("The key file “%1” could not be opened: %2.").arg(shown, file.errorString()));
    text = file.read(kMaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(
            LoadError::Unreadable, tr("The key file “%1” could not be read: %2.").arg(shown, file.errorString()));
    return true;
}

std::optional<KeyFile> KeyFile::fromJson(const QByteArray& text, ParseFailure& failure)
{
    const auto fail = [&failure](LoadError why, const QString& field = {}) -> std::optional<KeyFile> {
        failure.reason = why;
        failure.field = field;
        return std::nullopt;
    };
    const std::optional<QJsonObject> object = jsonObjectOf(text);
    if (!object)
        return fail(LoadError::NotAKeyFile);
    const QJsonObject& root = *object;
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return fail(LoadError::NotAKeyFile, QStringLiteral("format"));
    const auto damaged = [&fail](const QString& field) { return fail(LoadError::Damaged, field); };

    // The version decides how the rest is read, so it is checked before anything else.
    const std::optional<qint64> version =
        integerField(root, QStringLiteral("version"), 1, std::numeric_limits<int>::max());
    if (!version)
        return damaged(QStringLiteral("version"));
    if (*version > kCurrentVersion) {
        failure.version = *version;
        return fail(LoadError::NewerVersion);
    }

    KeyFile out;
    out.m_version = static_cast<int>(*version);

    const QJsonValue cacheId = root.value(QStringLiteral("cache_id"));
    out.m_cacheId = QUuid::fromString(cacheId.toString());
    if (!cacheId.isString() || out.m_cacheId.isNull())
        return damaged(QStringLiteral("cache_id"));

    const QJsonValue created = root.value(QStringLiteral("created"));
    out.m_created = QDateTime::fromString(created.toString(), Qt::ISODateWithMs);
    if (!created.isString() || !out.m_created.isValid())
        return damaged(QStringLiteral("created"));
    out.m_created = out.m_created.toUTC();

    const QJsonValue kdfValue = root.value(QStringLiteral("kdf"));
    if (!kdfValue.isObject())
        return damaged(QStringLiteral("kdf"));
    const QJsonObject kdf = kdfValue.toObject();
    if (kdf.value(QStringLiteral("name")).toString() != kKdfName)
        return damaged(QStringLiteral("kdf.name"));
    constexpr qint64 kMaxU32 = std::numeric_limits<quint32>::max();
    // Generous type ranges here; the real limits are KdfParams::isAcceptable()'s, checked below.
    const std::optional<qint64> n = integerField(kdf, QStringLiteral("n"), 0, std::numeric_limits<qint64>::max());
    if (!n)
        return damaged(QStringLiteral("kdf.n"));
    const std::optional<qint64> r = integerField(kdf, QStringLiteral("r"), 0, kMaxU32);
    if (!r)
        return damaged(QStringLiteral("kdf.r"));
    const std::optional<qint64> p = integerField(kdf, QStringLiteral("p"), 0, kMaxU32);
    if (!p)
        return damaged(QStringLiteral("kdf.p"));
    const std::optional<QByteArray> salt = base64Field(kdf, QStringLiteral("salt"));
    if (!salt)
        return damaged(QStringLiteral("kdf.salt"));
    out.m_kdf.n = static_cast<quint64>(*n);
    out.m_kdf.r = static_cast<quint32>(*r);
    out.m_kdf.p = static_cast<quint32>(*p);
    out.m_kdf.salt = *salt;

    if (root.value(QStringLiteral("cipher")).toString() != kCipherName)
        return damaged(QStringLiteral("cipher"));
    const std::optional<QByteArray> nonce = base64Field(root, QStringLiteral("nonce"));
    if (!nonce || nonce->size() != kNonceBytes)
        return damaged(QStringLiteral("nonce"));
    const std::optional<QByteArray> wrapped = base64Field(root, QStringLiteral("wrapped_key"));
    if (!wrapped || wrapped->size() != static_cast<qsizetype>(kDataKeyBytes))
        return damaged(QStringLiteral("wrapped_key"));
    const std::optional<QByteArray> tag = base64Field(root, QStringLiteral("tag"));
    if (!tag || tag->size() != kTagBytes)
        return damaged(QStringLiteral("tag"));
    out.m_nonce = *nonce;
    out.m_wrappedKey = *wrapped;
    out.m_tag = *tag;

    QString why;
    if (!out.m_kdf.isAcceptable(&why))
        return fail(LoadError::UnacceptableKdf, why);
    return out;
}

QString KeyFile::describe(const ParseFailure& failure, const QString& shown, bool inKeychain)
{
    switch (failure.reason) {
    case LoadError::NotAKeyFile:
        if (inKeychain)
            return tr("The OS keychain entry named in “%1” does not hold a Vigil key, or it is damaged.").arg(shown);
        if (failure.field == QStringLiteral("format"))
            return tr("“%1” is not a Vigil key file.").arg(shown);
        return tr("“%1” is not a Vigil key file, or it is damaged.").arg(shown);
    case LoadError::Damaged:
        if (inKeychain)
            return tr("The key kept in the OS keychain for “%1” is damaged: the field “%2” is "
                      "missing or invalid.")
                .arg(shown, failure.field);
        return tr("The key file “%1” is damaged: the field “%2” is missing or invalid.").arg(shown, failure.field);
    case LoadError::NewerVersion:
        return tr("This key file was written by a newer version of Vigil (key file version %1; this version "
                  "reads version %2 and older). Update Vigil to open this cache.")
            .arg(failure.version)
            .arg(kCurrentVersion);
    case LoadError::UnacceptableKdf:
        if (inKeychain)
            return tr("The key kept in the OS keychain for “%1” asks for key-derivation settings that "
                      "Vigil does not accept (%2). It may have been altered.")
                .arg(shown, failure.field);
        return tr("The key file “%1” asks for key-derivation settings that Vigil does not accept (%2). "
                  "The file may have been altered.")
            .arg(shown, failure.field);
    case LoadError::None:
    case LoadError::Missing:
    case LoadError::Unreadable:
    case LoadError::KeychainUnavailable:
    case LoadError::KeychainEntryMissing:
    case LoadError::KeychainMismatch:
        break;
    }
    return tr("“%1” is not a Vigil key file, or it is damaged.").arg(shown);
}

std::optional<KeyFile::Reference> KeyFile::referenceFrom(const QByteArray& text, ParseFailure& failure)
{
    const auto fail = [&failure](LoadError why, const QString& field = {}) -> std::optional<Reference> {
        failure.reason = why;
        failure.field = field;
        return std::nullopt;
    };
    const std::optional<QJsonObject> object = jsonObjectOf(text);
    if (!object || object->value(QStringLiteral("format")).toString() != kReferenceFormat)
        return fail(LoadError::NotAKeyFile, QStringLiteral("format"));
    const QJsonObject& root = *object;
    const std::optional<qint64> version =
        integerField(root, QStringLiteral("version"), 1, std::numeric_limits<int>::max());
    if (!version)
        return fail(LoadError::Damaged, QStringLiteral("version"));
    if (*version > kReferenceVersion) {
        failure.version = *version;
        return fail(LoadError::NewerVersion);
    }
    Reference out;
    out.version = static_cast<int>(*version);
    const QJsonValue cacheId = root.value(QStringLiteral("cache_id"));
    out.cacheId = QUuid::fromString(cacheId.toString());
    if (!cacheId.isString() || out.cacheId.isNull())
        return fail(LoadError::Damaged, QStringLiteral("cache_id"));
    if (root.value(QStringLiteral("store")).toString() != kStoreKeychain)
        return fail(LoadError::Damaged, QStringLiteral("store"));
    out.service = root.value(QStringLiteral("service")).toString();
    if (out.service != KeychainStore::serviceName())
        return fail(LoadError::Damaged, QStringLiteral("service"));
    out.account = root.value(QStringLiteral("account")).toString();
    if (out.account.isEmpty())
        return fail(LoadError::Damaged, QStringLiteral("account"));
    return out;
}

std::optional<KeyFile> KeyFile::loadFromKeychain(
    const QString& path, const Reference& reference, QString* error, LoadError* reason)
{
    const auto fail = [error, reason](LoadError why, const QString& message) -> std::optional<KeyFile> {
        if (error)
            *error = message;
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    const QString shown = displayPath(path);
    QByteArray json;
    QString why;
    switch (KeychainStore::read(reference.account, json, &why)) {
    case KeychainStore::Status::Ok:
        break;
    case KeychainStore::Status::NotFound:
        return fail(LoadError::KeychainEntryMissing,
            tr("The key of this cache is kept in the OS keychain (“%1” names the entry “%2”), "
               "but the keychain has no such entry. It may have been deleted, or the cache may come from another "
               "computer or user account. Without the key the cache cannot be opened.")
                .arg(shown, reference.account));
    case KeychainStore::Status::Unavailable:
    case KeychainStore::Status::Failed:
        return fail(LoadError::KeychainUnavailable,
            tr("The key of this cache is kept in the OS keychain (“%1” names the entry “%2”), "
               "and the keychain could not be used. %3")
                .arg(shown, reference.account, why));
    }

    ParseFailure failure;
    std::optional<KeyFile> out = fromJson(json, failure);
    if (!out)
        return fail(failure.reason, describe(failure, shown, true));
    if (out->m_cacheId != reference.cacheId)
        return fail(LoadError::KeychainMismatch,
            tr("The OS keychain entry “%1” named in “%2” holds the key of another cache "
               "(%3, not %4), so this cache cannot be opened with it.")
                .arg(reference.account, shown, out->m_cacheId.toString(QUuid::WithoutBraces),
                    reference.cacheId.toString(QUuid::WithoutBraces)));
    out->m_storage = StorageKind::OsKeychain;
    if (error)
        error->clear();
    if (reason)
        *reason = LoadError::None;
    return out;
}

bool KeyFile::save(const QString& path, QString* error) const
{
    if (storageOf(path) == StorageKind::File)
        return writeFileAtomically(path, toJson(), error);

    // A reference to the OS keychain: replace the entry, keep the reference.
    const QString shown = displayPath(path);
    const auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        qCWarning(lcCrypto, "saving a key to the OS keychain failed");
        return false;
    };
    QByteArray text;
    QString why;
    if (!readFile(path, text, &why, nullptr))
        return fail(why);
    ParseFailure failure;
    const std::optional<Reference> reference = referenceFrom(text, failure);
    if (!reference)
        return fail(tr("%1 It was left as it is.").arg(describe(failure, shown, false)));
    if (reference->cacheId != m_cacheId)
        return fail(tr("The key file “%1” refers to the key of another cache in the OS keychain; it was "
                       "left as it is.")
                        .arg(shown));
    const QByteArray json = toJson();
    QByteArray back;
    if (KeychainStore::write(reference->account, json, &why) != KeychainStore::Status::Ok
        || KeychainStore::read(reference->account, back, &why) != KeychainStore::Status::Ok)
        return fail(tr("The key of “%1” could not be written to the OS keychain. %2").arg(shown, why));
    if (back != json)
        return fail(tr("The key of “%1” was written to the OS keychain, but did not read back unchanged.").arg(shown));
    if (error)
        error->clear();
    return true;
}

bool KeyFile::writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    const auto fail = [&](const QString& detail) {
        if (error)
            *error = tr("The key file “%1” could not be written: %2.").arg(displayPath(path), detail);
        qCWarning(lcCrypto, "saving a key file failed: %s", qUtf8Printable(detail));
        return false;
    };
    constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    // Restrict the temporary file before anything is written to it; the rename keeps the mode.
    if (!file.setPermissions(kOwnerOnly)) {
        file.cancelWriting();
        return fail(tr("its permissions could not be restricted to the owner"));
    }
    if (file.write(bytes) != bytes.size()) {
        const QString detail = file.errorString();
        file.cancelWriting();
        return fail(detail);
    }
    if (!file.commit())
        return fail(file.errorString());
    if (error)
        error->clear();
    return true;
}

KeyFile::StorageKind KeyFile::storageOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return StorageKind::File;
    return formatOf(file.read(kMaxFileBytes + 1)) == kReferenceFormat ? StorageKind::OsKeychain : StorageKind::File;
}

QString KeyFile::keychainAccountFor(const QUuid& cacheId)
{
    return QStringLiteral("cache/") + cacheId.toString(QUuid::WithoutBraces);
}

bool KeyFile::moveToKeychain(const QString& path, QString* error)
{
    const QString shown = displayPath(path);
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    QString why;
    QByteArray original;
    if (!readFile(path, original, &why, nullptr))
        return fail(why);
    const std::optional<KeyFile> file = load(path, &why);
    if (!file)
        return fail(why);
    if (file->m_storage == StorageKind::OsKeychain) {
        if (error)
            error->clear();
        return true; // already there (and load() has just read it from there)
    }

    const QString account = keychainAccountFor(file->m_cacheId);
    const QString keptAsItWas = tr("The key file “%1” was left as it is.").arg(shown);
    // An entry that exists already (a copy of this cache, or an earlier attempt) holds the key of the same
    // cache, so replacing it loses nothing; but only an entry made here is deleted again on failure.
    QByteArray existing;
    const KeychainStore::Status before = KeychainStore::read(account, existing, &why);
    if (before != KeychainStore::Status::Ok && before != KeychainStore::Status::NotFound)
        return fail(tr("The key could not be moved to the OS keychain. %1 %2").arg(why, keptAsItWas));
    const auto undo = [&] {
        QString ignored;
        if (before == KeychainStore::Status::NotFound
            && KeychainStore::remove(account, &ignored) != KeychainStore::Status::Ok)
            qCWarning(lcCrypto, "an unused OS keychain entry was left behind after a failed move");
    };

    const QByteArray json = file->toJson();
    if (KeychainStore::write(account, json, &why) != KeychainStore::Status::Ok)
        return fail(tr("The key could not be moved to the OS keychain. %1 %2").arg(why, keptAsItWas));
    QByteArray back;
    const KeychainStore::Status readBack = KeychainStore::read(account, back, &why);
    if (readBack != KeychainStore::Status::Ok || back != json) {
        undo();
        return fail(tr("The key was written to the OS keychain but did not read back unchanged. %1").arg(keptAsItWas));
    }

    QJsonObject reference;
    reference.insert(QStringLiteral("format"), kReferenceFormat);
    reference.insert(QStringLiteral("version"), kReferenceVersion);
    reference.insert(QStringLiteral("cache_id"), file->m_cacheId.toString(QUuid::WithoutBraces));
    reference.insert(QStringLiteral("store"), kStoreKeychain);
    reference.insert(QStringLiteral("service"), KeychainStore::serviceName());
    reference.insert(QStringLiteral("account"), account);
    if (!writeFileAtomically(path, QJsonDocument(reference).toJson(QJsonDocument::Indented), &why)) {
        undo();
        return fail(why);
    }

    // The reference must lead back to the same key; if not, put the key file back as it was.
    const std::optional<KeyFile> check = load(path, &why);
    if (!check || check->toJson() != json) {
        QString restoreError;
        if (!writeFileAtomically(path, original, &restoreError))
            return fail(tr("The key was moved to the OS keychain, but the new key file does not lead to it (%1), "
                           "and the old key file could not be put back (%2). The key is still in the OS keychain "
                           "as \u201c%3\u201d.")
                            .arg(why, restoreError, account));
        undo();
        return fail(tr("The key was moved to the OS keychain, but the new key file did not lead to it (%1). %2")
                        .arg(why, keptAsItWas));
    }
    qCInfo(lcCrypto, "the cache key was moved to the OS keychain");
    if (error)
        error->clear();
    return true;
}

bool KeyFile::moveToFile(const QString& path, QString* error, QString* warning)
{
    const QString shown = displayPath(path);
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (warning)
        warning->clear();
    QString why;
    QByteArray referenceText;
    if (!readFile(path, referenceText, &why, nullptr))
        return fail(why);
    const std::optional<KeyFile> file = load(path, &why);
    if (!file)
        return fail(why);
    if (file->m_storage == StorageKind::File) {
        if (error)
            error->clear();
        return true; // already there
    }
    ParseFailure failure;
    const std::optional<Reference> reference = referenceFrom(referenceText, failure);
    if (!reference) // load() has just followed it; only a concurrent change gets here
        return fail(describe(failure, shown, false));

    const QByteArray json = file->toJson();
    if (!writeFileAtomically(path, json, &why))
        return fail(tr("%1 The key is still in the OS keychain.").arg(why));
    const std::optional<KeyFile> check = load(path, &why);
    if (!check || check->m_storage != StorageKind::File || check->toJson() != json) {
        QString restoreError;
        if (!writeFileAtomically(path, referenceText, &restoreError))
            return fail(tr("The key file “%1” was written but does not load (%2), and the reference to the "
                           "OS keychain could not be put back (%3). The key is still in the OS keychain as "
                           "\u201c%4\u201d.")
                            .arg(shown, why, restoreError, reference->account));
        return fail(tr("The key file “%1” was written but did not load (%2); the key was left in the OS "
                       "keychain.")
                        .arg(shown, why));
    }

    if (KeychainStore::remove(reference->account, &why) != KeychainStore::Status::Ok && warning)
        *warning = tr("The key is back in the key file, but its old OS keychain entry “%1” could not be "
                      "deleted. %2")
                       .arg(reference->account, why);
    qCInfo(lcCrypto, "the cache key was moved from the OS keychain to the key file");
    if (error)
        error->clear();
    return true;
}

KeyFile::UnwrapResult KeyFile::unwrap(const SecureBytes& passphrase, SecureBytes& dataKeyOut, QString* error) const
{
    dataKeyOut.clear();
    const auto fail = [error](UnwrapResult result, const QString& message) {
        if (error)
            *error = message;
        return result;
    };
    QString why;
    if (!m_kdf.isAcceptable(&why))
        return fail(UnwrapResult::Error, tr("The key-derivation settings are not acceptable: %1.").arg(why));
    const SecureBytes kek = KdfParams::deriveKey(passphrase, m_kdf);
    if (kek.empty())
        return fail(UnwrapResult::Error,
            tr("The key could not be derived from the passphrase. The computer may be short of memory."));
    switch (gcmOpen(kek, associatedData(), m_nonce, m_wrappedKey, m_tag, dataKeyOut)) {
    case OpenResult::Ok:
        if (error)
            error->clear();
        return UnwrapResult::Ok;
    case OpenResult::AuthenticationFailed:
        qCInfo(lcCrypto, "key unwrap refused: wrong passphrase or altered key file");
        return fail(
            UnwrapResult::WrongPassphrase, tr("The passphrase is not correct, or the key file has been altered."));
    case OpenResult::Error:
        break;
    }
    return fail(
        UnwrapResult::Error, tr("The key could not be decrypted because of an error in the encryption library."));
}

bool KeyFile::rewrap(
    const SecureBytes& oldPassphrase, const SecureBytes& newPassphrase, const KdfParams& newParams, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (newPassphrase.empty())
        return fail(tr("The new passphrase is empty."));
    KdfParams kdf = newParams;
    kdf.salt = freshSalt(newParams.salt.size());
    QString why;
    if (!kdf.isAcceptable(&why))
        return fail(tr("The key-derivation settings are not acceptable: %1.").arg(why));

    SecureBytes dataKey;
    if (unwrap(oldPassphrase, dataKey, error) != UnwrapResult::Ok)
        return false;

    // Build the new state in a copy; *this changes only once everything has succeeded.
    KeyFile next = *this;
    next.m_version = kCurrentVersion;
    next.m_kdf = std::move(kdf);
    const SecureBytes kek = KdfParams::deriveKey(newPassphrase, next.m_kdf);
    if (kek.empty())
        return fail(tr("The key could not be derived from the new passphrase. The computer may be short of memory."));
    const std::optional<Sealed> sealed = gcmSeal(kek, next.associatedData(), dataKey);
    if (!sealed)
        return fail(tr("The key could not be encrypted because of an error in the encryption library."));
    next.m_nonce = sealed->nonce;
    next.m_wrappedKey = sealed->ciphertext;
    next.m_tag = sealed->tag;

    *this = std::move(next);
    if (error)
        error->clear();
    return true;
}

QString KeyFile::pathFor(const QString& databasePath)
{
    return databasePath + QStringLiteral(".key");
}

QByteArray KeyFile::associatedData() const
{
    // Values cannot contain '\n' (integers, a UUID, base64), so the encoding is unambiguous.
    QByteArray aad;
    aad += kFormat.toUtf8() + '\n';
    aad += "version=" + QByteArray::number(m_version) + '\n';
    aad += "cache_id=" + m_cacheId.toByteArray(QUuid::WithoutBraces) + '\n';
    aad += "kdf=" + kKdfName.toUtf8() + '\n';
    aad += "n=" + QByteArray::number(m_kdf.n) + '\n';
    aad += "r=" + QByteArray::number(m_kdf.r) + '\n';
    aad += "p=" + QByteArray::number(m_kdf.p) + '\n';
    aad += "salt=" + m_kdf.salt.toBase64() + '\n';
    aad += "cipher=" + kCipherName.toUtf8() + '\n';
    return aad;
}

QByteArray KeyFile::toJson() const
{
    const auto base64 = [](const QByteArray& bytes) { return QString::fromLatin1(bytes.toBase64()); };
    QJsonObject kdf;
    kdf.insert(QStringLiteral("name"), kKdfName);
    kdf.insert(QStringLiteral("n"), static_cast<qint64>(m_kdf.n));
    kdf.insert(QStringLiteral("r"), static_cast<qint64>(m_kdf.r));
    kdf.insert(QStringLiteral("p"), static_cast<qint64>(m_kdf.p));
    kdf.insert(QStringLiteral("salt"), base64(m_kdf.salt));

    QJsonObject root;
    root.insert(QStringLiteral("format"), kFormat);
    root.insert(QStringLiteral("version"), m_version);
    root.insert(QStringLiteral("cache_id"), m_cacheId.toString(QUuid::WithoutBraces));
    root.insert(QStringLiteral("created"), m_created.toUTC().toString(Qt::ISODate));
    root.insert(QStringLiteral("kdf"), kdf);
    root.insert(QStringLiteral("cipher"), kCipherName);
    root.insert(QStringLiteral("nonce"), base64(m_nonce));
    root.insert(QStringLiteral("wrapped_key"), base64(m_wrappedKey));
    root.insert(QStringLiteral("tag"), base64(m_tag));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace vigil::crypto
