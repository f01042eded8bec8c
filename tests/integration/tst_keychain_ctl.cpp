// `vigilctl cache key-store keychain|file` end to end: the real vigilctl moves the wrapped key of a real
// cache into a real Secret Service and back, and info/verify/rekey keep working in between. CTest runs
// it through with-private-keyring.sh (see tests/models/crypto/CMakeLists.txt): a private D-Bus session
// bus and gnome-keyring in a throwaway HOME. Without it (VIGIL_TEST_PRIVATE_KEYRING unset) it skips.

#include "crypto/keychainstore.h"
#include "crypto/keyfile.h"
#include "ctlrunner.h"
#include "store/cache.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace vigil;
using integration::CtlResult;
using integration::CtlRunner;

namespace {

const QByteArray kGood = QByteArrayLiteral("amber meadow violin 58");
const QByteArray kNew = QByteArrayLiteral("copper river signal 31");

int permissionBits(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

QJsonObject jsonOf(const QByteArray& bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

class TestKeychainCtl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_good;
    QString m_new;

    [[nodiscard]] QString path(const QString& name) const { return m_dir.filePath(name); }

    static QStringList with(QStringList arguments, const QString& cache, const QString& passFile = {})
    {
        arguments << QStringLiteral("--cache") << cache;
        if (!passFile.isEmpty())
            arguments << QStringLiteral("--passphrase-file") << passFile;
        return arguments;
    }

    static CtlResult keyStore(const QString& where, const QString& cache)
    {
        return CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("key-store"), where, QStringLiteral("--json")}, cache));
    }

    static CtlResult verify(const QString& cache, const QString& passFile)
    {
        return CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("verify"), QStringLiteral("--json")}, cache, passFile));
    }

    // A new cache (fast key derivation) with a minute of demo data.
    [[nodiscard]] bool makeCache(const QString& cache)
    {
        const CtlResult init = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("fast")},
                cache, m_good));
        if (!init.exitedWith(0)) {
            qWarning("cache init failed: %s", init.describe().constData());
            return false;
        }
        const CtlResult record =
            CtlRunner::run(with({QStringLiteral("record"), QStringLiteral("--demo"), QStringLiteral("--patients"),
                                    QStringLiteral("1"), QStringLiteral("--minutes"), QStringLiteral("1")},
                cache, m_good));
        if (!record.exitedWith(0)) {
            qWarning("record failed: %s", record.describe().constData());
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!crypto::KeychainStore::isBuiltIn())
            QSKIP("This build has no OS keychain support (VIGIL_KEYCHAIN=OFF).");
        if (qEnvironmentVariable("VIGIL_TEST_PRIVATE_KEYRING") != QStringLiteral("1"))
            QSKIP("Not run under with-private-keyring.sh (run it with ctest); the user's own keychain is never "
                  "used.");
        QVERIFY(m_dir.isValid());
        m_good = path(QStringLiteral("good.txt"));
        m_new = path(QStringLiteral("new.txt"));
        QVERIFY(CtlRunner::writePassphraseFile(m_good, kGood));
        QVERIFY(CtlRunner::writePassphraseFile(m_new, kNew));
    }

    void keyMovesToTheKeychainAndBack()
    {
        const QString cache = path(QStringLiteral("moved.vigil"));
        QVERIFY(makeCache(cache));
        const QString keyPath = store::Cache::keyFilePath(cache);
        const QJsonObject keyFile = jsonOf(CtlRunner::readAll(keyPath));
        const QString cacheId = keyFile.value(QStringLiteral("cache_id")).toString();

        CtlResult info = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("info"), QStringLiteral("--json")}, cache, m_good));
        QVERIFY2(info.exitedWith(0), info.describe().constData());
        QCOMPARE(info.json().value(QStringLiteral("key_store")).toString(), QStringLiteral("file"));

        // To the keychain: no passphrase needed; the key file becomes a reference.
        CtlResult moved = keyStore(QStringLiteral("keychain"), cache);
        QVERIFY2(moved.exitedWith(0), moved.describe().constData());
        QCOMPARE(moved.json().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(moved.json().value(QStringLiteral("key_store")).toString(), QStringLiteral("os-keychain"));
        QCOMPARE(moved.json().value(QStringLiteral("changed")).toBool(), true);
        const QByteArray reference = CtlRunner::readAll(keyPath);
        QCOMPARE(jsonOf(reference).value(QStringLiteral("format")).toString(), QStringLiteral("vigil-cache-key-ref"));
        QCOMPARE(jsonOf(reference).value(QStringLiteral("cache_id")).toString(), cacheId);
        QVERIFY(!reference.contains("wrapped_key"));
        QVERIFY(!reference.contains(keyFile.value(QStringLiteral("wrapped_key")).toString().toLatin1()));
        QCOMPARE(permissionBits(keyPath), 0600);

        info = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("info"), QStringLiteral("--json")}, cache, m_good));
        QVERIFY2(info.exitedWith(0), info.describe().constData());
        QCOMPARE(info.json().value(QStringLiteral("key_store")).toString(), QStringLiteral("os-keychain"));
        QCOMPARE(info.json().value(QStringLiteral("key_file")).toObject().value(QStringLiteral("cache_id")).toString(),
            cacheId);
        const CtlResult infoText =
            CtlRunner::run(with({QStringLiteral("cache"), QStringLiteral("info")}, cache, m_good));
        QVERIFY2(infoText.exitedWith(0), infoText.describe().constData());
        QVERIFY2(infoText.out.contains("Key store:      OS keychain"), infoText.out.constData());

        CtlResult verified = verify(cache, m_good);
        QVERIFY2(verified.exitedWith(0), verified.describe().constData());
        QCOMPARE(verified.json().value(QStringLiteral("ok")).toBool(), true);

        // Again: nothing to do.
        moved = keyStore(QStringLiteral("keychain"), cache);
        QVERIFY2(moved.exitedWith(0), moved.describe().constData());
        QCOMPARE(moved.json().value(QStringLiteral("changed")).toBool(), false);
        QCOMPARE(CtlRunner::readAll(keyPath), reference);

        // Changing the passphrase works on the keychain's copy and leaves the reference as it is.
        const CtlResult rekey = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("rekey"), QStringLiteral("--new-passphrase-file"), m_new,
                     QStringLiteral("--kdf"), QStringLiteral("fast")},
                cache, m_good));
        QVERIFY2(rekey.exitedWith(0), rekey.describe().constData());
        QCOMPARE(CtlRunner::readAll(keyPath), reference);
        verified = verify(cache, m_good);
        QVERIFY2(verified.exitedWith(1), verified.describe().constData());
        verified = verify(cache, m_new);
        QVERIFY2(verified.exitedWith(0), verified.describe().constData());

        // Back to the file.
        moved = keyStore(QStringLiteral("file"), cache);
        QVERIFY2(moved.exitedWith(0), moved.describe().constData());
        QCOMPARE(moved.json().value(QStringLiteral("key_store")).toString(), QStringLiteral("file"));
        QCOMPARE(moved.json().value(QStringLiteral("changed")).toBool(), true);
        QVERIFY(!moved.json().contains(QStringLiteral("warning")));
        const QJsonObject restored = jsonOf(CtlRunner::readAll(keyPath));
        QCOMPARE(restored.value(QStringLiteral("format")).toString(), QStringLiteral("vigil-cache-key"));
        QCOMPARE(restored.value(QStringLiteral("cache_id")).toString(), cacheId);
        QCOMPARE(permissionBits(keyPath), 0600);
        QByteArray entry;
        QCOMPARE(crypto::KeychainStore::read(crypto::KeyFile::keychainAccountFor(QUuid::fromString(cacheId)), entry),
            crypto::KeychainStore::Status::NotFound);
        info = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("info"), QStringLiteral("--json")}, cache, m_new));
        QVERIFY2(info.exitedWith(0), info.describe().constData());
        QCOMPARE(info.json().value(QStringLiteral("key_store")).toString(), QStringLiteral("file"));
        verified = verify(cache, m_new);
        QVERIFY2(verified.exitedWith(0), verified.describe().constData());
    }

    void missingEntryIsReportedClearly()
    {
        const QString cache = path(QStringLiteral("lost.vigil"));
        QVERIFY(makeCache(cache));
        const QString keyPath = store::Cache::keyFilePath(cache);
        const CtlResult moved = keyStore(QStringLiteral("keychain"), cache);
        QVERIFY2(moved.exitedWith(0), moved.describe().constData());
        const QByteArray reference = CtlRunner::readAll(keyPath);
        const QString account = jsonOf(reference).value(QStringLiteral("account")).toString();
        QCOMPARE(crypto::KeychainStore::remove(account), crypto::KeychainStore::Status::Ok);

        const CtlResult verified = verify(cache, m_good);
        QVERIFY2(verified.exitedWith(1), verified.describe().constData());
        QVERIFY2(verified.err.contains("the keychain has no such entry"), verified.describe().constData());
        const CtlResult back = keyStore(QStringLiteral("file"), cache);
        QVERIFY2(back.exitedWith(1), back.describe().constData());
        QCOMPARE(CtlRunner::readAll(keyPath), reference);
    }

    void badArgumentsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::newRow("no target") << QStringList{};
        QTest::newRow("unknown target") << QStringList{QStringLiteral("usb-stick")};
        QTest::newRow("two targets") << QStringList{QStringLiteral("file"), QStringLiteral("keychain")};
    }

    void badArgumentsAreUsageErrors()
    {
        QFETCH(QStringList, words);
        const QString cache = path(QStringLiteral("usage.vigil"));
        const CtlResult r =
            CtlRunner::run(with(QStringList{QStringLiteral("cache"), QStringLiteral("key-store")} + words, cache));
        QVERIFY2(r.exitedWith(2), r.describe().constData());
    }

    void noCacheIsAFailure()
    {
        const QString cache = path(QStringLiteral("absent.vigil"));
        const CtlResult r = keyStore(QStringLiteral("keychain"), cache);
        QVERIFY2(r.exitedWith(1), r.describe().constData());
        QVERIFY(!QFile::exists(store::Cache::keyFilePath(cache)));
    }
};

QTEST_GUILESS_MAIN(TestKeychainCtl)
#include "tst_keychain_ctl.moc"
