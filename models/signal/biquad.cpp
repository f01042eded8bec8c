#include "biquad.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigil::signal {

Biquad Biquad::butterworth(double cutoffHz, double sampleRateHz, bool highPass)
{
    const double w0 = 2 * std::numbers::pi * cutoffHz / sampleRateHz;
    const double alpha = std::sin(w0) / std::numbers::sqrt2; // sin(w0) / (2Q), Q = 1/sqrt(2)
    const double cosw = std::cos(w0);
    const double a0 = 1 + alpha;
    Biquad q;
    if (highPass) {
        q.b0 = (1 + cosw) / 2 / a0;
        q.b1 = -(1 + cosw) / a0;
        q.b2 = (1 + cosw) / 2 / a0;
    } else {
        q.b0 = (1 - cosw) / 2 / a0;
        q.b1 = (1 - cosw) / a0;
        q.b2 = (1 - cosw) / 2 / a0;
    }
    q.a1 = -2 * cosw / a0;
    q.a2 = (1 - alpha) / a0;
    return q;
}

void Biquad::run(std::vector<double>& x) const
{
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (double& v : x) {
        const double y = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = v;
        y2 = y1;
        y1 = y;
        v = y;
    }
}

void Biquad::runBothWays(std::vector<double>& x) const
{
    run(x);
    std::reverse(x.begin(), x.end());
    run(x);
    std::reverse(x.begin(), x.end());
}

void Biquad::bandPass(std::vector<double>& x, double lowHz, double highHz, double sampleRateHz)
{
    if (x.empty())
        return;
    const auto firstValid = std::find_if(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
    const double first = firstValid != x.end() ? *firstValid : 0.0;
    for (double& v : x)
        v = std::isfinite(v) ? v - first : 0.0;
    butterworth(lowHz, sampleRateHz, true).runBothWays(x);
    butterworth(highHz, sampleRateHz, false).runBothWays(x);
}

} // namespace vigil::signal
