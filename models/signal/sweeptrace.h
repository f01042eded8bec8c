#pragma once

#include "columnspan.h"

#include <cstdint>
#include <span>
#include <vector>

namespace vigil::signal {

// Streaming min/max-per-column decimation for a sweep-mode trace.
//
// The trace is `columns` pixels wide; each sample advances the write position by columnsPerSample
// (pixels per second / sample rate), wrapping at the right edge like a monitor's sweep. The signal is
// treated as piecewise linear between samples, so each column holds the exact range the line covers
// inside it: spikes are never lost (fewer samples than columns, or many samples per column, alike),
// and consecutive columns join up. A NaN sample means "no data" (e.g. ECG lead off): no line is drawn
// to or from it and the columns it covers are empty.
//
// Renderers read the columns that changed since their last frame with takeDirty(); only those (plus
// the erase bar ahead of the head) need drawing. Not thread-safe: owned by the renderer's thread.
class SweepTrace final
{
public:
    struct Dirty
    {
        int first = 0; // first changed column
        int count = 0; // number of changed columns from `first`, wrapping at columnCount(); 0: none
    };

    void configure(int columns, double columnsPerSample);
    // Empties every column and restarts the sweep at column 0.
    void reset();
    // Before the first sample after a reset: puts the first sample at `position` (in columns,
    // any size; taken modulo the width). Sweeps started at position = time x pixels per second run in
    // phase with the clock, whichever trace or tile they belong to.
    void startAt(double position);

    void append(std::span<const float> samples);

    [[nodiscard]] int columnCount() const { return static_cast<int>(m_columns.size()); }
    [[nodiscard]] double columnsPerSample() const { return m_columnsPerSample; }
    // The column holding the newest sample (the sweep head).
    [[nodiscard]] int head() const;
    [[nodiscard]] std::span<const ColumnSpan> columns() const { return m_columns; }
    [[nodiscard]] const ColumnSpan& column(int c) const { return m_columns[static_cast<std::size_t>(c)]; }
    // Has the sweep written column c since the last reset()? (Columns never written are blank.)
    [[nodiscard]] bool written(int c) const;

    // Columns changed since the previous call.
    [[nodiscard]] Dirty takeDirty();

private:
    void touch(std::int64_t column);

    std::vector<ColumnSpan> m_columns;
    double m_columnsPerSample = 1.0;
    std::int64_t m_column = 0; // unwrapped column of the newest sample
    std::int64_t m_startColumn = 0; // unwrapped column of the first sample since reset()
    double m_fraction = 0.0; // position of the newest sample within m_column, [0, 1)
    float m_last = 0.0f;
    bool m_started = false;
    std::int64_t m_dirtyFirst = -1; // unwrapped; -1: nothing dirty
    std::int64_t m_dirtyLast = -1;
};

} // namespace vigil::signal
