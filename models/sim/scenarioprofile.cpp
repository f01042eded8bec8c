#include "scenarioprofile.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil::sim {

namespace {

double smoothStep(double x)
{
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

double lerp(double a, double b, double f)
{
    return a + (b - a) * f;
}

// A window [start, start + duration) repeating every cycle, from time 0 on.
struct PeriodicWindow
{
    core::Timestamp start;
    core::Timestamp duration;
    core::Timestamp cycle;

    [[nodiscard]] bool contains(core::Timestamp t) const { return t >= start && (t - start) % cycle < duration; }

    [[nodiscard]] core::Timestamp nextEdge(core::Timestamp t) const
    {
        core::Timestamp best = std::numeric_limits<core::Timestamp>::max();
        for (const core::Timestamp edge : {start, start + duration}) {
            const core::Timestamp next = t < edge ? edge : edge + ((t - edge) / cycle + 1) * cycle;
            best = std::min(best, next);
        }
        return best;
    }
};

constexpr PeriodicWindow kLeadOffWindow{
    ScenarioProfile::kLeadOffStartUs, ScenarioProfile::kLeadOffDurationUs, ScenarioProfile::kLeadOffCycleUs};
constexpr PeriodicWindow kOfflineWindow{
    ScenarioProfile::kOfflineStartUs, ScenarioProfile::kOfflineDurationUs, ScenarioProfile::kOfflineCycleUs};

} // namespace

ScenarioProfile::ScenarioProfile(Scenario scenario, const PatientParameters& parameters)
    : m_scenario(scenario)
    , m_p(parameters)
{ }

double ScenarioProfile::sepsisProgress(double seconds)
{
    return smoothStep(seconds / kSepsisDurationS);
}

double ScenarioProfile::desaturationDepth(double seconds) const
{
    if (m_scenario != Scenario::Desaturation || seconds < m_p.desatFirstOnset)
        return 0.0;
    const double tau = std::fmod(seconds - m_p.desatFirstOnset, kDesatCycleS);
    if (tau < kDesatFallS)
        return smoothStep(tau / kDesatFallS);
    if (tau < kDesatFallS + kDesatHoldS)
        return 1.0;
    return 1.0 - smoothStep((tau - kDesatFallS - kDesatHoldS) / kDesatRecoveryS);
}

double ScenarioProfile::heartRate(double seconds) const
{
    switch (m_scenario) {
    case Scenario::Sepsis:
        return lerp(m_p.heartRate, m_p.sepsisHeartRate, sepsisProgress(seconds));
    case Scenario::AtrialFibrillation:
        return m_p.afHeartRate;
    case Scenario::Bradycardia:
        return m_p.bradyHeartRate;
    case Scenario::Desaturation:
        // Hypoxaemia brings a modest reflex tachycardia.
        return m_p.heartRate + 10.0 * desaturationDepth(seconds);
    case Scenario::Stable:
    case Scenario::LeadOff:
    case Scenario::DeviceOffline:
        break;
    }
    return m_p.heartRate;
}

double ScenarioProfile::respRate(double seconds) const
{
    switch (m_scenario) {
    case Scenario::Sepsis:
        return lerp(m_p.respRate, m_p.sepsisRespRate, sepsisProgress(seconds));
    case Scenario::Desaturation:
        return m_p.respRate + 5.0 * desaturationDepth(seconds);
    case Scenario::AtrialFibrillation:
        return m_p.respRate + 2.0;
    case Scenario::Stable:
    case Scenario::Bradycardia:
    case Scenario::LeadOff:
    case Scenario::DeviceOffline:
        break;
    }
    return m_p.respRate;
}

double ScenarioProfile::spo2(double seconds) const
{
    switch (m_scenario) {
    case Scenario::Sepsis:
        return lerp(m_p.spo2, m_p.sepsisSpo2, sepsisProgress(seconds));
    case Scenario::Desaturation:
        return lerp(m_p.spo2, m_p.desatNadir, desaturationDepth(seconds));
    case Scenario::AtrialFibrillation:
        return m_p.spo2 - 1.0;
    case Scenario::Stable:
    case Scenario::Bradycardia:
    case Scenario::LeadOff:
    case Scenario::DeviceOffline:
        break;
    }
    return m_p.spo2;
}

double ScenarioProfile::systolic(double seconds) const
{
    switch (m_scenario) {
    case Scenario::Sepsis:
        return lerp(m_p.systolic, m_p.sepsisSystolic, sepsisProgress(seconds));
    case Scenario::Bradycardia:
        return m_p.systolic - 8.0;
    case Scenario::Stable:
    case Scenario::AtrialFibrillation:
    case Scenario::Desaturation:
    case Scenario::LeadOff:
    case Scenario::DeviceOffline:
        break;
    }
    return m_p.systolic;
}

double ScenarioProfile::temperature(double seconds) const
{
    if (m_scenario == Scenario::Sepsis)
        return lerp(m_p.temperature, m_p.sepsisTemperature, sepsisProgress(seconds));
    return m_p.temperature;
}

double ScenarioProfile::perfusion(double seconds) const
{
    if (m_scenario == Scenario::Sepsis)
        return lerp(1.0, 0.6, sepsisProgress(seconds)); // peripheral vasoconstriction
    return 1.0;
}

bool ScenarioProfile::ecgLeadOff(core::Timestamp relUs) const
{
    return m_scenario == Scenario::LeadOff && kLeadOffWindow.contains(relUs);
}

bool ScenarioProfile::online(core::Timestamp relUs) const
{
    return m_scenario != Scenario::DeviceOffline || !kOfflineWindow.contains(relUs);
}

core::Timestamp ScenarioProfile::nextTransition(core::Timestamp relUs) const
{
    switch (m_scenario) {
    case Scenario::LeadOff:
        return kLeadOffWindow.nextEdge(relUs);
    case Scenario::DeviceOffline:
        return kOfflineWindow.nextEdge(relUs);
    case Scenario::Stable:
    case Scenario::Sepsis:
    case Scenario::AtrialFibrillation:
    case Scenario::Bradycardia:
    case Scenario::Desaturation:
        break;
    }
    return std::numeric_limits<core::Timestamp>::max();
}

} // namespace vigil::sim
