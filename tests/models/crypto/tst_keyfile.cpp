#include "crypto/kdfparams.h"
#include "crypto/keyfile.h"
#include "crypto/securebytes.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#endif

using vigil::crypto::KdfParams;
using vigil::crypto::KeyFile;
using vigil::crypto::SecureBytes;

Q_DECLARE_METATYPE(KeyFile::LoadError)

namespace {

const QString kWrongPassphrase = QStringLiteral("The passphrase is not correct, or the key file has been altered.");

SecureBytes pass(const char* text)
{
    return SecureBytes::fromUtf8(QString::fromUtf8(text));
}

QByteArray toByteArray(const SecureBytes& b)
{
    return {reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size())};
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QJsonObject readJson(const QString& path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

// Sets (or, for an undefined value, removes) a field addressed as "name" or "kdf.name".
void setField(QJsonObject& root, const QString& field, const QJsonValue& value)
{
    const QStringList parts = field.split(QLatin1Char('.'));
    if (parts.size() == 2) {
        QJsonObject inner = root.value(parts[0]).toObject();
        setField(inner, parts[1], value);
        root.insert(parts[0], inner);
        return;
    }
    if (value.isUndefined())
        root.remove(field);
    else
        root.insert(field, value);
}

QJsonValue fieldOf(const QJsonObject& root, const QString& field)
{
    const QStringList parts = field.split(QLatin1Char('.'));
    if (parts.size() == 2)
        return root.value(parts[0]).toObject().value(parts[1]);
    return root.value(field);
}

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

// The base64 field with one bit of its first byte flipped.
QJsonValue flipped(const QJsonObject& root, const QString& field)
{
    QByteArray bytes = QByteArray::fromBase64(fieldOf(root, field).toString().toLatin1());
    bytes[0] = static_cast<char>(bytes[0] ^ 0x01);
    return b64(bytes);
}

#if defined(Q_OS_UNIX)
mode_t modeOf(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 07777;
    return st.st_mode & 0777;
}
#endif

} // namespace

class TestKeyFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void createSaveLoadUnwrap();
    void createdFileLooksRight();
    void createUsesFreshIdentityAndSalt();
    void createRejects();
    void loadThenSaveIsByteIdentical();
    void wrongPassphraseChangesNothing();
    void rewrapChangesPassphraseNotKey();
    void rewrapWithWrongOldPassphraseChangesNothing();
    void rewrapRejectsBadNewValues();
    void tamperingIsDetected_data();
    void tamperingIsDetected();
    void loadRejectsBadFields_data();
    void loadRejectsBadFields();
    void loadRejectsNonKeyFiles_data();
    void loadRejectsNonKeyFiles();
    void loadMissingFile();
    void newerVersionMessage();
    void permissionsAreOwnerOnly();
    void saveFailsCleanly();
    void fileDoesNotContainTheDataKey();
    void pathFor();

private:
    // A saved key file (fast() parameters) in m_dir, with its passphrase "lamp river biscuit".
    [[nodiscard]] bool makeSaved();

    std::optional<QTemporaryDir> m_dir;
    QString m_path;
    SecureBytes m_dataKey;
};

void TestKeyFile::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cache.db.key"));
    m_dataKey.clear();
}

bool TestKeyFile::makeSaved()
{
    QString error;
    const std::optional<KeyFile> file =
        KeyFile::create(pass("lamp river biscuit"), KdfParams::fast(), m_dataKey, &error);
    if (!file || !file->save(m_path, &error)) {
        qWarning("could not make the key file: %s", qPrintable(error));
        return false;
    }
    return m_dataKey.size() == KeyFile::kDataKeyBytes;
}

