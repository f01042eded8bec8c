#include "sim/demoidentities.h"
#include "sim/patientsimulator.h"
#include "sim/scenario.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <memory>
#include <numeric>
#include <vector>

using namespace vigil;
using namespace vigil::sim;
using core::Measurement;
using core::StreamKind;
using core::Timestamp;
using core::VitalKind;

namespace {

// 2026-01-01T00:00:00Z plus an odd offset, so nothing relies on round start times.
constexpr Timestamp kStart = 1'767'225'600'000'000 + 123'457;
constexpr Timestamp kSecond = core::kMicrosPerSecond;
constexpr Timestamp kMilli = core::kMicrosPerMilli;
constexpr Timestamp kMinute = 60 * kSecond;

constexpr int kEcg = core::streamIndex(StreamKind::Ecg);
constexpr int kPleth = core::streamIndex(StreamKind::Pleth);
constexpr int kResp = core::streamIndex(StreamKind::Resp);

// Everything a simulator produced, with the batches concatenated.
struct Recording
{
    std::array<std::vector<Timestamp>, core::kStreamCount> times;
    std::array<std::vector<float>, core::kStreamCount> values;
    std::array<int, core::kStreamCount> runs{};
    std::vector<SimulationBatch::VitalUpdate> vitals;
    std::vector<core::DeviceStatus> status;
    std::vector<Timestamp> rPeaks;
    int batches = 0;

    void append(const SimulationBatch& batch)
    {
        ++batches;
        for (int s = 0; s < core::kStreamCount; ++s) {
            const Timestamp period = core::samplePeriodUs(core::kAllStreams[static_cast<size_t>(s)]);
            for (const SimulationBatch::Samples& run : batch.streams[static_cast<size_t>(s)]) {
                ++runs[static_cast<size_t>(s)];
                for (size_t i = 0; i < run.samples.size(); ++i) {
                    times[static_cast<size_t>(s)].push_back(run.firstSampleTime + static_cast<Timestamp>(i) * period);
                    values[static_cast<size_t>(s)].push_back(run.samples[i]);
                }
            }
        }
        vitals.insert(vitals.end(), batch.vitals.begin(), batch.vitals.end());
        status.insert(status.end(), batch.statusChanges.begin(), batch.statusChanges.end());
        rPeaks.insert(rPeaks.end(), batch.rPeaks.begin(), batch.rPeaks.end());
    }

    [[nodiscard]] std::vector<Measurement> vitalsOf(VitalKind kind) const;
};

std::vector<Measurement> Recording::vitalsOf(VitalKind kind) const
{
    std::vector<Measurement> out;
    for (const SimulationBatch::VitalUpdate& v : vitals) {
        if (v.kind == kind)
            out.push_back(v.measurement);
    }
    return out;
}

// Runs a simulator from kStart for `duration`, in steps taken cyclically from `steps` (one call
// when empty).
Recording record(PatientSimulator& sim, Timestamp duration, const std::vector<Timestamp>& steps = {})
{
    Recording rec;
    if (steps.empty()) {
        rec.append(sim.advanceTo(kStart + duration));
        return rec;
    }
    Timestamp t = kStart;
    size_t i = 0;
    while (t < kStart + duration) {
        t = std::min(kStart + duration, t + steps[i++ % steps.size()]);
        rec.append(sim.advanceTo(t));
    }
    return rec;
}

Recording record(
    quint64 seed, int patient, Scenario scenario, Timestamp duration, const std::vector<Timestamp>& steps = {})
{
    PatientSimulator sim(seed, patient, scenario, kStart);
    return record(sim, duration, steps);
}

Scenario scenarioFrom(const QString& name)
{
    const std::optional<Scenario> scenario = scenarioFromName(name);
    if (!scenario)
        qFatal("unknown scenario in test data");
    return *scenario;
}

void addScenarioRows()
{
    QTest::addColumn<QString>("scenario");
    for (const QString& name : scenarioNames())
        QTest::newRow(qPrintable(name)) << name;
}

bool sameBits(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::bit_cast<std::uint32_t>(a[i]) != std::bit_cast<std::uint32_t>(b[i]))
            return false;
    }
    return true;
}

// Compares two recordings bit for bit; returns a description of the first difference.
QString difference(const Recording& a, const Recording& b)
{
    for (size_t s = 0; s < core::kStreamCount; ++s) {
        if (a.times[s] != b.times[s])
            return QStringLiteral("sample times of stream %1 differ (%2 vs %3 samples)")
                .arg(s)
                .arg(a.times[s].size())
                .arg(b.times[s].size());
        if (!sameBits(a.values[s], b.values[s]))
            return QStringLiteral("sample values of stream %1 differ").arg(s);
    }
    if (a.vitals.size() != b.vitals.size())
        return QStringLiteral("vital counts differ: %1 vs %2").arg(a.vitals.size()).arg(b.vitals.size());
    for (size_t i = 0; i < a.vitals.size(); ++i) {
        const auto& x = a.vitals[i];
        const auto& y = b.vitals[i];
        if (x.kind != y.kind || x.measurement.time != y.measurement.time
            || std::bit_cast<std::uint64_t>(x.measurement.value) != std::bit_cast<std::uint64_t>(y.measurement.value))
            return QStringLiteral("vital %1 differs").arg(i);
    }
    if (a.status.size() != b.status.size())
        return QStringLiteral("status counts differ: %1 vs %2").arg(a.status.size()).arg(b.status.size());
    for (size_t i = 0; i < a.status.size(); ++i) {
        const auto& x = a.status[i];
        const auto& y = b.status[i];
        if (x.ecgLeadOff != y.ecgLeadOff || x.online != y.online || x.batteryPercent != y.batteryPercent
            || x.time != y.time)
            return QStringLiteral("status %1 differs").arg(i);
    }
    if (a.rPeaks != b.rPeaks)
        return QStringLiteral("R peaks differ");
    return {};
}

