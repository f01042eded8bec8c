#pragma once

#include "core/timestamp.h"
#include "patientparameters.h"
#include "scenario.h"

namespace vigil::sim {

// The scripted course of one patient in one scenario: target vital signs and device state as pure
// functions of the time since the simulation started. Times are microseconds (or seconds, for the
// smooth targets) relative to the start.
class ScenarioProfile final
{
public:
    ScenarioProfile(Scenario scenario, const PatientParameters& parameters);

    [[nodiscard]] Scenario scenario() const { return m_scenario; }
    [[nodiscard]] bool atrialFibrillation() const { return m_scenario == Scenario::AtrialFibrillation; }

    [[nodiscard]] double heartRate(double seconds) const; // /min, before heart-rate variability
    [[nodiscard]] double respRate(double seconds) const; // /min
    [[nodiscard]] double spo2(double seconds) const; // %
    [[nodiscard]] double systolic(double seconds) const; // mmHg
    [[nodiscard]] double temperature(double seconds) const; // degrees C
    [[nodiscard]] double perfusion(double seconds) const; // pleth amplitude factor, 1 = normal

    [[nodiscard]] bool ecgLeadOff(core::Timestamp relUs) const;
    [[nodiscard]] bool online(core::Timestamp relUs) const;
    // First time strictly after relUs at which ecgLeadOff() or online() changes, or
    // std::numeric_limits<core::Timestamp>::max() when nothing ever changes.
    [[nodiscard]] core::Timestamp nextTransition(core::Timestamp relUs) const;

    // Desaturation episode depth in [0, 1] (0 outside an episode). Public for the HR/RR response.
    [[nodiscard]] double desaturationDepth(double seconds) const;
    // Sepsis progress in [0, 1]: smooth from the start to 10 minutes.
    [[nodiscard]] static double sepsisProgress(double seconds);

    // Timing of the device scenarios (relative to the start).
    static constexpr core::Timestamp kLeadOffCycleUs = 120 * core::kMicrosPerSecond;
    static constexpr core::Timestamp kLeadOffStartUs = 20 * core::kMicrosPerSecond;
    static constexpr core::Timestamp kLeadOffDurationUs = 30 * core::kMicrosPerSecond;
    static constexpr core::Timestamp kOfflineCycleUs = 195 * core::kMicrosPerSecond;
    static constexpr core::Timestamp kOfflineStartUs = 45 * core::kMicrosPerSecond;
    static constexpr core::Timestamp kOfflineDurationUs = 150 * core::kMicrosPerSecond;
    static constexpr double kDesatCycleS = 180.0;
    static constexpr double kDesatFallS = 20.0;
    static constexpr double kDesatHoldS = 40.0;
    static constexpr double kDesatRecoveryS = 30.0;
    static constexpr double kSepsisDurationS = 600.0;

private:
    Scenario m_scenario;
    PatientParameters m_p;
};

} // namespace vigil::sim