void TestKeyFile::createSaveLoadUnwrap()
{
    SecureBytes dataKey;
    QString error;
    const std::optional<KeyFile> created =
        KeyFile::create(pass("lamp river biscuit"), KdfParams::fast(), dataKey, &error);
    QVERIFY2(created, qPrintable(error));
    QCOMPARE(dataKey.size(), KeyFile::kDataKeyBytes);
    QVERIFY(!dataKey.equals(SecureBytes(KeyFile::kDataKeyBytes)));

    // The object unwraps before it is ever saved.
    SecureBytes direct;
    QCOMPARE(created->unwrap(pass("lamp river biscuit"), direct, &error), KeyFile::UnwrapResult::Ok);
    QVERIFY(direct.equals(dataKey));

    QVERIFY2(created->save(m_path, &error), qPrintable(error));
    KeyFile::LoadError reason = KeyFile::LoadError::Damaged;
    const std::optional<KeyFile> loaded = KeyFile::load(m_path, &error, &reason);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(reason, KeyFile::LoadError::None);
    QVERIFY(error.isEmpty());
    QCOMPARE(loaded->cacheId(), created->cacheId());
    QCOMPARE(loaded->version(), KeyFile::kCurrentVersion);
    QCOMPARE(loaded->created(), created->created());
    QVERIFY(loaded->kdf() == created->kdf());

    SecureBytes unwrapped = SecureBytes::random(5); // replaced, whatever it held
    error = QStringLiteral("stale");
    QCOMPARE(loaded->unwrap(pass("lamp river biscuit"), unwrapped, &error), KeyFile::UnwrapResult::Ok);
    QVERIFY(error.isEmpty());
    QCOMPARE(unwrapped.size(), std::size_t(32));
    QVERIFY(unwrapped.equals(dataKey));
}

void TestKeyFile::createdFileLooksRight()
{
    QVERIFY(makeSaved());
    const QJsonObject json = readJson(m_path);
    QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("vigil-cache-key"));
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("cipher")).toString(), QStringLiteral("aes-256-gcm"));
    const QJsonObject kdf = json.value(QStringLiteral("kdf")).toObject();
    QCOMPARE(kdf.value(QStringLiteral("name")).toString(), QStringLiteral("scrypt"));
    QCOMPARE(kdf.value(QStringLiteral("n")).toInteger(), qint64(1024));
    QCOMPARE(kdf.value(QStringLiteral("r")).toInteger(), qint64(8));
    QCOMPARE(kdf.value(QStringLiteral("p")).toInteger(), qint64(1));
    QCOMPARE(QByteArray::fromBase64(kdf.value(QStringLiteral("salt")).toString().toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(json.value(QStringLiteral("nonce")).toString().toLatin1()).size(), 12);
    QCOMPARE(QByteArray::fromBase64(json.value(QStringLiteral("wrapped_key")).toString().toLatin1()).size(), 32);
    QCOMPARE(QByteArray::fromBase64(json.value(QStringLiteral("tag")).toString().toLatin1()).size(), 16);
    const QUuid id = QUuid::fromString(json.value(QStringLiteral("cache_id")).toString());
    QVERIFY(!id.isNull());

    const QString createdText = json.value(QStringLiteral("created")).toString();
    QVERIFY2(createdText.endsWith(QLatin1Char('Z')), qPrintable(createdText));
    const QDateTime created = QDateTime::fromString(createdText, Qt::ISODate);
    QVERIFY(created.isValid());
    QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    const std::optional<KeyFile> loaded = KeyFile::load(m_path);
    QVERIFY(loaded);
    QCOMPARE(loaded->cacheId(), id);
    QCOMPARE(loaded->created(), created);
    QCOMPARE(loaded->created().timeSpec(), Qt::UTC);
}

void TestKeyFile::createUsesFreshIdentityAndSalt()
{
    const KdfParams params = KdfParams::fast();
    SecureBytes keyA;
    SecureBytes keyB;
    const std::optional<KeyFile> a = KeyFile::create(pass("lamp river biscuit"), params, keyA);
    const std::optional<KeyFile> b = KeyFile::create(pass("lamp river biscuit"), params, keyB);
    QVERIFY(a && b);
    QVERIFY(a->cacheId() != b->cacheId());
    QVERIFY(!keyA.equals(keyB));
    // The caller's salt is never used as is, so one KdfParams object cannot lead to salt reuse.
    QVERIFY(a->kdf().salt != params.salt);
    QVERIFY(a->kdf().salt != b->kdf().salt);
    QCOMPARE(a->kdf().n, params.n);
    QCOMPARE(a->kdf().r, params.r);
    QCOMPARE(a->kdf().p, params.p);
}