double mean(const std::vector<double>& v)
{
    return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double standardDeviation(const std::vector<double>& v)
{
    const double m = mean(v);
    double sum = 0.0;
    for (double x : v)
        sum += (x - m) * (x - m);
    return v.size() > 1 ? std::sqrt(sum / static_cast<double>(v.size() - 1)) : 0.0;
}

std::vector<double> intervalsSeconds(const std::vector<Timestamp>& times)
{
    std::vector<double> out;
    for (size_t i = 1; i < times.size(); ++i)
        out.push_back(static_cast<double>(times[i] - times[i - 1]) * 1e-6);
    return out;
}

double heartRateFromPeaks(const std::vector<Timestamp>& peaks)
{
    return 60.0 / mean(intervalsSeconds(peaks));
}

// A simple R-wave detector: above a fixed threshold, the largest sample within +-50 ms, and at
// least 200 ms after the previous detection (refractory period).
std::vector<Timestamp> detectRPeaks(const std::vector<Timestamp>& times, const std::vector<float>& ecg)
{
    constexpr float kThreshold = 0.6f;
    constexpr qsizetype kHalfWindow = 25; // samples at 500 Hz = 50 ms
    constexpr Timestamp kRefractory = 200 * kMilli;
    std::vector<Timestamp> peaks;
    const auto n = static_cast<qsizetype>(ecg.size());
    for (qsizetype i = kHalfWindow; i + kHalfWindow < n; ++i) {
        const float v = ecg[static_cast<size_t>(i)];
        if (!(v > kThreshold))
            continue;
        bool isMax = true;
        for (qsizetype j = i - kHalfWindow; j <= i + kHalfWindow && isMax; ++j) {
            const float w = ecg[static_cast<size_t>(j)];
            if (w > v || (w == v && j < i))
                isMax = false;
        }
        if (!isMax)
            continue;
        const Timestamp t = times[static_cast<size_t>(i)];
        if (!peaks.empty() && t - peaks.back() < kRefractory)
            continue;
        peaks.push_back(t);
    }
    return peaks;
}

// Pleth systolic peaks: the largest sample within +-200 ms, above the signal's mean.
std::vector<Timestamp> detectPlethPeaks(const std::vector<Timestamp>& times, const std::vector<float>& pleth)
{
    constexpr qsizetype kHalfWindow = 25; // samples at 125 Hz = 200 ms
    const double level = std::accumulate(pleth.begin(), pleth.end(), 0.0) / static_cast<double>(pleth.size());
    std::vector<Timestamp> peaks;
    const auto n = static_cast<qsizetype>(pleth.size());
    for (qsizetype i = kHalfWindow; i + kHalfWindow < n; ++i) {
        const float v = pleth[static_cast<size_t>(i)];
        if (v < level)
            continue;
        bool isMax = true;
        for (qsizetype j = i - kHalfWindow; j <= i + kHalfWindow && isMax; ++j) {
            const float w = pleth[static_cast<size_t>(j)];
            if (w > v || (w == v && j < i))
                isMax = false;
        }
        if (isMax)
            peaks.push_back(times[static_cast<size_t>(i)]);
    }
    return peaks;
}

// Value of the last measurement at or before `time`.
double valueAt(const std::vector<Measurement>& series, Timestamp time)
{
    double value = std::nan("");
    for (const Measurement& m : series) {
        if (m.time > time)
            break;
        value = m.value;
    }
    return value;
}

double meanBetween(const std::vector<Measurement>& series, Timestamp from, Timestamp to)
{
    std::vector<double> values;
    for (const Measurement& m : series) {
        if (m.time >= from && m.time < to)
            values.push_back(m.value);
    }
    return values.empty() ? std::nan("") : mean(values);
}

} // namespace

class TestPatientSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identityMatchesDemoIdentities();
    void determinism_data();
    void determinism();
    void differentInputsDiffer();
    void chunkedMatchesSingleCall_data();
    void chunkedMatchesSingleCall();
    void sampleTimesAreOnTheGrid_data();
    void sampleTimesAreOnTheGrid();
    void emptyOrBackwardCallsProduceNothing();
    void heartRateMatchesConfiguration_data();
    void heartRateMatchesConfiguration();
    void ecgShowsTheRPeaks_data();
    void ecgShowsTheRPeaks();
    void rhythmRegularity_data();
    void rhythmRegularity();
    void plethFollowsRPeaks_data();
    void plethFollowsRPeaks();
    void respirationMatchesRate_data();
    void respirationMatchesRate();
    void waveformRanges_data();
    void waveformRanges();
    void vitalsSchedule();
    void heartRateVitalFollowsBeats();
    void sepsisDeteriorates();
    void desaturationEpisodes();
    void leadOffReported();
    void deviceOfflineLeavesGap();
    void perPatientVariety();
    void generationCost();
};

