// The review window's lanes (issue 6): min/max per column over a real encrypted cache, from the
// pyramid for long spans and from the samples for short ones, against brute force over the samples
// that were written (a 2-hour ECG-like stream with spikes and a lead-off gap).
#include "codec/wavecodec.h"
#include "review/lanecolumns.h"
#include "store/cache.h"
#include "store/storeerror.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace vigil;
using review::LaneColumns;

namespace {

constexpr core::Timestamp kT0 = 1'767'225'600'000'000; // 2026-01-01T00:00:00Z
constexpr double kRate = 500.0;
constexpr int kSeconds = 7200;
constexpr int kGapFrom = 3000; // lead off for a minute: seconds [3000, 3060)
constexpr int kGapTo = 3060;

} // namespace

class TestLaneColumns : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Cache> m_cache;
    std::vector<qint32> m_samples; // every sample written, from kT0
    store::StreamDescriptor m_descriptor = store::StreamDescriptor::forLiveStream(core::StreamKind::Ecg);

    // Brute force: physical min/max of the written samples in each column.
    std::vector<LaneColumns::Column> expected(core::Timestamp from, core::Timestamp to, int columns) const
    {
        std::vector<LaneColumns::Column> out(static_cast<std::size_t>(columns));
        const double span = static_cast<double>(to - from);
        for (std::size_t i = 0; i < m_samples.size(); ++i) {
            if (m_samples[i] == codec::WaveCodec::kInvalid)
                continue;
            const double t = static_cast<double>(kT0 - from) + static_cast<double>(i) * 1e6 / kRate;
            if (t < 0 || t >= span)
                continue;
            auto& c = out[static_cast<std::size_t>(t * columns / span)];
            const auto v = static_cast<float>(m_descriptor.toPhysical(m_samples[i]));
            if (c.isEmpty()) {
                c.min = c.max = v;
            } else {
                c.min = std::min(c.min, v);
                c.max = std::max(c.max, v);
            }
        }
        return out;
    }

    void compare(
        core::Timestamp from, core::Timestamp to, int columns, bool pyramid, LaneColumns::SampleCache* cache = nullptr)
    {
        store::StoreError error;
        auto reader = store::StoreReader::open(*m_cache, &error);
        QVERIFY2(reader, qPrintable(error.message));
        const auto patient = reader->patientBySourceKey(QStringLiteral("lane-patient"));
        QVERIFY(patient);
        const auto streams = reader->streams(patient->id);
        QCOMPARE(streams.size(), std::size_t{1});
        QCOMPARE(LaneColumns::usesPyramid(from, to, columns), pyramid);
        std::vector<LaneColumns::Column> got;
        QVERIFY(LaneColumns::read(*reader, streams.front(), from, to, columns, got, &error, cache));
        const auto want = expected(from, to, columns);
        QCOMPARE(got.size(), want.size());
        int empty = 0;
        for (std::size_t c = 0; c < got.size(); ++c) {
            QVERIFY2(got[c].isEmpty() == want[c].isEmpty(), qPrintable(QStringLiteral("column %1").arg(c)));
            if (want[c].isEmpty()) {
                ++empty;
                continue;
            }
            QVERIFY2(got[c].min == want[c].min && got[c].max == want[c].max,
                qPrintable(QStringLiteral("column %1: %2..%3, expected %4..%5")
                               .arg(c)
                               .arg(got[c].min)
                               .arg(got[c].max)
                               .arg(want[c].min)
                               .arg(want[c].max)));
        }
        QVERIFY(empty < columns);
    }

