// The review window's trends (issue 6): stored vitals over a range, thinned without losing extremes,
// and NEWS2 worked out again from them over a real encrypted cache. The recording is device-only
// (no consciousness, no air/oxygen), so every set is incomplete and shows the range of totals its
// two missing parameters allow: consciousness 0 or 3, air/oxygen 0 or 2.
#include "review/trendhistory.h"
#include "store/cache.h"
#include "store/storeerror.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using review::TrendHistory;

namespace {

constexpr core::Timestamp kT0 = 1'767'225'600'000'000; // 2026-01-01T00:00:00Z
constexpr core::Timestamp kMinute = 60 * core::kMicrosPerSecond;
// Hour 0: every parameter normal (each scores 0). Hour 1: SpO2 92 % (2 on Scale 1) and respiration 22 /min (2).
// Then 90 minutes with nothing, then 30 minutes normal again.
constexpr int kNormalMinutes = 60;
constexpr int kUnwellMinutes = 60;
constexpr int kSilentMinutes = 90;
constexpr int kBackMinutes = 30;
constexpr int kTotalMinutes = kNormalMinutes + kUnwellMinutes + kSilentMinutes + kBackMinutes;

} // namespace

class TestTrendHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Cache> m_cache;
    std::unique_ptr<store::StoreReader> m_reader;
    qint64 m_patient = 0;

private Q_SLOTS:
    void initTestCase()
    {
        store::StoreError error;
        m_cache = store::Cache::createEphemeral(m_dir.filePath(QStringLiteral("trends.vigil")), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
        store::StoreWriter::Config config;
        config.pruning = false; // the recording is in the past: retention would remove it
        store::StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start(&error));
        core::PatientIdentity identity;
        identity.id = QStringLiteral("trend-patient");
        const int patient = writer.registerPatient(identity);
        // A reading of each kind every 10 s.
        for (core::Timestamp t = kT0; t < kT0 + kTotalMinutes * kMinute; t += 10 * core::kMicrosPerSecond) {
            const core::Timestamp minute = (t - kT0) / kMinute;
            if (minute >= kNormalMinutes + kUnwellMinutes && minute < kNormalMinutes + kUnwellMinutes + kSilentMinutes)
                continue;
            const bool unwell = minute >= kNormalMinutes && minute < kNormalMinutes + kUnwellMinutes;
            const auto vital = [&](core::VitalKind kind, double value) {
                writer.appendVital(patient, kind, core::Measurement{value, t}, t);
            };
            vital(core::VitalKind::HeartRate, 80);
            vital(core::VitalKind::SpO2, unwell ? 92 : 97);
            vital(core::VitalKind::RespRate, unwell ? 22 : 16);
            vital(core::VitalKind::SystolicBp, 120);
            vital(core::VitalKind::DiastolicBp, 80);
            vital(core::VitalKind::Temperature, 37.0);
        }
        QVERIFY(writer.stop());
        m_reader = store::StoreReader::open(*m_cache, &error);
        QVERIFY2(m_reader, qPrintable(error.message));
        const auto row = m_reader->patientBySourceKey(QStringLiteral("trend-patient"));
        QVERIFY(row);
        m_patient = row->id;
    }

    void vitalsInTheRange()
    {
        // Hour 1 only: 360 readings of each kind, none thinned (under 3,000).
        const auto h = TrendHistory::read(
            *m_reader, m_patient, kT0 + kNormalMinutes * kMinute, kT0 + (kNormalMinutes + kUnwellMinutes) * kMinute);
        for (int k = 0; k < core::kVitalKindCount; ++k)
            QCOMPARE(h.vitals[static_cast<std::size_t>(k)].size(), std::size_t{360});
        const auto& spo2 = h.vitals[static_cast<std::size_t>(core::VitalKind::SpO2)];
        QCOMPARE(spo2.front().time, kT0 + kNormalMinutes * kMinute);
        QCOMPARE(spo2.front().value, 92.0);
        // The hour before counts for NEWS2 (freshness), not for the chart: 6 × 360 + 6 × 360 read.
        QCOMPARE(h.vitalsRead, qint64{2 * 6 * 360});
    }

    // Thinning keeps the first, lowest and highest of each slice, in time order.
    void thinningKeepsExtremes()
    {
        std::vector<core::Measurement> points;
        for (int i = 0; i < 10'000; ++i)
            points.push_back({i == 4321 ? 250.0 : (i == 8765 ? 20.0 : 60.0 + i % 7), kT0 + i * core::kMicrosPerSecond});
        const auto thin = TrendHistory::thin(points, 300);
        QVERIFY(thin.size() <= 300);
        QVERIFY(thin.size() >= 200);
        QVERIFY(std::is_sorted(thin.begin(), thin.end(), [](const auto& a, const auto& b) { return a.time < b.time; }));
        QVERIFY(std::any_of(thin.begin(), thin.end(), [](const auto& m) { return m.value == 250.0; }));
        QVERIFY(std::any_of(thin.begin(), thin.end(), [](const auto& m) { return m.value == 20.0; }));
        QCOMPARE(thin.front().time, points.front().time);
        QCOMPARE(TrendHistory::thin(points, 20'000).size(), points.size()); // short enough: unchanged
    }

    // One point a minute; every set incomplete with the range its missing parameters allow; nothing
    // measured for over an hour: no range at all.
    void news2IsIncompleteWithItsRange()
    {
        const auto h = TrendHistory::read(*m_reader, m_patient, kT0, kT0 + kTotalMinutes * kMinute);
        QCOMPARE(h.news2.size(), std::size_t{kTotalMinutes});
        const auto at = [&](int minute) { return h.news2[static_cast<std::size_t>(minute)]; };
        QCOMPARE(at(0).time, kT0);
        QCOMPARE(at(1).time, kT0 + kMinute);
        for (const auto& p : h.news2)
            QCOMPARE(p.total, -1); // never a total without consciousness and air/oxygen
        QCOMPARE(at(30).minTotal, 0);
        QCOMPARE(at(30).maxTotal, 5);
        QCOMPARE(at(90).minTotal, 4); // SpO2 92 % scores 2 (Scale 1), respiration 22 scores 2
        QCOMPARE(at(90).maxTotal, 9);
        // 59 minutes into the silence the last unwell readings are still fresh (60-minute window) ...
        QCOMPARE(at(kNormalMinutes + kUnwellMinutes + 59).minTotal, 4);
        // ... after that there is nothing to score.
        QCOMPARE(at(kNormalMinutes + kUnwellMinutes + 61).minTotal, -1);
        QCOMPARE(at(kNormalMinutes + kUnwellMinutes + 61).maxTotal, -1);
        QCOMPARE(at(kTotalMinutes - 1).minTotal, 0);
        QCOMPARE(at(kTotalMinutes - 1).maxTotal, 5);
    }

    // A day on at most 1,440 points: the step grows past a minute.
    void longRangesHaveBoundedPoints()
    {
        TrendHistory::Config config;
        config.maxNews2Points = 60;
        const auto h = TrendHistory::read(*m_reader, m_patient, kT0, kT0 + kTotalMinutes * kMinute, config);
        QCOMPARE(h.news2.size(), std::size_t{60});
        QCOMPARE(h.news2[1].time - h.news2[0].time, kTotalMinutes * kMinute / 60);
    }
};

QTEST_GUILESS_MAIN(TestTrendHistory)
#include "tst_trendhistory.moc"
