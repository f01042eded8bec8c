#include "patientsimulator.h"

#include "beatscheduler.h"
#include "breathscheduler.h"
#include "demoidentities.h"
#include "ecgmodel.h"
#include "logging.h"
#include "patientparameters.h"
#include "plethmodel.h"
#include "rng.h"
#include "scenarioprofile.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil::sim {

namespace {

using core::StreamKind;
using core::Timestamp;
using core::VitalKind;

// Keys of the independent random streams of one patient. Each purpose has its own stream so that
// consuming more or fewer numbers for one never shifts another.
enum class RandomStream : quint64 {
    Breaths = 1,
    Beats,
    EcgNoise,
    PlethNoise,
    RespNoise,
    VitalNoise, // + kind * 16 + component
};

// Reporting intervals of the vital signs (first reading at the start for all of them).
constexpr Timestamp kHeartRateIntervalUs = 1 * core::kMicrosPerSecond;
constexpr Timestamp kSpo2IntervalUs = 1 * core::kMicrosPerSecond;
constexpr Timestamp kRespRateIntervalUs = 5 * core::kMicrosPerSecond;
constexpr Timestamp kTemperatureIntervalUs = 60 * core::kMicrosPerSecond;
constexpr Timestamp kNibpIntervalUs = 300 * core::kMicrosPerSecond;
// Heart rate: mean over the last 8 RR intervals, as bedside monitors average.
constexpr int kHeartRateIntervals = 8;
// Respiratory rate: breaths completed in the last 30 s.
constexpr Timestamp kRespRateWindowUs = 30 * core::kMicrosPerSecond;
// How much history the schedulers keep behind the current time (HR averaging, pleth run-off,
// respiratory-rate window, with a margin).
constexpr Timestamp kBeatHistoryUs = 30 * core::kMicrosPerSecond;
constexpr Timestamp kBreathHistoryUs = 60 * core::kMicrosPerSecond;

constexpr float kRespNoise = 0.01f;

Timestamp ceilDiv(Timestamp value, Timestamp divisor)
{
    // value >= 0 here: times before the start are never sampled.
    return (value + divisor - 1) / divisor;
}

} // namespace

struct PatientSimulator::Impl
{
    Impl(quint64 seed, int patientIndex, Scenario scenarioValue, Timestamp startTime)
        : scenario(scenarioValue)
        , start(startTime)
        , key(Rng::mix(seed, static_cast<quint64>(patientIndex)))
        , identity(DemoIdentities::make(seed, patientIndex))
        , parameters(PatientParameters::make(seed, patientIndex))
        , profile(scenarioValue, parameters)
        , breaths(parameters, profile, streamKey(RandomStream::Breaths))
        , beats(parameters, profile, breaths, streamKey(RandomStream::Beats))
        , ecg(parameters, profile.atrialFibrillation(), streamKey(RandomStream::EcgNoise))
        , pleth(streamKey(RandomStream::PlethNoise))
    { }

    [[nodiscard]] quint64 streamKey(RandomStream stream, quint64 sub = 0) const
    {
        return Rng::mix(key, static_cast<quint64>(stream) + sub);
    }
    [[nodiscard]] quint64 vitalKey(VitalKind kind, int component = 0) const
    {
        return streamKey(RandomStream::VitalNoise, static_cast<quint64>(kind) * 16 + static_cast<quint64>(component));
    }

    void generateSegment(Timestamp from, Timestamp to, bool leadOff, SimulationBatch& batch) const;
    void generateVitals(Timestamp from, Timestamp to, SimulationBatch& batch);
    [[nodiscard]] core::DeviceStatus statusAt(Timestamp rel) const;

    Scenario scenario;
    Timestamp start;
    quint64 key;
    core::PatientIdentity identity;
    PatientParameters parameters;
    ScenarioProfile profile;
    BreathScheduler breaths;
    BeatScheduler beats;
    EcgModel ecg;
    PlethModel pleth;
    Timestamp done = 0; // relative time up to which everything has been generated
};