void TestKeyFile::createRejects()
{
    SecureBytes key = SecureBytes::random(32);
    QString error;
    QVERIFY(!KeyFile::create(SecureBytes(), KdfParams::fast(), key, &error));
    QCOMPARE(error, QStringLiteral("The passphrase is empty."));
    QVERIFY(key.empty());

    KdfParams bad = KdfParams::fast();
    bad.n = 1000; // not a power of two
    QVERIFY(!KeyFile::create(pass("lamp river biscuit"), bad, key, &error));
    QVERIFY2(error.startsWith(QStringLiteral("The key-derivation settings are not acceptable")), qPrintable(error));
    QVERIFY(key.empty());
}

void TestKeyFile::loadThenSaveIsByteIdentical()
{
    QVERIFY(makeSaved());
    const std::optional<KeyFile> loaded = KeyFile::load(m_path);
    QVERIFY(loaded);
    const QString copy = m_dir->filePath(QStringLiteral("copy.key"));
    QVERIFY(loaded->save(copy));
    QCOMPARE(readAll(copy), readAll(m_path));
}

void TestKeyFile::wrongPassphraseChangesNothing()
{
    QVERIFY(makeSaved());
    const QByteArray before = readAll(m_path);
    std::optional<KeyFile> file = KeyFile::load(m_path);
    QVERIFY(file);

    SecureBytes out = SecureBytes::random(32);
    QString error;
    QCOMPARE(file->unwrap(pass("lamp river biscuits"), out, &error), KeyFile::UnwrapResult::WrongPassphrase);
    QCOMPARE(error, kWrongPassphrase);
    QVERIFY(out.empty());
    QCOMPARE(file->unwrap(SecureBytes(), out, &error), KeyFile::UnwrapResult::WrongPassphrase);
    QVERIFY(out.empty());

    QCOMPARE(readAll(m_path), before);
    QCOMPARE(file->unwrap(pass("lamp river biscuit"), out, &error), KeyFile::UnwrapResult::Ok);
    QVERIFY(out.equals(m_dataKey));
}

