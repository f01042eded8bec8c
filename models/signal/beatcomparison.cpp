#include "beatcomparison.h"

#include <vector>

namespace vigil::signal {

double BeatComparison::Result::sensitivity() const
{
    const long long all = truePositives + falseNegatives;
    return all > 0 ? static_cast<double>(truePositives) / static_cast<double>(all) : 0.0;
}

double BeatComparison::Result::positivePredictivity() const
{
    const long long all = truePositives + falsePositives;
    return all > 0 ? static_cast<double>(truePositives) / static_cast<double>(all) : 0.0;
}

BeatComparison::Result BeatComparison::compare(
    std::span<const long long> reference, std::span<const long long> detected, long long tolerance)
{
    Result r;
    std::vector<bool> used(detected.size(), false);
    std::size_t from = 0; // first detection that can still match (both lists ascend)
    for (const long long beat : reference) {
        while (from < detected.size() && detected[from] < beat - tolerance)
            ++from;
        std::size_t best = detected.size();
        for (std::size_t j = from; j < detected.size() && detected[j] <= beat + tolerance; ++j) {
            if (used[j])
                continue;
            const long long distance = detected[j] > beat ? detected[j] - beat : beat - detected[j];
            const long long bestDistance = best == detected.size()
                ? tolerance + 1
                : (detected[best] > beat ? detected[best] - beat : beat - detected[best]);
            if (distance < bestDistance)
                best = j;
        }
        if (best == detected.size()) {
            ++r.falseNegatives;
        } else {
            used[best] = true;
            ++r.truePositives;
        }
    }
    for (const bool u : used)
        r.falsePositives += u ? 0 : 1;
    return r;
}

} // namespace vigil::signal
