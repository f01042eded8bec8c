#include "breathscheduler.h"

#include "patientparameters.h"
#include "scenarioprofile.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigil::sim {

BreathScheduler::BreathScheduler(const PatientParameters& parameters, const ScenarioProfile& profile, quint64 seed)
    : m_profile(profile)
    , m_amplitude(parameters.respAmplitude)
    , m_inspiratoryFraction(parameters.inspiratoryFraction)
    , m_rng(seed)
{ }

Breath BreathScheduler::makeBreath(core::Timestamp start)
{
    // The duration follows the target rate at the start of the breath.
    Breath b;
    b.start = start;
    const double rate = m_profile.respRate(static_cast<double>(start) * 1e-6);
    const double variation = std::clamp(1.0 + 0.06 * m_rng.normal(), 0.8, 1.2);
    b.duration = std::max<core::Timestamp>(
        core::kMicrosPerSecond, static_cast<core::Timestamp>(std::llround(60.0e6 / rate * variation)));
    b.amplitude = m_amplitude * std::clamp(1.0 + 0.05 * m_rng.normal(), 0.9, 1.1);
    b.inspiratoryFraction = m_inspiratoryFraction;
    return b;
}

void BreathScheduler::generateUntil(core::Timestamp relUs)
{
    if (m_breaths.empty()) {
        // Start somewhere inside a breath so patients do not breathe in phase with each other.
        const auto offset = static_cast<core::Timestamp>(m_rng.uniform() * 4.0e6);
        m_breaths.push_back(makeBreath(-kWarmUpUs - offset));
    }
    while (m_breaths.back().end() <= relUs)
        m_breaths.push_back(makeBreath(m_breaths.back().end()));
}

void BreathScheduler::discardBefore(core::Timestamp relUs)
{
    while (m_breaths.size() > 1 && m_breaths.front().end() < relUs)
        m_breaths.pop_front();
}

size_t BreathScheduler::indexAt(core::Timestamp relUs) const
{
    // First breath that ends after relUs.
    const auto it = std::upper_bound(
        m_breaths.begin(), m_breaths.end(), relUs, [](core::Timestamp t, const Breath& b) { return t < b.end(); });
    if (it == m_breaths.end())
        return m_breaths.empty() ? 0 : m_breaths.size() - 1;
    return static_cast<size_t>(it - m_breaths.begin());
}

double BreathScheduler::phaseAt(core::Timestamp relUs) const
{
    const Breath& b = m_breaths[indexAt(relUs)];
    const double phase = static_cast<double>(relUs - b.start) / static_cast<double>(b.duration);
    return std::clamp(phase, 0.0, 1.0);
}

double BreathScheduler::measuredRate(core::Timestamp relUs, core::Timestamp windowUs) const
{
    core::Timestamp total = 0;
    int count = 0;
    for (const Breath& b : m_breaths) {
        if (b.end() > relUs)
            break;
        if (b.end() > relUs - windowUs) {
            total += b.duration;
            ++count;
        }
    }
    if (count == 0)
        return -1.0;
    return 60.0e6 * count / static_cast<double>(total);
}

double BreathScheduler::waveform(const Breath& breath, core::Timestamp relUs)
{
    // Impedance pneumography shape: a cosine rise through inspiration and a slower cosine fall
    // through expiration. Every breath starts and ends at the same trough so amplitude changes
    // between breaths do not make steps.
    constexpr double kTrough = -0.9;
    const double u =
        std::clamp(static_cast<double>(relUs - breath.start) / static_cast<double>(breath.duration), 0.0, 1.0);
    const double fi = breath.inspiratoryFraction;
    double shape = 0.0; // 0 at the trough, 1 at the end of inspiration
    if (u < fi)
        shape = 0.5 - 0.5 * std::cos(std::numbers::pi * u / fi);
    else
        shape = 0.5 + 0.5 * std::cos(std::numbers::pi * (u - fi) / (1.0 - fi));
    return kTrough + 2.0 * breath.amplitude * shape;
}

} // namespace vigil::sim
