// Nothing readable on disk: after recording demo patients with vigilctl (once killed mid-recording,
// so the -wal and -shm files are there, once to completion), the bytes of the database, WAL, SHM and
// key files contain no SQLite header, no schema text, no patient name or NHS Number, no raw sample
// values and no compressed waveform chunk. A control scan of plaintext files (an unencrypted cache
// holding the same identities and chunk, vigilctl's own JSON outputs) must find every needle, so the
// scan is known to work. Failure messages name the needle's kind and patient index, never its value.

#include "codec/wavecodec.h"
#include "core/nhsnumber.h"
#include "core/patientidentity.h"
#include "crypto/securebytes.h"
#include "ctlrunner.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <sqlite3.h>

#include <cmath>
#include <set>

using namespace vigil;
using integration::CtlResult;
using integration::CtlRunner;

namespace {

const QByteArray kPassphrase = QByteArrayLiteral("granite willow compass 84");
constexpr core::Timestamp kStart = 1'700'000'000'000'000;
constexpr int kPatients = 8;
constexpr int kMinutes = 2;
constexpr int kEcgCode = 131330;

struct Needle
{
    QString label; // what it is, never its value
    QByteArray bytes;
    bool text = true; // compared ignoring ASCII case
    bool hasControl = true;
};

// Where `needle` occurs in `haystack` (and its lower-cased copy), or -1.
qsizetype find(const QByteArray& haystack, const QByteArray& lowered, const Needle& needle)
{
    return needle.text ? lowered.indexOf(needle.bytes.toLower()) : haystack.indexOf(needle.bytes);
}

struct ScannedFile
{
    QString name;
    QByteArray bytes;
    QByteArray lowered;
};

ScannedFile load(const QString& path)
{
    ScannedFile f{QFileInfo(path).fileName(), CtlRunner::readAll(path), {}};
    f.lowered = f.bytes.toLower();
    return f;
}

QStringList cacheFiles(const QString& path)
{
    QStringList files;
    const QStringList candidates{path, QString(path + QStringLiteral("-wal")), QString(path + QStringLiteral("-shm")),
        store::Cache::keyFilePath(path), QString(path + QStringLiteral("-journal"))};
    for (const QString& candidate : candidates)
        if (QFile::exists(candidate))
            files << candidate;
    return files;
}

} // namespace

