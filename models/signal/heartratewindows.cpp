#include "heartratewindows.h"

#include <cmath>

namespace vigil::signal {

std::vector<HeartRateWindows::Window> HeartRateWindows::compute(
    std::span<const long long> beatSamples, double sampleRateHz, long long totalSamples, double windowS)
{
    std::vector<Window> windows;
    if (!(sampleRateHz > 0) || !(windowS > 0) || totalSamples <= 0)
        return windows;
    const double duration = static_cast<double>(totalSamples) / sampleRateHz;
    std::size_t next = 0;
    for (double start = 0; start < duration; start += windowS) {
        Window w;
        w.startS = start;
        w.endS = std::min(start + windowS, duration);
        double previous = -1;
        double sum = 0;
        for (; next < beatSamples.size(); ++next) {
            const double t = static_cast<double>(beatSamples[next]) / sampleRateHz;
            if (t >= w.endS)
                break;
            if (t < w.startS)
                continue;
            if (previous >= 0)
                sum += t - previous;
            previous = t;
            ++w.beats;
        }
        if (w.beats >= 2) {
            w.meanRrS = sum / (w.beats - 1);
            w.bpm = 60.0 / w.meanRrS;
        }
        windows.push_back(w);
    }
    return windows;
}

} // namespace vigil::signal
