#pragma once

#include "core/timestamp.h"

namespace vigil::sim {

// One breath as scheduled by BreathScheduler; times in microseconds relative to the start.
struct Breath
{
    core::Timestamp start = 0; // start of inspiration
    core::Timestamp duration = 1; // until the next breath starts
    double amplitude = 0.9; // relative tidal amplitude
    double inspiratoryFraction = 0.4;

    [[nodiscard]] core::Timestamp end() const { return start + duration; }
};

} // namespace vigil::sim
