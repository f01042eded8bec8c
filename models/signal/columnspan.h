#pragma once

#include <cmath>
#include <limits>

namespace vigil::signal {

// The range a signal covers within one pixel column. Empty (no data, e.g. lead off) when min is NaN.
struct ColumnSpan
{
    float min = std::numeric_limits<float>::quiet_NaN();
    float max = std::numeric_limits<float>::quiet_NaN();

    [[nodiscard]] bool isEmpty() const { return std::isnan(min); }
    void include(float v)
    {
        if (isEmpty()) {
            min = max = v;
        } else {
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
    }
    friend bool operator==(const ColumnSpan& a, const ColumnSpan& b)
    {
        return (a.isEmpty() && b.isEmpty()) || (a.min == b.min && a.max == b.max);
    }
};

} // namespace vigil::signal