namespace {

// Appends samples [firstIndex, firstIndex + values) to a stream, extending the last run when
// it is contiguous so a batch has one run per stretch of online time.
std::vector<float>& runFor(
    std::vector<SimulationBatch::Samples>& runs, Timestamp start, Timestamp period, qint64 firstIndex)
{
    const Timestamp firstTime = start + firstIndex * period;
    if (!runs.empty()) {
        SimulationBatch::Samples& last = runs.back();
        if (last.firstSampleTime + static_cast<Timestamp>(last.samples.size()) * period == firstTime)
            return last.samples;
    }
    runs.push_back({firstTime, {}});
    return runs.back().samples;
}

} // namespace

void PatientSimulator::Impl::generateSegment(Timestamp from, Timestamp to, bool leadOff, SimulationBatch& batch) const
{
    {
        constexpr Timestamp period = core::samplePeriodUs(StreamKind::Ecg);
        const qint64 first = ceilDiv(from, period);
        const qint64 end = ceilDiv(to, period);
        if (end > first) {
            auto& runs = batch.streams[core::streamIndex(StreamKind::Ecg)];
            std::vector<float>& out = runFor(runs, start, period, first);
            out.reserve(out.size() + static_cast<size_t>(end - first));
            if (leadOff) {
                out.insert(out.end(), static_cast<size_t>(end - first), std::numeric_limits<float>::quiet_NaN());
            } else {
                size_t cursor = beats.firstAtOrAfter(first * period - EcgModel::kLookBehindUs);
                for (qint64 n = first; n < end; ++n)
                    out.push_back(ecg.sample(beats.beats(), cursor, n, n * period));
            }
        }
    }
    {
        constexpr Timestamp period = core::samplePeriodUs(StreamKind::Pleth);
        const qint64 first = ceilDiv(from, period);
        const qint64 end = ceilDiv(to, period);
        if (end > first) {
            auto& runs = batch.streams[core::streamIndex(StreamKind::Pleth)];
            std::vector<float>& out = runFor(runs, start, period, first);
            out.reserve(out.size() + static_cast<size_t>(end - first));
            size_t cursor = beats.firstAtOrAfter(first * period - PlethModel::kLookBehindUs);
            for (qint64 n = first; n < end; ++n)
                out.push_back(pleth.sample(beats.beats(), cursor, n, n * period));
        }
    }
    {
        constexpr Timestamp period = core::samplePeriodUs(StreamKind::Resp);
        const qint64 first = ceilDiv(from, period);
        const qint64 end = ceilDiv(to, period);
        if (end > first) {
            auto& runs = batch.streams[core::streamIndex(StreamKind::Resp)];
            std::vector<float>& out = runFor(runs, start, period, first);
            out.reserve(out.size() + static_cast<size_t>(end - first));
            const std::deque<Breath>& list = breaths.breaths();
            size_t cursor = breaths.indexAt(first * period);
            const quint64 noiseKey = streamKey(RandomStream::RespNoise);
            for (qint64 n = first; n < end; ++n) {
                const Timestamp t = n * period;
                while (cursor + 1 < list.size() && list[cursor].end() <= t)
                    ++cursor;
                const double v = BreathScheduler::waveform(list[cursor], t)
                    + kRespNoise * Rng::hashNormal(noiseKey, static_cast<quint64>(n));
                out.push_back(static_cast<float>(v));
            }
        }
    }
}