void TestPatientSimulator::identityMatchesDemoIdentities()
{
    const PatientSimulator sim(42, 7, Scenario::Stable, kStart);
    const core::PatientIdentity expected = DemoIdentities::make(42, 7);
    QCOMPARE(sim.identity().id, expected.id);
    QCOMPARE(sim.identity().nhsNumber, expected.nhsNumber);
    QCOMPARE(sim.identity().familyName, expected.familyName);
    QCOMPARE(sim.scenario(), Scenario::Stable);
}

void TestPatientSimulator::determinism_data()
{
    addScenarioRows();
}

void TestPatientSimulator::determinism()
{
    QFETCH(QString, scenario);
    const Scenario s = scenarioFrom(scenario);
    const Recording a = record(1234, 3, s, 4 * kMinute, {kSecond});
    const Recording b = record(1234, 3, s, 4 * kMinute, {kSecond});
    QVERIFY(!a.values[kEcg].empty());
    QVERIFY(!a.vitals.empty());
    QVERIFY(!a.rPeaks.empty());
    const QString diff = difference(a, b);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestPatientSimulator::differentInputsDiffer()
{
    const Timestamp duration = 30 * kSecond;
    const Recording base = record(1, 0, Scenario::Stable, duration);
    const Recording otherSeed = record(2, 0, Scenario::Stable, duration);
    const Recording otherPatient = record(1, 1, Scenario::Stable, duration);
    for (const Recording* other : {&otherSeed, &otherPatient}) {
        QCOMPARE(other->times[kEcg], base.times[kEcg]); // same grid...
        QVERIFY(!sameBits(other->values[kEcg], base.values[kEcg])); // ...different patient
        QVERIFY(!sameBits(other->values[kPleth], base.values[kPleth]));
        QVERIFY(!sameBits(other->values[kResp], base.values[kResp]));
        QVERIFY(other->rPeaks != base.rPeaks);
    }
}

void TestPatientSimulator::chunkedMatchesSingleCall_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<std::vector<Timestamp>>("steps");

    const std::vector<Timestamp> mixed{1 * kMilli, 3 * kMilli, 17 * kMilli, 250 * kMilli, 999'999, 1 * kSecond + 1,
        4'999'999, 37 * kSecond + 3, 2, 11 * kSecond};
    for (const QString& name : scenarioNames()) {
        QTest::addRow("%s/mixed", qPrintable(name)) << name << qint64(7 * kMinute) << mixed;
    }
    QTest::newRow("stable/1ms") << QStringLiteral("stable") << qint64(25 * kSecond) << std::vector<Timestamp>{kMilli};
    QTest::newRow("offline/1ms") << QStringLiteral("offline") << qint64(50 * kSecond) << std::vector<Timestamp>{kMilli};
    QTest::newRow("leadoff/7ms") << QStringLiteral("leadoff") << qint64(55 * kSecond)
                                 << std::vector<Timestamp>{7 * kMilli};
    QTest::newRow("stable/10min") << QStringLiteral("stable") << qint64(21 * kMinute)
                                  << std::vector<Timestamp>{10 * kMinute};
    QTest::newRow("sepsis/10min") << QStringLiteral("sepsis") << qint64(21 * kMinute)
                                  << std::vector<Timestamp>{10 * kMinute};
    QTest::newRow("offline/10min") << QStringLiteral("offline") << qint64(21 * kMinute)
                                   << std::vector<Timestamp>{10 * kMinute, 1 * kSecond};
}

