#pragma once

#include "beat.h"
#include "core/timestamp.h"

#include <deque>

namespace vigil::sim {

// Photoplethysmogram (relative units, about 0..1): one pulse per beat arriving the beat's pulse
// transit time after its R wave (the arrival is the steepest point of the upstroke), with a
// systolic peak about 60 ms later, a dicrotic notch, a reflected diastolic wave and an exponential
// diastolic run-off that the next pulse rides on.
class PlethModel final
{
public:
    explicit PlethModel(quint64 noiseKey);

    // Value at sample `index` (time relUs). `cursor` indexes `beats` and only moves forward: start
    // it at beats.firstAtOrAfter(relUs - kLookBehindUs) and reuse it for the rest of the run.
    [[nodiscard]] float sample(
        const std::deque<Beat>& beats, size_t& cursor, qint64 index, core::Timestamp relUs) const;

    // Pulse shape relative to its arrival time (s), peak about 1.2.
    [[nodiscard]] static double pulse(double tau);

    // Beats whose R wave is more than this before a sample no longer contribute.
    static constexpr core::Timestamp kLookBehindUs = 3300 * core::kMicrosPerMilli;

private:
    quint64 m_noiseKey;
};

} // namespace vigil::sim
