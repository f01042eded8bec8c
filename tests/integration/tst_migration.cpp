// A schema-1 cache checked in as a fixture (data/cache-v1.vigil + .key) opens, migrates to the
// current schema without losing or changing data, and gets its min/max pyramid back-filled. Also:
// a wrong passphrase leaves it byte-identical, and a cache from a newer schema is refused.
//
// The fixture is made by regenerateFixture(), which only runs with VIGIL_REGENERATE_FIXTURES=1; its
// sample values come from fixtureSample() below, so the test can check them exactly.

#include "codec/wavecodec.h"
#include "core/vitalsigns.h"
#include "crypto/kdfparams.h"
#include "crypto/securebytes.h"
#include "ctlrunner.h"
#include "store/auditlog.h"
#include "store/cache.h"
#include "store/pyramidblock.h"
#include "store/schema.h"
#include "store/storereader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <numbers>

using namespace vigil;
using integration::CtlResult;
using integration::CtlRunner;

namespace {

// Minute-aligned (1699999980 s = 28333333 min) so that the data spans two level-1 blocks.
constexpr core::Timestamp kT0 = 1'699'999'980'000'000;

// The fixture's streams: patient row id, MDC code, label, unit, rate, gain, baseline, seconds of
// data, and the seconds (relative to kT0) that have no chunk (device offline) or only invalid
// samples (lead off).
struct FixtureStream
{
    qint64 patientId;
    int code;
    const char* label;
    const char* unit;
    int rateHz;
    double gain;
    qint32 baseline;
    int seconds;
    int gapFrom; // [gapFrom, gapTo): no chunks; -1: none
    int gapTo;
    int leadOffSecond; // every sample of this second is WaveCodec::kInvalid; -1: none
};

constexpr std::array<FixtureStream, 3> kStreams{{
    {1, 131330, "II", "mV", 250, 200.0, 0, 70, -1, -1, 12},
    {1, 150452, "Pleth", "", 125, 1000.0, 512, 70, -1, -1, -1},
    {2, 131330, "II", "mV", 360, 200.0, 0, 30, 10, 13, -1},
}};

constexpr int kVitalEverySeconds = 5;

// The digital value of sample `i` of stream `s`: a few sines and a small deterministic ripple, so
// that the codec has real work to do and min/max differ per second.
qint32 fixtureSample(std::size_t s, qint64 i)
{
    const FixtureStream& d = kStreams[s];
    const double t = static_cast<double>(i) / d.rateHz;
    constexpr double kTwoPi = 2 * std::numbers::pi;
    const double v = 300.0 * std::sin(kTwoPi * 1.1 * t) + 80.0 * std::sin(kTwoPi * 7.3 * t + static_cast<double>(s))
        + 40.0 * std::sin(kTwoPi * 0.05 * t);
    return static_cast<qint32>(std::lround(v)) + static_cast<qint32>((i * 7919 + static_cast<qint64>(s)) % 5) - 2
        + d.baseline;
}

// The samples of second `second` of stream `s`; empty when the second is in the gap.
std::vector<qint32> fixtureSecond(std::size_t s, int second)
{
    const FixtureStream& d = kStreams[s];
    if (second >= d.gapFrom && second < d.gapTo)
        return {};
    std::vector<qint32> samples(static_cast<std::size_t>(d.rateHz));
    for (int k = 0; k < d.rateHz; ++k)
        samples[static_cast<std::size_t>(k)] = second == d.leadOffSecond
            ? codec::WaveCodec::kInvalid
            : fixtureSample(s, static_cast<qint64>(second) * d.rateHz + k);
    return samples;
}

double fixtureVital(core::VitalKind kind, qint64 patientId, int index)
{
    const double base = kind == core::VitalKind::HeartRate ? 72.0 : 96.0;
    return base + static_cast<double>((index * 3 + patientId) % 7) * 0.5;
}

QString fixturePath()
{
    return QStringLiteral(VIGIL_TEST_DATA_DIR "/cache-v1.vigil");
}

QByteArray fixturePassphrase()
{
    return CtlRunner::readAll(QStringLiteral(VIGIL_TEST_DATA_DIR "/cache-v1.passphrase.txt")).trimmed();
}

crypto::SecureBytes secure(const QByteArray& passphrase)
{
    return crypto::SecureBytes::fromUtf8(QString::fromUtf8(passphrase));
}

const std::array<store::AuditEntry, 3> kAudit{{
    {kT0 - 1000, QStringLiteral("fixture"), QStringLiteral("administrator"), QStringLiteral("cache.create"), 0,
        QStringLiteral("schema 1 fixture")},
    {kT0 + 5'000'000, QStringLiteral("fixture"), QStringLiteral("system"), QStringLiteral("record.demo"), 0,
        QStringLiteral("2 patients")},
    {kT0 + 80'000'000, QStringLiteral("fixture"), QStringLiteral("community nurse"), QStringLiteral("export"), 1,
        QStringLiteral("format=csv")},
}};

} // namespace

