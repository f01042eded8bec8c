#pragma once

#include "core/timestamp.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <limits>

namespace vigil::store {

// One row of the min/max pyramid: kSlots (min, max) pairs of digital sample values covering
// consecutive equal time slots. Level 1 rows cover a minute in 1-second slots; level 2 rows cover an
// hour in 1-minute slots. A 24-hour overview reads 1,440 level-1 rows (or 24 level-2 rows) instead of
// 86,400 waveform chunks. An empty slot has min > max.
//
// Merging is min-of-mins and max-of-maxes, so it is idempotent and order-independent: a chunk that
// arrives late, twice, or in two partial writes leaves the same block.
class PyramidBlock final
{
public:
    static constexpr int kSlots = 60;
    static constexpr int kLevels = 2;

    struct Slot
    {
        qint32 min = std::numeric_limits<qint32>::max();
        qint32 max = std::numeric_limits<qint32>::min();
        [[nodiscard]] bool isEmpty() const { return min > max; }
    };

    // Slot width for `level` (1 → 1 s, 2 → 60 s) and the block span (60 s, 3600 s), in µs.
    [[nodiscard]] static constexpr core::Timestamp slotUs(int level)
    {
        return level == 1 ? core::kMicrosPerSecond : 60 * core::kMicrosPerSecond;
    }
    [[nodiscard]] static constexpr core::Timestamp blockUs(int level) { return slotUs(level) * kSlots; }
    // Start of the block holding `time` (floor, also for times before 1970).
    [[nodiscard]] static core::Timestamp blockStart(int level, core::Timestamp time);

    PyramidBlock() = default;
    // An empty block when the blob is not exactly kSlots pairs.
    [[nodiscard]] static PyramidBlock fromBlob(QByteArrayView blob);
    [[nodiscard]] QByteArray toBlob() const;

    [[nodiscard]] const Slot& slot(int index) const { return m_slots[static_cast<std::size_t>(index)]; }
    void merge(int index, qint32 min, qint32 max);
    // Merges a value range at `time` into the slot that holds it, given the block's start.
    void mergeAt(int level, core::Timestamp blockStart, core::Timestamp time, qint32 min, qint32 max);

private:
    std::array<Slot, kSlots> m_slots{};
};

} // namespace vigil::store