void TestKeyFile::rewrapChangesPassphraseNotKey()
{
    QVERIFY(makeSaved());
    const QJsonObject before = readJson(m_path);
    std::optional<KeyFile> file = KeyFile::load(m_path);
    QVERIFY(file);
    const QUuid id = file->cacheId();
    const QDateTime created = file->created();

    KdfParams newParams = KdfParams::fast();
    newParams.n = 2048;
    QString error;
    QVERIFY2(
        file->rewrap(pass("lamp river biscuit"), pass("violet kettle harbour"), newParams, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(file->cacheId(), id);
    QCOMPARE(file->created(), created);
    QCOMPARE(file->kdf().n, quint64(2048));
    QVERIFY(file->save(m_path, &error));

    const std::optional<KeyFile> reloaded = KeyFile::load(m_path, &error);
    QVERIFY2(reloaded, qPrintable(error));
    SecureBytes out;
    QCOMPARE(reloaded->unwrap(pass("lamp river biscuit"), out, &error), KeyFile::UnwrapResult::WrongPassphrase);
    QVERIFY(out.empty());
    QCOMPARE(reloaded->unwrap(pass("violet kettle harbour"), out, &error), KeyFile::UnwrapResult::Ok);
    QVERIFY(out.equals(m_dataKey)); // same data key: the database needs no re-encryption

    const QJsonObject after = readJson(m_path);
    QCOMPARE(after.value(QStringLiteral("cache_id")), before.value(QStringLiteral("cache_id")));
    QVERIFY(fieldOf(after, QStringLiteral("kdf.salt")) != fieldOf(before, QStringLiteral("kdf.salt")));
    QVERIFY(after.value(QStringLiteral("nonce")) != before.value(QStringLiteral("nonce")));
    QVERIFY(after.value(QStringLiteral("wrapped_key")) != before.value(QStringLiteral("wrapped_key")));
    QCOMPARE(fieldOf(after, QStringLiteral("kdf.n")).toInteger(), qint64(2048));
}

void TestKeyFile::rewrapWithWrongOldPassphraseChangesNothing()
{
    QVERIFY(makeSaved());
    std::optional<KeyFile> file = KeyFile::load(m_path);
    QVERIFY(file);
    QString error;
    QVERIFY(!file->rewrap(pass("lamp river biscuits"), pass("violet kettle harbour"), KdfParams::fast(), &error));
    QCOMPARE(error, kWrongPassphrase);

    const QString copy = m_dir->filePath(QStringLiteral("copy.key"));
    QVERIFY(file->save(copy));
    QCOMPARE(readAll(copy), readAll(m_path)); // the object is exactly as loaded
    SecureBytes out;
    QCOMPARE(file->unwrap(pass("lamp river biscuit"), out), KeyFile::UnwrapResult::Ok);
    QVERIFY(out.equals(m_dataKey));
}

void TestKeyFile::rewrapRejectsBadNewValues()
{
    QVERIFY(makeSaved());
    std::optional<KeyFile> file = KeyFile::load(m_path);
    QVERIFY(file);
    const QByteArray before = readAll(m_path);
    const QString copy = m_dir->filePath(QStringLiteral("copy.key"));
    QString error;

    QVERIFY(!file->rewrap(pass("lamp river biscuit"), SecureBytes(), KdfParams::fast(), &error));
    QCOMPARE(error, QStringLiteral("The new passphrase is empty."));

    KdfParams bad = KdfParams::fast();
    bad.p = 0;
    QVERIFY(!file->rewrap(pass("lamp river biscuit"), pass("violet kettle harbour"), bad, &error));
    QVERIFY2(error.contains(QStringLiteral("parallelism")), qPrintable(error));

    QVERIFY(file->save(copy));
    QCOMPARE(readAll(copy), before);
}

void TestKeyFile::tamperingIsDetected_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("cache_id") << QStringLiteral("cache_id");
    QTest::newRow("kdf.n") << QStringLiteral("kdf.n");
    QTest::newRow("kdf.r") << QStringLiteral("kdf.r");
    QTest::newRow("kdf.p") << QStringLiteral("kdf.p");
    QTest::newRow("kdf.salt") << QStringLiteral("kdf.salt");
    QTest::newRow("nonce") << QStringLiteral("nonce");
    QTest::newRow("wrapped_key") << QStringLiteral("wrapped_key");
    QTest::newRow("tag") << QStringLiteral("tag");
}

void TestKeyFile::tamperingIsDetected()
{
    QFETCH(QString, field);
    QVERIFY(makeSaved());
    QJsonObject json = readJson(m_path);
    QJsonValue altered;
    if (field == QLatin1String("cache_id"))
        altered = QUuid::createUuid().toString(QUuid::WithoutBraces);
    else if (field == QLatin1String("kdf.n"))
        altered = 2048; // still acceptable, so the file loads
    else if (field == QLatin1String("kdf.r"))
        altered = 4;
    else if (field == QLatin1String("kdf.p"))
        altered = 2;
    else
        altered = flipped(json, field);
    QVERIFY(altered != fieldOf(json, field));
    setField(json, field, altered);
    QVERIFY(writeAll(m_path, QJsonDocument(json).toJson()));

    QString error;
    const std::optional<KeyFile> file = KeyFile::load(m_path, &error);
    QVERIFY2(file, qPrintable(error)); // well-formed: only the authentication can notice
    SecureBytes out;
    QCOMPARE(file->unwrap(pass("lamp river biscuit"), out, &error), KeyFile::UnwrapResult::WrongPassphrase);
    QCOMPARE(error, kWrongPassphrase);
    QVERIFY(out.empty());
}

void TestKeyFile::loadRejectsBadFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // undefined: the field is removed
    QTest::addColumn<KeyFile::LoadError>("reason");
    QTest::addColumn<QString>("messageMentions");

    using E = KeyFile::LoadError;
    const QJsonValue removed(QJsonValue::Undefined);
    const QString damaged = QStringLiteral("is damaged: the field \u201c%1\u201d is missing or invalid");
    const auto row = [&](const char* name, const QString& field, const QJsonValue& value, E reason,
                         const QString& mentions) { QTest::newRow(name) << field << value << reason << mentions; };
    const auto damagedRow = [&](const char* name, const QString& field, const QJsonValue& value) {
        row(name, field, value, E::Damaged, damaged.arg(field));
    };

    row("format missing", QStringLiteral("format"), removed, E::NotAKeyFile, QStringLiteral("is not a Vigil key file"));
    row("format other", QStringLiteral("format"), QStringLiteral("vigil-settings"), E::NotAKeyFile,
        QStringLiteral("is not a Vigil key file"));
    row("version 99", QStringLiteral("version"), 99, E::NewerVersion,
        QStringLiteral("This key file was written by a newer version of Vigil"));
    row("version 2", QStringLiteral("version"), 2, E::NewerVersion, QStringLiteral("newer version of Vigil"));
    damagedRow("version missing", QStringLiteral("version"), removed);
    damagedRow("version 0", QStringLiteral("version"), 0);
    damagedRow("version -1", QStringLiteral("version"), -1);
    damagedRow("version 1.5", QStringLiteral("version"), 1.5);
    damagedRow("version as text", QStringLiteral("version"), QStringLiteral("1"));
    damagedRow("cache_id missing", QStringLiteral("cache_id"), removed);
    damagedRow("cache_id not a uuid", QStringLiteral("cache_id"), QStringLiteral("cache-1"));
    damagedRow("cache_id a number", QStringLiteral("cache_id"), 12);
    damagedRow("created missing", QStringLiteral("created"), removed);
    damagedRow("created not a date", QStringLiteral("created"), QStringLiteral("yesterday"));
    damagedRow("kdf missing", QStringLiteral("kdf"), removed);
    damagedRow("kdf not an object", QStringLiteral("kdf"), QStringLiteral("scrypt"));
    damagedRow("kdf.name missing", QStringLiteral("kdf.name"), removed);
    damagedRow("kdf.name pbkdf2", QStringLiteral("kdf.name"), QStringLiteral("pbkdf2"));
    damagedRow("kdf.n missing", QStringLiteral("kdf.n"), removed);
    damagedRow("kdf.n fractional", QStringLiteral("kdf.n"), 1024.5);
    damagedRow("kdf.n as text", QStringLiteral("kdf.n"), QStringLiteral("1024"));
    damagedRow("kdf.n negative", QStringLiteral("kdf.n"), -1024);
    damagedRow("kdf.n 1e300", QStringLiteral("kdf.n"), 1e300);
    damagedRow("kdf.r missing", QStringLiteral("kdf.r"), removed);
    damagedRow("kdf.r above 32 bits", QStringLiteral("kdf.r"), qint64(1) << 33);
    damagedRow("kdf.p missing", QStringLiteral("kdf.p"), removed);
    damagedRow("kdf.salt missing", QStringLiteral("kdf.salt"), removed);
    damagedRow("kdf.salt not base64", QStringLiteral("kdf.salt"), QStringLiteral("not base64!"));
    damagedRow("cipher missing", QStringLiteral("cipher"), removed);
    damagedRow("cipher aes-128-gcm", QStringLiteral("cipher"), QStringLiteral("aes-128-gcm"));
    damagedRow("nonce missing", QStringLiteral("nonce"), removed);
    damagedRow("nonce 11 bytes", QStringLiteral("nonce"), b64(QByteArray(11, 'n')));
    damagedRow("nonce 16 bytes", QStringLiteral("nonce"), b64(QByteArray(16, 'n')));
    damagedRow("nonce not base64", QStringLiteral("nonce"), QStringLiteral("***"));
    damagedRow("wrapped_key missing", QStringLiteral("wrapped_key"), removed);
    damagedRow("wrapped_key 31 bytes", QStringLiteral("wrapped_key"), b64(QByteArray(31, 'k')));
    damagedRow("wrapped_key 48 bytes", QStringLiteral("wrapped_key"), b64(QByteArray(48, 'k')));
    damagedRow("tag missing", QStringLiteral("tag"), removed);
    damagedRow("tag 15 bytes", QStringLiteral("tag"), b64(QByteArray(15, 't')));
    damagedRow("tag empty", QStringLiteral("tag"), QString());

    const QString refused = QStringLiteral("asks for key-derivation settings that Vigil does not accept");
    row("kdf.n 2^30 (8 TiB of memory)", QStringLiteral("kdf.n"), qint64(1) << 30, E::UnacceptableKdf, refused);
    row("kdf.n 2^21 with r 8 (2 GiB)", QStringLiteral("kdf.n"), qint64(1) << 21, E::UnacceptableKdf,
        QStringLiteral("memory"));
    row("kdf.n not a power of two", QStringLiteral("kdf.n"), 1000, E::UnacceptableKdf,
        QStringLiteral("not a power of two"));
    row("kdf.n 2^9", QStringLiteral("kdf.n"), 512, E::UnacceptableKdf, refused);
    row("kdf.n 0", QStringLiteral("kdf.n"), 0, E::UnacceptableKdf, refused);
    row("kdf.r 0", QStringLiteral("kdf.r"), 0, E::UnacceptableKdf, refused);
    row("kdf.p 1000", QStringLiteral("kdf.p"), 1000, E::UnacceptableKdf, QStringLiteral("parallelism"));
    row("kdf.salt 8 bytes", QStringLiteral("kdf.salt"), b64(QByteArray(8, 's')), E::UnacceptableKdf,
        QStringLiteral("salt"));
}

