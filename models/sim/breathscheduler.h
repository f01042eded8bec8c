#pragma once

#include "breath.h"
#include "core/timestamp.h"
#include "rng.h"

#include <deque>

namespace vigil::sim {

class ScenarioProfile;
struct PatientParameters;

// Generates the sequence of breaths lazily and in order, so the sequence does not depend on how
// far ahead callers ask. Breath durations follow the scenario's respiratory rate with a few percent
// of breath-to-breath variation.
class BreathScheduler final
{
public:
    BreathScheduler(const PatientParameters& parameters, const ScenarioProfile& profile, quint64 seed);

    // Makes sure the breath containing relUs exists.
    void generateUntil(core::Timestamp relUs);
    // Forgets breaths that ended before relUs.
    void discardBefore(core::Timestamp relUs);

    [[nodiscard]] const std::deque<Breath>& breaths() const { return m_breaths; }
    // Index of the breath containing relUs (generateUntil(relUs) must have been called and relUs
    // must not be older than what was discarded).
    [[nodiscard]] size_t indexAt(core::Timestamp relUs) const;
    // Respiratory phase in [0, 1): 0 at the start of inspiration.
    [[nodiscard]] double phaseAt(core::Timestamp relUs) const;
    // Respiratory rate (/min) from the breaths that ended in (relUs - window, relUs]; -1 if none.
    [[nodiscard]] double measuredRate(core::Timestamp relUs, core::Timestamp windowUs) const;

    // Relative tidal signal of `breath` at relUs, in about [-1, 1].
    [[nodiscard]] static double waveform(const Breath& breath, core::Timestamp relUs);

    // Breaths start this long before the simulation so the first readings have history.
    static constexpr core::Timestamp kWarmUpUs = 40 * core::kMicrosPerSecond;

private:
    [[nodiscard]] Breath makeBreath(core::Timestamp start);

    const ScenarioProfile& m_profile;
    double m_amplitude;
    double m_inspiratoryFraction;
    Rng m_rng;
    std::deque<Breath> m_breaths;
};

} // namespace vigil::sim
