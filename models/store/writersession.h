#pragma once

#include "database.h"
#include "pyramidblock.h"
#include "retentionpolicy.h"
#include "storeerror.h"
#include "streamdescriptor.h"

#include <QByteArray>

#include <map>
#include <memory>
#include <tuple>
#include <vector>

namespace vigil::store {

struct WriteItem;
class WaveClustering;

// The writer thread's side of StoreWriter: its connection, the open one-second chunk of every
// stream, the pyramid blocks being updated, and the handle → row id maps. Used only on the writer
// thread. begin() snapshots the in-memory state so rollback() can restore it exactly, which lets the
// writer retry a whole batch after "disk full".
class WriterSession final
{
public:
    explicit WriterSession(std::unique_ptr<Database> db);
    ~WriterSession();
    WriterSession(const WriterSession&) = delete;
    WriterSession& operator=(const WriterSession&) = delete;

    [[nodiscard]] StoreError begin();
    [[nodiscard]] StoreError apply(const WriteItem& item);
    // Writes the open (partial) chunks and the changed pyramid blocks, so a commit is complete.
    [[nodiscard]] StoreError finish();
    [[nodiscard]] StoreError commit();
    void rollback();
    // One retention step in its own transaction; adds the rows deleted to `pruned`.
    [[nodiscard]] StoreError prune(const RetentionPolicy& policy, core::Timestamp now, quint64& pruned);

    // One clustering step (store::WaveClustering) in transactions of its own; the streams registered
    // here are live (their latest hour waits). `more`: call again.
    [[nodiscard]] StoreError cluster(core::Timestamp budgetUs, int& spans, bool& more);

    [[nodiscard]] quint64 samplesInBatch() const { return m_samplesInBatch; }
    [[nodiscard]] quint64 rowsInBatch() const { return m_rowsInBatch; }

private:
    struct StreamState
    {
        qint64 id = 0;
        StreamDescriptor descriptor;
        core::Timestamp chunkStart = 0; // device time of samples[0] of the open chunk
        core::Timestamp secondEnd = 0; // the open chunk ends before this time
        std::vector<qint32> samples; // the open chunk
        core::Timestamp receivedAt = 0;
        bool partialWritten = false; // the open chunk is already in the database (partially)
    };
    using PyramidKey = std::tuple<qint64, int, core::Timestamp>; // stream id, level, block start
    struct PyramidEntry
    {
        PyramidBlock block;
        bool dirty = false;
        bool stored = false; // a row for this block exists in the database
    };
    struct Snapshot
    {
        std::vector<qint64> patientIds;
        std::vector<StreamState> streams;
        QByteArray auditHash;
    };

    StoreError applySamples(const WriteItem& item);
    StoreError applyCaseEvent(const WriteItem& item);
    StoreError applyAlarm(const WriteItem& item);
    StoreError closeChunk(StreamState& stream, bool complete);
    StoreError mergePyramid(qint64 streamId, core::Timestamp time, qint32 min, qint32 max);
    [[nodiscard]] core::Timestamp sampleTime(const StreamState& stream, core::Timestamp first, qsizetype index) const;
    qint64 patientId(int handle) const;

    std::unique_ptr<Database> m_db;
    std::vector<qint64> m_patientIds; // by patient handle
    std::vector<StreamState> m_streams; // by stream handle
    std::map<PyramidKey, PyramidEntry> m_pyramid;
    QByteArray m_auditHash;
    Snapshot m_snapshot;
    quint64 m_samplesInBatch = 0;
    quint64 m_rowsInBatch = 0;
    std::unique_ptr<WaveClustering> m_clustering;
    std::vector<qint64> m_pruneStreams;
    std::size_t m_pruneCursor = 0;
};

} // namespace vigil::store
