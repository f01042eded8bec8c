#pragma once

#include "core/timestamp.h"
#include "store/storereader.h"

#include <vector>

namespace vigil::store {
struct StoreError;
}

namespace vigil::review {

// What one waveform lane of the review window draws (issue 6): the minimum and maximum of a stream
// over each of `columns` equal slices of [from, to), in physical units. Hours to days come from the
// min/max pyramid (StoreReader::overview: no sample is decoded). Below a quarter of a second per
// column (a span under 8 minutes on 1,920 columns) the samples themselves are decoded, so a
// 10-second strip is exact; between that and one second per column the pyramid's one-second slots
// each cover up to four columns, an envelope the eye reads as such, and no zoom step has to decode
// more than 8 minutes of a stream. An empty column (no data, lead off) has min > max.
class LaneColumns final
{
public:
    struct Column
    {
        float min = 1.0f;
        float max = 0.0f;
        [[nodiscard]] bool isEmpty() const { return !(min <= max); }
    };

    // Column width from which the pyramid is used.
    static constexpr core::Timestamp kPyramidColumnUs = core::kMicrosPerSecond / 4;

    static bool read(store::StoreReader& reader, const store::StoreReader::StreamRow& stream, core::Timestamp from,
        core::Timestamp to, int columns, std::vector<Column>& out, store::StoreError* error = nullptr);
    // Whether read() takes the pyramid for this span and column count.
    [[nodiscard]] static bool usesPyramid(core::Timestamp from, core::Timestamp to, int columns);
};

} // namespace vigil::review