void TestPatientSimulator::chunkedMatchesSingleCall()
{
    QFETCH(QString, scenario);
    QFETCH(qint64, duration);
    QFETCH(std::vector<Timestamp>, steps);
    const Scenario s = scenarioFrom(scenario);
    const Recording single = record(99, 5, s, duration);
    const Recording chunked = record(99, 5, s, duration, steps);
    QCOMPARE(single.batches, 1);
    QVERIFY(chunked.batches > 1);
    QVERIFY(!single.values[kEcg].empty());
    const QString diff = difference(single, chunked);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestPatientSimulator::sampleTimesAreOnTheGrid_data()
{
    addScenarioRows();
}

void TestPatientSimulator::sampleTimesAreOnTheGrid()
{
    QFETCH(QString, scenario);
    const Scenario s = scenarioFrom(scenario);
    const Timestamp duration = 5 * kMinute;
    const Recording rec = record(7, 2, s, duration, {333 * kMilli, 1 * kSecond, 17 * kMilli});
    for (const StreamKind kind : core::kAllStreams) {
        const auto& times = rec.times[static_cast<size_t>(core::streamIndex(kind))];
        const Timestamp period = core::samplePeriodUs(kind);
        QVERIFY(!times.empty());
        QCOMPARE(times.front(), kStart);
        for (size_t i = 0; i < times.size(); ++i) {
            QCOMPARE((times[i] - kStart) % period, Timestamp(0));
            QVERIFY(times[i] < kStart + duration);
            if (i > 0)
                QVERIFY(times[i] > times[i - 1]);
        }
        if (s != Scenario::DeviceOffline) {
            // Without the device going offline, every sample period is covered exactly once.
            QCOMPARE(Timestamp(times.size()), duration / period);
        }
    }
}

void TestPatientSimulator::emptyOrBackwardCallsProduceNothing()
{
    PatientSimulator sim(3, 0, Scenario::Stable, kStart);
    SimulationBatch batch = sim.advanceTo(kStart);
    QVERIFY(batch.streams[kEcg].empty());
    QVERIFY(batch.statusChanges.empty());
    batch = sim.advanceTo(kStart + kSecond);
    QCOMPARE(batch.streams[kEcg].size(), size_t(1));
    QCOMPARE(batch.streams[kEcg].front().samples.size(), size_t(500));
    QCOMPARE(batch.statusChanges.size(), size_t(1)); // initial state
    QVERIFY(batch.statusChanges.front().online);
    QVERIFY(!batch.statusChanges.front().ecgLeadOff);
    batch = sim.advanceTo(kStart + kSecond / 2);
    QVERIFY(batch.streams[kEcg].empty());
    QVERIFY(batch.vitals.empty());
    batch = sim.advanceTo(kStart + kSecond + 1);
    QCOMPARE(batch.streams[kEcg].size(), size_t(1));
    QCOMPARE(batch.streams[kEcg].front().firstSampleTime, kStart + kSecond);
    QCOMPARE(batch.streams[kEcg].front().samples.size(), size_t(1));
    QVERIFY(batch.streams[kPleth].empty() || batch.streams[kPleth].front().samples.size() == 1);
    QVERIFY(batch.statusChanges.empty());
}

void TestPatientSimulator::heartRateMatchesConfiguration_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("patient");
    QTest::addColumn<double>("minRate");
    QTest::addColumn<double>("maxRate");
    QTest::addColumn<double>("tolerance");
    for (int patient = 0; patient < 6; ++patient)
        QTest::addRow("stable/%d", patient)
            << QStringLiteral("stable") << quint64(11) << patient << 60.0 << 90.0 << 1.0;
    QTest::newRow("stable/seed2") << QStringLiteral("stable") << quint64(2) << 40 << 60.0 << 90.0 << 1.0;
    for (int patient = 0; patient < 4; ++patient)
        QTest::addRow("brady/%d", patient) << QStringLiteral("brady") << quint64(11) << patient << 39.0 << 45.0 << 1.0;
    // AF: RR intervals with CV 0.2 make a 5-minute mean uncertain by about 1 /min.
    QTest::newRow("af") << QStringLiteral("af") << quint64(11) << 1 << 99.0 << 121.0 << 4.0;
}

void TestPatientSimulator::heartRateMatchesConfiguration()
{
    QFETCH(QString, scenario);
    QFETCH(quint64, seed);
    QFETCH(int, patient);
    QFETCH(double, minRate);
    QFETCH(double, maxRate);
    QFETCH(double, tolerance);
    PatientSimulator sim(seed, patient, scenarioFrom(scenario), kStart);
    const Recording rec = record(sim, 5 * kMinute, {kSecond});
    QVERIFY(rec.rPeaks.size() > 150);
    std::vector<double> configured;
    for (const Timestamp r : rec.rPeaks)
        configured.push_back(sim.configuredHeartRate(r));
    const double target = mean(configured);
    QVERIFY2(target >= minRate && target <= maxRate, qPrintable(QString::number(target)));
    const double measured = heartRateFromPeaks(rec.rPeaks);
    QVERIFY2(std::abs(measured - target) < tolerance,
        qPrintable(QStringLiteral("measured %1 /min, configured %2 /min").arg(measured).arg(target)));
}

void TestPatientSimulator::ecgShowsTheRPeaks_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("patient");
    for (int patient = 0; patient < 4; ++patient) {
        QTest::addRow("stable/%d", patient) << QStringLiteral("stable") << patient;
        QTest::addRow("brady/%d", patient) << QStringLiteral("brady") << patient;
    }
    QTest::newRow("sepsis") << QStringLiteral("sepsis") << 0;
    QTest::newRow("af") << QStringLiteral("af") << 0;
    QTest::newRow("desat") << QStringLiteral("desat") << 0;
}

void TestPatientSimulator::ecgShowsTheRPeaks()
{
    QFETCH(QString, scenario);
    QFETCH(int, patient);
    const Recording rec = record(21, patient, scenarioFrom(scenario), 3 * kMinute, {250 * kMilli});
    const std::vector<Timestamp> detected = detectRPeaks(rec.times[kEcg], rec.values[kEcg]);

    // Ground truth away from the edges, where the detector cannot see a whole window.
    std::vector<Timestamp> truth;
    for (const Timestamp r : rec.rPeaks) {
        if (r >= rec.times[kEcg].front() + 60 * kMilli && r < rec.times[kEcg].back() - 60 * kMilli)
            truth.push_back(r);
    }
    QCOMPARE(detected.size(), truth.size());
    for (size_t i = 0; i < truth.size(); ++i) {
        const Timestamp error = std::abs(detected[i] - truth[i]);
        QVERIFY2(error <= 20 * kMilli, qPrintable(QStringLiteral("beat %1 off by %2 us").arg(i).arg(error)));
    }
    const double fromEcg = heartRateFromPeaks(detected);
    const double fromTruth = heartRateFromPeaks(truth);
    QVERIFY2(std::abs(fromEcg - fromTruth) < 1.0, qPrintable(QStringLiteral("%1 vs %2").arg(fromEcg).arg(fromTruth)));
}

