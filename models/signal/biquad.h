#pragma once

#include <vector>

namespace vigil::signal {

// One second-order IIR section (RBJ audio-EQ cookbook), normalised so a0 = 1: Butterworth high- and
// low-pass (Q = 1/sqrt(2)). runBothWays() filters forwards then backwards: no delay (zero phase),
// the magnitude response squared.
struct Biquad
{
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0;

    [[nodiscard]] static Biquad butterworth(double cutoffHz, double sampleRateHz, bool highPass);
    void run(std::vector<double>& x) const;
    void runBothWays(std::vector<double>& x) const;
    // High-pass at lowHz then low-pass at highHz, both ways; starts from the first value so a step
    // from 0 does not ring; NaN counts as that first value.
    static void bandPass(std::vector<double>& x, double lowHz, double highHz, double sampleRateHz);
};

} // namespace vigil::signal
