// vigilctl end to end: cache init/info/verify/rekey, audit verify, export, and every way a command
// must refuse (weak or wrong passphrase, a damaged cache, an altered audit row, a file that is not a
// cache) without touching the files.

#include "codec/edfrecord.h"
#include "codec/edfwriter.h"
#include "codec/wavecodec.h"
#include "codec/wfdbrecord.h"
#include "core/streamkind.h"
#include "core/vitalsigns.h"
#include "crypto/securebytes.h"
#include "ctlrunner.h"
#include "ingest/simulatorsource.h"
#include "pdfrender.h"
#include "sim/patientsimulator.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/streamdescriptor.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/stat.h>

#include <cmath>
#include <limits>
#include <map>
#include <tuple>

using namespace vigil;
using integration::CtlResult;
using integration::CtlRunner;

namespace {

const QByteArray kGood = QByteArrayLiteral("amber meadow violin 58");
const QByteArray kWrong = QByteArrayLiteral("amber meadow violin 59");
const QByteArray kNew = QByteArrayLiteral("copper river signal 31");
const QByteArray kWeak = QByteArrayLiteral("short1");
constexpr core::Timestamp kStart = 1'700'000'000'000'000; // a whole second
constexpr int kPatients = 2;
constexpr int kMinutes = 2;
constexpr core::Timestamp kExportFrom = kStart + 30 * core::kMicrosPerSecond;
constexpr core::Timestamp kExportTo = kStart + 90 * core::kMicrosPerSecond;

int permissionBits(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

bool anyCacheFileExists(const QString& path)
{
    for (const QString& suffix :
        {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".key"), QStringLiteral("-journal")})
        if (QFile::exists(path + suffix))
            return true;
    return false;
}

bool copyCache(const QString& from, const QString& to)
{
    QFile::remove(to);
    QFile::remove(store::Cache::keyFilePath(to));
    return QFile::copy(from, to) && QFile::copy(store::Cache::keyFilePath(from), store::Cache::keyFilePath(to));
}

// One sample or vital row of an export CSV.
struct CsvRow
{
    core::Timestamp time = 0;
    QString signal;
    QString code;
    double value = 0;
    bool empty = false;
};

} // namespace

