#pragma once

#include <span>

namespace vigil::signal {

// Detected beats against reference beats (e.g. a cardiologist's WFDB annotations), as in
// ANSI/AAMI EC57: each reference beat is matched to the nearest unmatched detection within
// `tolerance` samples (150 ms is usual); matched are true positives, unmatched reference beats false
// negatives, unmatched detections false positives. Both lists in ascending order.
class BeatComparison final
{
public:
    struct Result
    {
        long long truePositives = 0;
        long long falseNegatives = 0;
        long long falsePositives = 0;
        // TP / (TP + FN) and TP / (TP + FP); 0 when undefined.
        [[nodiscard]] double sensitivity() const;
        [[nodiscard]] double positivePredictivity() const;
    };

    [[nodiscard]] static Result compare(
        std::span<const long long> reference, std::span<const long long> detected, long long tolerance);
};

} // namespace vigil::signal