void TestKeyFile::loadRejectsBadFields()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(KeyFile::LoadError, reason);
    QFETCH(QString, messageMentions);

    QVERIFY(makeSaved());
    QJsonObject json = readJson(m_path);
    setField(json, field, value);
    QVERIFY(writeAll(m_path, QJsonDocument(json).toJson()));

    QString error;
    KeyFile::LoadError actual = KeyFile::LoadError::None;
    QVERIFY(!KeyFile::load(m_path, &error, &actual));
    QCOMPARE(actual, reason);
    QVERIFY2(error.contains(messageMentions), qPrintable(error));
    if (reason != KeyFile::LoadError::NewerVersion) // that message is about the version, not the file
        QVERIFY2(error.contains(m_path), qPrintable(error));
}

void TestKeyFile::loadRejectsNonKeyFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("correct horse battery staple\n");
    QTest::newRow("binary") << QByteArray::fromHex("53514c69746520666f726d6174203300");
    QTest::newRow("JSON array") << QByteArray("[1, 2, 3]");
    QTest::newRow("JSON string") << QByteArray(R"("vigil-cache-key")");
    QTest::newRow("JSON null") << QByteArray("null");
    QTest::newRow("truncated") << QByteArray(R"({"format":"vigil-cache-key","version":1,"cache_id":")");
    QTest::newRow("another JSON object") << QByteArray(R"({"theme":"dark"})");
    QByteArray huge = R"({"format":"vigil-cache-key","padding":")" + QByteArray(70000, 'x') + R"("})";
    QTest::newRow("larger than a key file can be") << huge;
}