private Q_SLOTS:
    void initTestCase()
    {
        store::StoreError error;
        m_cache = store::Cache::createEphemeral(m_dir.filePath(QStringLiteral("lanes.vigil")), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
        store::StoreWriter::Config config;
        config.backpressureWaitMs = 600'000; // never drop
        config.pruning = false; // 2026 data must not be pruned by the retention policy as it is written
        store::StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start(&error));
        core::PatientIdentity identity;
        identity.id = QStringLiteral("lane-patient");
        const int patient = writer.registerPatient(identity);
        const int stream = writer.registerStream(patient, m_descriptor);
        QRandomGenerator rng(7);
        const auto perSecond = static_cast<std::size_t>(kRate);
        m_samples.reserve(perSecond * kSeconds);
        for (int s = 0; s < kSeconds; ++s) {
            std::vector<qint32> second(perSecond);
            for (std::size_t i = 0; i < perSecond; ++i) {
                const double t = s + static_cast<double>(i) / kRate;
                double mv = 0.3 * std::sin(2 * M_PI * 1.2 * t) + 0.02 * (rng.generateDouble() - 0.5);
                if (rng.bounded(2000) == 0)
                    mv += rng.bounded(2) ? 2.5 : -1.8; // rare spikes: only min/max keeps them
                second[i] = (s >= kGapFrom && s < kGapTo) ? codec::WaveCodec::kInvalid
                                                          : m_descriptor.toDigital(static_cast<float>(mv));
            }
            m_samples.insert(m_samples.end(), second.begin(), second.end());
            writer.appendSamples(stream, kT0 + core::Timestamp{s} * core::kMicrosPerSecond, second,
                kT0 + core::Timestamp{s + 1} * core::kMicrosPerSecond);
        }
        QVERIFY(writer.stop());
    }

    // Two hours on 1,800 columns (4 s each, on whole seconds): the pyramid gives exactly the extremes.
    void wholeRangeFromThePyramid()
    {
        compare(kT0, kT0 + core::Timestamp{kSeconds} * core::kMicrosPerSecond, 1800, true);
    }
    // Around the gap, 10 minutes on 600 columns (1 s each): still the pyramid, the gap's columns empty.
    void gapIsEmpty() { compare(kT0 + 2700 * core::kMicrosPerSecond, kT0 + 3300 * core::kMicrosPerSecond, 600, true); }
    // A 10-second strip on 1,920 columns: from the samples, exact.
    void tenSecondStripFromTheSamples()
    {
        const core::Timestamp from = kT0 + 5000 * core::kMicrosPerSecond + 123'456;
        compare(from, from + 10 * core::kMicrosPerSecond, 1920, false);
    }
    // 5 minutes on 1,920 columns (0.16 s each, under a quarter second): from the samples, exact.
    void fiveMinutesFromTheSamples()
    {
        compare(kT0 + 2900 * core::kMicrosPerSecond, kT0 + 3200 * core::kMicrosPerSecond, 1920, false);
    }
    // 20 minutes on 1,920 columns (0.625 s each): the pyramid's seconds, an envelope that holds every
    // sample of the column (never narrower than the truth) and is the exact min/max of whole seconds.
    void twentyMinutesIsAnEnvelope()
    {
        const core::Timestamp from = kT0 + 2400 * core::kMicrosPerSecond;
        const core::Timestamp to = kT0 + 3600 * core::kMicrosPerSecond;
        QVERIFY(LaneColumns::usesPyramid(from, to, 1920));
        store::StoreError error;
        auto reader = store::StoreReader::open(*m_cache, &error);
        const auto patient = reader->patientBySourceKey(QStringLiteral("lane-patient"));
        const auto streams = reader->streams(patient->id);
        std::vector<LaneColumns::Column> got;
        QVERIFY(LaneColumns::read(*reader, streams.front(), from, to, 1920, got, &error));
        const auto exact = expected(from, to, 1920);
        // The seconds as 1,200 columns: what each pyramid slot holds.
        const auto seconds = expected(from, to, 1200);
        for (std::size_t c = 0; c < got.size(); ++c) {
            QCOMPARE(got[c].isEmpty(), exact[c].isEmpty());
            if (exact[c].isEmpty())
                continue;
            QVERIFY(got[c].min <= exact[c].min && got[c].max >= exact[c].max);
            // Bounded by the seconds the column overlaps.
            const double t0 = static_cast<double>(c) * 1200.0 / 1920.0;
            const double t1 = static_cast<double>(c + 1) * 1200.0 / 1920.0;
            float lo = seconds[static_cast<std::size_t>(t0)].min;
            float hi = seconds[static_cast<std::size_t>(t0)].max;
            for (auto k = static_cast<std::size_t>(t0);
                 k < std::min<std::size_t>(1200, static_cast<std::size_t>(std::ceil(t1))); ++k) {
                if (!seconds[k].isEmpty()) {
                    lo = std::min(lo, seconds[k].min);
                    hi = std::max(hi, seconds[k].max);
                }
            }
            QCOMPARE(got[c].min, lo);
            QCOMPARE(got[c].max, hi);
        }
    }
    // A view's zoom and pan steps through one sample cache: every read is still exact (the cached
    // runs and the new ones, across the gap's edges), a zoom in is served from the cache, and a pan
    // keeps about a span either side of the last read, not everything it ever held.
    void sampleCacheAcrossZoomAndPan()
    {
        constexpr core::Timestamp kS = core::kMicrosPerSecond;
        LaneColumns::SampleCache cache;
        QVERIFY(!cache.covers(kT0, kT0 + kS));
        const core::Timestamp middle = kT0 + 3000 * kS + 1234; // on the gap's start
        std::vector<core::Timestamp> spans;
        for (core::Timestamp span = 320 * kS; span >= 10 * kS; span /= 2)
            spans.push_back(span);
        for (const core::Timestamp span : spans) {
            const bool inside = cache.covers(middle - span / 2, middle + span / 2);
            QCOMPARE(inside, span != spans.front()); // each step in is inside the one before
            compare(middle - span / 2, middle + span / 2, 1920, false, &cache);
            QVERIFY(cache.covers(middle - span / 2, middle + span / 2));
        }
        for (auto it = spans.rbegin(); it != spans.rend(); ++it)
            compare(middle - *it / 2, middle + *it / 2, 1920, false, &cache);
        // Pans by a tenth of the span, out of the gap's end and across the data's start and end.
        for (const core::Timestamp span : {10 * kS, 300 * kS}) {
            for (const core::Timestamp start : {kT0 + 3055 * kS + 777, kT0 - span / 2, kT0 + kSeconds * kS - span}) {
                for (int k = 0; k < 10; ++k) // the last one still holds data
                    compare(start + k * span / 10, start + k * span / 10 + span, 1920, false, &cache);
            }
        }
        // Backwards, then a jump far away (nothing shared).
        for (int k = 9; k >= 0; --k)
            compare(kT0 + 2990 * kS + k * kS, kT0 + 3000 * kS + k * kS, 1920, false, &cache);
        compare(kT0 + 100 * kS, kT0 + 110 * kS, 1920, false, &cache);
        QVERIFY(!cache.covers(kT0 + 2990 * kS, kT0 + 3000 * kS));
        // Thirty pans forward: only about a span either side of the last read is kept.
        for (int k = 1; k <= 30; ++k)
            compare(kT0 + (100 + k) * kS, kT0 + (110 + k) * kS, 1920, false, &cache);
        QVERIFY(cache.covers(kT0 + 120 * kS, kT0 + 140 * kS));
        QVERIFY(!cache.covers(kT0 + 110 * kS, kT0 + 140 * kS));
        cache.clear();
        QVERIFY(!cache.covers(kT0 + 100 * kS, kT0 + 110 * kS));
    }
    void nothingOutsideTheData()
    {
        store::StoreError error;
        auto reader = store::StoreReader::open(*m_cache, &error);
        const auto patient = reader->patientBySourceKey(QStringLiteral("lane-patient"));
        const auto streams = reader->streams(patient->id);
        std::vector<LaneColumns::Column> got;
        const core::Timestamp after = kT0 + core::Timestamp{kSeconds + 60} * core::kMicrosPerSecond;
        QVERIFY(LaneColumns::read(*reader, streams.front(), after, after + 3600 * core::kMicrosPerSecond, 100, got));
        QCOMPARE(got.size(), std::size_t{100});
        for (const auto& c : got)
            QVERIFY(c.isEmpty());
        QVERIFY(LaneColumns::read(*reader, streams.front(), after, after, 100, got));
        QCOMPARE(got.size(), std::size_t{100});
    }
};

QTEST_GUILESS_MAIN(TestLaneColumns)
#include "tst_lanecolumns.moc"