class TestVigilctl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_good;
    QString m_wrong;
    QString m_new;
    QString m_weak;
    QString m_recorded; // a cache with kPatients × kMinutes of demo data (never tampered with)
    QString m_csv; // export of the first patient, [kExportFrom, kExportTo)
    qint64 m_patientId = 0;
    int m_notACacheRuns = 0;

    [[nodiscard]] QString path(const QString& name) const { return m_dir.filePath(name); }

    static QStringList with(QStringList arguments, const QString& cache, const QString& passFile)
    {
        arguments << QStringLiteral("--cache") << cache << QStringLiteral("--passphrase-file") << passFile;
        return arguments;
    }

    static CtlResult info(const QString& cache, const QString& passFile)
    {
        return CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("info"), QStringLiteral("--json")}, cache, passFile));
    }

    std::unique_ptr<store::Cache> openInProcess(const QString& cachePath, const QByteArray& pass)
    {
        store::StoreError error;
        auto cache = store::Cache::open(cachePath, crypto::SecureBytes::fromUtf8(QString::fromUtf8(pass)), &error);
        if (!cache)
            qWarning("cannot open the cache: %s", qPrintable(error.message));
        return cache;
    }

    static std::vector<CsvRow> parseCsv(const QByteArray& bytes, QByteArray* header)
    {
        std::vector<CsvRow> rows;
        QList<QByteArray> lines = bytes.split('\n');
        if (!lines.isEmpty() && lines.constLast().isEmpty())
            lines.removeLast();
        if (lines.isEmpty())
            return rows;
        *header = lines.takeFirst();
        rows.reserve(static_cast<std::size_t>(lines.size()));
        for (const QByteArray& line : std::as_const(lines)) {
            const QList<QByteArray> f = line.split(',');
            if (f.size() != 6)
                return {};
            CsvRow row;
            row.time = f.at(1).toLongLong();
            row.signal = QString::fromUtf8(f.at(2));
            row.code = QString::fromUtf8(f.at(3));
            row.empty = f.at(4).isEmpty();
            row.value = row.empty ? 0 : f.at(4).toDouble();
            rows.push_back(row);
        }
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_good = path(QStringLiteral("good.txt"));
        m_wrong = path(QStringLiteral("wrong.txt"));
        m_new = path(QStringLiteral("new.txt"));
        m_weak = path(QStringLiteral("weak.txt"));
        QVERIFY(CtlRunner::writePassphraseFile(m_good, kGood));
        QVERIFY(CtlRunner::writePassphraseFile(m_wrong, kWrong));
        QVERIFY(CtlRunner::writePassphraseFile(m_new, kNew));
        QVERIFY(CtlRunner::writePassphraseFile(m_weak, kWeak));

        m_recorded = path(QStringLiteral("recorded.vigil"));
        const CtlResult init = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("fast")},
                m_recorded, m_good));
        QVERIFY2(init.exitedWith(0), init.describe().constData());
        const CtlResult record =
            CtlRunner::run(with({QStringLiteral("record"), QStringLiteral("--demo"), QStringLiteral("--patients"),
                                    QString::number(kPatients), QStringLiteral("--minutes"), QString::number(kMinutes),
                                    QStringLiteral("--start"), QString::number(kStart)},
                m_recorded, m_good));
        QVERIFY2(record.exitedWith(0), record.describe().constData());
        const CtlResult list = CtlRunner::run(
            with({QStringLiteral("patients"), QStringLiteral("list"), QStringLiteral("--json")}, m_recorded, m_good));
        QVERIFY2(list.exitedWith(0), list.describe().constData());
        const QJsonArray patients = list.json().value(QStringLiteral("patients")).toArray();
        QCOMPARE(patients.size(), kPatients);
        m_patientId = patients.at(0).toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(m_patientId > 0);
    }

    void initRefusesWeakPassphrase()
    {
        const QString cache = path(QStringLiteral("weak.vigil"));
        const CtlResult r = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("fast")},
                cache, m_weak));
        QVERIFY2(r.exitedWith(1), r.describe().constData());
        QVERIFY(r.err.contains("not acceptable"));
        QVERIFY(!r.err.contains(kWeak)); // the passphrase is never echoed
        QVERIFY(!anyCacheFileExists(cache));
    }

    void initCreatesCacheWithPrivateKeyFile()
    {
        const QString cache = path(QStringLiteral("new.vigil"));
        const CtlResult r =
            CtlRunner::run(with({QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"),
                                    QStringLiteral("fast"), QStringLiteral("--json")},
                cache, m_good));
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(r.json().value(QStringLiteral("schema_version")).toInt(), 4);
        QVERIFY(QFile::exists(cache));
        QVERIFY(QFile::exists(store::Cache::keyFilePath(cache)));
        QCOMPARE(permissionBits(store::Cache::keyFilePath(cache)), 0600);
        // A second init must not overwrite it.
        const QByteArray keyHash = CtlRunner::fileHash(store::Cache::keyFilePath(cache));
        const CtlResult again = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("fast")},
                cache, m_new));
        QVERIFY2(again.exitedWith(1), again.describe().constData());
        QCOMPARE(CtlRunner::fileHash(store::Cache::keyFilePath(cache)), keyHash);
        const CtlResult opened = info(cache, m_good);
        QVERIFY2(opened.exitedWith(0), opened.describe().constData());
        QCOMPARE(opened.json().value(QStringLiteral("counts")).toObject().value(QStringLiteral("audit")).toInteger(),
            qint64(1)); // cache.create
    }

    void infoReportsSchemaCipherAndCounts()
    {
        const CtlResult r = info(m_recorded, m_good);
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("schema_version")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("app_schema_version")).toInt(), 4);
        const QJsonObject cipher = o.value(QStringLiteral("cipher")).toObject();
        QCOMPARE(cipher.value(QStringLiteral("page_size")).toInteger(), qint64(4096));
        QVERIFY(!cipher.value(QStringLiteral("sqlcipher_version")).toString().isEmpty());
        const QJsonObject keyFile = o.value(QStringLiteral("key_file")).toObject();
        QCOMPARE(keyFile.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(keyFile.value(QStringLiteral("kdf")).toObject().value(QStringLiteral("n")).toInteger(), qint64(1024));
        const QJsonObject counts = o.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("patients")).toInteger(), qint64(kPatients));
        QCOMPARE(counts.value(QStringLiteral("streams")).toInteger(), qint64(kPatients * core::kStreamCount));
        // Demo patients 0 and 1 have no gaps: (500 + 125 + 50) samples a second each.
        QCOMPARE(counts.value(QStringLiteral("samples")).toInteger(), qint64(kPatients) * kMinutes * 60 * 675);
        QCOMPARE(counts.value(QStringLiteral("waveform_chunks")).toInteger(),
            qint64(kPatients) * core::kStreamCount * kMinutes * 60);
        QVERIFY(counts.value(QStringLiteral("vitals")).toInteger() >= kPatients * kMinutes * 60 * 2);
        QVERIFY(counts.value(QStringLiteral("pyramid_blocks")).toInteger() > 0);
        const QJsonObject range = o.value(QStringLiteral("time_range")).toObject();
        QCOMPARE(range.value(QStringLiteral("first_us")).toInteger(), kStart);
        QCOMPARE(
            range.value(QStringLiteral("last_us")).toInteger(), kStart + (kMinutes * 60 - 1) * core::kMicrosPerSecond);
        // Text output: no JSON, and the same schema.
        const CtlResult text =
            CtlRunner::run(with({QStringLiteral("cache"), QStringLiteral("info")}, m_recorded, m_good));
        QVERIFY2(text.exitedWith(0), text.describe().constData());
        QVERIFY(text.out.contains("Schema:         4"));
    }

    void wrongPassphraseChangesNothing_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("cache info") << QStringList{QStringLiteral("cache"), QStringLiteral("info")};
        QTest::newRow("cache verify") << QStringList{QStringLiteral("cache"), QStringLiteral("verify")};
        QTest::newRow("audit verify") << QStringList{QStringLiteral("audit"), QStringLiteral("verify")};
        QTest::newRow("patients list") << QStringList{QStringLiteral("patients"), QStringLiteral("list")};
        QTest::newRow("record") << QStringList{QStringLiteral("record"), QStringLiteral("--demo"),
            QStringLiteral("--patients"), QStringLiteral("1"), QStringLiteral("--minutes"), QStringLiteral("0.1")};
        QTest::newRow("export") << QStringList{QStringLiteral("export"), QStringLiteral("--patient"),
            QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"),
            path(QStringLiteral("never.csv"))};
        QTest::newRow("cache rekey") << QStringList{QStringLiteral("cache"), QStringLiteral("rekey"),
            QStringLiteral("--new-passphrase-file"), m_new, QStringLiteral("--kdf"), QStringLiteral("fast")};
    }

    void wrongPassphraseChangesNothing()
    {
        QFETCH(QStringList, command);
        // Every file of the cache (the database, the key, and the empty WAL and SHM that a read-only
        // connection leaves behind) keeps its bytes, and no file appears or goes.
        const QDir dir(m_dir.path());
        const QStringList filesBefore = dir.entryList({QStringLiteral("recorded.vigil*")}, QDir::Files);
        QVERIFY(filesBefore.contains(QStringLiteral("recorded.vigil")));
        QVERIFY(filesBefore.contains(QStringLiteral("recorded.vigil.key")));
        QList<QByteArray> hashes;
        for (const QString& file : filesBefore)
            hashes << CtlRunner::fileHash(dir.filePath(file));
        const CtlResult r = CtlRunner::run(with(command, m_recorded, m_wrong));
        QVERIFY2(r.exitedWith(1), r.describe().constData());
        QVERIFY2(r.err.toLower().contains("passphrase"), r.err.constData());
        QCOMPARE(dir.entryList({QStringLiteral("recorded.vigil*")}, QDir::Files), filesBefore);
        for (qsizetype i = 0; i < filesBefore.size(); ++i)
            QCOMPARE(CtlRunner::fileHash(dir.filePath(filesBefore.at(i))), hashes.at(i));
        QVERIFY(!QFile::exists(path(QStringLiteral("never.csv"))));
    }

    void passphraseFromStandardInput()
    {
        const QStringList arguments{QStringLiteral("cache"), QStringLiteral("info"), QStringLiteral("--json"),
            QStringLiteral("--cache"), m_recorded, QStringLiteral("--passphrase-file"), QStringLiteral("-")};
        const CtlResult good = CtlRunner::run(arguments, kGood + '\n');
        QVERIFY2(good.exitedWith(0), good.describe().constData());
        QCOMPARE(good.json().value(QStringLiteral("schema_version")).toInt(), 4);
        const CtlResult noNewline = CtlRunner::run(arguments, kGood);
        QVERIFY2(noNewline.exitedWith(0), noNewline.describe().constData());
        const CtlResult wrong = CtlRunner::run(arguments, kWrong + '\n');
        QVERIFY2(wrong.exitedWith(1), wrong.describe().constData());
        QVERIFY(wrong.err.toLower().contains("passphrase"));
        const CtlResult empty = CtlRunner::run(arguments, QByteArrayLiteral("\n"));
        QVERIFY2(empty.exitedWith(2), empty.describe().constData());
    }

    void rekeyChangesOnlyTheKeyFile()
    {
        const QString cache = path(QStringLiteral("rekey.vigil"));
        QVERIFY(copyCache(m_recorded, cache));
        const QString keyPath = store::Cache::keyFilePath(cache);
        const CtlResult before = info(cache, m_good);
        QVERIFY2(before.exitedWith(0), before.describe().constData());
        const QByteArray keyHash = CtlRunner::fileHash(keyPath);
        const QByteArray salt = CtlRunner::readAll(cache).left(16); // SQLCipher's per-database salt

        // A weak new passphrase is refused and nothing changes.
        const CtlResult weak = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("rekey"), QStringLiteral("--new-passphrase-file"), m_weak},
                cache, m_good));
        QVERIFY2(weak.exitedWith(1), weak.describe().constData());
        QCOMPARE(CtlRunner::fileHash(keyPath), keyHash);

        const CtlResult rekey = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("rekey"), QStringLiteral("--new-passphrase-file"), m_new,
                     QStringLiteral("--kdf"), QStringLiteral("fast")},
                cache, m_good));
        QVERIFY2(rekey.exitedWith(0), rekey.describe().constData());
        QVERIFY(CtlRunner::fileHash(keyPath) != keyHash);
        QCOMPARE(permissionBits(keyPath), 0600);
        QCOMPARE(CtlRunner::readAll(cache).left(16), salt); // not re-encrypted

        const CtlResult old = info(cache, m_good);
        QVERIFY2(old.exitedWith(1), old.describe().constData());
        QVERIFY(old.err.toLower().contains("passphrase"));
        const CtlResult after = info(cache, m_new);
        QVERIFY2(after.exitedWith(0), after.describe().constData());
        QJsonObject countsBefore = before.json().value(QStringLiteral("counts")).toObject();
        QJsonObject countsAfter = after.json().value(QStringLiteral("counts")).toObject();
        QCOMPARE(countsAfter.value(QStringLiteral("audit")).toInteger(),
            countsBefore.value(QStringLiteral("audit")).toInteger() + 1); // cache.rekey
        countsBefore.remove(QStringLiteral("audit"));
        countsAfter.remove(QStringLiteral("audit"));
        QCOMPARE(countsAfter, countsBefore);
        const CtlResult audit = CtlRunner::run(
            with({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")}, cache, m_new));
        QVERIFY2(audit.exitedWith(0), audit.describe().constData());
        auto opened = openInProcess(cache, kNew);
        QVERIFY(opened);
        auto reader = store::StoreReader::open(*opened, nullptr);
        QVERIFY(reader);
        QCOMPARE(reader->database().queryInt("SELECT count(*) FROM audit_log WHERE action = 'cache.rekey'"), qint64(1));
    }

    void verifyPassesOnIntactCache()
    {
        const CtlResult r = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("verify"), QStringLiteral("--json")}, m_recorded, m_good));
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("integrity_ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("audit_ok")).toBool(), true);
        QVERIFY(o.value(QStringLiteral("audit_rows")).toInteger() >= 2);
        QVERIFY(o.value(QStringLiteral("integrity_problems")).toArray().isEmpty());
    }

    void verifyDetectsFlippedByte()
    {
        const QString cache = path(QStringLiteral("flipped.vigil"));
        QVERIFY(copyCache(m_recorded, cache));
        // Checkpointed: no WAL, so the byte below is in the only copy of its page.
        const CtlResult checkpoint = info(cache, m_good);
        QVERIFY2(checkpoint.exitedWith(0), checkpoint.describe().constData());
        QVERIFY(
            !QFile::exists(cache + QStringLiteral("-wal")) || QFileInfo(cache + QStringLiteral("-wal")).size() == 0);
        {
            auto opened = openInProcess(cache, kGood);
            QVERIFY(opened);
            auto reader = store::StoreReader::open(*opened, nullptr);
            QVERIFY(reader);
            QCOMPARE(reader->database().queryInt("PRAGMA freelist_count"), qint64(0)); // every page is in use
        }
        QFile file(cache);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pages = file.size() / 4096;
        QVERIFY(pages > 10);
        const qint64 offset = (pages / 2) * 4096 + 1000;
        QVERIFY(file.seek(offset));
        char byte = 0;
        QVERIFY(file.getChar(&byte));
        QVERIFY(file.seek(offset));
        QVERIFY(file.putChar(static_cast<char>(byte ^ 0x5a)));
        file.close();
        const QByteArray damaged = CtlRunner::fileHash(cache);

        const CtlResult r = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("verify"), QStringLiteral("--json")}, cache, m_good));
        QVERIFY2(r.exitedWith(1), r.describe().constData());
        QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(r.json().value(QStringLiteral("integrity_ok")).toBool(), false);
        QVERIFY(!r.json().value(QStringLiteral("integrity_problems")).toArray().isEmpty());
        const CtlResult text = CtlRunner::run(with({QStringLiteral("cache"), QStringLiteral("verify")}, cache, m_good));
        QVERIFY2(text.exitedWith(1), text.describe().constData());
        QVERIFY(text.out.contains("Integrity: FAILED"));
        QCOMPARE(CtlRunner::fileHash(cache), damaged); // verify does not repair or rewrite
    }

    void auditVerifyNamesAlteredRow()
    {
        const QString cache = path(QStringLiteral("altered.vigil"));
        QVERIFY(copyCache(m_recorded, cache));
        {
            auto opened = openInProcess(cache, kGood);
            QVERIFY(opened);
            store::StoreError error;
            auto db = opened->connect(store::Database::Mode::ReadWrite, &error);
            QVERIFY2(db, qPrintable(error.message));
            // The trigger refuses the update first.
            QVERIFY(!db->exec(QStringLiteral("UPDATE audit_log SET detail = 'x' WHERE seq = 1"), &error));
            QVERIFY2(db->exec(QStringLiteral("DROP TRIGGER audit_log_no_update; "
                                             "UPDATE audit_log SET detail = 'x' WHERE seq = 1"),
                         &error),
                qPrintable(error.message));
        }
        const CtlResult r = CtlRunner::run(
            with({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")}, cache, m_good));
        QVERIFY2(r.exitedWith(1), r.describe().constData());
        QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(r.json().value(QStringLiteral("first_bad_seq")).toInteger(), qint64(1));
        const CtlResult text = CtlRunner::run(with({QStringLiteral("audit"), QStringLiteral("verify")}, cache, m_good));
        QVERIFY2(text.exitedWith(1), text.describe().constData());
        QVERIFY2(QString::fromUtf8(text.out).contains(
                     QRegularExpression(QStringLiteral("\\brow 1\\b"), QRegularExpression::CaseInsensitiveOption)),
            text.out.constData());
        const CtlResult verify = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("verify"), QStringLiteral("--json")}, cache, m_good));
        QVERIFY2(verify.exitedWith(1), verify.describe().constData());
        QCOMPARE(verify.json().value(QStringLiteral("integrity_ok")).toBool(), true);
        QCOMPARE(verify.json().value(QStringLiteral("audit_ok")).toBool(), false);
        QCOMPARE(verify.json().value(QStringLiteral("audit_first_bad_seq")).toInteger(), qint64(1));
    }

    void notACacheIsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("expected");
        const QStringList commands[] = {{QStringLiteral("cache"), QStringLiteral("info")},
            {QStringLiteral("cache"), QStringLiteral("verify")}, {QStringLiteral("audit"), QStringLiteral("verify")},
            {QStringLiteral("patients"), QStringLiteral("list")}};
        for (const QStringList& command : commands) {
            const QByteArray name = command.join(QLatin1Char(' ')).toUtf8();
            QTest::addRow("text file without key, %s", name.constData())
                << QStringLiteral("text") << command << QStringLiteral("key file");
            QTest::addRow("random bytes with a key file, %s", name.constData())
                << QStringLiteral("random") << command << QStringLiteral("not a Vigil cache");
            QTest::addRow("unencrypted SQLite with a key file, %s", name.constData())
                << QStringLiteral("plain") << command << QStringLiteral("not a Vigil cache");
        }
    }

    void notACacheIsRefused()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, command);
        QFETCH(QString, expected);
        const QString dir = path(QStringLiteral("notacache-%1").arg(++m_notACacheRuns));
        QVERIFY(QDir().mkpath(dir));
        const QString file = QDir(dir).filePath(QStringLiteral("file.vigil"));
        if (kind == QStringLiteral("text")) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 200; ++i)
                f.write("This is a text file, not an encrypted cache.\n");
        } else {
            if (kind == QStringLiteral("random")) {
                QFile f(file);
                QVERIFY(f.open(QIODevice::WriteOnly));
                QByteArray bytes(16384, Qt::Uninitialized);
                QRandomGenerator rng(7);
                rng.fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
                f.write(bytes);
            } else {
                store::StoreError error;
                QVERIFY2(store::Cache::createPlaintextForBenchmark(file, &error), qPrintable(error.message));
            }
            QVERIFY(QFile::copy(store::Cache::keyFilePath(m_recorded), store::Cache::keyFilePath(file)));
        }
        const QByteArray hash = CtlRunner::fileHash(file);
        const QByteArray keyHash = CtlRunner::fileHash(store::Cache::keyFilePath(file));
        const QStringList before = QDir(dir).entryList(QDir::Files);
        const CtlResult r = CtlRunner::run(with(command, file, m_good));
        QVERIFY2(r.exitedWith(1), r.describe().constData());
        QVERIFY2(r.err.contains(expected.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(CtlRunner::fileHash(file), hash);
        QCOMPARE(CtlRunner::fileHash(store::Cache::keyFilePath(file)), keyHash);
        QCOMPARE(QDir(dir).entryList(QDir::Files), before);
    }

    void exportCsvMatchesSimulator()
    {
        m_csv = path(QStringLiteral("export.csv"));
        const CtlResult r =
            CtlRunner::run(with({QStringLiteral("export"), QStringLiteral("--patient"), QString::number(m_patientId),
                                    QStringLiteral("--from"), QString::number(kExportFrom), QStringLiteral("--to"),
                                    QString::number(kExportTo), QStringLiteral("--format"), QStringLiteral("csv"),
                                    QStringLiteral("--output"), m_csv},
                m_recorded, m_good));
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        QByteArray header;
        const std::vector<CsvRow> rows = parseCsv(CtlRunner::readAll(m_csv), &header);
        QCOMPARE(header, QByteArrayLiteral("time_utc,time_us,signal,code,value,unit"));
        QVERIFY(!rows.empty());

        // The same patient, regenerated: demo patient index 0, seed 1, the recording's start.
        sim::PatientSimulator simulator(1, 0, ingest::SimulatorSource::demoScenario(0), kStart);
        std::map<std::pair<QString, core::Timestamp>, double> expected; // (code, time) → mV or relative
        std::vector<std::pair<QString, core::Measurement>> vitals;
        for (core::Timestamp t = kStart + core::kMicrosPerSecond; t <= kExportTo; t += core::kMicrosPerSecond) {
            const sim::SimulationBatch batch = simulator.advanceTo(t);
            for (core::StreamKind kind : core::kAllStreams) {
                const QString code = QString::number(core::mdcCode(kind));
                for (const auto& run : batch.streams[static_cast<std::size_t>(core::streamIndex(kind))]) {
                    for (std::size_t i = 0; i < run.samples.size(); ++i) {
                        const core::Timestamp ts =
                            run.firstSampleTime + std::llround(static_cast<double>(i) * 1e6 / core::sampleRateHz(kind));
                        if (ts >= kExportFrom && ts < kExportTo)
                            expected[{code, ts}] = run.samples[i];
                    }
                }
            }
            for (const auto& v : batch.vitals)
                if (v.measurement.time >= kExportFrom && v.measurement.time < kExportTo)
                    vitals.emplace_back(core::vitalLoinc(v.kind), v.measurement);
        }
        QCOMPARE(expected.size(), std::size_t(60 * 675));
        qsizetype samples = 0;
        qsizetype vitalRows = 0;
        for (const CsvRow& row : rows) {
            if (row.signal == QStringLiteral("vital")) {
                ++vitalRows;
                const auto match = std::find_if(vitals.begin(), vitals.end(),
                    [&](const auto& v) { return v.first == row.code && v.second.time == row.time; });
                QVERIFY(match != vitals.end());
                QVERIFY(std::abs(match->second.value - row.value) <= 1e-6 * std::max(1.0, std::abs(row.value)));
                continue;
            }
            ++samples;
            QVERIFY(!row.empty);
            const auto it = expected.find({row.code, row.time});
            QVERIFY2(it != expected.end(), "a sample the simulator did not produce");
            const double resolution =
                row.code == QString::number(core::mdcCode(core::StreamKind::Ecg)) ? 200.0 : 1000.0;
            if (std::abs(row.value - it->second) > 0.5 / resolution + 1e-7)
                qWarning("code %s at %lld: %.6f exported, %.6f simulated", qPrintable(row.code),
                    static_cast<long long>(row.time), row.value, it->second);
            QVERIFY(std::abs(row.value - it->second) <= 0.5 / resolution + 1e-7);
        }
        QCOMPARE(samples, qsizetype(60 * 675));
        QCOMPARE(vitalRows, static_cast<qsizetype>(vitals.size()));
        QVERIFY(vitalRows >= 120); // HR and SpO2 every second at least
        QCOMPARE(static_cast<qsizetype>(rows.size()), samples + vitalRows); // + the header, parsed off above
    }

    void exportFhirMatchesCsv()
    {
        QVERIFY(!m_csv.isEmpty());
        QByteArray header;
        const std::vector<CsvRow> rows = parseCsv(CtlRunner::readAll(m_csv), &header);
        std::map<QString, std::vector<double>> csvValues; // code → values in time order
        qsizetype csvVitals = 0;
        for (const CsvRow& row : rows) {
            if (row.signal == QStringLiteral("vital"))
                ++csvVitals;
            else
                csvValues[row.code].push_back(row.value);
        }

        const QString fhir = path(QStringLiteral("export.json"));
        const CtlResult r =
            CtlRunner::run(with({QStringLiteral("export"), QStringLiteral("--patient"), QString::number(m_patientId),
                                    QStringLiteral("--from"), QString::number(kExportFrom), QStringLiteral("--to"),
                                    QString::number(kExportTo), QStringLiteral("--format"), QStringLiteral("fhir"),
                                    QStringLiteral("--output"), fhir},
                m_recorded, m_good));
        QVERIFY2(r.exitedWith(0), r.describe().constData());
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(CtlRunner::readAll(fhir), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        const QJsonObject bundle = doc.object();
        QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("collection"));
        int patients = 0;
        qsizetype vitalObservations = 0;
        std::map<QString, std::vector<double>> fhirValues;
        for (const QJsonValue& entry : bundle.value(QStringLiteral("entry")).toArray()) {
            const QJsonObject resource = entry.toObject().value(QStringLiteral("resource")).toObject();
            const QString type = resource.value(QStringLiteral("resourceType")).toString();
            if (type == QStringLiteral("Patient")) {
                ++patients;
                QCOMPARE(resource.value(QStringLiteral("id")).toString(), QString::number(m_patientId));
                continue;
            }
            QCOMPARE(type, QStringLiteral("Observation"));
            QCOMPARE(resource.value(QStringLiteral("subject")).toObject().value(QStringLiteral("reference")).toString(),
                QStringLiteral("Patient/%1").arg(m_patientId));
            if (resource.contains(QStringLiteral("valueQuantity"))) {
                ++vitalObservations;
                continue;
            }
            const QJsonObject sampled = resource.value(QStringLiteral("valueSampledData")).toObject();
            QVERIFY(!sampled.isEmpty());
            const QString code = resource.value(QStringLiteral("code"))
                                     .toObject()
                                     .value(QStringLiteral("coding"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QStringLiteral("code"))
                                     .toString();
            const double origin =
                sampled.value(QStringLiteral("origin")).toObject().value(QStringLiteral("value")).toDouble();
            const double factor = sampled.value(QStringLiteral("factor")).toDouble();
            QVERIFY(factor > 0);
            const int rate = code == QString::number(core::mdcCode(core::StreamKind::Ecg)) ? 500
                : code == QString::number(core::mdcCode(core::StreamKind::Pleth))          ? 125
                                                                                           : 50;
            QCOMPARE(sampled.value(QStringLiteral("period")).toDouble(), 1000.0 / rate);
            for (const QString& token :
                sampled.value(QStringLiteral("data")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                QVERIFY(token != QStringLiteral("E"));
                fhirValues[code].push_back(origin + factor * token.toDouble());
            }
        }
        QCOMPARE(patients, 1);
        QCOMPARE(vitalObservations, csvVitals);
        QCOMPARE(fhirValues.size(), std::size_t(core::kStreamCount));
        QCOMPARE(fhirValues.size(), csvValues.size());
        for (const auto& [code, values] : csvValues) {
            const std::vector<double>& fromFhir = fhirValues[code];
            QCOMPARE(fromFhir.size(), values.size());
            for (std::size_t i = 0; i < values.size(); ++i)
                QVERIFY(std::abs(fromFhir[i] - values[i]) <= 1e-9);
        }
    }

    void exportIsAudited()
    {
        auto opened = openInProcess(m_recorded, kGood);
        QVERIFY(opened);
        auto reader = store::StoreReader::open(*opened, nullptr);
        QVERIFY(reader);
        QCOMPARE(reader->database().queryInt("SELECT count(*) FROM audit_log WHERE action = 'export'"), qint64(2));
        QCOMPARE(reader->database().queryInt("SELECT count(*) FROM audit_log WHERE action = 'export' AND "
                                             "patient_id IS NOT NULL"),
            qint64(2));
        const CtlResult audit = CtlRunner::run(
            with({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")}, m_recorded, m_good));
        QVERIFY2(audit.exitedWith(0), audit.describe().constData());
        QCOMPARE(audit.json().value(QStringLiteral("ok")).toBool(), true);
    }

    // `--format pdf`: the ECG strip of the interval, headless; with --pseudonymise neither the name nor
    // the NHS Number is anywhere in the file; audited; more than 10 minutes is refused.
    void exportPdfIsAnEcgStrip()
    {
        const QString missing = test::PdfRender::missingTools(); // packaging/dev.sh installs them
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        auto opened = openInProcess(m_recorded, kGood);
        QVERIFY(opened);
        core::PatientIdentity who;
        {
            auto reader = store::StoreReader::open(*opened, nullptr);
            QVERIFY(reader);
            who = reader->patient(m_patientId)->identity;
        }
        QVERIFY(!who.familyName.isEmpty());
        const auto exportPdf = [&](const QString& output, core::Timestamp from, core::Timestamp to, bool pseudonymise) {
            QStringList arguments{QStringLiteral("export"), QStringLiteral("--patient"), QString::number(m_patientId),
                QStringLiteral("--from"), QString::number(from), QStringLiteral("--to"), QString::number(to),
                QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--output"), output};
            if (pseudonymise)
                arguments << QStringLiteral("--pseudonymise");
            return CtlRunner::run(with(arguments, m_recorded, m_good));
        };
        const QString named = path(QStringLiteral("strip.pdf"));
        const QString pseudo = path(QStringLiteral("strip-pseudo.pdf"));
        const CtlResult r1 = exportPdf(named, kExportFrom, kExportTo, false);
        QVERIFY2(r1.exitedWith(0), r1.describe().constData());
        const CtlResult r2 = exportPdf(pseudo, kExportFrom, kExportTo, true);
        QVERIFY2(r2.exitedWith(0), r2.describe().constData());
        const QString text = test::PdfRender::text(named);
        QVERIFY2(text.contains(QStringLiteral("25 mm/s")), qPrintable(text.left(300)));
        QVERIFY(text.contains(QStringLiteral("10 mm/mV")));
        QVERIFY(text.contains(who.familyName, Qt::CaseInsensitive));
        const QString pseudoText = test::PdfRender::text(pseudo);
        QVERIFY(pseudoText.contains(QStringLiteral("VIGIL-%1").arg(m_patientId)));
        QVERIFY(!pseudoText.contains(who.familyName, Qt::CaseInsensitive));
        const QByteArray bytes = test::PdfRender::bytes(pseudo);
        QVERIFY(!bytes.contains(who.familyName.toUtf8()));
        QVERIFY(!bytes.contains(QString(who.nhsNumber).remove(u' ').toUtf8()));
        // A minute of ECG is six 10-second rows: on the first page of A4 landscape.
        const auto pages = test::PdfRender::pageFiles(pseudo, m_dir.path(), QStringLiteral("strip"), 50);
        QVERIFY(pages && !pages->isEmpty());

        // Eleven minutes asked of a two-minute recording: clipped to what is stored, so accepted.
        const CtlResult clipped =
            exportPdf(path(QStringLiteral("long.pdf")), kStart, kStart + 11 * 60 * core::kMicrosPerSecond, false);
        QVERIFY2(clipped.exitedWith(0), clipped.describe().constData());
        auto reader = store::StoreReader::open(*opened, nullptr);
        QVERIFY(reader);
        QCOMPARE(reader->database().queryInt(
                     "SELECT count(*) FROM audit_log WHERE action = 'export' AND detail LIKE 'format=pdf %'"),
            qint64(3));
        QCOMPARE(reader->database().queryInt("SELECT count(*) FROM audit_log WHERE action = 'export' AND detail LIKE "
                                             "'format=pdf %pseudonymised=yes'"),
            qint64(1));
    }

    // EDF+ and WFDB exports of 30 s of a recorded demo patient, read back with Vigil's own readers:
    // every stored sample at its place, exactly; --pseudonymise leaves no name or NHS Number in the
    // files; every export audited without identifiers.
    void exportEdfAndWfdbAreSampleExact()
    {
        const QString cachePath = path(QStringLiteral("waveexport.vigil"));
        const CtlResult init = CtlRunner::run(
            with({QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("fast")},
                cachePath, m_good));
        QVERIFY2(init.exitedWith(0), init.describe().constData());
        const CtlResult record = CtlRunner::run(with(
            {QStringLiteral("record"), QStringLiteral("--demo"), QStringLiteral("--patients"), QStringLiteral("1"),
                QStringLiteral("--minutes"), QStringLiteral("1"), QStringLiteral("--start"), QString::number(kStart)},
            cachePath, m_good));
        QVERIFY2(record.exitedWith(0), record.describe().constData());
        const CtlResult list = CtlRunner::run(
            with({QStringLiteral("patients"), QStringLiteral("list"), QStringLiteral("--json")}, cachePath, m_good));
        QVERIFY2(list.exitedWith(0), list.describe().constData());
        const qint64 patientId = list.json()
                                     .value(QStringLiteral("patients"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QStringLiteral("id"))
                                     .toInteger();
        QVERIFY(patientId > 0);

        const core::Timestamp from = kStart + 15 * core::kMicrosPerSecond;
        const core::Timestamp to = from + 30 * core::kMicrosPerSecond;
        const auto exportTo = [&](const QString& format, const QString& output, bool pseudonymise) {
            QStringList arguments{QStringLiteral("export"), QStringLiteral("--patient"), QString::number(patientId),
                QStringLiteral("--from"), QString::number(from), QStringLiteral("--to"), QString::number(to),
                QStringLiteral("--format"), format, QStringLiteral("--output"), output};
            if (pseudonymise)
                arguments << QStringLiteral("--pseudonymise");
            return CtlRunner::run(with(arguments, cachePath, m_good));
        };
        const QString edfPath = path(QStringLiteral("wave.edf"));
        const QString edfPseudo = path(QStringLiteral("wave-pseudo.edf"));
        for (const auto& [format, output, pseudonymise] :
            {std::tuple{QStringLiteral("edf"), edfPath, false}, std::tuple{QStringLiteral("edf"), edfPseudo, true},
                std::tuple{QStringLiteral("wfdb"), path(QStringLiteral("wave")), false},
                std::tuple{QStringLiteral("wfdb"), path(QStringLiteral("wave-pseudo.hea")), true}}) {
            const CtlResult r = exportTo(format, output, pseudonymise);
            QVERIFY2(r.exitedWith(0), r.describe().constData());
        }
        // edf and wfdb need a file to write to.
        QVERIFY(CtlRunner::run(with({QStringLiteral("export"), QStringLiteral("--patient"), QString::number(patientId),
                                        QStringLiteral("--format"), QStringLiteral("edf")},
                                   cachePath, m_good))
                    .exitedWith(2));

        // What the cache holds.
        auto opened = openInProcess(cachePath, kGood);
        QVERIFY(opened);
        auto reader = store::StoreReader::open(*opened, nullptr);
        QVERIFY(reader);
        const auto patient = reader->patient(patientId);
        QVERIFY(patient);
        const auto streams = reader->streams(patientId);
        QCOMPARE(streams.size(), std::size_t(core::kStreamCount));
        std::vector<std::vector<store::StoreReader::SampleRun>> runs(streams.size());
        core::Timestamp start = std::numeric_limits<core::Timestamp>::max();
        for (std::size_t j = 0; j < streams.size(); ++j) {
            QVERIFY(reader->samples(streams[j].id, from, to, runs[j]));
            QVERIFY(!runs[j].empty());
            start = std::min(start, runs[j].front().firstSampleTime);
        }
        QCOMPARE(start, from); // the demo streams are on whole seconds
        // Calls check(stream, index in the file, stored value) for every stored sample.
        const auto forEachStored = [&](std::size_t j, const auto& check) {
            const double rate = streams[j].descriptor.rateHz;
            qint64 count = 0;
            for (const auto& run : runs[j]) {
                const qint64 first = std::llround(static_cast<double>(run.firstSampleTime - start) * rate / 1e6);
                for (std::size_t i = 0; i < run.samples.size(); ++i, ++count)
                    check(first + static_cast<qint64>(i), run.samples[i]);
            }
            return count;
        };

        QString error;
        const auto edf = codec::EdfRecord::open(edfPath, &error, codec::EdfRecord::Reader::EdfLib);
        QVERIFY2(edf, qPrintable(error));
        QCOMPARE(edf->startUs(), std::optional<qint64>(start));
        QCOMPARE(edf->recordCount(), qint64(30));
        QCOMPARE(edf->signalCount(), int(streams.size()));
        const auto wfdb = codec::WfdbRecord::open(path(QStringLiteral("wave.hea")), &error);
        QVERIFY2(wfdb, qPrintable(error));
        QCOMPARE(wfdb->signalCount(), int(streams.size()));
        QCOMPARE(QDateTime(wfdb->baseDate(), wfdb->baseTime(), QTimeZone::utc()).toMSecsSinceEpoch() * 1000, start);
        for (std::size_t j = 0; j < streams.size(); ++j) {
            const store::StreamDescriptor& d = streams[j].descriptor;
            const int sig = static_cast<int>(j);
            QCOMPARE(edf->signal(sig).rateHz, d.rateHz);
            QCOMPARE(edf->signal(sig).unit, d.unit);
            QVERIFY(std::abs(edf->signal(sig).gain() - d.gain) <= 1e-9 * d.gain);
            QVERIFY(std::abs(edf->signal(sig).baseline() - d.baseline) <= 1e-6);
            QCOMPARE(wfdb->signalFrequency(sig), d.rateHz);
            QCOMPARE(wfdb->signal(sig).gain, d.gain);
            QCOMPARE(double(wfdb->signal(sig).baseline), d.baseline);
            QCOMPARE(wfdb->signal(sig).description, d.label);

            std::vector<qint32> fromEdf;
            QVERIFY(edf->readDigital(sig, 0, edf->signal(sig).sampleCount, fromEdf, &error));
            std::vector<qint32> fromWfdb;
            QVERIFY2(wfdb->readSamples(sig, fromWfdb, &error), qPrintable(error));
            QCOMPARE(qint64(fromEdf.size()), std::llround(30 * d.rateHz));
            QCOMPARE(fromWfdb.size(), fromEdf.size());
            int mismatches = 0;
            const qint64 stored = forEachStored(j, [&](qint64 at, qint32 value) {
                if (at < 0 || at >= qint64(fromEdf.size())) {
                    ++mismatches;
                    return;
                }
                const qint32 inEdf = value == codec::WaveCodec::kInvalid ? codec::EdfWriter::kGapValue : value;
                if (fromEdf[std::size_t(at)] != inEdf || fromWfdb[std::size_t(at)] != value)
                    ++mismatches;
            });
            QCOMPARE(mismatches, 0);
            QCOMPARE(stored, qint64(fromEdf.size())); // the demo recording has no gaps
        }

        // Pseudonymised: no name, NHS Number or birth date anywhere in the text the files carry; the
        // same check finds them in the identified export.
        const core::PatientIdentity& who = patient->identity;
        QVERIFY(!who.nhsNumber.isEmpty() && !who.familyName.isEmpty() && !who.givenName.isEmpty());
        // Sample data can hold any byte pattern: short names are looked for in the text part only
        // (`textBytes`: the EDF header, a whole WFDB header, none of a signal file).
        const auto identifying = [&](const QByteArray& bytes, qsizetype textBytes) {
            const QByteArray upper = bytes.toUpper();
            for (const QString& id : {who.nhsNumber, who.familyName, who.givenName}) {
                const QByteArray needle = id.toUpper().toUtf8();
                if ((needle.size() >= 5 ? upper : upper.left(textBytes)).contains(needle))
                    return true;
            }
            return false;
        };
        const qsizetype edfHeader = 256 * (edf->signalCount() + 2); // + the annotation signal
        QVERIFY(identifying(CtlRunner::readAll(edfPath), edfHeader));
        const QByteArray identifiedHeader = CtlRunner::readAll(path(QStringLiteral("wave.hea")));
        QVERIFY(identifying(identifiedHeader, identifiedHeader.size()));
        const QByteArray pseudoEdf = CtlRunner::readAll(edfPseudo);
        QVERIFY(!pseudoEdf.isEmpty());
        QVERIFY(!identifying(pseudoEdf, edfHeader));
        QVERIFY(!pseudoEdf.contains(who.birthDate.toString(QStringLiteral("dd-MMM-yyyy")).toUpper().toLatin1()));
        QVERIFY(pseudoEdf.left(88).contains(QStringLiteral("VIGIL-%1").arg(patientId).toLatin1()));
        for (const QString& suffix : {QStringLiteral(".hea"), QStringLiteral(".dat")}) {
            const QByteArray bytes = CtlRunner::readAll(path(QStringLiteral("wave-pseudo") + suffix));
            QVERIFY(!bytes.isEmpty());
            QVERIFY(!identifying(bytes, suffix == QStringLiteral(".hea") ? bytes.size() : 0));
            QVERIFY(!bytes.contains(who.birthDate.toString(Qt::ISODate).toLatin1()));
        }
        const auto pseudoWfdb = codec::WfdbRecord::open(path(QStringLiteral("wave-pseudo.hea")), &error);
        QVERIFY2(pseudoWfdb, qPrintable(error));
        QCOMPARE(pseudoWfdb->comments(), QStringList{QStringLiteral("patient: VIGIL-%1").arg(patientId)});

        // Four exports audited, none naming the patient.
        QCOMPARE(reader->database().queryInt("SELECT count(*) FROM audit_log WHERE action = 'export' AND "
                                             "patient_id IS NOT NULL AND detail LIKE 'format=edf %'"),
            qint64(2));
        QCOMPARE(reader->database().queryInt("SELECT count(*) FROM audit_log WHERE action = 'export' AND "
                                             "detail LIKE 'format=wfdb %pseudonymised=yes'"),
            qint64(1));
        const QByteArray leak = "SELECT count(*) FROM audit_log WHERE action = 'export' AND detail LIKE '%"
            + who.nhsNumber.toLatin1() + "%'";
        QCOMPARE(reader->database().queryInt(leak.constData()), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestVigilctl)
#include "tst_vigilctl.moc"
