#include "minmaxdecimator.h"

#include <cstdint>

namespace vigil::signal {

void MinMaxDecimator::decimate(std::span<const float> samples, std::span<ColumnSpan> columns)
{
    const auto n = static_cast<std::uint64_t>(samples.size());
    const auto cols = static_cast<std::uint64_t>(columns.size());
    if (cols == 0)
        return;
    for (std::uint64_t c = 0; c < cols; ++c) {
        ColumnSpan span;
        if (n > 0) {
            const std::uint64_t begin = c * n / cols;
            std::uint64_t end = (c + 1) * n / cols;
            if (end <= begin)
                end = begin + 1;
            float lo = 0;
            float hi = 0;
            bool any = false;
            for (std::uint64_t i = begin; i < end; ++i) {
                const float v = samples[i];
                if (std::isnan(v))
                    continue;
                if (!any) {
                    lo = hi = v;
                    any = true;
                } else {
                    lo = v < lo ? v : lo;
                    hi = v > hi ? v : hi;
                }
            }
            if (any) {
                span.min = lo;
                span.max = hi;
            }
        }
        columns[c] = span;
    }
}

} // namespace vigil::signal
