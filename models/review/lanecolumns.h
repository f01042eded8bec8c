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

    // The decoded samples of one stream over the last span read from them, kept between reads (a
    // view's zoom and pan steps): a read inside it decodes nothing, one that overlaps it decodes only
    // what is new (a pan by a tenth of the span: a tenth). Bounded to a few spans around the last read.
    class SampleCache
    {
    public:
        void clear();
        [[nodiscard]] bool covers(core::Timestamp from, core::Timestamp to) const
        {
            return m_valid && from >= m_from && to <= m_to;
        }

    private:
        friend class LaneColumns;
        bool fill(store::StoreReader& reader, qint64 streamId, core::Timestamp from, core::Timestamp to,
            store::StoreError* error);

        qint64 m_streamId = 0;
        bool m_valid = false;
        core::Timestamp m_from = 0; // every stored sample in [m_from, m_to) is in m_runs
        core::Timestamp m_to = 0;
        std::vector<store::StoreReader::SampleRun> m_runs; // in time order
    };

    // `cache` (optional, one per stream) keeps the decoded samples for the next read of the stream.
    static bool read(store::StoreReader& reader, const store::StoreReader::StreamRow& stream, core::Timestamp from,
        core::Timestamp to, int columns, std::vector<Column>& out, store::StoreError* error = nullptr,
        SampleCache* cache = nullptr);
    // Whether read() takes the pyramid for this span and column count.
    [[nodiscard]] static bool usesPyramid(core::Timestamp from, core::Timestamp to, int columns);
};

} // namespace vigil::review
