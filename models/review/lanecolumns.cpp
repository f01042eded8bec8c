#include "lanecolumns.h"

#include "codec/wavecodec.h"
#include "store/storeerror.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <utility>

namespace vigil::review {

bool LaneColumns::usesPyramid(core::Timestamp from, core::Timestamp to, int columns)
{
    return columns > 0 && to > from && (to - from) / columns >= kPyramidColumnUs;
}

void LaneColumns::SampleCache::clear()
{
    m_valid = false;
    m_from = m_to = 0;
    m_runs.clear();
}

bool LaneColumns::SampleCache::fill(
    store::StoreReader& reader, qint64 streamId, core::Timestamp from, core::Timestamp to, store::StoreError* error)
{
    using Runs = std::vector<store::StoreReader::SampleRun>;
    if (m_valid && m_streamId == streamId && from >= m_from && to <= m_to)
        return true;
    const auto failed = [this] {
        clear();
        return false;
    };
    if (!m_valid || m_streamId != streamId || from > m_to || to < m_from) {
        clear();
        if (!reader.samples(streamId, from, to, m_runs, error))
            return failed();
        m_streamId = streamId;
        m_valid = true;
        m_from = from;
        m_to = to;
        return true;
    }
    // Overlapping or touching: only what is new. samples() returns exactly the samples in the range
    // asked for, so the parts do not overlap.
    Runs more;
    if (from < m_from) {
        if (!reader.samples(streamId, from, m_from, more, error))
            return failed();
        more.insert(more.end(), std::make_move_iterator(m_runs.begin()), std::make_move_iterator(m_runs.end()));
        m_runs = std::move(more);
        m_from = from;
    }
    if (to > m_to) {
        more.clear();
        if (!reader.samples(streamId, m_to, to, more, error))
            return failed();
        m_runs.insert(m_runs.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
        m_to = to;
    }
    // Keep a span either side of the last read. Whole runs go; the bounds move to a run's start, so
    // the cache still holds every sample in [m_from, m_to).
    const core::Timestamp span = to - from;
    const auto startsBefore = [](const store::StoreReader::SampleRun& r, core::Timestamp t) {
        return r.firstSampleTime < t;
    };
    auto keepFirst = std::lower_bound(m_runs.begin(), m_runs.end(), from - span, startsBefore);
    if (keepFirst != m_runs.begin() && (keepFirst == m_runs.end() || keepFirst->firstSampleTime > from - span))
        --keepFirst; // the run that may hold from - span
    if (keepFirst != m_runs.begin()) {
        m_runs.erase(m_runs.begin(), keepFirst);
        m_from = m_runs.empty() ? from : m_runs.front().firstSampleTime;
    }
    const auto dropFrom = std::lower_bound(m_runs.begin(), m_runs.end(), to + span, startsBefore);
    if (dropFrom != m_runs.end()) {
        m_to = dropFrom->firstSampleTime;
        m_runs.erase(dropFrom, m_runs.end());
    }
    return true;
}

bool LaneColumns::read(store::StoreReader& reader, const store::StoreReader::StreamRow& stream, core::Timestamp from,
    core::Timestamp to, int columns, std::vector<Column>& out, store::StoreError* error, SampleCache* cache)
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
    std::vector<store::StoreReader::SampleRun> local;
    const std::vector<store::StoreReader::SampleRun>* runs = &local;
    if (cache) {
        if (!cache->fill(reader, stream.id, from, to, error))
            return false;
        runs = &cache->m_runs;
    } else if (!reader.samples(stream.id, from, to, local, error)) {
        return false;
    }
    // The extremes in digital units first (the physical value is linear in them), then converted.
    std::vector<std::pair<qint32, qint32>> digital(
        out.size(), {std::numeric_limits<qint32>::max(), std::numeric_limits<qint32>::min()});
    const double periodUs = 1e6 / d.rateHz;
    const double span = static_cast<double>(to - from);
    const std::size_t last = out.size() - 1;
    for (const auto& run : *runs) {
        const double first = static_cast<double>(run.firstSampleTime - from);
        const std::size_t n = run.samples.size();
        if (first >= span || first + static_cast<double>(n) * periodUs < 0)
            continue; // a cached run outside this read
        // Sample i is at `first + i × period` and falls in column floor(t × columns / span): the
        // columns rise with i, so each column's samples are one slice, reduced in a tight loop.
        const auto timeOf = [&](std::size_t i) { return first + static_cast<double>(i) * periodUs; };
        const auto columnOf = [&](std::size_t i) {
            return std::min<std::size_t>(static_cast<std::size_t>(timeOf(i) * columns / span), last);
        };
        std::size_t i = first >= 0 ? 0 : static_cast<std::size_t>(std::max(0.0, std::floor(-first / periodUs)));
        while (i < n && timeOf(i) < 0)
            ++i;
        while (i < n && timeOf(i) < span) {
            const std::size_t c = columnOf(i);
            // The first sample past column c: from where the column's end says, then exactly.
            const double columnEnd = static_cast<double>(c + 1) * span / columns;
            auto j = static_cast<std::size_t>(std::max(0.0, std::ceil((columnEnd - first) / periodUs)));
            j = std::clamp(j, i + 1, n);
            while (j > i + 1 && (timeOf(j - 1) >= span || columnOf(j - 1) != c))
                --j;
            while (j < n && timeOf(j) < span && columnOf(j) == c)
                ++j;
            qint32 lo = std::numeric_limits<qint32>::max();
            qint32 hi = std::numeric_limits<qint32>::min(); // kInvalid never raises it
            const qint32* v = run.samples.data();
            for (std::size_t k = i; k < j; ++k) {
                lo = std::min(lo, v[k] == codec::WaveCodec::kInvalid ? std::numeric_limits<qint32>::max() : v[k]);
                hi = std::max(hi, v[k]);
            }
            if (lo <= hi) {
                auto& [dlo, dhi] = digital[c];
                dlo = std::min(dlo, lo);
                dhi = std::max(dhi, hi);
            }
            i = j;
        }
    }
    for (std::size_t c = 0; c < out.size(); ++c) {
        if (digital[c].first <= digital[c].second)
            widen(out[c], digital[c].first, digital[c].second);
    }
    return true;
}

} // namespace vigil::review
