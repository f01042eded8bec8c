// History on reopen: two minutes of four simulated patients recorded into a real encrypted cache
// come back into a fresh LiveHub with their identities, the last seconds of every waveform (equal to
// what was recorded within the stored resolution), trends, and device status; a simulator started
// afterwards reuses those feeds.

#include "crypto/kdfparams.h"
#include "crypto/securebytes.h"
#include "ingest/simulatorsource.h"
#include "ingest/storehistory.h"
#include "ingest/storerecorder.h"
#include "live/livehub.h"
#include "store/cache.h"
#include "store/storewriter.h"
#include "store/streamdescriptor.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace vigil;
using core::kMicrosPerSecond;
using core::StreamKind;
using core::Timestamp;

namespace {

constexpr int kPatients = 4;
constexpr int kRecordedSeconds = 120;

std::vector<float> lastSamples(const live::PatientFeed& feed, StreamKind kind, std::size_t count)
{
    const auto& ring = feed.ring(kind);
    std::vector<float> out;
    const std::uint64_t written = ring.written();
    ring.read(written > count ? written - count : 0, out);
    return out;
}

} // namespace

class TestStoreHistory : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Cache> m_cache;
    live::LiveHub m_recorded; // what the live view had while recording
    ingest::SimulatorSource::Config m_config;

private Q_SLOTS:
    void initTestCase()
    {
        store::StoreError error;
        m_cache = store::Cache::create(m_dir.filePath(QStringLiteral("cache.vigil")),
            crypto::SecureBytes::fromUtf8(QStringLiteral("harbour violet kettle")), crypto::KdfParams::fast(), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
        store::StoreWriter writer(*m_cache);
        QVERIFY(writer.start(&error));
        ingest::StoreRecorder recorder(writer);
        m_config.patients = kPatients;
        m_config.seed = 11;
        // Recent data (the writer's retention prunes by wall-clock time).
        const Timestamp end = (core::nowUtc() / kMicrosPerSecond) * kMicrosPerSecond;
        m_config.startTime = end - Timestamp{kRecordedSeconds} * kMicrosPerSecond;
        ingest::SimulatorSource source(m_config, m_recorded);
        source.setRecorder(&recorder);
        for (Timestamp t = m_config.startTime + kMicrosPerSecond / 4; t <= end; t += kMicrosPerSecond / 4)
            source.pump(t);
        QVERIFY(writer.stop());
        QCOMPARE(writer.stats().droppedSamples, quint64(0));
    }

    void feedsComeBackWithTheirHistory()
    {
        live::LiveHub hub;
        ingest::StoreHistory::Summary summary;
        store::StoreError error;
        QVERIFY2(ingest::StoreHistory::load(*m_cache, hub, &summary, &error), qPrintable(error.message));
        QCOMPARE(hub.patientCount(), kPatients);
        QCOMPARE(summary.patients, kPatients);
        QCOMPARE(summary.feedsAdded, kPatients);
        QVERIFY(summary.samples > 0);
        QVERIFY(summary.vitals > 0);

        for (int i = 0; i < kPatients; ++i) {
            const live::PatientFeed& original = m_recorded.feed(i);
            const int index = hub.indexOf(original.identity().id);
            QVERIFY(index >= 0);
            const live::PatientFeed& loaded = hub.feed(index);
            QCOMPARE(loaded.identity().givenName, original.identity().givenName);
            QCOMPARE(loaded.identity().familyName, original.identity().familyName);
            QCOMPARE(loaded.identity().nhsNumber, original.identity().nhsNumber);
            QCOMPARE(loaded.identity().birthDate, original.identity().birthDate);

            const live::FeedSnapshot was = original.snapshot();
            const live::FeedSnapshot now = loaded.snapshot();
            for (StreamKind kind : core::kAllStreams) {
                const auto si = static_cast<std::size_t>(core::streamIndex(kind));
                const std::size_t expected =
                    static_cast<std::size_t>(core::sampleRateHz(kind)) * ingest::StoreHistory::kWaveformSeconds;
                QCOMPARE(loaded.ring(kind).written(), std::uint64_t(expected));
                QCOMPARE(now.lastSampleTime[si], was.lastSampleTime[si]);
                // The newest samples equal what was recorded, within the stored resolution.
                const store::StreamDescriptor descriptor = store::StreamDescriptor::forLiveStream(kind);
                const double tolerance = 0.5 / descriptor.gain + 1e-6;
                const std::vector<float> a = lastSamples(original, kind, expected);
                const std::vector<float> b = lastSamples(loaded, kind, expected);
                QCOMPARE(b.size(), a.size());
                for (std::size_t k = 0; k < a.size(); ++k) {
                    if (std::isnan(a[k])) {
                        QVERIFY(std::isnan(b[k]));
                        continue;
                    }
                    if (std::abs(a[k] - b[k]) > tolerance)
                        QFAIL(qPrintable(QStringLiteral("patient %1 stream %2 sample %3: %4 vs %5")
                                             .arg(i)
                                             .arg(int(si))
                                             .arg(k)
                                             .arg(a[k])
                                             .arg(b[k])));
                }
                // Data ages are the true ones: received when generated.
                QCOMPARE(loaded.sampleTime(kind, loaded.ring(kind).written() - 1), now.lastSampleTime[si]);
            }

            // Vitals: the latest values and the trends.
            for (core::VitalKind kind :
                {core::VitalKind::HeartRate, core::VitalKind::SpO2, core::VitalKind::RespRate}) {
                QCOMPARE(now.vitals[kind].time, was.vitals[kind].time);
                QVERIFY(std::abs(now.vitals[kind].value - was.vitals[kind].value) < 1e-6);
                const auto trendWas = original.trend(kind);
                const auto trendNow = loaded.trend(kind);
                QVERIFY(trendNow.size() > 5);
                QCOMPARE(trendNow.size(), trendWas.size());
                QCOMPARE(trendNow.back().time, trendWas.back().time);
            }
            QCOMPARE(now.status.time, was.status.time);
            QCOMPARE(now.status.online, was.status.online);
            QCOMPARE(now.status.ecgLeadOff, was.status.ecgLeadOff);
            QCOMPARE(now.lastReceived, was.lastReceived);
        }
    }

    void simulatorReusesTheLoadedFeeds()
    {
        live::LiveHub hub;
        QVERIFY(ingest::StoreHistory::load(*m_cache, hub));
        ingest::StoreHistory::Summary again;
        QVERIFY(ingest::StoreHistory::load(*m_cache, hub, &again)); // loading twice adds nothing
        QCOMPARE(again.feedsAdded, 0);
        QCOMPARE(hub.patientCount(), kPatients);
        const std::uint64_t before = hub.feed(0).ring(StreamKind::Ecg).written();
        const Timestamp last = hub.feed(0).snapshot().lastSampleTime[0];

        ingest::SimulatorSource::Config config = m_config;
        config.patients = kPatients + 1;
        config.startTime = last + core::samplePeriodUs(StreamKind::Ecg);
        ingest::SimulatorSource source(config, hub);
        QCOMPARE(hub.patientCount(), kPatients + 1); // one new patient, the others reused
        source.pump(config.startTime + 2 * kMicrosPerSecond);
        // The stored stretch continues in the same feed, without a gap.
        QVERIFY(hub.feed(0).ring(StreamKind::Ecg).written() >= before + 999);
        QVERIFY(hub.feed(0).ring(StreamKind::Ecg).written() <= before + 1001);
    }
};

QTEST_GUILESS_MAIN(TestStoreHistory)
#include "tst_storehistory.moc"
