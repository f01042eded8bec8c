#include "waveclustering.h"

#include "database.h"
#include "statement.h"
#include "transaction.h"

#include <sqlite3.h>

#include <optional>

namespace vigil::store {

WaveClustering::WaveClustering(Database& db)
    : m_db(db)
{ }

StoreError WaveClustering::step(
    const std::function<bool(qint64)>& isLive, core::Timestamp budgetUs, int& spans, bool& more)
{
    spans = 0;
    more = false;
    const core::Timestamp deadline = core::steadyMicros() + budgetUs;
    if (m_cursor >= m_streams.size()) {
        // A pass: one hour of each stream in turn.
        m_streams.clear();
        m_cursor = 0;
        m_passFoundWork = false;
        Statement all = m_db.prepare("SELECT id, clustered_us FROM stream ORDER BY id");
        int rc = SQLITE_ROW;
        while ((rc = all.step()) == SQLITE_ROW)
            m_streams.emplace_back(all.int64(0), all.int64(1));
        if (rc != SQLITE_DONE)
            return m_db.error(rc, QStringLiteral("listing the streams to cluster"));
    }
    // One transaction for the step (one sync of the log, not one per hour moved). On failure nothing
    // of the step is kept, and the next step starts a new pass from what is stored.
    std::optional<Transaction> tx;
    const auto failed = [&](StoreError e) {
        if (tx)
            tx->rollback();
        m_streams.clear();
        m_cursor = 0;
        spans = 0;
        return e;
    };
    while (m_cursor < m_streams.size()) {
        if (core::steadyMicros() >= deadline) {
            more = true;
            break;
        }
        auto& [stream, cursor] = m_streams[m_cursor++];
        core::Timestamp from = 0;
        core::Timestamp to = 0;
        if (!nextSpan(stream, cursor, isLive && isLive(stream), from, to))
            continue;
        if (!tx) {
            if (!m_tempTables) {
                // In memory (PRAGMA temp_store = MEMORY): an hour of a stream passes through them.
                StoreError error;
                if (!m_db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS moving_chunk(stream_id, t_us, n, "
                                              "min_v, max_v, received_us, data); CREATE TEMP TABLE IF NOT EXISTS "
                                              "moving_block(stream_id, level, t_us, data)"),
                        &error))
                    return failed(error);
                m_tempTables = true;
            }
            tx.emplace(m_db);
            if (!tx->isActive())
                return failed(tx->error());
        }
        if (StoreError e = clusterSpan(stream, from, to))
            return failed(e);
        cursor = to;
        ++spans;
        m_passFoundWork = true;
    }
    if (tx && !tx->commit())
        return failed(tx->error());
    // At the end of a pass, the next may find more hours if this one found any.
    more = more || m_passFoundWork;
    return {};
}

bool WaveClustering::nextSpan(
    qint64 streamId, core::Timestamp cursor, bool live, core::Timestamp& from, core::Timestamp& to)
{
    Statement& first =
        m_db.cached("SELECT t_us FROM wave_chunk WHERE stream_id = ? AND t_us >= ? ORDER BY t_us LIMIT 1");
    first.bind(1, streamId).bind(2, cursor);
    const bool any = first.step() == SQLITE_ROW;
    const core::Timestamp firstAt = any ? first.int64(0) : 0;
    first.reset();
    if (!any)
        return false;
    from = core::floorTo(firstAt, kSpanUs);
    to = from + kSpanUs;
    if (!live)
        return true;
    Statement& last = m_db.cached("SELECT t_us FROM wave_chunk WHERE stream_id = ? ORDER BY t_us DESC LIMIT 1");
    last.bind(1, streamId);
    const core::Timestamp lastAt = last.step() == SQLITE_ROW ? last.int64(0) : 0;
    last.reset();
    return lastAt >= to + kMarginUs;
}

StoreError WaveClustering::clusterSpan(qint64 streamId, core::Timestamp from, core::Timestamp to)
{
    const auto run = [&](const char* sql, bool withLevel) -> int {
        Statement& s = m_db.cached(sql);
        s.bind(1, streamId).bind(2, from).bind(3, to);
        if (withLevel)
            s.bind(4, 1);
        const int rc = s.run();
        return Statement::succeeded(rc) ? sqlite3_changes(m_db.handle()) : -1;
    };
    // Chunk rows, then the per-second pyramid blocks (level 1: a minute each, all inside the hour).
    // Each table: copy out, delete, insert back in time order; the counts must agree or nothing
    // changes.
    const int copied = run("INSERT INTO temp.moving_chunk SELECT stream_id, t_us, n, min_v, max_v, received_us, "
                           "data FROM main.wave_chunk WHERE stream_id = ?1 AND t_us >= ?2 AND t_us < ?3",
        false);
    const int deleted =
        copied < 0 ? -1 : run("DELETE FROM main.wave_chunk WHERE stream_id = ?1 AND t_us >= ?2 AND t_us < ?3", false);
    const int inserted = deleted < 0
        ? -1
        : run("INSERT INTO main.wave_chunk(stream_id, t_us, n, min_v, max_v, received_us, data) SELECT stream_id, "
              "t_us, n, min_v, max_v, received_us, data FROM temp.moving_chunk WHERE stream_id = ?1 AND t_us >= ?2 "
              "AND t_us < ?3 ORDER BY t_us",
            false);
    const int blocksCopied = inserted < 0
        ? -1
        : run("INSERT INTO temp.moving_block SELECT stream_id, level, t_us, data FROM main.wave_pyramid WHERE "
              "stream_id = ?1 AND level = ?4 AND t_us >= ?2 AND t_us < ?3",
            true);
    const int blocksDeleted = blocksCopied < 0
        ? -1
        : run("DELETE FROM main.wave_pyramid WHERE stream_id = ?1 AND level = ?4 AND t_us >= ?2 AND t_us < ?3", true);
    const int blocksInserted = blocksDeleted < 0
        ? -1
        : run("INSERT INTO main.wave_pyramid(stream_id, level, t_us, data) SELECT stream_id, level, t_us, data FROM "
              "temp.moving_block WHERE stream_id = ?1 AND level = ?4 AND t_us >= ?2 AND t_us < ?3 ORDER BY t_us",
            true);
    const bool moved = copied >= 0 && deleted == copied && inserted == copied && blocksCopied >= 0
        && blocksDeleted == blocksCopied && blocksInserted == blocksCopied;
    const bool emptied = m_db.exec(QStringLiteral("DELETE FROM temp.moving_chunk; DELETE FROM temp.moving_block"));
    if (!moved || !emptied) {
        const StoreError e = m_db.error(sqlite3_errcode(m_db.handle()),
            QStringLiteral("moving an hour of waveform rows together (%1 rows read, %2 deleted, %3 written)")
                .arg(copied)
                .arg(deleted)
                .arg(inserted));
        return e;
    }
    Statement& mark = m_db.cached("UPDATE stream SET clustered_us = ?2 WHERE id = ?1");
    mark.bind(1, streamId).bind(2, to);
    if (const int rc = mark.run(); !Statement::succeeded(rc))
        return m_db.error(rc, QStringLiteral("recording the clustered hour"));
    return {};
}

} // namespace vigil::store
