// KeychainStore and KeyFile's OS keychain storage against a real Secret Service. CTest runs this test
// through with-private-keyring.sh (tests/models/crypto/CMakeLists.txt): a private D-Bus session bus with
// its own unlocked gnome-keyring in a throwaway HOME, which sets VIGIL_TEST_PRIVATE_KEYRING=1. Without
// that variable the test skips instead of touching the keychain of whoever runs it.

#include "crypto/kdfparams.h"
#include "crypto/keychainstore.h"
#include "crypto/keyfile.h"
#include "crypto/securebytes.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <optional>

#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#endif

using vigil::crypto::KdfParams;
using vigil::crypto::KeychainStore;
using vigil::crypto::KeyFile;
using vigil::crypto::SecureBytes;

Q_DECLARE_METATYPE(KeyFile::LoadError)

namespace {

SecureBytes pass(const char* text)
{
    return SecureBytes::fromUtf8(QString::fromUtf8(text));
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

// A reference file as moveToKeychain() writes it, for a cache id of our choosing.
QByteArray referenceFor(const QUuid& id)
{
    const QJsonObject reference{{QStringLiteral("format"), QStringLiteral("vigil-cache-key-ref")},
        {QStringLiteral("version"), 1}, {QStringLiteral("cache_id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("store"), QStringLiteral("os-keychain")},
        {QStringLiteral("service"), KeychainStore::serviceName()},
        {QStringLiteral("account"), KeyFile::keychainAccountFor(id)}};
    return QJsonDocument(reference).toJson();
}

// An account no other test uses.
QString freshAccount()
{
    return QStringLiteral("test/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
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

class TestKeychainStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void notBuiltInFailsClearly();
    void writeReadRemoveRoundTrip();
    void readMissingEntry();
    void worksFromAWorkerThreadWithoutAnEventLoop();
    void keyFileMovesToTheKeychainAndBack();
    void moveIsIdempotent();
    void missingEntryIsReportedClearly();
    void cacheIdMismatchIsDetected();
    void saveRefusesAnotherCachesReference();
    void damagedReferenceIsRefused_data();
    void damagedReferenceIsRefused();
    void moveOfAMissingOrBadFileChangesNothing();
    void unreachableKeychainIsReportedClearly();
    void lockedKeychainIsReportedClearly(); // last: it leaves the private keyring locked

private:
    // A saved key file (fast() parameters) at path with passphrase "lamp river biscuit".
    [[nodiscard]] static bool makeSaved(const QString& path, SecureBytes* dataKey = nullptr);

    bool m_keychain = false; // built in, and running under the private keyring
    std::optional<QTemporaryDir> m_dir;
    QString m_path;
};

void TestKeychainStore::initTestCase()
{
    if (!KeychainStore::isBuiltIn())
        return; // only notBuiltInFailsClearly() has something to check
    if (qEnvironmentVariable("VIGIL_TEST_PRIVATE_KEYRING") != QStringLiteral("1"))
        return; // every keychain test skips: never the keychain of whoever runs this by hand
    m_keychain = true;
    // The private keyring must work; a failure here is a failure, not a skip.
    QString error;
    const QString account = freshAccount();
    QCOMPARE(KeychainStore::write(account, "probe", &error), KeychainStore::Status::Ok);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(KeychainStore::remove(account, &error), KeychainStore::Status::Ok);
}

void TestKeychainStore::init()
{
    m_dir.emplace();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cache.vigil.key"));
}

#define REQUIRE_KEYCHAIN()                                                                                             \
    do {                                                                                                               \
        if (!KeychainStore::isBuiltIn())                                                                               \
            QSKIP("This build has no OS keychain support (VIGIL_KEYCHAIN=OFF).");                                      \
        if (!m_keychain)                                                                                               \
            QSKIP("Not run under with-private-keyring.sh (run it with ctest); the user's own keychain is never "       \
                  "used.");                                                                                            \
    } while (false)

bool TestKeychainStore::makeSaved(const QString& path, SecureBytes* dataKey)
{
    SecureBytes key;
    QString error;
    const std::optional<KeyFile> file = KeyFile::create(pass("lamp river biscuit"), KdfParams::fast(), key, &error);
    if (!file || !file->save(path, &error)) {
        qWarning("could not make the key file: %s", qPrintable(error));
        return false;
    }
    if (dataKey)
        *dataKey = std::move(key);
    return true;
}

void TestKeychainStore::notBuiltInFailsClearly()
{
    if (KeychainStore::isBuiltIn())
        QSKIP("This build has OS keychain support; the other tests cover it.");
    const QString expected = QStringLiteral("This build of Vigil has no OS keychain support.");
    QCOMPARE(KeychainStore::notBuiltInMessage(), expected);
    QString error;
    QByteArray out = "stale";
    QCOMPARE(KeychainStore::read(QStringLiteral("a"), out, &error), KeychainStore::Status::Unavailable);
    QCOMPARE(error, expected);
    QVERIFY(out.isEmpty());
    error.clear();
    QCOMPARE(KeychainStore::write(QStringLiteral("a"), "x", &error), KeychainStore::Status::Unavailable);
    QCOMPARE(error, expected);
    error.clear();
    QCOMPARE(KeychainStore::remove(QStringLiteral("a"), &error), KeychainStore::Status::Unavailable);
    QCOMPARE(error, expected);

    // The key file stays where it is, and says why.
    QVERIFY(makeSaved(m_path));
    const QByteArray before = readAll(m_path);
    QVERIFY(!KeyFile::moveToKeychain(m_path, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QCOMPARE(readAll(m_path), before);
}

void TestKeychainStore::writeReadRemoveRoundTrip()
{
    REQUIRE_KEYCHAIN();
    const QString account = freshAccount();
    // Binary-safe: NUL, bytes that are not UTF-8, newlines.
    const QByteArray data = QByteArray("{\"a\":1}\n", 8) + QByteArray::fromHex("00ff80fe0a0d7f");
    QString error = QStringLiteral("stale");
    QCOMPARE(KeychainStore::write(account, data, &error), KeychainStore::Status::Ok);
    QVERIFY(error.isEmpty());
    QByteArray out;
    QCOMPARE(KeychainStore::read(account, out, &error), KeychainStore::Status::Ok);
    QCOMPARE(out, data);

    const QByteArray replacement = "second value";
    QCOMPARE(KeychainStore::write(account, replacement, &error), KeychainStore::Status::Ok);
    QCOMPARE(KeychainStore::read(account, out, &error), KeychainStore::Status::Ok);
    QCOMPARE(out, replacement);

    QCOMPARE(KeychainStore::remove(account, &error), KeychainStore::Status::Ok);
    QCOMPARE(KeychainStore::read(account, out, &error), KeychainStore::Status::NotFound);
    QVERIFY(out.isEmpty());
    // Removing what is not there is not an error.
    QCOMPARE(KeychainStore::remove(account, &error), KeychainStore::Status::Ok);
}

void TestKeychainStore::readMissingEntry()
{
    REQUIRE_KEYCHAIN();
    const QString account = freshAccount();
    QByteArray out = "stale";
    QString error;
    QCOMPARE(KeychainStore::read(account, out, &error), KeychainStore::Status::NotFound);
    QVERIFY(out.isEmpty());
    QCOMPARE(error, QStringLiteral("The OS keychain has no entry \u201c%1\u201d.").arg(account));
}

void TestKeychainStore::worksFromAWorkerThreadWithoutAnEventLoop()
{
    REQUIRE_KEYCHAIN();
    // The main thread blocks in wait() and runs no events; the worker runs none either.
    const QString account = freshAccount();
    bool ok = false;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        QByteArray out;
        ok = KeychainStore::write(account, "from a worker", nullptr) == KeychainStore::Status::Ok
            && KeychainStore::read(account, out, nullptr) == KeychainStore::Status::Ok && out == "from a worker"
            && KeychainStore::remove(account, nullptr) == KeychainStore::Status::Ok;
    }));
    worker->start();
    QVERIFY(worker->wait(60000));
    QVERIFY(ok);
    // And the main thread right after, with the same keychain thread.
    QByteArray out;
    QCOMPARE(KeychainStore::read(account, out, nullptr), KeychainStore::Status::NotFound);
}

void TestKeychainStore::keyFileMovesToTheKeychainAndBack()
{
    REQUIRE_KEYCHAIN();
    SecureBytes dataKey;
    QVERIFY(makeSaved(m_path, &dataKey));
    const QJsonObject original = readJson(m_path);
    const QUuid id = QUuid::fromString(original.value(QStringLiteral("cache_id")).toString());
    const QString account = KeyFile::keychainAccountFor(id);
    QCOMPARE(account, QStringLiteral("cache/") + id.toString(QUuid::WithoutBraces));
    QCOMPARE(KeyFile::storageOf(m_path), KeyFile::StorageKind::File);

    // File -> keychain.
    QString error;
    QVERIFY2(KeyFile::moveToKeychain(m_path, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(KeyFile::storageOf(m_path), KeyFile::StorageKind::OsKeychain);
#if defined(Q_OS_UNIX)
    QCOMPARE(modeOf(m_path), mode_t(0600));
#endif
    const QByteArray referenceText = readAll(m_path);
    const QJsonObject reference = QJsonDocument::fromJson(referenceText).object();
    QCOMPARE(reference.value(QStringLiteral("format")).toString(), QStringLiteral("vigil-cache-key-ref"));
    QCOMPARE(reference.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(reference.value(QStringLiteral("cache_id")).toString(), id.toString(QUuid::WithoutBraces));
    QCOMPARE(reference.value(QStringLiteral("store")).toString(), QStringLiteral("os-keychain"));
    QCOMPARE(reference.value(QStringLiteral("service")).toString(), QStringLiteral("Vigil cache key"));
    QCOMPARE(reference.value(QStringLiteral("account")).toString(), account);
    for (const char* field : {"wrapped_key", "kdf", "nonce", "tag", "salt"})
        QVERIFY2(!referenceText.contains(field), field);
    for (const char* field : {"wrapped_key", "nonce", "tag"})
        QVERIFY(!referenceText.contains(original.value(QLatin1String(field)).toString().toLatin1()));

    // The keychain holds exactly the key file's JSON.
    QByteArray stored;
    QCOMPARE(KeychainStore::read(account, stored, &error), KeychainStore::Status::Ok);
    QCOMPARE(QJsonDocument::fromJson(stored).object(), original);

    // load() follows the reference; the passphrase unwraps the same data key.
    KeyFile::LoadError reason = KeyFile::LoadError::Damaged;
    std::optional<KeyFile> loaded = KeyFile::load(m_path, &error, &reason);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(reason, KeyFile::LoadError::None);
    QCOMPARE(loaded->storage(), KeyFile::StorageKind::OsKeychain);
    QCOMPARE(loaded->cacheId(), id);
    SecureBytes unwrapped;
    QCOMPARE(loaded->unwrap(pass("lamp river biscuit"), unwrapped, &error), KeyFile::UnwrapResult::Ok);
    QVERIFY(unwrapped.equals(dataKey));

    // Changing the passphrase (rewrap + save) updates the keychain entry and leaves the reference alone.
    QVERIFY2(loaded->rewrap(pass("lamp river biscuit"), pass("violet kettle harbour"), KdfParams::fast(), &error),
        qPrintable(error));
    QVERIFY2(loaded->save(m_path, &error), qPrintable(error));
    QCOMPARE(readAll(m_path), referenceText);
    QCOMPARE(KeychainStore::read(account, stored, &error), KeychainStore::Status::Ok);
    QVERIFY(QJsonDocument::fromJson(stored).object().value(QStringLiteral("wrapped_key"))
        != original.value(QStringLiteral("wrapped_key")));
    const std::optional<KeyFile> rekeyed = KeyFile::load(m_path, &error);
    QVERIFY2(rekeyed, qPrintable(error));
    QCOMPARE(rekeyed->unwrap(pass("lamp river biscuit"), unwrapped, &error), KeyFile::UnwrapResult::WrongPassphrase);
    QCOMPARE(rekeyed->unwrap(pass("violet kettle harbour"), unwrapped, &error), KeyFile::UnwrapResult::Ok);
    QVERIFY(unwrapped.equals(dataKey));

    // Keychain -> file: a normal key file again, and the entry is gone.
    QString warning = QStringLiteral("stale");
    QVERIFY2(KeyFile::moveToFile(m_path, &error, &warning), qPrintable(error));
    QVERIFY2(warning.isEmpty(), qPrintable(warning));
    QCOMPARE(KeyFile::storageOf(m_path), KeyFile::StorageKind::File);
#if defined(Q_OS_UNIX)
    QCOMPARE(modeOf(m_path), mode_t(0600));
#endif
    const QJsonObject restored = readJson(m_path);
    QCOMPARE(restored.value(QStringLiteral("format")).toString(), QStringLiteral("vigil-cache-key"));
    QCOMPARE(restored, QJsonDocument::fromJson(stored).object());
    QCOMPARE(KeychainStore::read(account, stored, &error), KeychainStore::Status::NotFound);
    const std::optional<KeyFile> back = KeyFile::load(m_path, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->storage(), KeyFile::StorageKind::File);
    QCOMPARE(back->unwrap(pass("violet kettle harbour"), unwrapped, &error), KeyFile::UnwrapResult::Ok);
    QVERIFY(unwrapped.equals(dataKey));
}

void TestKeychainStore::moveIsIdempotent()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(makeSaved(m_path));
    const QByteArray keyFile = readAll(m_path);
    QString error;
    QVERIFY2(KeyFile::moveToFile(m_path, &error), qPrintable(error)); // already a file: nothing changes
    QCOMPARE(readAll(m_path), keyFile);

    QVERIFY2(KeyFile::moveToKeychain(m_path, &error), qPrintable(error));
    const QByteArray reference = readAll(m_path);
    QVERIFY2(KeyFile::moveToKeychain(m_path, &error), qPrintable(error)); // already there
    QCOMPARE(readAll(m_path), reference);

    QVERIFY2(KeyFile::moveToFile(m_path, &error), qPrintable(error));
    QCOMPARE(readAll(m_path), keyFile); // byte for byte what create() + save() wrote
}

void TestKeychainStore::missingEntryIsReportedClearly()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(makeSaved(m_path));
    QString error;
    QVERIFY2(KeyFile::moveToKeychain(m_path, &error), qPrintable(error));
    const QByteArray reference = readAll(m_path);
    const QString account = readJson(m_path).value(QStringLiteral("account")).toString();
    QCOMPARE(KeychainStore::remove(account, &error), KeychainStore::Status::Ok);

    KeyFile::LoadError reason = KeyFile::LoadError::None;
    QVERIFY(!KeyFile::load(m_path, &error, &reason));
    QCOMPARE(reason, KeyFile::LoadError::KeychainEntryMissing);
    QVERIFY2(error.contains(QStringLiteral("the keychain has no such entry")), qPrintable(error));
    QVERIFY2(error.contains(account), qPrintable(error));
    QVERIFY2(error.contains(m_path), qPrintable(error));

    // Nothing to move back, and nothing is changed by trying.
    QVERIFY(!KeyFile::moveToFile(m_path, &error));
    QVERIFY2(error.contains(QStringLiteral("the keychain has no such entry")), qPrintable(error));
    QCOMPARE(readAll(m_path), reference);
}

void TestKeychainStore::cacheIdMismatchIsDetected()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(makeSaved(m_path));
    const QString other = m_dir->filePath(QStringLiteral("other.vigil.key"));
    QVERIFY(makeSaved(other));
    QString error;
    QVERIFY2(KeyFile::moveToKeychain(m_path, &error), qPrintable(error));
    const QString account = readJson(m_path).value(QStringLiteral("account")).toString();

    // The entry now holds another cache's key.
    QCOMPARE(KeychainStore::write(account, readAll(other), &error), KeychainStore::Status::Ok);
    KeyFile::LoadError reason = KeyFile::LoadError::None;
    QVERIFY(!KeyFile::load(m_path, &error, &reason));
    QCOMPARE(reason, KeyFile::LoadError::KeychainMismatch);
    QVERIFY2(error.contains(QStringLiteral("holds the key of another cache")), qPrintable(error));

    // Something that is not a key at all.
    QCOMPARE(KeychainStore::write(account, "not json", &error), KeychainStore::Status::Ok);
    QVERIFY(!KeyFile::load(m_path, &error, &reason));
    QCOMPARE(reason, KeyFile::LoadError::NotAKeyFile);
    QVERIFY2(error.contains(QStringLiteral("does not hold a Vigil key")), qPrintable(error));

    QCOMPARE(KeychainStore::remove(account, &error), KeychainStore::Status::Ok);
}

void TestKeychainStore::saveRefusesAnotherCachesReference()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(makeSaved(m_path));
    const QString other = m_dir->filePath(QStringLiteral("other.vigil.key"));
    QVERIFY(makeSaved(other));
    QString error;
    QVERIFY2(KeyFile::moveToKeychain(m_path, &error), qPrintable(error));
    const QByteArray reference = readAll(m_path);
    const QString account = readJson(m_path).value(QStringLiteral("account")).toString();
    QByteArray before;
    QCOMPARE(KeychainStore::read(account, before, &error), KeychainStore::Status::Ok);

    const std::optional<KeyFile> otherKey = KeyFile::load(other, &error);
    QVERIFY2(otherKey, qPrintable(error));
    QTest::ignoreMessage(QtWarningMsg, "saving a key to the OS keychain failed");
    QVERIFY(!otherKey->save(m_path, &error));
    QVERIFY2(error.contains(QStringLiteral("refers to the key of another cache")), qPrintable(error));
    QCOMPARE(readAll(m_path), reference);
    QByteArray after;
    QCOMPARE(KeychainStore::read(account, after, &error), KeychainStore::Status::Ok);
    QCOMPARE(after, before);

    QVERIFY2(KeyFile::moveToFile(m_path, &error), qPrintable(error));
}

void TestKeychainStore::damagedReferenceIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // undefined: the field is removed
    QTest::addColumn<KeyFile::LoadError>("reason");
    QTest::addColumn<QString>("mentions");
    using E = KeyFile::LoadError;
    const QJsonValue removed(QJsonValue::Undefined);
    const QString damaged = QStringLiteral("is damaged: the field \u201c%1\u201d is missing or invalid");
    for (const char* field : {"version", "cache_id", "store", "service", "account"})
        QTest::newRow(qPrintable(QStringLiteral("%1 missing").arg(QLatin1String(field))))
            << QString::fromLatin1(field) << removed << E::Damaged << damaged.arg(QLatin1String(field));
    QTest::newRow("store usb") << QStringLiteral("store") << QJsonValue(QStringLiteral("usb-stick")) << E::Damaged
                               << damaged.arg(QStringLiteral("store"));
    QTest::newRow("cache_id not a uuid") << QStringLiteral("cache_id") << QJsonValue(QStringLiteral("x")) << E::Damaged
                                         << damaged.arg(QStringLiteral("cache_id"));
    QTest::newRow("version 2") << QStringLiteral("version") << QJsonValue(2) << E::NewerVersion
                               << QStringLiteral("newer version of Vigil");
}

void TestKeychainStore::damagedReferenceIsRefused()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(KeyFile::LoadError, reason);
    QFETCH(QString, mentions);
    REQUIRE_KEYCHAIN();

    QVERIFY(makeSaved(m_path));
    QString error;
    QVERIFY2(KeyFile::moveToKeychain(m_path, &error), qPrintable(error));
    const std::optional<KeyFile> key = KeyFile::load(m_path, &error);
    QVERIFY2(key, qPrintable(error));
    QJsonObject reference = readJson(m_path);
    const QString account = reference.value(QStringLiteral("account")).toString();
    if (value.isUndefined())
        reference.remove(field);
    else
        reference.insert(field, value);
    const QByteArray damaged = QJsonDocument(reference).toJson();
    QVERIFY(writeAll(m_path, damaged));
    QCOMPARE(KeyFile::storageOf(m_path), KeyFile::StorageKind::OsKeychain);

    KeyFile::LoadError actual = KeyFile::LoadError::None;
    QVERIFY(!KeyFile::load(m_path, &error, &actual));
    QCOMPARE(actual, reason);
    QVERIFY2(error.contains(mentions), qPrintable(error));

    // save() does not overwrite a damaged reference with anything; neither do the moves.
    QTest::ignoreMessage(QtWarningMsg, "saving a key to the OS keychain failed");
    QVERIFY(!key->save(m_path, &error));
    QVERIFY(!KeyFile::moveToFile(m_path, &error));
    QVERIFY(!KeyFile::moveToKeychain(m_path, &error));
    QCOMPARE(readAll(m_path), damaged);
    QCOMPARE(KeychainStore::remove(account, &error), KeychainStore::Status::Ok);
}

void TestKeychainStore::moveOfAMissingOrBadFileChangesNothing()
{
    REQUIRE_KEYCHAIN();
    QString error;
    QVERIFY(!KeyFile::moveToKeychain(m_path, &error));
    QCOMPARE(error, QStringLiteral("The key file \u201c%1\u201d does not exist.").arg(m_path));
    QVERIFY(!QFile::exists(m_path));
    QVERIFY(!KeyFile::moveToFile(m_path, &error));
    QVERIFY(!QFile::exists(m_path));

    const QByteArray notAKey = "correct horse battery staple\n";
    QVERIFY(writeAll(m_path, notAKey));
    QVERIFY(!KeyFile::moveToKeychain(m_path, &error));
    QVERIFY2(error.contains(QStringLiteral("is not a Vigil key file")), qPrintable(error));
    QCOMPARE(readAll(m_path), notAKey);
}

void TestKeychainStore::unreachableKeychainIsReportedClearly()
{
    if (!KeychainStore::isBuiltIn())
        QSKIP("This build has no OS keychain support (VIGIL_KEYCHAIN=OFF).");
    if (qEnvironmentVariable("VIGIL_TEST_UNREACHABLE_KEYCHAIN") != QStringLiteral("1")) {
        // Run this function again in a child process whose D-Bus session bus does not exist. That child
        // cannot reach any keyring at all, so this part needs no private one.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("VIGIL_TEST_PRIVATE_KEYRING"));
        environment.remove(QStringLiteral("DISPLAY")); // no D-Bus autolaunch
        environment.insert(QStringLiteral("VIGIL_TEST_UNREACHABLE_KEYCHAIN"), QStringLiteral("1"));
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
            QStringLiteral("unix:path=") + m_dir->filePath(QStringLiteral("no-such-bus")));
        QProcess child;
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("unreachableKeychainIsReportedClearly")});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
        QVERIFY2(
            output.contains("PASS   : TestKeychainStore::unreachableKeychainIsReportedClearly()"), output.constData());
        return;
    }

    // In the child: every call fails quickly, with a sentence.
    QString error;
    QByteArray out = "stale";
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^keychain read for .* failed: ")));
    const KeychainStore::Status status = KeychainStore::read(QStringLiteral("cache/x"), out, &error);
    QVERIFY(status == KeychainStore::Status::Failed || status == KeychainStore::Status::Unavailable);
    QVERIFY(out.isEmpty());
    QVERIFY2(error.startsWith(QStringLiteral("The OS keychain could not be used"))
            || error.startsWith(QStringLiteral("No OS keychain is available")),
        qPrintable(error));

    // A key file that refers to the keychain cannot be loaded, and says why.
    const QUuid id = QUuid::createUuid();
    QVERIFY(writeAll(m_path, referenceFor(id)));
    KeyFile::LoadError reason = KeyFile::LoadError::None;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^keychain read for .* failed: ")));
    QVERIFY(!KeyFile::load(m_path, &error, &reason));
    QCOMPARE(reason, KeyFile::LoadError::KeychainUnavailable);
    QVERIFY2(error.contains(QStringLiteral("the keychain could not be used")), qPrintable(error));
    QVERIFY2(error.contains(KeyFile::keychainAccountFor(id)), qPrintable(error));

    // save() onto that reference cannot reach the keychain either, and leaves the reference alone.
    const QString keyPath = m_dir->filePath(QStringLiteral("other.vigil.key"));
    QVERIFY(makeSaved(keyPath));
    const QByteArray before = readAll(keyPath);
    const std::optional<KeyFile> key = KeyFile::load(keyPath, &error);
    QVERIFY2(key, qPrintable(error));
    QTest::ignoreMessage(QtWarningMsg, "saving a key to the OS keychain failed");
    QVERIFY(!key->save(m_path, &error));
    QCOMPARE(readAll(m_path), referenceFor(id));

    // Moving a key file there fails and leaves the file as it was.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^keychain read for .* failed: ")));
    QVERIFY(!KeyFile::moveToKeychain(keyPath, &error));
    QVERIFY2(error.contains(QStringLiteral("was left as it is")), qPrintable(error));
    QCOMPARE(readAll(keyPath), before);
}

