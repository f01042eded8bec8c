#pragma once

#include "core/timestamp.h"
#include "storeerror.h"

#include <QtGlobal>

#include <functional>
#include <vector>

namespace vigil::store {

class Database;

// Stores each stream's waveform rows of a past hour next to each other (schema v4).
//
// The writer inserts one chunk row per stream per second, so rows land in the table in arrival
// order: a second of every patient's ECG, pleth and resp, then the next second. Reading one stream
// back (review, export) then decrypts a 4 KiB page for every second it reads, most of it other
// streams' data. Once an hour of a stream is complete, a step moves that hour's chunk rows and its
// per-second pyramid blocks to the end of their tables in time order, in one transaction: the rows
// are the same bytes with new row ids, so nothing read back changes but where it lies, and five
// minutes of one ECG then sit on a few pages instead of three hundred. stream.clustered_us records
// how far each stream has been done; rows that arrive later for an hour already done (late data) are
// simply stored where they land.
//
// Used on the writer's thread (WriterSession), or on its own connection by maintenance.
class WaveClustering final
{
public:
    static constexpr core::Timestamp kSpanUs = 3600 * core::kMicrosPerSecond;
    // A stream being written: its hour is done once data this much past the hour's end is stored.
    static constexpr core::Timestamp kMarginUs = 60 * core::kMicrosPerSecond;

    explicit WaveClustering(Database& db);

    // Clusters stream-hours, one of each stream in turn (a pass over the streams), until the pass
    // ends or `budgetUs` of (steady) time has passed; the next call goes on from there. `isLive(id)`:
    // the stream is being written now (its latest hour waits for the margin); any other stream's
    // hours are all ready. `more`: call again, there may be work left.
    [[nodiscard]] StoreError step(
        const std::function<bool(qint64)>& isLive, core::Timestamp budgetUs, int& spans, bool& more);

private:
    // The next hour of `streamId` to cluster ([from, to)), or false.
    bool nextSpan(qint64 streamId, core::Timestamp cursor, bool live, core::Timestamp& from, core::Timestamp& to);
    StoreError clusterSpan(qint64 streamId, core::Timestamp from, core::Timestamp to);

    Database& m_db;
    std::vector<std::pair<qint64, core::Timestamp>> m_streams; // id, clustered_us: one pass
    std::size_t m_cursor = 0;
    bool m_passFoundWork = false;
    bool m_tempTables = false;
};

} // namespace vigil::store
