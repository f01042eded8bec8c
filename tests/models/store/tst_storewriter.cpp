// The single writer: chunking into seconds, the pyramid, commit cadence, back-pressure, retention,
// and "disk full" (a real file-size limit, RLIMIT_FSIZE) with recovery.

#include "codec/wavecodec.h"
#include "crypto/kdfparams.h"
#include "crypto/securebytes.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <cmath>
#include <csignal>

using namespace vigil;
using store::Cache;
using store::StoreReader;
using store::StoreWriter;

namespace {

constexpr core::Timestamp kT0 = 1'700'000'000'123'000; // not on a second boundary

std::vector<qint32> ecgLike(std::size_t n, std::size_t offset = 0)
{
    std::vector<qint32> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = static_cast<qint32>(std::lround(200 * std::sin(static_cast<double>(i + offset) * 0.05)));
    return v;
}

// Retention measures age from the writer's clock: keep it an hour after the test data.
StoreWriter::Config testConfig()
{
    StoreWriter::Config config;
    config.clock = [] { return kT0 + 3600LL * 1'000'000; };
    return config;
}

core::PatientIdentity patient(const char* id)
{
    core::PatientIdentity p;
    p.id = QString::fromLatin1(id);
    return p;
}

} // namespace

class TestStoreWriter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        store::StoreError error;
        m_cache = Cache::createEphemeral(m_dir->filePath(QStringLiteral("c.vigil")), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
    }

    void cleanup() { m_cache.reset(); }

    // 10 s at 500 Hz in 20 ms runs from an unaligned start: one row per second (the first and last
    // partial), every sample back exactly, the pyramid agrees with the samples.
    void samplesRoundTripInSecondChunks()
    {
        StoreWriter::Config config = testConfig();
        config.commitIntervalMs = 100; // several commits cut seconds: partial rows are rewritten
        StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start());
        const int ph = writer.registerPatient(patient("p"));
        const int sh = writer.registerStream(ph, store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg));
        const std::vector<qint32> all = ecgLike(5000);
        for (std::size_t i = 0; i < all.size(); i += 10) {
            writer.appendSamples(
                sh, kT0 + static_cast<core::Timestamp>(i) * 2000, std::span<const qint32>(all).subspan(i, 10), kT0);
            if (i % 500 == 0)
                QTest::qWait(30);
        }
        QVERIFY(writer.stop());
        QCOMPARE(writer.stats().droppedSamples, 0u);

        auto reader = StoreReader::open(*m_cache, nullptr);
        const auto patients = reader->patients();
        QCOMPARE(patients.size(), 1u);
        const auto streams = reader->streams(patients[0].id);
        QCOMPARE(streams.size(), 1u);
        QCOMPARE(streams[0].descriptor.gain, 200.0);
        std::vector<StoreReader::SampleRun> runs;
        QVERIFY(reader->samples(streams[0].id, kT0, kT0 + 10'000'000, runs));
        std::vector<qint32> back;
        core::Timestamp expectedStart = kT0;
        for (const auto& run : runs) {
            QCOMPARE(run.firstSampleTime, expectedStart);
            back.insert(back.end(), run.samples.begin(), run.samples.end());
            expectedStart += static_cast<core::Timestamp>(run.samples.size()) * 2000;
        }
        QCOMPARE(back, all);
        QCOMPARE(reader->counts().chunks, 11); // 0.877 s + 9 whole seconds + 0.123 s
        QCOMPARE(reader->database().queryInt("SELECT max(n) FROM wave_chunk"), 500);

        // Overview: one column per whole second equals the samples' min/max in that second.
        const core::Timestamp firstWhole = (kT0 / 1'000'000 + 1) * 1'000'000;
        std::vector<StoreReader::Column> columns;
        QVERIFY(reader->overview(streams[0].id, firstWhole, firstWhole + 9'000'000, 9, columns));
        for (int c = 0; c < 9; ++c) {
            qint32 mn = INT32_MAX;
            qint32 mx = INT32_MIN;
            for (std::size_t i = 0; i < all.size(); ++i) {
                const core::Timestamp t = kT0 + static_cast<core::Timestamp>(i) * 2000;
                if (t >= firstWhole + c * 1'000'000 && t < firstWhole + (c + 1) * 1'000'000) {
                    mn = std::min(mn, all[i]);
                    mx = std::max(mx, all[i]);
                }
            }
            QCOMPARE(columns[static_cast<std::size_t>(c)].min, mn);
            QCOMPARE(columns[static_cast<std::size_t>(c)].max, mx);
        }
    }

    void leadOffAndGapsAreKept()
    {
        StoreWriter writer(*m_cache, testConfig());
        QVERIFY(writer.start());
        const int sh = writer.registerStream(
            writer.registerPatient(patient("p")), store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg));
        std::vector<qint32> samples = ecgLike(500);
        std::fill(samples.begin() + 100, samples.begin() + 300, codec::WaveCodec::kInvalid);
        writer.appendSamples(sh, 1'700'000'000'000'000, samples, 0);
        writer.appendSamples(sh, 1'700'000'005'000'000, ecgLike(500), 0); // 4 s later: a gap
        QVERIFY(writer.stop());
        auto reader = StoreReader::open(*m_cache, nullptr);
        std::vector<StoreReader::SampleRun> runs;
        QVERIFY(reader->samples(1, 0, INT64_MAX, runs));
        QCOMPARE(runs.size(), 2u);
        QCOMPARE(runs[0].samples, samples);
        QCOMPARE(runs[1].firstSampleTime, 1'700'000'005'000'000);
    }

    // A second that is already stored arrives again (a replay, or a device resending after the
    // workstation restarted): the newest copy replaces it, and the pyramid follows the new values.
    void aSecondStoredAgainIsReplaced()
    {
        const core::Timestamp t = 1'700'000'000'000'000;
        const int sh1 = [&] {
            StoreWriter writer(*m_cache, testConfig());
            if (!writer.start())
                return -1;
            const int sh = writer.registerStream(
                writer.registerPatient(patient("p")), store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg));
            writer.appendSamples(sh, t, ecgLike(1000), 0);
            return writer.stop() ? sh : -1;
        }();
        QVERIFY(sh1 > 0);
        std::vector<qint32> second = ecgLike(500, 7);
        for (qint32& v : second)
            v *= 3;
        StoreWriter writer(*m_cache, testConfig());
        QVERIFY(writer.start());
        const int sh = writer.registerStream(
            writer.registerPatient(patient("p")), store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg));
        writer.appendSamples(sh, t, second, 0);
        QVERIFY(writer.stop());

        auto reader = StoreReader::open(*m_cache, nullptr);
        QCOMPARE(reader->counts().chunks, 2);
        std::vector<StoreReader::SampleRun> runs;
        QVERIFY(reader->samples(1, t, t + 1'000'000, runs));
        QCOMPARE(runs.size(), 1u);
        QCOMPARE(runs[0].samples, second);
        std::vector<StoreReader::Column> columns;
        QVERIFY(reader->overview(1, t, t + 2'000'000, 2, columns));
        QCOMPARE(columns[0].max, *std::max_element(second.begin(), second.end()));
        QCOMPARE(columns[1].max, 200);
    }

    void commitsAtLeastEverySecondWhileRunning()
    {
        StoreWriter writer(*m_cache, testConfig());
        QVERIFY(writer.start());
        const int ph = writer.registerPatient(patient("p"));
        core::Measurement m{72, kT0};
        const quint64 seq = writer.appendVital(ph, core::VitalKind::HeartRate, m, kT0);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(writer.waitCommitted(seq, 3000));
        QVERIFY2(timer.elapsed() < 1500, "a commit took longer than the commit interval");
        // A reader on its own connection sees it while the writer keeps running.
        auto reader = StoreReader::open(*m_cache, nullptr);
        const auto rows = reader->vitals(reader->patients()[0].id, core::VitalKind::HeartRate, 0, INT64_MAX);
        QCOMPARE(rows.size(), 1u);
        QCOMPARE(rows[0].value, 72.0);
        QCOMPARE(rows[0].time, kT0);
        QVERIFY(writer.stop());
    }

    void otherItemsRoundTrip()
    {
        StoreWriter writer(*m_cache, testConfig());
        QVERIFY(writer.start());
        const int ph = writer.registerPatient(patient("p"));
        core::DeviceStatus status;
        status.ecgLeadOff = true;
        status.batteryPercent = 42;
        status.time = kT0;
        writer.appendStatus(ph, status, kT0);
        writer.appendQuarantine(QStringLiteral("mqtt:test"), QStringLiteral("not JSON"), QByteArray("{{{"));
        writer.appendOutbox(QStringLiteral("vigil/v1/site/events"), QByteArray("{}"));
        writer.appendAudit({0, QStringLiteral("nurse"), QStringLiteral("community nurse"),
                               QStringLiteral("review.open"), 0, QStringLiteral("opened review")},
            ph);
        QVERIFY(writer.stop());
        auto reader = StoreReader::open(*m_cache, nullptr);
        const auto s = reader->latestStatus(reader->patients()[0].id);
        QVERIFY(s);
        QVERIFY(s->ecgLeadOff);
        QCOMPARE(s->batteryPercent, 42);
        const auto counts = reader->counts();
        QCOMPARE(counts.quarantine, 1);
        QCOMPARE(counts.outboxPending, 1);
        QCOMPARE(counts.audit, 1);
        QCOMPARE(reader->database().queryInt("SELECT patient_id FROM audit_log"), reader->patients()[0].id);
    }

    void backPressureDropsAreCountedAndRaised()
    {
        StoreWriter::Config config = testConfig();
        config.queueCapacitySamples = 100;
        config.backpressureWaitMs = 10;
        StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start());
        const int sh = writer.registerStream(
            writer.registerPatient(patient("p")), store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg));
        QCOMPARE(writer.appendSamples(sh, kT0, ecgLike(500), kT0), 0u);
        const auto stats = writer.stats();
        QCOMPARE(stats.droppedSamples, 500u);
        QVERIFY(stats.backpressureWaits >= 1);
        QCOMPARE(stats.state, StoreWriter::State::Behind);
        QVERIFY(writer.stop());
    }

    void retentionPrunesOldDataButNotPendingOutbox()
    {
        const core::Timestamp now = 1'800'000'000'000'000;
        StoreWriter::Config config = testConfig();
        config.clock = [now] { return now; };
        config.retention.stepIntervalUs = 0; // a step after every commit
        config.retention.rowsPerStep = 3; // small steps
        config.commitIntervalMs = 50;
        StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start());
        const int ph = writer.registerPatient(patient("p"));
        const int sh = writer.registerStream(ph, store::StreamDescriptor::forLiveStream(core::StreamKind::Resp));
        const core::Timestamp old = now - 73LL * 3600 * 1'000'000; // beyond 72 h
        const core::Timestamp recent = now - 3600LL * 1'000'000;
        writer.appendSamples(sh, old, ecgLike(500), old); // 10 s at 50 Hz
        writer.appendSamples(sh, recent, ecgLike(500), recent);
        writer.appendVital(ph, core::VitalKind::SpO2, {97, now - 31LL * 86400 * 1'000'000}, now);
        writer.appendVital(ph, core::VitalKind::SpO2, {95, now - 29LL * 86400 * 1'000'000}, now);
        writer.appendOutbox(QStringLiteral("t"), QByteArray("pending")); // created "now", never published
        // Keep committing (a heartbeat) until pruning has caught up.
        auto reader = StoreReader::open(*m_cache, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(
            (writer.appendStatus(ph, {}, now), reader->counts().chunks == 10 && reader->counts().vitals == 1), 10000);
        QVERIFY(writer.stats().prunedRows >= 11);
        QCOMPARE(reader->streamRange(1).first, recent);
        QCOMPARE(reader->counts().outboxPending, 1);
        QVERIFY(writer.stop());
    }

    void diskFullPausesAndResumes()
    {
        std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG instead of killing us
        StoreWriter::Config config = testConfig();
        config.commitIntervalMs = 50;
        config.retryIntervalMs = 100;
        StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start());
        const int sh = writer.registerStream(
            writer.registerPatient(patient("p")), store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg));
        writer.appendSamples(sh, kT0, ecgLike(500), kT0);
        QVERIFY(writer.waitCommitted(writer.stats().submitted, 5000));
        {
            auto db = m_cache->connect(store::Database::Mode::ReadWrite, nullptr);
            QVERIFY(db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        rlimit original{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &original), 0);
        rlimit limited = original;
        // The WAL was just truncated: its next frames start at offset 0, so a limit of two pages
        // makes the next commit fail for lack of space.
        limited.rlim_cur = 2 * 4096;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);

        quint64 last = 0;
        std::size_t offset = 500;
        for (int second = 1; second <= 30; ++second, offset += 500)
            last = writer.appendSamples(sh, kT0 + second * 1'000'000LL, ecgLike(500, offset), kT0);
        QTRY_COMPARE_WITH_TIMEOUT(writer.stats().state, StoreWriter::State::DiskFull, 5000);
        QVERIFY(writer.stats().failedCommits >= 1);
        QVERIFY(writer.stats().lastError.kind == store::StoreError::Kind::DiskFull
            || writer.stats().lastError.kind == store::StoreError::Kind::Io);
        QVERIFY(writer.committedSeq() < last);

        QCOMPARE(setrlimit(RLIMIT_FSIZE, &original), 0); // space returns
        QVERIFY(writer.waitCommitted(last, 10000));
        QTRY_COMPARE(writer.stats().state, StoreWriter::State::Running);
        QVERIFY(writer.stop());

        auto reader = StoreReader::open(*m_cache, nullptr);
        QCOMPARE(reader->counts().samples, 31 * 500);
        QCOMPARE(reader->database().queryText("PRAGMA integrity_check"), QStringLiteral("ok"));
        std::vector<StoreReader::SampleRun> runs;
        QVERIFY(reader->samples(1, kT0, INT64_MAX, runs));
        std::vector<qint32> back;
        for (const auto& r : runs)
            back.insert(back.end(), r.samples.begin(), r.samples.end());
        QCOMPARE(back, ecgLike(31 * 500));
    }
};

QTEST_GUILESS_MAIN(TestStoreWriter)
#include "tst_storewriter.moc"
