#include "lanecolumns.h"

#include "codec/wavecodec.h"
#include "store/storeerror.h"

#include <algorithm>

namespace vigil::review {

bool LaneColumns::usesPyramid(core::Timestamp from, core::Timestamp to, int columns)
{
    return columns > 0 && to > from && (to - from) / columns >= kPyramidColumnUs;
}

bool LaneColumns::read(store::StoreReader& reader, const store::StoreReader::StreamRow& stream, core::Timestamp from,
    core::Timestamp to, int columns, std::vector<Column>& out, store::StoreError* error)
{
    out.assign(static_cast<std::size_t>(std::max(columns, 0)), Column{});
    if (columns <= 0 || to <= from)
        return true;
    const store::StreamDescriptor& d = stream.descriptor;
    const auto widen = [&](Column& c, qint32 lo, qint32 hi) {
        // A negative gain swaps the ends.
        const auto a = static_cast<float>(d.toPhysical(lo));
        const auto b = static_cast<float>(d.toPhysical(hi));
        const float mn = std::min(a, b);
        const float mx = std::max(a, b);
        if (c.isEmpty()) {
            c.min = mn;
            c.max = mx;
        } else {
            c.min = std::min(c.min, mn);
            c.max = std::max(c.max, mx);
        }
    };
    if (usesPyramid(from, to, columns)) {
        std::vector<store::StoreReader::Column> slots;
        if (!reader.overview(stream.id, from, to, columns, slots, error))
            return false;
        for (std::size_t c = 0; c < slots.size(); ++c) {
            if (!slots[c].isEmpty())
                widen(out[c], slots[c].min, slots[c].max);
        }
        return true;
    }
    std::vector<store::StoreReader::SampleRun> runs;
    if (!reader.samples(stream.id, from, to, runs, error))
        return false;
    const double periodUs = 1e6 / d.rateHz;
    const double span = static_cast<double>(to - from);
    for (const auto& run : runs) {
        for (std::size_t i = 0; i < run.samples.size(); ++i) {
            const qint32 v = run.samples[i];
            if (v == codec::WaveCodec::kInvalid)
                continue;
            const double t = static_cast<double>(run.firstSampleTime - from) + static_cast<double>(i) * periodUs;
            if (t < 0 || t >= span)
                continue;
            const auto c = std::min<std::size_t>(static_cast<std::size_t>(t * columns / span), out.size() - 1);
            widen(out[c], v, v);
        }
    }
    return true;
}

} // namespace vigil::review