void TestPatientSimulator::rhythmRegularity_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("patient");
    QTest::addColumn<bool>("irregular");
    for (int patient = 0; patient < 3; ++patient) {
        QTest::addRow("af/%d", patient) << QStringLiteral("af") << patient << true;
        QTest::addRow("stable/%d", patient) << QStringLiteral("stable") << patient << false;
        QTest::addRow("brady/%d", patient) << QStringLiteral("brady") << patient << false;
    }
}

void TestPatientSimulator::rhythmRegularity()
{
    QFETCH(QString, scenario);
    QFETCH(int, patient);
    QFETCH(bool, irregular);
    const Recording rec = record(5, patient, scenarioFrom(scenario), 5 * kMinute, {kSecond});
    const std::vector<double> rr = intervalsSeconds(rec.rPeaks);
    const double cv = standardDeviation(rr) / mean(rr);
    if (irregular) {
        QVERIFY2(cv > 0.1, qPrintable(QString::number(cv)));
        // Irregularly irregular: successive intervals are nearly uncorrelated.
        double successive = 0.0;
        for (size_t i = 1; i < rr.size(); ++i)
            successive += (rr[i] - rr[i - 1]) * (rr[i] - rr[i - 1]);
        const double rmssd = std::sqrt(successive / static_cast<double>(rr.size() - 1));
        QVERIFY(rmssd / mean(rr) > 0.1);
    } else {
        QVERIFY2(cv < 0.1, qPrintable(QString::number(cv)));
        QVERIFY2(cv > 0.005, "sinus rhythm should still show heart-rate variability");
    }
}

void TestPatientSimulator::plethFollowsRPeaks_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("patient");
    QTest::addColumn<int>("minutes");
    for (int patient = 0; patient < 3; ++patient) {
        QTest::addRow("stable/%d", patient) << QStringLiteral("stable") << patient << 3;
        QTest::addRow("brady/%d", patient) << QStringLiteral("brady") << patient << 3;
    }
    QTest::newRow("sepsis") << QStringLiteral("sepsis") << 1 << 12; // through to 125 /min
    QTest::newRow("leadoff") << QStringLiteral("leadoff") << 1 << 3;
}

void TestPatientSimulator::plethFollowsRPeaks()
{
    QFETCH(QString, scenario);
    QFETCH(int, patient);
    QFETCH(int, minutes);
    const Recording rec = record(8, patient, scenarioFrom(scenario), minutes * kMinute, {kSecond});
    const std::vector<Timestamp> peaks = detectPlethPeaks(rec.times[kPleth], rec.values[kPleth]);
    QVERIFY(peaks.size() >= rec.rPeaks.size() * 9 / 10);
    QVERIFY(peaks.size() <= rec.rPeaks.size() + 1);
    for (const Timestamp peak : peaks) {
        if (peak < rec.rPeaks.front() + 400 * kMilli)
            continue; // the pulse of a beat before the recording started
        const auto it = std::upper_bound(rec.rPeaks.begin(), rec.rPeaks.end(), peak);
        QVERIFY(it != rec.rPeaks.begin());
        const Timestamp delay = peak - *(it - 1);
        QVERIFY2(delay >= 150 * kMilli && delay <= 350 * kMilli,
            qPrintable(QStringLiteral("pleth peak %1 ms after R").arg(delay / kMilli)));
    }
}

void TestPatientSimulator::respirationMatchesRate_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("patient");
    for (int patient = 0; patient < 3; ++patient)
        QTest::addRow("stable/%d", patient) << QStringLiteral("stable") << patient;
    QTest::newRow("af") << QStringLiteral("af") << 0;
}

void TestPatientSimulator::respirationMatchesRate()
{
    QFETCH(QString, scenario);
    QFETCH(int, patient);
    const Recording rec = record(13, patient, scenarioFrom(scenario), 5 * kMinute, {kSecond});
    // Breaths from upward zero crossings, with hysteresis against noise.
    const auto& resp = rec.values[kResp];
    const auto& times = rec.times[kResp];
    std::vector<Timestamp> crossings;
    bool low = resp.front() < -0.2f;
    for (size_t i = 0; i < resp.size(); ++i) {
        if (low && resp[i] > 0.2f) {
            crossings.push_back(times[i]);
            low = false;
        } else if (resp[i] < -0.2f) {
            low = true;
        }
    }
    QVERIFY(crossings.size() > 20);
    const double fromWaveform = 60.0 / mean(intervalsSeconds(crossings));
    std::vector<double> reported;
    for (const Measurement& m : rec.vitalsOf(VitalKind::RespRate))
        reported.push_back(m.value);
    QVERIFY(reported.size() >= 59);
    QVERIFY2(std::abs(fromWaveform - mean(reported)) < 1.0,
        qPrintable(QStringLiteral("%1 vs %2").arg(fromWaveform).arg(mean(reported))));
}