void TestKeychainStore::lockedKeychainIsReportedClearly()
{
    REQUIRE_KEYCHAIN();
    const QString dbusSend = QStandardPaths::findExecutable(QStringLiteral("dbus-send"));
    if (dbusSend.isEmpty())
        QSKIP("dbus-send is not installed (package dbus-bin), so the private keyring cannot be locked.");
    SecureBytes dataKey;
    QVERIFY(makeSaved(m_path, &dataKey));
    QString error;
    QVERIFY2(KeyFile::moveToKeychain(m_path, &error), qPrintable(error));
    const QByteArray reference = readAll(m_path);

    // Lock the default collection. Unlocking needs a prompt, which cannot be shown here.
    QProcess lock;
    lock.start(dbusSend,
        {QStringLiteral("--session"), QStringLiteral("--print-reply"), QStringLiteral("--dest=org.freedesktop.secrets"),
            QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.Secret.Service.Lock"),
            QStringLiteral("array:objpath:/org/freedesktop/secrets/aliases/default")});
    QVERIFY(lock.waitForFinished(30000));
    QVERIFY2(lock.exitCode() == 0, lock.readAllStandardError().constData());

    KeyFile::LoadError reason = KeyFile::LoadError::None;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^keychain read for .* failed: ")));
    QVERIFY(!KeyFile::load(m_path, &error, &reason));
    QCOMPARE(reason, KeyFile::LoadError::KeychainUnavailable); // not KeychainEntryMissing: nothing is lost
    QVERIFY2(error.contains(QStringLiteral("The OS keychain is locked")), qPrintable(error));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^keychain read for .* failed: ")));
    QVERIFY(!KeyFile::moveToFile(m_path, &error));
    QCOMPARE(readAll(m_path), reference);
}

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_keychainstore.moc"
