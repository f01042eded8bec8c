#pragma once

#include "columnspan.h"

#include <span>

namespace vigil::signal {

// Reduces a block of samples to one min/max pair per pixel column, so that a trace drawn from the
// pairs looks exactly like the trace drawn from every sample (no spike is ever lost).
//
// Column c covers samples [floor(c*n/cols), floor((c+1)*n/cols)); when there are fewer samples than
// columns, each column covers at least the one sample at floor(c*n/cols). NaN samples (no data) are
// skipped; a column with only NaN samples is empty.
class MinMaxDecimator final
{
public:
    static void decimate(std::span<const float> samples, std::span<ColumnSpan> columns);
};

} // namespace vigil::signal