void TestPatientSimulator::waveformRanges_data()
{
    addScenarioRows();
}

void TestPatientSimulator::waveformRanges()
{
    QFETCH(QString, scenario);
    const Recording rec = record(17, 4, scenarioFrom(scenario), 6 * kMinute, {kSecond});
    const auto check = [](const std::vector<float>& values, float lo, float hi, bool allowNan) {
        for (const float v : values) {
            if (std::isnan(v)) {
                if (!allowNan)
                    return false;
                continue;
            }
            if (!(v >= lo && v <= hi))
                return false;
        }
        return true;
    };
    QVERIFY(check(rec.values[kEcg], -1.0f, 2.0f, scenario == QLatin1String("leadoff")));
    QVERIFY(check(rec.values[kPleth], -0.1f, 1.3f, false));
    QVERIFY(check(rec.values[kResp], -1.2f, 1.2f, false));
    const auto [plethMin, plethMax] = std::minmax_element(rec.values[kPleth].begin(), rec.values[kPleth].end());
    QVERIFY(*plethMax - *plethMin > 0.3f); // a visible pulse
    const auto [respMin, respMax] = std::minmax_element(rec.values[kResp].begin(), rec.values[kResp].end());
    QVERIFY(*respMax - *respMin > 1.0f);
}

void TestPatientSimulator::vitalsSchedule()
{
    const Timestamp duration = 11 * kMinute;
    const Recording rec = record(31, 6, Scenario::Stable, duration, {700 * kMilli});
    QVERIFY(std::is_sorted(rec.vitals.begin(), rec.vitals.end(),
        [](const auto& a, const auto& b) { return a.measurement.time < b.measurement.time; }));

    const auto checkSeries = [&](VitalKind kind, Timestamp interval, double lo, double hi, double step) {
        const std::vector<Measurement> series = rec.vitalsOf(kind);
        if (Timestamp(series.size()) != (duration + interval - 1) / interval)
            return QStringLiteral("kind %1: %2 readings").arg(int(kind)).arg(series.size());
        for (size_t i = 0; i < series.size(); ++i) {
            const Measurement& m = series[i];
            if (m.time != kStart + Timestamp(i) * interval)
                return QStringLiteral("kind %1: reading %2 at the wrong time").arg(int(kind)).arg(i);
            if (!m.isValid() || m.value < lo || m.value > hi)
                return QStringLiteral("kind %1: value %2 out of range").arg(int(kind)).arg(m.value);
            const double units = m.value / step;
            if (std::abs(units - std::round(units)) > 1e-6)
                return QStringLiteral("kind %1: value %2 not rounded").arg(int(kind)).arg(m.value);
        }
        return QString();
    };
    QString error;
    error = checkSeries(VitalKind::HeartRate, kSecond, 55, 95, 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = checkSeries(VitalKind::SpO2, kSecond, 95, 100, 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = checkSeries(VitalKind::RespRate, 5 * kSecond, 10, 20, 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = checkSeries(VitalKind::SystolicBp, 300 * kSecond, 100, 150, 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = checkSeries(VitalKind::DiastolicBp, 300 * kSecond, 55, 100, 1);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = checkSeries(VitalKind::Temperature, 60 * kSecond, 36.3, 37.5, 0.1);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const auto sys = rec.vitalsOf(VitalKind::SystolicBp);
    const auto dia = rec.vitalsOf(VitalKind::DiastolicBp);
    for (size_t i = 0; i < sys.size(); ++i) {
        QCOMPARE(dia[i].time, sys[i].time);
        QVERIFY(sys[i].value - dia[i].value >= 25);
    }
}

void TestPatientSimulator::heartRateVitalFollowsBeats()
{
    // The reported HR is the mean of the last 8 generated RR intervals at the reading time.
    const Recording rec = record(41, 2, Scenario::AtrialFibrillation, 2 * kMinute, {kSecond});
    const std::vector<Measurement> hr = rec.vitalsOf(VitalKind::HeartRate);
    int checked = 0;
    for (const Measurement& m : hr) {
        const auto it = std::upper_bound(rec.rPeaks.begin(), rec.rPeaks.end(), m.time);
        const auto last = it - rec.rPeaks.begin() - 1;
        if (last < 8)
            continue;
        const double expected = 60.0e6 * 8 / double(rec.rPeaks[size_t(last)] - rec.rPeaks[size_t(last - 8)]);
        QVERIFY2(std::abs(m.value - expected) <= 0.5 + 1e-9,
            qPrintable(QStringLiteral("%1 vs %2").arg(m.value).arg(expected)));
        ++checked;
    }
    QVERIFY(checked > 100);
}

void TestPatientSimulator::sepsisDeteriorates()
{
    const Recording rec = record(77, 3, Scenario::Sepsis, 11 * kMinute, {5 * kSecond});
    const Timestamp atTen = kStart + 10 * kMinute;
    const auto early = [&](VitalKind kind) { return meanBetween(rec.vitalsOf(kind), kStart, kStart + 10 * kSecond); };
    const auto late = [&](VitalKind kind) { return meanBetween(rec.vitalsOf(kind), atTen, atTen + 10 * kSecond); };

    QVERIFY2(late(VitalKind::HeartRate) > early(VitalKind::HeartRate) + 25,
        qPrintable(QStringLiteral("%1 -> %2").arg(early(VitalKind::HeartRate)).arg(late(VitalKind::HeartRate))));
    QVERIFY(late(VitalKind::HeartRate) > 115);
    QVERIFY(late(VitalKind::SpO2) < early(VitalKind::SpO2) - 3);
    QVERIFY(late(VitalKind::SpO2) <= 93);
    QVERIFY(valueAt(rec.vitalsOf(VitalKind::RespRate), atTen) > valueAt(rec.vitalsOf(VitalKind::RespRate), kStart) + 6);
    QVERIFY(valueAt(rec.vitalsOf(VitalKind::RespRate), atTen) >= 25);
    QVERIFY(valueAt(rec.vitalsOf(VitalKind::Temperature), atTen)
        > valueAt(rec.vitalsOf(VitalKind::Temperature), kStart) + 1.5);
    QVERIFY(valueAt(rec.vitalsOf(VitalKind::Temperature), atTen) >= 38.9);
    QVERIFY(valueAt(rec.vitalsOf(VitalKind::SystolicBp), atTen)
        < valueAt(rec.vitalsOf(VitalKind::SystolicBp), kStart) - 15);
    QVERIFY(valueAt(rec.vitalsOf(VitalKind::SystolicBp), atTen) <= 95);
    // Halfway through, the blood pressure is on its way down.
    const double halfway = valueAt(rec.vitalsOf(VitalKind::SystolicBp), kStart + 300 * kSecond);
    QVERIFY(halfway < valueAt(rec.vitalsOf(VitalKind::SystolicBp), kStart));
    QVERIFY(halfway > valueAt(rec.vitalsOf(VitalKind::SystolicBp), atTen));
}

void TestPatientSimulator::desaturationEpisodes()
{
    const Recording rec = record(19, 1, Scenario::Desaturation, 8 * kMinute, {kSecond});
    const std::vector<Measurement> spo2 = rec.vitalsOf(VitalKind::SpO2);
    QCOMPARE(spo2.size(), size_t(8 * 60));
    QVERIFY(spo2.front().value >= 95);
    // Episodes: falls below 88 %, counted on the way down.
    std::vector<Timestamp> onsets;
    bool inEpisode = false;
    double lowest = 100;
    for (const Measurement& m : spo2) {
        lowest = std::min(lowest, m.value);
        if (!inEpisode && m.value <= 87) {
            onsets.push_back(m.time);
            inEpisode = true;
        } else if (inEpisode && m.value >= 95) {
            inEpisode = false;
        }
    }
    QVERIFY2(onsets.size() >= 3, qPrintable(QString::number(onsets.size())));
    QVERIFY(lowest <= 86);
    QVERIFY(lowest >= 80);
    QVERIFY(onsets.front() < kStart + 80 * kSecond); // starts within the first minute, 20 s fall
    for (size_t i = 1; i < onsets.size(); ++i)
        QVERIFY(std::abs(onsets[i] - onsets[i - 1] - 180 * kSecond) <= 3 * kSecond);
}

void TestPatientSimulator::leadOffReported()
{
    const Recording rec = record(23, 2, Scenario::LeadOff, 3 * kMinute, {kSecond});
    const auto leadOffAt = [](Timestamp t) {
        const Timestamp rel = (t - kStart) % (120 * kSecond);
        return rel >= 20 * kSecond && rel < 50 * kSecond;
    };
    int nanCount = 0;
    for (size_t i = 0; i < rec.values[kEcg].size(); ++i) {
        const bool isNan = std::isnan(rec.values[kEcg][i]);
        QCOMPARE(isNan, leadOffAt(rec.times[kEcg][i]));
        nanCount += isNan ? 1 : 0;
    }
    QCOMPARE(nanCount, 2 * 30 * 500);
    QCOMPARE(rec.times[kEcg].size(), size_t(180 * 500)); // the ECG stream keeps its grid
    QCOMPARE(rec.times[kPleth].size(), size_t(180 * 125));
    QCOMPARE(rec.times[kResp].size(), size_t(180 * 50));
    QVERIFY(std::none_of(rec.values[kPleth].begin(), rec.values[kPleth].end(), [](float v) { return std::isnan(v); }));
    QVERIFY(std::none_of(rec.values[kResp].begin(), rec.values[kResp].end(), [](float v) { return std::isnan(v); }));

    QCOMPARE(rec.status.size(), size_t(5));
    QCOMPARE(rec.status[0].time, kStart);
    QVERIFY(!rec.status[0].ecgLeadOff);
    const std::array<std::pair<Timestamp, bool>, 4> expected{
        {{20 * kSecond, true}, {50 * kSecond, false}, {140 * kSecond, true}, {170 * kSecond, false}}};
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(rec.status[i + 1].time, kStart + expected[i].first);
        QCOMPARE(rec.status[i + 1].ecgLeadOff, expected[i].second);
        QVERIFY(rec.status[i + 1].online);
    }
    // Pulse oximetry keeps reporting while the lead is off.
    QCOMPARE(rec.vitalsOf(VitalKind::SpO2).size(), size_t(180));
}

void TestPatientSimulator::deviceOfflineLeavesGap()
{
    PatientSimulator sim(29, 0, Scenario::DeviceOffline, kStart);
    Recording rec;
    rec.append(sim.advanceTo(kStart + 40 * kSecond));
    const SimulationBatch spanning = sim.advanceTo(kStart + 200 * kSecond);
    // One batch across the whole offline period: two runs per stream with the gap between them.
    for (const StreamKind kind : core::kAllStreams) {
        const auto& runs = spanning.streams[size_t(core::streamIndex(kind))];
        QCOMPARE(runs.size(), size_t(2));
        const Timestamp period = core::samplePeriodUs(kind);
        QCOMPARE(runs[0].firstSampleTime, kStart + 40 * kSecond);
        QCOMPARE(Timestamp(runs[0].samples.size()), 5 * kSecond / period);
        QCOMPARE(runs[1].firstSampleTime, kStart + 195 * kSecond);
        QCOMPARE(Timestamp(runs[1].samples.size()), 5 * kSecond / period);
    }
    rec.append(spanning);
    rec.append(sim.advanceTo(kStart + 7 * kMinute));

    const auto offlineAt = [](Timestamp t) {
        const Timestamp rel = (t - kStart) % (195 * kSecond);
        return rel >= 45 * kSecond;
    };
    for (size_t s = 0; s < core::kStreamCount; ++s) {
        QVERIFY(!rec.times[s].empty());
        for (const Timestamp t : rec.times[s])
            QVERIFY(!offlineAt(t));
    }
    for (const SimulationBatch::VitalUpdate& v : rec.vitals)
        QVERIFY(!offlineAt(v.measurement.time));
    for (const Timestamp r : rec.rPeaks)
        QVERIFY(!offlineAt(r));
    QVERIFY(!rec.vitalsOf(VitalKind::HeartRate).empty());
    QCOMPARE(rec.vitalsOf(VitalKind::HeartRate).back().time, kStart + 419 * kSecond);

    QCOMPARE(rec.status.size(), size_t(5));
    QVERIFY(rec.status[0].online);
    const std::array<std::pair<Timestamp, bool>, 4> expected{
        {{45 * kSecond, false}, {195 * kSecond, true}, {240 * kSecond, false}, {390 * kSecond, true}}};
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(rec.status[i + 1].time, kStart + expected[i].first);
        QCOMPARE(rec.status[i + 1].online, expected[i].second);
        QVERIFY(!rec.status[i + 1].ecgLeadOff);
    }
}

void TestPatientSimulator::perPatientVariety()
{
    std::vector<int> rates;
    for (int patient = 0; patient < 32; ++patient) {
        const PatientSimulator sim(1, patient, Scenario::Stable, kStart);
        const double rate = sim.configuredHeartRate(kStart);
        QVERIFY(rate >= 60 && rate <= 90);
        QCOMPARE(sim.configuredHeartRate(kStart + 3600 * kSecond), rate);
        rates.push_back(int(std::lround(rate)));
    }
    std::sort(rates.begin(), rates.end());
    const auto distinct = std::unique(rates.begin(), rates.end()) - rates.begin();
    QVERIFY(distinct >= 15);

    // The same patient keeps its baseline across scenarios.
    const PatientSimulator stable(1, 5, Scenario::Stable, kStart);
    const PatientSimulator sepsis(1, 5, Scenario::Sepsis, kStart);
    QCOMPARE(sepsis.configuredHeartRate(kStart), stable.configuredHeartRate(kStart));
    QVERIFY(sepsis.configuredHeartRate(kStart + 600 * kSecond) > 119);
    const PatientSimulator brady(1, 5, Scenario::Bradycardia, kStart);
    QVERIFY(std::abs(brady.configuredHeartRate(kStart) - 42) <= 2);
}

void TestPatientSimulator::generationCost()
{
    // Not a timed test (machines differ): prints the cost for the record.
    constexpr int kPatients = 16;
    constexpr Timestamp kDuration = 60 * kSecond;
    std::vector<std::unique_ptr<PatientSimulator>> sims;
    const QStringList names = scenarioNames();
    sims.reserve(kPatients);
    for (int i = 0; i < kPatients; ++i)
        sims.push_back(std::make_unique<PatientSimulator>(3, i, *scenarioFromName(names[i % names.size()]), kStart));
    QElapsedTimer timer;
    timer.start();
    std::size_t samples = 0;
    for (Timestamp t = kStart; t < kStart + kDuration;) {
        t += 40 * kMilli; // 25 updates per second, as the live pipeline does
        for (auto& sim : sims) {
            const SimulationBatch batch = sim->advanceTo(t);
            for (const auto& runs : batch.streams)
                for (const auto& run : runs)
                    samples += run.samples.size();
        }
    }
    const double elapsedUs = double(timer.nsecsElapsed()) / 1000.0;
    const double perPatientSecond = elapsedUs / (kPatients * double(kDuration) / double(kSecond));
    qInfo("generation cost: %.1f us per simulated second per patient (%zu samples); 64 patients in real time: "
          "%.3f %% of one core",
        perPatientSecond, samples, perPatientSecond * 64 / 1e6 * 100);
    QVERIFY(samples > 0);
}

QTEST_GUILESS_MAIN(TestPatientSimulator)
#include "tst_patientsimulator.moc"
