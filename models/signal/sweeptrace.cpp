#include "sweeptrace.h"

#include <algorithm>
#include <cmath>

namespace vigil::signal {

void SweepTrace::configure(int columns, double columnsPerSample)
{
    m_columns.assign(static_cast<std::size_t>(std::max(columns, 1)), ColumnSpan{});
    m_columnsPerSample = columnsPerSample > 0 ? columnsPerSample : 1.0;
    reset();
}

void SweepTrace::reset()
{
    std::fill(m_columns.begin(), m_columns.end(), ColumnSpan{});
    m_column = 0;
    m_startColumn = 0;
    m_fraction = 0.0;
    m_last = 0.0f;
    m_started = false;
    m_dirtyFirst = 0;
    m_dirtyLast = static_cast<std::int64_t>(m_columns.size()) - 1;
}

void SweepTrace::startAt(double position)
{
    if (m_started)
        return;
    const double width = static_cast<double>(m_columns.size());
    const double wrapped = position - std::floor(position / width) * width;
    m_column = std::clamp(static_cast<std::int64_t>(std::floor(wrapped)), std::int64_t{0},
        static_cast<std::int64_t>(m_columns.size()) - 1);
    m_startColumn = m_column;
    m_fraction = wrapped - static_cast<double>(m_column);
    if (m_fraction < 0.0 || m_fraction >= 1.0)
        m_fraction = 0.0;
}

int SweepTrace::head() const
{
    return static_cast<int>(m_column % static_cast<std::int64_t>(m_columns.size()));
}

bool SweepTrace::written(int c) const
{
    if (!m_started)
        return false;
    const auto width = static_cast<std::int64_t>(m_columns.size());
    if (m_column - m_startColumn + 1 >= width)
        return true;
    // Columns from the start column up to the head, wrapping at the right edge.
    const std::int64_t offset = ((c - m_startColumn) % width + width) % width;
    return offset <= m_column - m_startColumn;
}

void SweepTrace::touch(std::int64_t column)
{
    if (m_dirtyFirst < 0)
        m_dirtyFirst = column;
    m_dirtyLast = std::max(m_dirtyLast, column);
}

void SweepTrace::append(std::span<const float> samples)
{
    const auto width = static_cast<std::int64_t>(m_columns.size());
    for (const float v1 : samples) {
        if (!m_started) {
            m_started = true;
            ColumnSpan& col = m_columns[static_cast<std::size_t>(m_column % width)];
            col = ColumnSpan{};
            if (!std::isnan(v1))
                col.include(v1);
            m_last = v1;
            touch(m_column);
            continue;
        }
        const float v0 = m_last;
        const bool line = !std::isnan(v0) && !std::isnan(v1);
        const double x0 = m_fraction;
        const double x1 = m_fraction + m_columnsPerSample;
        const auto steps = static_cast<std::int64_t>(std::floor(x1));
        for (std::int64_t k = 0; k <= steps; ++k) {
            ColumnSpan& col = m_columns[static_cast<std::size_t>((m_column + k) % width)];
            if (k > 0)
                col = ColumnSpan{}; // the sweep enters this column: the previous pass is overwritten
            if (line) {
                // Range of the segment inside column k: its values at the clipped ends.
                const double xa = std::max(x0, static_cast<double>(k));
                const double xb = std::min(x1, static_cast<double>(k + 1));
                const double slope = (static_cast<double>(v1) - v0) / m_columnsPerSample;
                col.include(static_cast<float>(v0 + slope * (xa - x0)));
                col.include(static_cast<float>(v0 + slope * (xb - x0)));
            } else if (!std::isnan(v1) && (k == steps || (k == steps - 1 && x1 == static_cast<double>(steps)))) {
                // A point with no line into it; on a column boundary it belongs to both columns,
                // as a line's end point does.
                col.include(v1);
            }
        }
        touch(m_column); // column k = 0 changed too (the segment's start), and all up to the head
        touch(m_column + steps);
        m_column += steps;
        m_fraction = x1 - static_cast<double>(steps);
        m_last = v1;
    }
    // Keep the unwrapped counters bounded without changing their value modulo width.
    if (m_column > (std::int64_t{1} << 40) && m_dirtyFirst < 0) {
        const std::int64_t shift = (m_column / width - 1) * width;
        m_column -= shift;
        m_startColumn -= shift;
    }
}

SweepTrace::Dirty SweepTrace::takeDirty()
{
    if (m_dirtyFirst < 0)
        return {};
    const auto width = static_cast<std::int64_t>(m_columns.size());
    const std::int64_t count = std::min(m_dirtyLast - m_dirtyFirst + 1, width);
    Dirty d{static_cast<int>(((m_dirtyLast - count + 1) % width + width) % width), static_cast<int>(count)};
    m_dirtyFirst = -1;
    m_dirtyLast = -1;
    return d;
}

} // namespace vigil::signal