class TestMigration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QByteArray m_fixtureHash;
    QByteArray m_fixtureKeyHash;
    int m_copies = 0;

    // A private copy of the fixture (database and key file) in the temporary directory.
    QString copyFixture()
    {
        const QString target = m_dir.filePath(QStringLiteral("copy-%1.vigil").arg(++m_copies));
        if (!QFile::copy(fixturePath(), target)
            || !QFile::copy(store::Cache::keyFilePath(fixturePath()), store::Cache::keyFilePath(target)))
            return {};
        for (const QString& file : {target, store::Cache::keyFilePath(target)})
            QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        return target;
    }

private Q_SLOTS:
    // Writes the fixture into the source tree. Run once, by hand:
    //   VIGIL_REGENERATE_FIXTURES=1 ./tst_migration regenerateFixture
    void regenerateFixture()
    {
        if (qEnvironmentVariable("VIGIL_REGENERATE_FIXTURES") != QStringLiteral("1"))
            QSKIP("set VIGIL_REGENERATE_FIXTURES=1 to rewrite the checked-in fixture");
        const QString path = fixturePath();
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        QFile::remove(store::Cache::keyFilePath(path));
        const QByteArray passphrase = fixturePassphrase();
        QVERIFY(passphrase.size() >= 12);

        store::StoreError error;
        auto cache = store::Cache::create(path, secure(passphrase), crypto::KdfParams::fast(), &error, 1);
        QVERIFY2(cache, qPrintable(error.message));
        auto db = cache->connect(store::Database::Mode::ReadWrite, &error);
        QVERIFY2(db, qPrintable(error.message));
        QCOMPARE(store::Schema::version(*db), 1);
        QVERIFY(db->exec(QStringLiteral("BEGIN"), &error));
        // Fictitious identities (test data, 999 range).
        QVERIFY2(db->exec(QStringLiteral("INSERT INTO patient(id, source_key, nhs_number, given_name, family_name, "
                                         "birth_date, created_us, updated_us) VALUES "
                                         "(1, 'fixture-001', '9990000018', 'Fixture', 'Patient-One', '1950-01-01', "
                                         "%1, %1), "
                                         "(2, 'fixture-002', '9990000026', 'Fixture', 'Patient-Two', '1944-06-30', "
                                         "%1, %1)")
                              .arg(kT0),
                     &error),
            qPrintable(error.message));
        for (std::size_t s = 0; s < kStreams.size(); ++s) {
            const FixtureStream& d = kStreams[s];
            store::Statement stream = db->prepare("INSERT INTO stream(id, patient_id, code, label, unit, rate_hz, "
                                                  "gain, baseline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            stream.bind(1, static_cast<qint64>(s + 1)).bind(2, d.patientId).bind(3, d.code);
            stream.bind(4, QString::fromLatin1(d.label)).bind(5, QString::fromLatin1(d.unit));
            stream.bind(6, static_cast<double>(d.rateHz)).bind(7, d.gain).bind(8, static_cast<qint64>(d.baseline));
            QCOMPARE(stream.run(), SQLITE_DONE);
            for (int second = 0; second < d.seconds; ++second) {
                const std::vector<qint32> samples = fixtureSecond(s, second);
                if (samples.empty())
                    continue;
                qint32 mn = std::numeric_limits<qint32>::max();
                qint32 mx = std::numeric_limits<qint32>::min();
                for (qint32 v : samples) {
                    if (v == codec::WaveCodec::kInvalid)
                        continue;
                    mn = std::min(mn, v);
                    mx = std::max(mx, v);
                }
                store::Statement chunk = db->prepare("INSERT INTO wave_chunk(stream_id, t_us, n, min_v, max_v, "
                                                     "received_us, data) VALUES (?, ?, ?, ?, ?, ?, ?)");
                const core::Timestamp t = kT0 + second * core::kMicrosPerSecond;
                chunk.bind(1, static_cast<qint64>(s + 1)).bind(2, t).bind(3, static_cast<qint64>(samples.size()));
                if (mn <= mx)
                    chunk.bind(4, static_cast<qint64>(mn)).bind(5, static_cast<qint64>(mx));
                else
                    chunk.bindNull(4).bindNull(5);
                chunk.bind(6, t + core::kMicrosPerSecond).bindBlob(7, codec::WaveCodec::encode(samples));
                QCOMPARE(chunk.run(), SQLITE_DONE);
            }
        }
        for (qint64 patient = 1; patient <= 2; ++patient) {
            for (core::VitalKind kind : {core::VitalKind::HeartRate, core::VitalKind::SpO2}) {
                for (int i = 0; i * kVitalEverySeconds < 30; ++i) {
                    store::Statement vital =
                        db->prepare("INSERT INTO vital(patient_id, kind, loinc, t_us, value, "
                                    "unit, provenance, received_us) VALUES (?, ?, ?, ?, ?, ?, 0, ?)");
                    const core::Timestamp t = kT0 + i * kVitalEverySeconds * core::kMicrosPerSecond;
                    vital.bind(1, patient).bind(2, static_cast<int>(kind)).bind(3, core::vitalLoinc(kind)).bind(4, t);
                    vital.bind(5, fixtureVital(kind, patient, i)).bind(6, core::vitalUnit(kind)).bind(7, t);
                    QCOMPARE(vital.run(), SQLITE_DONE);
                }
            }
        }
        QByteArray previous(32, '\0');
        for (const store::AuditEntry& entry : kAudit)
            QVERIFY(!store::AuditLog::append(*db, entry, previous));
        QVERIFY2(db->exec(QStringLiteral("COMMIT"), &error), qPrintable(error.message));
        // One self-contained file: no WAL beside it.
        QVERIFY2(db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE"), &error),
            qPrintable(error.message));
        db.reset();
        cache.reset();
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(QFileInfo(path).size() < 100 * 1024);
        qInfo("fixture written: %lld bytes", static_cast<long long>(QFileInfo(path).size()));
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariable("VIGIL_REGENERATE_FIXTURES") == QStringLiteral("1"))
            return; // regenerateFixture() writes it first
        QVERIFY2(QFile::exists(fixturePath()), "the fixture is missing (see data/README.md)");
        QVERIFY(QFile::exists(store::Cache::keyFilePath(fixturePath())));
        QVERIFY(fixturePassphrase().size() >= 12);
        QVERIFY(QFileInfo(fixturePath()).size() < 100 * 1024);
        m_fixtureHash = CtlRunner::fileHash(fixturePath());
        m_fixtureKeyHash = CtlRunner::fileHash(store::Cache::keyFilePath(fixturePath()));
    }

    void fixtureIsSchemaOne()
    {
        const QString path = copyFixture();
        QVERIFY(!path.isEmpty());
        const QByteArray before = CtlRunner::fileHash(path);
        {
            store::StoreError error;
            auto cache = store::Cache::open(path, secure(fixturePassphrase()), &error, /*migrate*/ false);
            QVERIFY2(cache, qPrintable(error.message));
            auto reader = store::StoreReader::open(*cache, &error);
            QVERIFY2(reader, qPrintable(error.message));
            QCOMPARE(store::Schema::version(reader->database()), 1);
            QCOMPARE(reader->database().queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'wave_pyramid'"),
                qint64(0));
        }
        // vigilctl's cache info does not migrate either, and says which schema it found.
        const QString passFile = m_dir.filePath(QStringLiteral("fixture-pass.txt"));
        QVERIFY(CtlRunner::writePassphraseFile(passFile, fixturePassphrase()));
        const CtlResult info = CtlRunner::run({QStringLiteral("cache"), QStringLiteral("info"),
            QStringLiteral("--json"), QStringLiteral("--cache"), path, QStringLiteral("--passphrase-file"), passFile});
        QVERIFY2(info.exitedWith(0), info.describe().constData());
        QCOMPARE(info.json().value(QStringLiteral("schema_version")).toInt(), 1);
        QCOMPARE(CtlRunner::fileHash(path), before); // opening without migrating wrote nothing
    }

    void migratesAndKeepsData()
    {
        const QString path = copyFixture();
        QVERIFY(!path.isEmpty());
        store::StoreError error;
        auto cache = store::Cache::open(path, secure(fixturePassphrase()), &error);
        QVERIFY2(cache, qPrintable(error.message));
        auto reader = store::StoreReader::open(*cache, &error);
        QVERIFY2(reader, qPrintable(error.message));
        QCOMPARE(store::Schema::version(reader->database()), store::Schema::kCurrentVersion);
        QCOMPARE(store::Schema::version(reader->database()), 4);
        QCOMPARE(reader->database().queryText("PRAGMA integrity_check"), QStringLiteral("ok"));

        const auto patients = reader->patients();
        QCOMPARE(patients.size(), std::size_t(2));
        QCOMPARE(patients[0].identity.id, QStringLiteral("fixture-001"));
        QCOMPARE(patients[1].identity.id, QStringLiteral("fixture-002"));
        // v3: existing patients are live (retention applies to them), the annotation table is empty.
        QCOMPARE(patients[0].origin, store::PatientOrigin::Live);
        QCOMPARE(patients[1].origin, store::PatientOrigin::Live);
        QCOMPARE(reader->counts().annotations, qint64(0));
        QCOMPARE(
            reader->database().queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'annotation'"), qint64(1));
        // v4: no stream's rows have been stored together yet (store::WaveClustering starts at 0).
        QCOMPARE(reader->database().queryInt("SELECT count(*) FROM stream WHERE clustered_us = 0"),
            static_cast<qint64>(kStreams.size()));

        for (std::size_t s = 0; s < kStreams.size(); ++s) {
            const FixtureStream& d = kStreams[s];
            const auto streams = reader->streams(d.patientId);
            const auto it = std::find_if(
                streams.begin(), streams.end(), [&](const auto& row) { return row.id == static_cast<qint64>(s + 1); });
            QVERIFY(it != streams.end());
            QCOMPARE(it->descriptor.code, d.code);
            QCOMPARE(it->descriptor.rateHz, static_cast<double>(d.rateHz));
            QCOMPARE(it->descriptor.gain, d.gain);
            QCOMPARE(it->descriptor.baseline, d.baseline);

            // Every sample decodes to exactly what was written.
            const core::Timestamp end = kT0 + d.seconds * core::kMicrosPerSecond;
            std::vector<store::StoreReader::SampleRun> runs;
            QVERIFY2(reader->samples(it->id, kT0, end, runs, &error), qPrintable(error.message));
            std::vector<qint32> stored;
            std::vector<qint32> expected;
            for (const auto& run : runs)
                stored.insert(stored.end(), run.samples.begin(), run.samples.end());
            for (int second = 0; second < d.seconds; ++second) {
                const std::vector<qint32> samples = fixtureSecond(s, second);
                expected.insert(expected.end(), samples.begin(), samples.end());
            }
            QCOMPARE(stored.size(), expected.size());
            QVERIFY2(stored == expected, "decoded samples differ from the fixture's");
            QCOMPARE(static_cast<int>(runs.size()), d.seconds - std::max(0, d.gapTo - d.gapFrom));

            // The back-filled pyramid, level 1: one column per second, equal to that second's min/max.
            std::vector<store::StoreReader::Column> columns;
            QVERIFY2(reader->overview(it->id, kT0, end, d.seconds, columns, &error), qPrintable(error.message));
            QCOMPARE(static_cast<int>(columns.size()), d.seconds);
            store::StoreReader::Column minute[2];
            for (int second = 0; second < d.seconds; ++second) {
                store::StoreReader::Column want;
                for (qint32 v : fixtureSecond(s, second)) {
                    if (v == codec::WaveCodec::kInvalid)
                        continue;
                    want.min = std::min(want.min, v);
                    want.max = std::max(want.max, v);
                }
                const auto& got = columns[static_cast<std::size_t>(second)];
                if (want.isEmpty()) {
                    QVERIFY2(got.isEmpty(), "a second without valid samples has an overview");
                } else {
                    QCOMPARE(got.min, want.min);
                    QCOMPARE(got.max, want.max);
                    auto& m = minute[second / 60];
                    m.min = std::min(m.min, want.min);
                    m.max = std::max(m.max, want.max);
                }
            }
            // Level 2: an hour in minute columns; the data's minutes carry their min/max.
            const core::Timestamp hour = store::PyramidBlock::blockStart(2, kT0);
            QVERIFY2(reader->overview(it->id, hour, hour + store::PyramidBlock::blockUs(2), 60, columns, &error),
                qPrintable(error.message));
            const auto firstMinute = static_cast<std::size_t>((kT0 - hour) / store::PyramidBlock::slotUs(2));
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const std::size_t k = c - firstMinute;
                if (c < firstMinute || k >= 2 || minute[k].isEmpty()) {
                    QVERIFY(columns[c].isEmpty());
                } else {
                    QCOMPARE(columns[c].min, minute[k].min);
                    QCOMPARE(columns[c].max, minute[k].max);
                }
            }
        }

        for (qint64 patient = 1; patient <= 2; ++patient) {
            for (core::VitalKind kind : {core::VitalKind::HeartRate, core::VitalKind::SpO2}) {
                const auto vitals = reader->vitals(patient, kind, kT0, kT0 + 3600 * core::kMicrosPerSecond);
                QCOMPARE(static_cast<int>(vitals.size()), 30 / kVitalEverySeconds);
                for (int i = 0; i < static_cast<int>(vitals.size()); ++i) {
                    QCOMPARE(vitals[static_cast<std::size_t>(i)].time,
                        kT0 + i * kVitalEverySeconds * core::kMicrosPerSecond);
                    QCOMPARE(vitals[static_cast<std::size_t>(i)].value, fixtureVital(kind, patient, i));
                }
            }
        }

        const store::AuditLog::Verification audit = store::AuditLog::verify(reader->database());
        QVERIFY2(audit.ok, qPrintable(audit.problem));
        QCOMPARE(audit.rows, qint64(kAudit.size()));
        QCOMPARE(reader->database().queryText("SELECT action FROM audit_log WHERE seq = 3"), QStringLiteral("export"));

        // Migrating twice is a no-op.
        reader.reset();
        cache.reset();
        auto again = store::Cache::open(path, secure(fixturePassphrase()), &error);
        QVERIFY2(again, qPrintable(error.message));
        auto reader2 = store::StoreReader::open(*again, &error);
        QVERIFY(reader2);
        QCOMPARE(store::Schema::version(reader2->database()), 4);
        QVERIFY(reader2->counts().pyramidBlocks > 0);
    }

    void wrongPassphraseLeavesFixtureUntouched()
    {
        const QString path = copyFixture();
        QVERIFY(!path.isEmpty());
        const QByteArray hash = CtlRunner::fileHash(path);
        const QByteArray keyHash = CtlRunner::fileHash(store::Cache::keyFilePath(path));
        store::StoreError error;
        auto cache = store::Cache::open(path, secure(fixturePassphrase() + "x"), &error);
        QVERIFY(!cache);
        QCOMPARE(error.kind, store::StoreError::Kind::WrongPassphrase);
        QCOMPARE(CtlRunner::fileHash(path), hash);
        QCOMPARE(CtlRunner::fileHash(store::Cache::keyFilePath(path)), keyHash);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
    }

    void newerSchemaIsRefused()
    {
        const QString path = copyFixture();
        QVERIFY(!path.isEmpty());
        {
            store::StoreError error;
            auto cache = store::Cache::open(path, secure(fixturePassphrase()), &error, /*migrate*/ false);
            QVERIFY2(cache, qPrintable(error.message));
            auto db = cache->connect(store::Database::Mode::ReadWrite, &error);
            QVERIFY2(db, qPrintable(error.message));
            QVERIFY2(db->exec(QStringLiteral("PRAGMA user_version = 5"), &error), qPrintable(error.message));
        }
        const QByteArray hash = CtlRunner::fileHash(path);
        for (const bool migrate : {true, false}) {
            store::StoreError error;
            auto cache = store::Cache::open(path, secure(fixturePassphrase()), &error, migrate);
            QVERIFY(!cache);
            QCOMPARE(error.kind, store::StoreError::Kind::TooNew);
            QVERIFY(error.message.contains(QStringLiteral("newer")));
        }
        const QString passFile = m_dir.filePath(QStringLiteral("fixture-pass.txt"));
        QVERIFY(CtlRunner::writePassphraseFile(passFile, fixturePassphrase()));
        const CtlResult info = CtlRunner::run({QStringLiteral("cache"), QStringLiteral("info"),
            QStringLiteral("--cache"), path, QStringLiteral("--passphrase-file"), passFile});
        QVERIFY2(info.exitedWith(1), info.describe().constData());
        QVERIFY(info.err.contains("newer version"));
        QCOMPARE(CtlRunner::fileHash(path), hash);
    }

    void cleanupTestCase()
    {
        // Nothing here writes the checked-in files (unless regenerating).
        if (qEnvironmentVariable("VIGIL_REGENERATE_FIXTURES") != QStringLiteral("1")) {
            QCOMPARE(CtlRunner::fileHash(fixturePath()), m_fixtureHash);
            QCOMPARE(CtlRunner::fileHash(store::Cache::keyFilePath(fixturePath())), m_fixtureKeyHash);
        }
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