void TestKeyFile::loadRejectsNonKeyFiles()
{
    QFETCH(QByteArray, content);
    QVERIFY(writeAll(m_path, content));
    QString error;
    KeyFile::LoadError reason = KeyFile::LoadError::None;
    QVERIFY(!KeyFile::load(m_path, &error, &reason));
    QCOMPARE(reason, KeyFile::LoadError::NotAKeyFile);
    QVERIFY2(error.contains(QStringLiteral("is not a Vigil key file")), qPrintable(error));
}

void TestKeyFile::loadMissingFile()
{
    QString error;
    KeyFile::LoadError reason = KeyFile::LoadError::None;
    QVERIFY(!KeyFile::load(m_path, &error, &reason));
    QCOMPARE(reason, KeyFile::LoadError::Missing);
    QCOMPARE(error, QStringLiteral("The key file \u201c%1\u201d does not exist.").arg(m_path));
    QVERIFY(!KeyFile::load(m_path)); // error and reason are optional
}

void TestKeyFile::newerVersionMessage()
{
    QVERIFY(makeSaved());
    QJsonObject json = readJson(m_path);
    json.insert(QStringLiteral("version"), 99);
    // A newer format may change anything else: the version alone must decide.
    json.remove(QStringLiteral("nonce"));
    json.insert(QStringLiteral("cipher"), QStringLiteral("xchacha20-poly1305"));
    QVERIFY(writeAll(m_path, QJsonDocument(json).toJson()));
    QString error;
    KeyFile::LoadError reason = KeyFile::LoadError::None;
    QVERIFY(!KeyFile::load(m_path, &error, &reason));
    QCOMPARE(reason, KeyFile::LoadError::NewerVersion);
    QCOMPARE(error,
        QStringLiteral("This key file was written by a newer version of Vigil (key file version 99; this "
                       "version reads version 1 and older). Update Vigil to open this cache."));
}

