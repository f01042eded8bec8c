// Opening, creating and re-keying an encrypted cache, and every way opening must fail cleanly.

#include "crypto/kdfparams.h"
#include "crypto/securebytes.h"
#include "store/cache.h"
#include "store/schema.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace vigil;
using store::Cache;
using store::StoreError;

namespace {

crypto::SecureBytes pass(const char* text)
{
    return crypto::SecureBytes::fromUtf8(QString::fromLatin1(text));
}

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestCache : public QObject
{
    Q_OBJECT

private:
    QString m_path;
    std::unique_ptr<QTemporaryDir> m_dir;

    // A cache with one patient and a few seconds of samples, closed again.
    void makeCache()
    {
        StoreError error;
        auto cache = Cache::create(m_path, pass("correct horse battery"), crypto::KdfParams::fast(), &error);
        QVERIFY2(cache, qPrintable(error.message));
        store::StoreWriter::Config config;
        config.pruning = false; // the samples are from 2023, beyond the 72 h retention
        store::StoreWriter writer(*cache, config);
        QVERIFY(writer.start());
        core::PatientIdentity p;
        p.id = QStringLiteral("p1");
        const int ph = writer.registerPatient(p);
        const int sh = writer.registerStream(ph, store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg));
        std::vector<qint32> samples(1500);
        for (std::size_t i = 0; i < samples.size(); ++i)
            samples[i] = static_cast<qint32>(i % 100);
        writer.appendSamples(sh, 1'700'000'000'000'000, samples, 1'700'000'000'000'000);
        QVERIFY(writer.stop());
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(QStringLiteral("cache.vigil"));
    }

    void createAndReopen()
    {
        makeCache();
        StoreError error;
        auto cache = Cache::open(m_path, pass("correct horse battery"), &error);
        QVERIFY2(cache, qPrintable(error.message));
        auto reader = store::StoreReader::open(*cache, &error);
        QVERIFY(reader);
        QCOMPARE(store::Schema::version(reader->database()), store::Schema::kCurrentVersion);
        QCOMPARE(reader->counts().samples, 1500);
        QCOMPARE(reader->database().queryText("PRAGMA journal_mode"), QStringLiteral("wal"));
        QVERIFY(QFile::exists(Cache::keyFilePath(m_path)));
    }