class TestPlaintext : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_passFile;

    [[nodiscard]] QString path(const QString& name) const { return m_dir.filePath(name); }

    QStringList with(QStringList arguments, const QString& cache) const
    {
        arguments << QStringLiteral("--cache") << cache << QStringLiteral("--passphrase-file") << m_passFile;
        return arguments;
    }

    QStringList recordArguments(const QString& cache, const QString& commitMs, int minutes = kMinutes) const
    {
        return with({QStringLiteral("record"), QStringLiteral("--demo"), QStringLiteral("--patients"),
                        QString::number(kPatients), QStringLiteral("--minutes"), QString::number(minutes),
                        QStringLiteral("--start"), QString::number(kStart), QStringLiteral("--commit-ms"), commitMs,
                        QStringLiteral("--progress")},
            cache);
    }

    bool initCache(const QString& cache) const
    {
        const CtlResult r = CtlRunner::run(with(
            {QStringLiteral("cache"), QStringLiteral("init"), QStringLiteral("--kdf"), QStringLiteral("fast")}, cache));
        if (!r.exitedWith(0))
            qWarning("cache init failed: %s", r.describe().constData());
        return r.exitedWith(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_passFile = path(QStringLiteral("passphrase.txt"));
        QVERIFY(CtlRunner::writePassphraseFile(m_passFile, kPassphrase));
    }

    void noPlaintextOnDisk()
    {
        // 1. A complete recording.
        const QString clean = path(QStringLiteral("clean.vigil"));
        QVERIFY(initCache(clean));
        const CtlResult record = CtlRunner::run(recordArguments(clean, QStringLiteral("1000")));
        QVERIFY2(record.exitedWith(0), record.describe().constData());

        // The needles: identities, as vigilctl reports them...
        const QString listFile = path(QStringLiteral("patients.json"));
        const CtlResult list =
            CtlRunner::run(with({QStringLiteral("patients"), QStringLiteral("list"), QStringLiteral("--json")}, clean));
        QVERIFY2(list.exitedWith(0), list.describe().constData());
        {
            QFile f(listFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(list.out);
        }
        const QJsonArray patients = list.json().value(QStringLiteral("patients")).toArray();
        QCOMPARE(patients.size(), kPatients);
        std::vector<core::PatientIdentity> identities;
        QList<Needle> needles{{QStringLiteral("the SQLite header"), QByteArrayLiteral("SQLite format 3"), true, true},
            {QStringLiteral("the word 'patient'"), QByteArrayLiteral("patient"), true, true},
            {QStringLiteral("the table name 'wave_chunk'"), QByteArrayLiteral("wave_chunk"), true, true},
            {QStringLiteral("schema text 'CREATE TABLE'"), QByteArrayLiteral("CREATE TABLE"), true, true}};
        for (int i = 0; i < patients.size(); ++i) {
            const QJsonObject p = patients.at(i).toObject();
            core::PatientIdentity identity;
            identity.id = p.value(QStringLiteral("source_key")).toString();
            identity.nhsNumber = p.value(QStringLiteral("nhs_number")).toString();
            identity.givenName = p.value(QStringLiteral("given_name")).toString();
            identity.familyName = p.value(QStringLiteral("family_name")).toString();
            identity.birthDate = QDate::fromString(p.value(QStringLiteral("birth_date")).toString(), Qt::ISODate);
            QCOMPARE(identity.nhsNumber.size(), 10);
            QVERIFY(!identity.givenName.isEmpty());
            QVERIFY(!identity.familyName.isEmpty());
            identities.push_back(identity);
            const QByteArray nhs = identity.nhsNumber.toUtf8();
            const QByteArray given = identity.givenName.toUtf8();
            const QByteArray family = identity.familyName.toUtf8();
            // A name shorter than 6 bytes would turn up by chance in a few MB of ciphertext, so it is
            // searched with the column stored next to it in the patient row (nhs_number, given_name,
            // family_name are adjacent in an SQLite record), which is how it would leak.
            needles << Needle{
                QStringLiteral("given name of patient %1").arg(i), given.size() >= 6 ? given : nhs + given, true, true};
            needles << Needle{QStringLiteral("family name of patient %1").arg(i),
                family.size() >= 6 ? family : given + family, true, true};
            needles << Needle{QStringLiteral("NHS Number of patient %1").arg(i), nhs, false, true};
            needles << Needle{QStringLiteral("NHS Number (3-3-4) of patient %1").arg(i),
                core::NhsNumber::format(identity.nhsNumber).toUtf8(), false, true};
        }

        // ...a run of raw digital ECG samples from the CSV export (digital = round(mV × 200))...
        const QString csvFile = path(QStringLiteral("export.csv"));
        const qint64 firstId = patients.at(0).toObject().value(QStringLiteral("id")).toInteger();
        const CtlResult csv = CtlRunner::run(with(
            {QStringLiteral("export"), QStringLiteral("--patient"), QString::number(firstId), QStringLiteral("--from"),
                QString::number(kStart), QStringLiteral("--to"), QString::number(kStart + 10 * core::kMicrosPerSecond),
                QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), csvFile},
            clean));
        QVERIFY2(csv.exitedWith(0), csv.describe().constData());
        std::vector<qint32> ecg;
        for (const QByteArray& line : CtlRunner::readAll(csvFile).split('\n')) {
            const QList<QByteArray> f = line.split(',');
            if (f.size() == 6 && f.at(3).toInt() == kEcgCode && !f.at(4).isEmpty())
                ecg.push_back(static_cast<qint32>(std::lround(f.at(4).toDouble() * 200.0)));
        }
        QCOMPARE(ecg.size(), std::size_t(10 * 500));
        QByteArray raw(16 * 4, Qt::Uninitialized);
        for (int k = 0; k < 16; ++k)
            qToLittleEndian<qint32>(ecg[static_cast<std::size_t>(1000 + k)], raw.data() + 4 * k);
        QVERIFY(std::set<qint32>(ecg.begin() + 1000, ecg.begin() + 1016).size() >= 4); // not a flat line
        needles << Needle{QStringLiteral("16 raw int32 ECG samples"), raw, false, true};

        // ...and the first bytes of a compressed waveform chunk, read through the reader.
        QByteArray chunkHead;
        std::vector<qint32> chunkSamples;
        core::Timestamp chunkTime = 0;
        {
            store::StoreError error;
            auto cache =
                store::Cache::open(clean, crypto::SecureBytes::fromUtf8(QString::fromUtf8(kPassphrase)), &error);
            QVERIFY2(cache, qPrintable(error.message));
            auto reader = store::StoreReader::open(*cache, &error);
            QVERIFY2(reader, qPrintable(error.message));
            store::Statement s = reader->database().prepare(
                "SELECT c.t_us, c.data FROM wave_chunk c JOIN stream s ON s.id = c.stream_id WHERE s.code = ? "
                "ORDER BY c.stream_id, c.t_us LIMIT 1 OFFSET 10");
            s.bind(1, kEcgCode);
            QCOMPARE(s.step(), SQLITE_ROW);
            chunkTime = s.int64(0);
            const QByteArray blob = s.blob(1).toByteArray();
            QVERIFY(blob.size() >= 64);
            chunkHead = blob.left(32);
            QVERIFY(codec::WaveCodec::decode(blob, chunkSamples));
        }
        needles << Needle{QStringLiteral("the first 32 bytes of a waveform chunk"), chunkHead, false, true};

        // 2. A recording killed mid-way: its WAL and SHM are left behind. (Longer, so that it is
        // still running when killed; its first minutes are the same data as the clean one's.)
        const QString killed = path(QStringLiteral("killed.vigil"));
        QVERIFY(initCache(killed));
        QProcess process;
        process.start(CtlRunner::binary(), recordArguments(killed, QStringLiteral("50"), 20));
        QVERIFY(process.waitForStarted(10000));
        QElapsedTimer clock;
        clock.start();
        QByteArray out;
        qint64 killAt = -1;
        while (process.state() != QProcess::NotRunning) {
            if (killAt >= 0 && clock.elapsed() >= killAt) {
                process.kill();
                break;
            }
            QVERIFY2(clock.elapsed() < 30000, "no progress from the recording");
            process.waitForReadyRead(20);
            out += process.readAllStandardOutput();
            if (killAt < 0 && out.contains("committed "))
                killAt = clock.elapsed() + 100;
        }
        QVERIFY2(process.state() != QProcess::NotRunning || process.exitStatus() == QProcess::CrashExit,
            "the recording ended before it could be killed");
        QVERIFY(process.state() == QProcess::NotRunning || process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        QVERIFY(QFileInfo(killed + QStringLiteral("-wal")).size() > 0);
        QVERIFY(QFile::exists(killed + QStringLiteral("-shm")));

        // 3. Scan the files of both caches.
        QStringList scanned = cacheFiles(killed) + cacheFiles(clean);
        QCOMPARE(cacheFiles(killed).size(), 4); // database, WAL, SHM, key
        QVERIFY(cacheFiles(clean).size() >= 2);
        qint64 bytes = 0;
        for (const QString& file : std::as_const(scanned)) {
            const ScannedFile f = load(file);
            // Every file of the killed recording has content; the clean one may have an empty WAL.
            QVERIFY(!f.bytes.isEmpty() || !file.startsWith(killed));
            bytes += f.bytes.size();
            for (const Needle& needle : std::as_const(needles)) {
                const qsizetype at = find(f.bytes, f.lowered, needle);
                QVERIFY2(at < 0,
                    qPrintable(QStringLiteral("%1 found in %2 at offset %3").arg(needle.label, f.name).arg(at)));
            }
        }
        qInfo("%lld bytes in %lld files scanned for %lld needles: none found", static_cast<long long>(bytes),
            static_cast<long long>(scanned.size()), static_cast<long long>(needles.size()));

        // 4. Control: the same scan finds every needle in plaintext. An unencrypted cache holding the
        // same identities and the chunk's samples (the codec is deterministic, so the chunk is the
        // same), with the raw samples and formatted NHS Numbers in rows of their own; and vigilctl's
        // patient list and FHIR export.
        const QString plain = path(QStringLiteral("control.sqlite"));
        {
            store::StoreError error;
            auto cache = store::Cache::createPlaintextForBenchmark(plain, &error);
            QVERIFY2(cache, qPrintable(error.message));
            store::StoreWriter::Config config;
            config.pruning = false;
            store::StoreWriter writer(*cache, config);
            QVERIFY(writer.start());
            QStringList formatted;
            int first = 0;
            for (const core::PatientIdentity& identity : identities) {
                const int handle = writer.registerPatient(identity);
                if (first == 0)
                    first = handle;
                formatted << core::NhsNumber::format(identity.nhsNumber);
            }
            const int stream =
                writer.registerStream(first, store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg));
            writer.appendSamples(stream, chunkTime, chunkSamples, chunkTime);
            writer.appendQuarantine(QStringLiteral("control"), QStringLiteral("raw samples"), raw);
            writer.appendAudit({0, QStringLiteral("control"), QStringLiteral("control"), QStringLiteral("control"), 0,
                formatted.join(QLatin1Char(' '))});
            QVERIFY(writer.stop());
        }
        const QString fhirFile = path(QStringLiteral("export.json"));
        const CtlResult fhir = CtlRunner::run(with(
            {QStringLiteral("export"), QStringLiteral("--patient"), QString::number(firstId), QStringLiteral("--from"),
                QString::number(kStart), QStringLiteral("--to"), QString::number(kStart + core::kMicrosPerSecond),
                QStringLiteral("--format"), QStringLiteral("fhir"), QStringLiteral("--output"), fhirFile},
            clean));
        QVERIFY2(fhir.exitedWith(0), fhir.describe().constData());
        std::vector<ScannedFile> controls;
        for (const QString& file : cacheFiles(plain) + QStringList{listFile, fhirFile, csvFile})
            controls.push_back(load(file));
        for (const Needle& needle : std::as_const(needles)) {
            const bool found = std::any_of(controls.begin(), controls.end(),
                [&](const ScannedFile& f) { return find(f.bytes, f.lowered, needle) >= 0; });
            QVERIFY2(found, qPrintable(QStringLiteral("control: %1 not found in plaintext").arg(needle.label)));
        }
        // The exports themselves are plaintext: the names are there (the reason they must be handled
        // as patient data).
        const ScannedFile exported = load(fhirFile);
        QVERIFY(find(exported.bytes, exported.lowered, {{}, identities[0].familyName.toUtf8(), true, true}) >= 0);
    }
};

QTEST_GUILESS_MAIN(TestPlaintext)
#include "tst_plaintext.moc"
