// Rates derived from waveforms against the simulator's ground truth: heart rate from the ECG, pulse
// rate from the pleth, respiration rate from the resp wave, for a normal, a bradycardic and a septic
// (fast) patient; and nothing from a flat line, noise or a mostly invalid signal.
#include "signal/rateestimator.h"
#include "sim/patientsimulator.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace vigil;
using signal::RateEstimator;

namespace {

constexpr core::Timestamp kT0 = 1'800'000'000LL * core::kMicrosPerSecond;

struct Simulated
{
    std::array<std::vector<double>, core::kStreamCount> waves;
    core::VitalSigns vitals; // the last of each
};

Simulated simulate(sim::Scenario scenario, int seconds, int patient = 0)
{
    sim::PatientSimulator s(3, patient, scenario, kT0);
    Simulated out;
    for (int t = 1; t <= seconds; ++t) {
        const auto batch = s.advanceTo(kT0 + t * core::kMicrosPerSecond);
        for (int k = 0; k < core::kStreamCount; ++k) {
            for (const auto& run : batch.streams[static_cast<std::size_t>(k)])
                out.waves[static_cast<std::size_t>(k)].insert(
                    out.waves[static_cast<std::size_t>(k)].end(), run.samples.begin(), run.samples.end());
        }
        for (const auto& v : batch.vitals)
            out.vitals[v.kind] = v.measurement;
    }
    return out;
}

std::span<const double> last(const std::vector<double>& x, std::size_t n)
{
    return std::span<const double>(x).last(std::min(n, x.size()));
}

} // namespace

class TestRateEstimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void againstTheSimulator_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<int>("seconds");
        QTest::newRow("stable") << int(sim::Scenario::Stable) << 90;
        QTest::newRow("bradycardia") << int(sim::Scenario::Bradycardia) << 90;
        QTest::newRow("sepsis, late") << int(sim::Scenario::Sepsis) << 600;
    }
    void againstTheSimulator()
    {
        QFETCH(int, scenario);
        QFETCH(int, seconds);
        const Simulated s = simulate(sim::Scenario(scenario), seconds);
        const double ecgRate = core::sampleRateHz(core::StreamKind::Ecg);
        const double plethRate = core::sampleRateHz(core::StreamKind::Pleth);
        const double respRate = core::sampleRateHz(core::StreamKind::Resp);
        const double hr = s.vitals[core::VitalKind::HeartRate].value;
        const double rr = s.vitals[core::VitalKind::RespRate].value;

        const auto fromEcg = RateEstimator::heartRate(
            last(s.waves[core::streamIndex(core::StreamKind::Ecg)], std::size_t(10 * ecgRate)), ecgRate);
        const auto fromPleth = RateEstimator::pulseRate(
            last(s.waves[core::streamIndex(core::StreamKind::Pleth)], std::size_t(10 * plethRate)), plethRate);
        const auto fromResp = RateEstimator::respirationRate(
            last(s.waves[core::streamIndex(core::StreamKind::Resp)], std::size_t(60 * respRate)), respRate);
        QVERIFY(fromEcg && fromPleth && fromResp);
        qInfo("device HR %.1f, from ECG %.1f, from pleth %.1f; device RR %.1f, from resp %.1f", hr, *fromEcg,
            *fromPleth, rr, *fromResp);
        QVERIFY2(std::fabs(*fromEcg - hr) <= 5, qPrintable(QString::number(*fromEcg)));
        QVERIFY2(std::fabs(*fromPleth - hr) <= 5, qPrintable(QString::number(*fromPleth)));
        QVERIFY2(std::fabs(*fromResp - rr) <= 3, qPrintable(QString::number(*fromResp)));
    }

    void nothingFromNothing()
    {
        const std::vector<double> flat(5000, 0.0);
        QVERIFY(!RateEstimator::heartRate(flat, 500));
        QVERIFY(!RateEstimator::pulseRate(std::span<const double>(flat).first(1250), 125));
        QVERIFY(!RateEstimator::respirationRate(std::span<const double>(flat).first(3000), 50));
        std::vector<double> invalid(5000, std::nan(""));
        for (std::size_t i = 0; i < 1000; ++i)
            invalid[i] = 0.1;
        QVERIFY(!RateEstimator::heartRate(invalid, 500));
        QVERIFY(!RateEstimator::pulseRate(std::span<const double>(invalid).first(200), 125)); // too short
    }
};

QTEST_GUILESS_MAIN(TestRateEstimator)
#include "tst_rateestimator.moc"