    // What we rely on from SQLCipher (3.4.1 here, 4.x elsewhere): the page size we set, and a file
    // that does not start with the SQLite header.
    void cipherSettingsAreApplied()
    {
        makeCache();
        auto cache = Cache::open(m_path, pass("correct horse battery"), nullptr);
        QVERIFY(cache);
        auto reader = store::StoreReader::open(*cache, nullptr);
        QCOMPARE(reader->database().queryInt("PRAGMA page_size"), 4096);
        QCOMPARE(reader->database().queryInt("PRAGMA cipher_page_size"), 4096);
        QVERIFY(!reader->database().queryText("PRAGMA cipher_version").isEmpty());
        QCOMPARE(QFileInfo(m_path).size() % 4096, 0);
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.read(16).startsWith("SQLite format 3"));
    }

    void wrongPassphraseWritesNothing()
    {
        makeCache();
        const QByteArray before = fileHash(m_path);
        const QByteArray keyBefore = fileHash(Cache::keyFilePath(m_path));
        StoreError error;
        auto cache = Cache::open(m_path, pass("wrong horse battery"), &error);
        QVERIFY(!cache);
        QCOMPARE(error.kind, StoreError::Kind::WrongPassphrase);
        QVERIFY(error.message.contains(QStringLiteral("passphrase")));
        QCOMPARE(fileHash(m_path), before);
        QCOMPARE(fileHash(Cache::keyFilePath(m_path)), keyBefore);
    }

    void missingCacheAndKey()
    {
        StoreError error;
        QVERIFY(!Cache::open(m_path, pass("x"), &error));
        QCOMPARE(error.kind, StoreError::Kind::NoSuchCache);
        QVERIFY(!QFile::exists(m_path)); // opening never creates

        makeCache();
        QVERIFY(QFile::remove(Cache::keyFilePath(m_path)));
        QVERIFY(!Cache::open(m_path, pass("correct horse battery"), &error));
        QCOMPARE(error.kind, StoreError::Kind::KeyFileProblem);
        QVERIFY(error.message.contains(QStringLiteral("missing")));
    }

    void notACacheIsLeftUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text") << QByteArray("just some text, not a database\n").repeated(200);
        QTest::newRow("zeros") << QByteArray(8192, '\0');
        QTest::newRow("plain sqlite header") << (QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\0'));
    }

    void notACacheIsLeftUntouched()
    {
        QFETCH(QByteArray, content);
        makeCache();
        // Replace the database by something else but keep the (valid) key file.
        QFile::remove(m_path + QStringLiteral("-wal"));
        QFile::remove(m_path + QStringLiteral("-shm"));
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        f.close();
        const QByteArray before = fileHash(m_path);
        StoreError error;
        QVERIFY(!Cache::open(m_path, pass("correct horse battery"), &error));
        QCOMPARE(error.kind, StoreError::Kind::NotACache);
        QCOMPARE(fileHash(m_path), before);
        QVERIFY(!QFile::exists(m_path + QStringLiteral("-wal")));

        // The app can move it aside and start again.
        QString why;
        const QString aside = Cache::moveAside(m_path, &why);
        QVERIFY2(!aside.isEmpty(), qPrintable(why));
        QCOMPARE(fileHash(aside), before);
        QVERIFY(QFile::exists(aside + QStringLiteral(".key")));
        QVERIFY(!QFile::exists(m_path));
        QVERIFY(Cache::create(m_path, pass("a new passphrase here"), crypto::KdfParams::fast(), &error));
    }

    // A flipped byte inside a data page is caught by the page HMAC when the page is read (and by
    // `cache verify`, which reads every page); the file itself is not changed by detecting it.
    void tamperedPageIsDetected()
    {
        makeCache();
        {
            auto cache = Cache::open(m_path, pass("correct horse battery"), nullptr);
            auto db = cache->connect(store::Database::Mode::ReadWrite, nullptr);
            QVERIFY(db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const qint64 size = QFileInfo(m_path).size();
        QVERIFY(size >= 4 * 4096);
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 offset = size - 4096 + 1000; // inside the last page
        f.seek(offset);
        char byte = 0;
        f.read(&byte, 1);
        byte = static_cast<char>(byte ^ 0x5a);
        f.seek(offset);
        f.write(&byte, 1);
        f.close();
        const QByteArray before = fileHash(m_path);

        StoreError error;
        auto cache = Cache::open(m_path, pass("correct horse battery"), &error);
        QVERIFY2(cache, qPrintable(error.message)); // page 1 is intact
        auto reader = store::StoreReader::open(*cache, &error);
        QVERIFY(reader);
        store::Statement check = reader->database().prepare("PRAGMA integrity_check");
        const int rc = check.step();
        const bool detected = rc != SQLITE_ROW || check.text(0) != QStringLiteral("ok");
        QVERIFY2(detected, "a tampered page passed the integrity check");
        check = store::Statement();
        reader.reset();
        cache.reset();
        QCOMPARE(fileHash(m_path), before);
    }

    void tooNewSchemaIsRefused()
    {
        makeCache();
        {
            auto cache = Cache::open(m_path, pass("correct horse battery"), nullptr);
            auto db = cache->connect(store::Database::Mode::ReadWrite, nullptr);
            QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        StoreError error;
        QVERIFY(!Cache::open(m_path, pass("correct horse battery"), &error));
        QCOMPARE(error.kind, StoreError::Kind::TooNew);
        QVERIFY(error.message.contains(QStringLiteral("newer version")));
    }

    void changePassphraseKeepsTheDatabase()
    {
        makeCache();
        const QByteArray before = fileHash(m_path);
        QCOMPARE(Cache::changePassphrase(
                     m_path, pass("wrong one entirely"), pass("new passphrase words"), crypto::KdfParams::fast())
                     .kind,
            StoreError::Kind::WrongPassphrase);
        QVERIFY(!Cache::changePassphrase(
            m_path, pass("correct horse battery"), pass("new passphrase words"), crypto::KdfParams::fast()));
        QCOMPARE(fileHash(m_path), before); // not rewritten
        StoreError error;
        QVERIFY(!Cache::open(m_path, pass("correct horse battery"), &error));
        QCOMPARE(error.kind, StoreError::Kind::WrongPassphrase);
        auto cache = Cache::open(m_path, pass("new passphrase words"), &error);
        QVERIFY2(cache, qPrintable(error.message));
        QCOMPARE(store::StoreReader::open(*cache, nullptr)->counts().samples, 1500);
    }

    void ephemeralCacheIsEncrypted()
    {
        StoreError error;
        auto cache = Cache::createEphemeral(m_path, &error);
        QVERIFY2(cache, qPrintable(error.message));
        QVERIFY(!QFile::exists(Cache::keyFilePath(m_path)));
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.read(16).startsWith("SQLite format 3"));
    }
};

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