void PatientSimulator::Impl::generateVitals(Timestamp from, Timestamp to, SimulationBatch& batch)
{
    const auto add = [&batch, this](VitalKind kind, Timestamp rel, double value) {
        batch.vitals.push_back({kind, core::Measurement{value, start + rel}});
    };
    const auto forEachDue = [&](Timestamp interval, auto&& produce) {
        for (qint64 n = ceilDiv(from, interval); n * interval < to; ++n) {
            const Timestamp rel = n * interval;
            if (profile.online(rel))
                produce(n, rel, static_cast<double>(rel) * 1e-6);
        }
    };

    forEachDue(kHeartRateIntervalUs, [&](qint64, Timestamp rel, double) {
        // From the generated beats: the ECG and pleth show exactly these intervals.
        const double rate = beats.measuredRate(rel, kHeartRateIntervals);
        if (rate > 0)
            add(VitalKind::HeartRate, rel, std::round(rate));
    });
    forEachDue(kSpo2IntervalUs, [&](qint64 n, Timestamp rel, double seconds) {
        const double noise = 0.3 * Rng::hashNormal(vitalKey(VitalKind::SpO2), static_cast<quint64>(n));
        add(VitalKind::SpO2, rel, std::clamp(std::round(profile.spo2(seconds) + noise), 50.0, 100.0));
    });
    forEachDue(kRespRateIntervalUs, [&](qint64, Timestamp rel, double) {
        // From the generated breaths, so the number matches the respiration waveform.
        const double rate = breaths.measuredRate(rel, kRespRateWindowUs);
        if (rate > 0)
            add(VitalKind::RespRate, rel, std::round(rate));
    });
    forEachDue(kNibpIntervalUs, [&](qint64 n, Timestamp rel, double seconds) {
        const double systolic = profile.systolic(seconds);
        const double systolicNoise = 3.0 * Rng::hashNormal(vitalKey(VitalKind::SystolicBp), static_cast<quint64>(n));
        const double diastolicNoise = 2.0 * Rng::hashNormal(vitalKey(VitalKind::DiastolicBp), static_cast<quint64>(n));
        add(VitalKind::SystolicBp, rel, std::round(systolic + systolicNoise));
        add(VitalKind::DiastolicBp, rel, std::round(0.55 * systolic + 14.0 + diastolicNoise));
    });
    forEachDue(kTemperatureIntervalUs, [&](qint64 n, Timestamp rel, double seconds) {
        const double noise = 0.04 * Rng::hashNormal(vitalKey(VitalKind::Temperature), static_cast<quint64>(n));
        add(VitalKind::Temperature, rel, std::round((profile.temperature(seconds) + noise) * 10.0) / 10.0);
    });

    std::stable_sort(batch.vitals.begin(), batch.vitals.end(),
        [](const SimulationBatch::VitalUpdate& a, const SimulationBatch::VitalUpdate& b) {
            return a.measurement.time < b.measurement.time;
        });
}

core::DeviceStatus PatientSimulator::Impl::statusAt(Timestamp rel) const
{
    core::DeviceStatus status;
    status.ecgLeadOff = profile.ecgLeadOff(rel);
    status.online = profile.online(rel);
    status.batteryPercent = parameters.batteryPercent;
    status.time = start + rel;
    return status;
}

PatientSimulator::PatientSimulator(quint64 seed, int patientIndex, Scenario scenario, core::Timestamp startTime)
    : d(std::make_unique<Impl>(seed, patientIndex, scenario, startTime))
{
    qCDebug(lcSim) << "simulating" << d->identity.id << "scenario" << scenarioName(scenario);
}

PatientSimulator::~PatientSimulator() = default;

SimulationBatch PatientSimulator::advanceTo(core::Timestamp until)
{
    SimulationBatch batch;
    const Timestamp to = until - d->start;
    const Timestamp from = d->done;
    if (to <= from)
        return batch;

    d->beats.generateUntil(to + EcgModel::kLookAheadUs);
    d->breaths.generateUntil(to);

    // Device state: the state at the start, then every change.
    if (from == 0)
        batch.statusChanges.push_back(d->statusAt(0));
    for (Timestamp t = d->profile.nextTransition(from - 1); t < to; t = d->profile.nextTransition(t)) {
        if (t > 0)
            batch.statusChanges.push_back(d->statusAt(t));
    }

    // Waveforms, one segment per stretch of constant device state.
    for (Timestamp a = from; a < to;) {
        const Timestamp b = std::min(d->profile.nextTransition(a), to);
        if (d->profile.online(a))
            d->generateSegment(a, b, d->profile.ecgLeadOff(a), batch);
        a = b;
    }

    d->generateVitals(from, to, batch);

    const std::deque<Beat>& beats = d->beats.beats();
    for (size_t i = d->beats.firstAtOrAfter(from); i < beats.size() && beats[i].rTime < to; ++i) {
        if (d->profile.online(beats[i].rTime))
            batch.rPeaks.push_back(d->start + beats[i].rTime);
    }

    d->done = to;
    d->beats.discardBefore(to - kBeatHistoryUs);
    d->breaths.discardBefore(to - kBreathHistoryUs);
    return batch;
}

const core::PatientIdentity& PatientSimulator::identity() const
{
    return d->identity;
}

Scenario PatientSimulator::scenario() const
{
    return d->scenario;
}

double PatientSimulator::configuredHeartRate(core::Timestamp time) const
{
    return d->profile.heartRate(static_cast<double>(time - d->start) * 1e-6);
}

} // namespace vigil::sim
