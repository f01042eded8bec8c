#pragma once

#include <span>
#include <vector>

namespace vigil::signal {

// Heart rate per window (e.g. per minute) from beat times: the beats whose time falls in
// [start, end), the mean of the RR intervals between consecutive beats of the window, and
// 60 / that mean. The last window ends with the recording. A window with fewer than two beats has
// no rate (0).
class HeartRateWindows final
{
public:
    struct Window
    {
        double startS = 0;
        double endS = 0;
        int beats = 0;
        double meanRrS = 0;
        double bpm = 0;
    };

    [[nodiscard]] static std::vector<Window> compute(
        std::span<const long long> beatSamples, double sampleRateHz, long long totalSamples, double windowS = 60.0);
};

} // namespace vigil::signal
