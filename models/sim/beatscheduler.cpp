#include "beatscheduler.h"

#include "breathscheduler.h"
#include "patientparameters.h"
#include "scenarioprofile.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigil::sim {

namespace {

// Correlation of successive random RR deviations: enough memory to look like real HRV without
// letting the long-run mean heart rate drift away from the target.
constexpr double kHrvCorrelation = 0.7;
// Spread of RR intervals in atrial fibrillation (log-normal sigma; CV about 0.2).
constexpr double kAfSigma = 0.2;

} // namespace

BeatScheduler::BeatScheduler(
    const PatientParameters& parameters, const ScenarioProfile& profile, BreathScheduler& breaths, quint64 seed)
    : m_p(parameters)
    , m_profile(profile)
    , m_breaths(breaths)
    , m_rng(seed)
{ }

Beat BeatScheduler::makeBeat(core::Timestamp rTime, double previousRr)
{
    const double seconds = static_cast<double>(rTime) * 1e-6;
    const double heartRate = m_profile.heartRate(seconds);
    const double meanRr = 60.0 / heartRate;

    m_breaths.generateUntil(rTime);
    const double breathPhase = m_breaths.phaseAt(rTime);
    const double breathing = std::sin(2.0 * std::numbers::pi * breathPhase); // > 0 during inspiration

    Beat beat;
    beat.rTime = rTime;
    double rr = 0.0;
    if (m_profile.atrialFibrillation()) {
        // exp(sigma N - sigma^2 / 2) has mean 1, so the mean RR stays at 60 / HR.
        const double factor = std::exp(kAfSigma * m_rng.normal() - 0.5 * kAfSigma * kAfSigma);
        rr = meanRr * std::clamp(factor, 0.5, 2.0);
        beat.hasPWave = false;
    } else {
        m_hrvState = kHrvCorrelation * m_hrvState
            + std::sqrt(1.0 - kHrvCorrelation * kHrvCorrelation) * m_p.hrvSd * m_rng.normal();
        // Inspiration shortens RR (respiratory sinus arrhythmia).
        rr = meanRr * (1.0 - m_p.rsaDepth * breathing + m_hrvState);
    }
    beat.rrAfter = std::max(rr, 0.28);
    beat.qtScale = std::sqrt(std::clamp(previousRr, 0.3, 1.8));
    beat.amplitude = 1.0 + 0.04 * breathing; // electrical axis moves with breathing
    // Arterial stiffening and faster ejection shorten the transit a little at high rates.
    beat.pulseTransit = std::clamp(m_p.pulseTransitTime - 0.0006 * (heartRate - 75.0), 0.16, 0.27);
    // A longer filling time gives a bigger stroke volume (pulse deficit in AF); breathing
    // modulates the pleth amplitude by a few percent.
    const double filling = std::clamp(previousRr / meanRr, 0.4, 1.6);
    beat.pulseAmplitude =
        m_p.plethAmplitude * m_profile.perfusion(seconds) * std::sqrt(filling) * (1.0 - 0.05 * breathing);
    return beat;
}

void BeatScheduler::generateUntil(core::Timestamp relUs)
{
    if (m_beats.empty()) {
        const double rr = 60.0 / m_profile.heartRate(-static_cast<double>(kWarmUpUs) * 1e-6);
        const auto offset = static_cast<core::Timestamp>(m_rng.uniform() * rr * 1e6);
        m_beats.push_back(makeBeat(-kWarmUpUs - offset, rr));
    }
    while (m_beats.back().rTime < relUs) {
        const Beat& last = m_beats.back();
        const core::Timestamp next = last.rTime + static_cast<core::Timestamp>(std::llround(last.rrAfter * 1e6));
        m_beats.push_back(makeBeat(next, last.rrAfter));
    }
}

void BeatScheduler::discardBefore(core::Timestamp relUs)
{
    while (m_beats.size() > 1 && m_beats.front().rTime < relUs)
        m_beats.pop_front();
}

size_t BeatScheduler::firstAtOrAfter(core::Timestamp relUs) const
{
    const auto it = std::lower_bound(
        m_beats.begin(), m_beats.end(), relUs, [](const Beat& b, core::Timestamp t) { return b.rTime < t; });
    return static_cast<size_t>(it - m_beats.begin());
}

double BeatScheduler::measuredRate(core::Timestamp relUs, int intervals) const
{
    // Index one past the last beat at or before relUs.
    const auto it = std::upper_bound(
        m_beats.begin(), m_beats.end(), relUs, [](core::Timestamp t, const Beat& b) { return t < b.rTime; });
    const auto last = static_cast<qsizetype>(it - m_beats.begin()) - 1;
    const qsizetype first = std::max<qsizetype>(0, last - intervals);
    if (last <= first)
        return -1.0;
    const core::Timestamp span = m_beats[static_cast<size_t>(last)].rTime - m_beats[static_cast<size_t>(first)].rTime;
    return 60.0e6 * static_cast<double>(last - first) / static_cast<double>(span);
}

} // namespace vigil::sim