void TestKeyFile::permissionsAreOwnerOnly()
{
#if defined(Q_OS_UNIX)
    QVERIFY(makeSaved());
    QCOMPARE(modeOf(m_path), mode_t(0600));

    // Replacing a file that someone made world-readable also ends at 0600.
    const QString other = m_dir->filePath(QStringLiteral("other.key"));
    QVERIFY(writeAll(other, "old"));
    QVERIFY(::chmod(QFile::encodeName(other).constData(), 0644) == 0);
    QCOMPARE(modeOf(other), mode_t(0644));
    const std::optional<KeyFile> file = KeyFile::load(m_path);
    QVERIFY(file);
    QVERIFY(file->save(other));
    QCOMPARE(modeOf(other), mode_t(0600));
#else
    QSKIP("POSIX permissions only");
#endif
}

void TestKeyFile::saveFailsCleanly()
{
    QVERIFY(makeSaved());
    const std::optional<KeyFile> file = KeyFile::load(m_path);
    QVERIFY(file);
    const QString nowhere = m_dir->filePath(QStringLiteral("no/such/folder/cache.db.key"));
    QString error;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("saving a key file failed")));
    QVERIFY(!file->save(nowhere, &error));
    QVERIFY2(error.startsWith(QStringLiteral("The key file \u201c%1\u201d could not be written: ").arg(nowhere)),
        qPrintable(error));
    QVERIFY(!QFile::exists(nowhere));
}

void TestKeyFile::fileDoesNotContainTheDataKey()
{
    QVERIFY(makeSaved());
    const QByteArray text = readAll(m_path);
    QVERIFY(!text.isEmpty());
    const QByteArray key = toByteArray(m_dataKey);
    QCOMPARE(key.size(), 32);
    const QByteArray forms[] = {
        key,
        key.toHex(),
        key.toHex().toUpper(),
        key.toBase64(),
        key.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
        // any 12-byte window of the base64 (3-byte alignment differs once embedded in other data)
        key.toBase64().mid(8, 12),
    };
    for (const QByteArray& form : forms)
        QVERIFY2(!text.contains(form), form.toHex().constData());
    QVERIFY(!text.toLower().contains(key.toHex().mid(0, 16)));
}

void TestKeyFile::pathFor()
{
    QCOMPARE(
        KeyFile::pathFor(QStringLiteral("/var/lib/vigil/cache.db")), QStringLiteral("/var/lib/vigil/cache.db.key"));
    QCOMPARE(KeyFile::pathFor(QStringLiteral("cache")), QStringLiteral("cache.key"));
}

QTEST_GUILESS_MAIN(TestKeyFile)
#include "tst_keyfile.moc"
