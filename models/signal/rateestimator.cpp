#include "rateestimator.h"

#include "biquad.h"
#include "qrsdetector.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace vigil::signal {

namespace {

bool mostlyValid(std::span<const double> x)
{
    const auto valid = std::count_if(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
    return !x.empty() && valid * 10 >= static_cast<std::ptrdiff_t>(x.size()) * 9;
}

std::optional<double> rateFromEvents(const std::vector<long long>& events, double fs, std::size_t minimum)
{
    if (events.size() < minimum)
        return std::nullopt;
    std::vector<long long> intervals;
    for (std::size_t i = 1; i < events.size(); ++i)
        intervals.push_back(events[i] - events[i - 1]);
    std::nth_element(
        intervals.begin(), intervals.begin() + static_cast<std::ptrdiff_t>(intervals.size() / 2), intervals.end());
    const double median = static_cast<double>(intervals[intervals.size() / 2]);
    return median > 0 ? std::optional<double>(60.0 * fs / median) : std::nullopt;
}

// Peaks of a band-passed signal: local maxima above half its robust amplitude (5th to 95th
// percentile), the largest within each `minDistance`.
std::vector<long long> peaks(std::span<const double> raw, double fs, double lowHz, double highHz, double minDistanceS)
{
    std::vector<double> x(raw.begin(), raw.end());
    Biquad::bandPass(x, lowHz, highHz, fs);
    std::vector<double> sorted = x;
    std::sort(sorted.begin(), sorted.end());
    const double p5 = sorted[sorted.size() / 20];
    const double p95 = sorted[sorted.size() * 19 / 20];
    const double threshold = p5 + 0.5 * (p95 - p5);
    const auto minDistance = std::max<long long>(1, std::llround(minDistanceS * fs));
    std::vector<long long> out;
    const auto n = static_cast<long long>(x.size());
    for (long long i = 1; i + 1 < n; ++i) {
        if (x[i] > threshold && x[i] > x[i - 1] && x[i] >= x[i + 1]) {
            if (!out.empty() && i - out.back() < minDistance) {
                if (x[i] > x[out.back()])
                    out.back() = i;
            } else {
                out.push_back(i);
            }
        }
    }
    return out;
}

} // namespace

std::optional<double> RateEstimator::heartRate(std::span<const double> ecg, double fs)
{
    if (!(fs > 0) || !mostlyValid(ecg))
        return std::nullopt;
    return rateFromEvents(QrsDetector({.sampleRateHz = fs, .learningS = 1.0}).detect(ecg), fs, 4);
}

std::optional<double> RateEstimator::pulseRate(std::span<const double> pleth, double fs)
{
    if (!(fs > 0) || !mostlyValid(pleth) || static_cast<double>(pleth.size()) < 3 * fs)
        return std::nullopt;
    return rateFromEvents(peaks(pleth, fs, 0.5, 8.0, 0.27), fs, 4);
}

std::optional<double> RateEstimator::respirationRate(std::span<const double> resp, double fs)
{
    if (!(fs > 0) || !mostlyValid(resp) || static_cast<double>(resp.size()) < 10 * fs)
        return std::nullopt;
    return rateFromEvents(peaks(resp, fs, 0.05, 1.0, 1.5), fs, 3);
}

} // namespace vigil::signal
