#pragma once

#include "core/timestamp.h"

namespace vigil::sim {

// One cardiac cycle as scheduled by BeatScheduler. Times are microseconds relative to the start of
// the simulation (beats before the start exist: the patient was alive before we connected).
struct Beat
{
    core::Timestamp rTime = 0; // R-wave peak
    double rrAfter = 1.0; // s, interval to the next beat's R wave
    double qtScale = 1.0; // sqrt of the preceding RR in s (Bazett), clamped; scales the T wave
    double amplitude = 1.0; // QRS amplitude factor (respiratory modulation)
    double pulseTransit = 0.21; // s, R wave to pleth arrival (steepest upstroke)
    double pulseAmplitude = 1.0; // pleth pulse amplitude factor (filling time, perfusion, breathing)
    bool hasPWave = true; // false in atrial fibrillation
};

} // namespace vigil::sim
