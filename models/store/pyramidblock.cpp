#include "pyramidblock.h"

#include <QtEndian>

#include <algorithm>

namespace vigil::store {

core::Timestamp PyramidBlock::blockStart(int level, core::Timestamp time)
{
    const core::Timestamp span = blockUs(level);
    core::Timestamp start = (time / span) * span;
    if (start > time)
        start -= span;
    return start;
}

PyramidBlock PyramidBlock::fromBlob(QByteArrayView blob)
{
    PyramidBlock block;
    if (blob.size() != kSlots * 8)
        return block;
    const auto* bytes = reinterpret_cast<const uchar*>(blob.data());
    for (int i = 0; i < kSlots; ++i) {
        block.m_slots[static_cast<std::size_t>(i)].min = qFromLittleEndian<qint32>(bytes + i * 8);
        block.m_slots[static_cast<std::size_t>(i)].max = qFromLittleEndian<qint32>(bytes + i * 8 + 4);
    }
    return block;
}

QByteArray PyramidBlock::toBlob() const
{
    QByteArray blob(kSlots * 8, Qt::Uninitialized);
    auto* bytes = reinterpret_cast<uchar*>(blob.data());
    for (int i = 0; i < kSlots; ++i) {
        qToLittleEndian<qint32>(m_slots[static_cast<std::size_t>(i)].min, bytes + i * 8);
        qToLittleEndian<qint32>(m_slots[static_cast<std::size_t>(i)].max, bytes + i * 8 + 4);
    }
    return blob;
}

void PyramidBlock::merge(int index, qint32 min, qint32 max)
{
    if (index < 0 || index >= kSlots || min > max)
        return;
    Slot& s = m_slots[static_cast<std::size_t>(index)];
    s.min = std::min(s.min, min);
    s.max = std::max(s.max, max);
}

void PyramidBlock::mergeAt(int level, core::Timestamp blockStart, core::Timestamp time, qint32 min, qint32 max)
{
    merge(static_cast<int>((time - blockStart) / slotUs(level)), min, max);
}

} // namespace vigil::store
