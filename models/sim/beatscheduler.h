#pragma once

#include "beat.h"
#include "core/timestamp.h"
#include "rng.h"

#include <deque>

namespace vigil::sim {

class BreathScheduler;
class ScenarioProfile;
struct PatientParameters;

// Generates the sequence of heart beats lazily and in order, so the sequence does not depend on how
// far ahead callers ask. Sinus rhythm: RR = 60/HR modulated by breathing (respiratory sinus
// arrhythmia) and a small AR(1) random component. Atrial fibrillation: independent log-normal RR
// intervals (coefficient of variation about 0.2) and no P waves.
class BeatScheduler final
{
public:
    BeatScheduler(
        const PatientParameters& parameters, const ScenarioProfile& profile, BreathScheduler& breaths, quint64 seed);

    // Makes sure a beat with its R wave at or after relUs exists.
    void generateUntil(core::Timestamp relUs);
    // Forgets beats whose R wave is before relUs (keeps at least one).
    void discardBefore(core::Timestamp relUs);

    [[nodiscard]] const std::deque<Beat>& beats() const { return m_beats; }
    // Index of the first beat with its R wave at or after relUs (beats().size() if none).
    [[nodiscard]] size_t firstAtOrAfter(core::Timestamp relUs) const;
    // Heart rate (/min) from the last `intervals` RR intervals ending at or before relUs; -1 if none.
    [[nodiscard]] double measuredRate(core::Timestamp relUs, int intervals) const;

    // Beats start this long before the simulation so the first readings have history.
    static constexpr core::Timestamp kWarmUpUs = 20 * core::kMicrosPerSecond;

private:
    [[nodiscard]] Beat makeBeat(core::Timestamp rTime, double previousRr);

    const PatientParameters& m_p;
    const ScenarioProfile& m_profile;
    BreathScheduler& m_breaths;
    Rng m_rng;
    double m_hrvState = 0.0; // AR(1) fractional RR deviation
    std::deque<Beat> m_beats;
};

} // namespace vigil::sim
