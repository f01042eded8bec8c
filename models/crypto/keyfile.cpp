#include "keyfile.h"

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

    QFile file(path);
    if (!file.exists())
        return fail(LoadError::Missing, tr("The key file \u201c%1\u201d does not exist.").arg(shown));
    if (!file.open(QIODevice::ReadOnly))
        return fail(LoadError::Unreadable,
            tr("The key file \u201c%1\u201d could not be opened: %2.").arg(shown, file.errorString()));
    const QByteArray text = file.read(kMaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(LoadError::Unreadable,
            tr("The key file \u201c%1\u201d could not be read: %2.").arg(shown, file.errorString()));
    file.close();

    const QString notKeyFile = tr("\u201c%1\u201d is not a Vigil key file, or it is damaged.").arg(shown);
    if (text.size() > kMaxFileBytes)
        return fail(LoadError::NotAKeyFile, notKeyFile);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(LoadError::NotAKeyFile, notKeyFile);
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return fail(LoadError::NotAKeyFile, tr("\u201c%1\u201d is not a Vigil key file.").arg(shown));

    const auto damaged = [&](const QString& field) {
        return fail(LoadError::Damaged,
            tr("The key file \u201c%1\u201d is damaged: the field \u201c%2\u201d is missing or invalid.")
                .arg(shown, field));
    };

    // The version decides how the rest is read, so it is checked before anything else.
    const std::optional<qint64> version =
        integerField(root, QStringLiteral("version"), 1, std::numeric_limits<int>::max());
    if (!version)
        return damaged(QStringLiteral("version"));
    if (*version > kCurrentVersion)
        return fail(LoadError::NewerVersion,
            tr("This key file was written by a newer version of Vigil (key file version %1; this version "
               "reads version %2 and older). Update Vigil to open this cache.")
                .arg(*version)
                .arg(kCurrentVersion));

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
        return fail(LoadError::UnacceptableKdf,
            tr("The key file \u201c%1\u201d asks for key-derivation settings that Vigil does not accept (%2). "
               "The file may have been altered.")
                .arg(shown, why));

    if (error)
        error->clear();
    if (reason)
        *reason = LoadError::None;
    return out;
}

bool KeyFile::save(const QString& path, QString* error) const
{
    const auto fail = [&](const QString& detail) {
        if (error)
            *error = tr("The key file \u201c%1\u201d could not be written: %2.").arg(displayPath(path), detail);
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
    const QByteArray json = toJson();
    if (file.write(json) != json.size()) {
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
