#pragma once

#include "alarmrecord.h"
#include "annotation.h"
#include "auditentry.h"
#include "caseeventrecord.h"
#include "core/devicestatus.h"
#include "core/patientidentity.h"
#include "core/vitalsigns.h"
#include "patientorigin.h"
#include "retentionpolicy.h"
#include "storeerror.h"
#include "streamdescriptor.h"
#include "writeitem.h"

#include <QByteArray>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace vigil::store {

class Cache;
class WriterSession;

// The cache's only writer: one thread, one connection, batched transactions.
//
// Producers (source threads, the GUI) call append*() from any thread; each call copies its data
// into a bounded queue and returns a sequence number at once. The writer thread applies items
// inside one IMMEDIATE transaction and commits at least every `commitIntervalMs` (and sooner when a
// batch grows large). Waveform samples are cut into one row per stream per second (compressed with
// codec::WaveCodec), the min/max pyramid is updated in the same transaction, so after any commit
// the database is complete up to committedSeq(). A partial second is written too and rewritten
// when the second completes.
//
// Back-pressure: when the queue holds `queueCapacitySamples`, append waits up to
// `backpressureWaitMs`; if it is still full the samples are dropped *and counted* (stats().dropped)
// and the state says Behind. Non-waveform items (vitals, status, audit, outbox, quarantine, clinical
// events, alarms) are small and never dropped.
//
// Faults: when a write fails with "disk full" or an I/O error the transaction is rolled back, the
// items are kept, the state becomes DiskFull, and the writer retries every `retryIntervalMs`; when
// space returns it carries on from where it was. Nothing already committed is touched.
class StoreWriter final
{
public:
    struct Config
    {
        int commitIntervalMs = 1000;
        qsizetype maxBatchSamples = 4'000'000; // commit sooner when a transaction holds this many
        qsizetype queueCapacitySamples = 16'000'000; // ~6 min of 64 patients
        int backpressureWaitMs = 50;
        int retryIntervalMs = 2000;
        core::Timestamp behindAfterUs = 5 * core::kMicrosPerSecond; // oldest queued item older → Behind
        RetentionPolicy retention;
        bool pruning = true;
        // Past hours of each stream stored together (store::WaveClustering): a step after a commit,
        // at most this long, while there is work; else a look every clusterCheckMs.
        bool clustering = true;
        int clusterBudgetMs = 200;
        int clusterCheckMs = 5000;
        std::function<core::Timestamp()> clock; // default core::nowUtc (retention, receive times)
    };

    enum class State {
        Stopped,
        Running,
        Behind, // queue filling up, or samples were dropped since the last reset
        DiskFull, // writes fail for lack of space; retrying
        Failed, // a non-recoverable error (see lastError); nothing more is written
    };

    struct Stats
    {
        State state = State::Stopped;
        quint64 submitted = 0; // last sequence number handed out
        quint64 committed = 0; // every item up to here is durable
        quint64 commits = 0;
        quint64 samplesCommitted = 0;
        quint64 chunkRowsWritten = 0;
        quint64 droppedSamples = 0; // could not be queued (writer behind); counted, never silent
        quint64 backpressureWaits = 0;
        quint64 failedCommits = 0;
        quint64 prunedRows = 0;
        quint64 clusteredSpans = 0; // stream-hours stored together (WaveClustering)
        bool clusteringPending = false; // the last step left work
        qsizetype queuedSamples = 0;
        qsizetype queuedItems = 0;
        core::Timestamp oldestQueuedUs = 0; // age of the oldest queued item
        core::Timestamp lastCommitDurationUs = 0;
        StoreError lastError;
    };

    StoreWriter(const Cache& cache, Config config);
    explicit StoreWriter(const Cache& cache);
    ~StoreWriter();
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    // Opens the writer's connection and starts the thread.
    bool start(StoreError* error = nullptr);
    // Commits everything queued (unless the disk is full: then waits up to `timeoutMs`), stops the
    // thread and closes the connection. Returns whether everything submitted was committed.
    bool stop(int timeoutMs = 30000);

    // Registration returns a handle at once (any thread); the rows are written with the next batch.
    // Registering the same patient (identity.id) or stream (patient, code) again returns the same
    // handle and updates the stored details. `origin` Import marks an imported patient (exempt from
    // retention, see PatientOrigin); registering a patient as Live never turns an imported one live.
    [[nodiscard]] int registerPatient(
        const core::PatientIdentity& identity, PatientOrigin origin = PatientOrigin::Live);
    [[nodiscard]] int registerStream(int patientHandle, const StreamDescriptor& descriptor);

    // Each returns the item's sequence number, or 0 when it was dropped.
    quint64 appendSamples(
        int streamHandle, core::Timestamp firstSampleTime, std::span<const qint32> samples, core::Timestamp receivedAt);
    quint64 appendVital(int patientHandle, core::VitalKind kind, const core::Measurement& measurement,
        core::Timestamp receivedAt, int provenance = 0);
    quint64 appendStatus(int patientHandle, const core::DeviceStatus& status, core::Timestamp receivedAt);
    // entry.patientId is ignored; `patientHandle` (or 0) names the patient.
    quint64 appendAudit(const AuditEntry& entry, int patientHandle = 0);
    quint64 appendQuarantine(const QString& source, const QString& reason, const QByteArray& payload);
    quint64 appendOutbox(const QString& topic, const QByteArray& payload);
    // An annotation of an imported recording; stored once (a repeat of the same one is ignored).
    quint64 appendAnnotation(int patientHandle, const Annotation& annotation);
    // A clinical case event (append-only), in one transaction with its audit row and, for an event
    // created on this workstation (`local`), an outbox row publishing `event.payload` on
    // `outboxTopic` (vigil/v1/<site>/events). An event whose uuid is already stored (a repeat from
    // the broker, or our own event coming back) is ignored with its audit and outbox rows; a repeat
    // with a different payload is logged and the first copy kept. The audit row: the event's actor
    // and role, action "case.<kind>", the patient, and a detail of the uuid, the origin and
    // event.auditSummary; its time is the event's for a local event and the time it was queued for
    // one received from elsewhere. Returns 0 (nothing queued) for a local event without a topic.
    quint64 appendCaseEvent(
        int patientHandle, const CaseEventRecord& event, bool local, const QString& outboxTopic = {});
    // An alarm episode's current state: the first append of an episode (patient, alarm.code,
    // alarm.raisedAt) inserts its row, later ones update its endedAt, priority, text and state.
    // `patientHandle` 0 is a workstation alarm (no patient); alarm.patientId is ignored. Never dropped.
    quint64 appendAlarm(int patientHandle, const AlarmRecord& alarm);
    // Outbox rows (OutboxRow::id) a broker acknowledged at `at`: they stop being pending and become
    // prunable by retention. Rows already marked keep their first time.
    quint64 markOutboxPublished(std::span<const qint64> rowIds, core::Timestamp at);
    // A workstation setting kept in the cache (encrypted), e.g. a patient's alarm limits
    // ("alarm-limits/<patient key>", JSON); replaces the value under `key`.
    quint64 setSetting(const QString& key, const QString& value);

    // Blocks until `seq` is committed (true) or `timeoutMs` passed / the writer failed (false).
    bool waitCommitted(quint64 seq, int timeoutMs);
    [[nodiscard]] quint64 committedSeq() const { return m_committed.load(std::memory_order_acquire); }
    [[nodiscard]] Stats stats() const;
    [[nodiscard]] const Config& config() const { return m_config; }
    // The cache written to (for readers of the same cache).
    [[nodiscard]] const Cache& cache() const { return m_cache; }
    // Durations of recent commits in µs (the last few thousand), for benchmarks.
    [[nodiscard]] std::vector<core::Timestamp> commitDurations() const;
    // Called on the writer thread after each successful commit with the committed sequence number.
    void setCommitObserver(std::function<void(quint64)> observer);

private:
    quint64 enqueue(WriteItem&& item);
    void run();
    [[nodiscard]] core::Timestamp now() const;

    const Cache& m_cache;
    Config m_config;
    std::unique_ptr<WriterSession> m_session; // the writer thread's connection and per-stream state

    mutable std::mutex m_mutex;
    std::condition_variable m_itemsAvailable;
    std::condition_variable m_spaceAvailable;
    std::condition_variable m_committedChanged;
    std::deque<WriteItem> m_queue; // guarded by m_mutex
    qsizetype m_queuedSamples = 0; // guarded
    quint64 m_nextSeq = 1; // guarded
    bool m_stopRequested = false; // guarded
    bool m_abandon = false; // guarded: stop() timed out, drop what is left
    Stats m_stats; // guarded (counters the writer thread updates)
    std::vector<core::Timestamp> m_commitDurations; // guarded
    std::function<void(quint64)> m_observer; // guarded

    // Handles: index into these (guarded); the writer thread maps them to row ids.
    std::vector<QString> m_patientKeys;
    std::vector<std::pair<int, int>> m_streamKeys; // (patient handle, MDC code)

    std::atomic<quint64> m_committed{0};
    std::atomic<State> m_state{State::Stopped};
    std::thread m_thread;
};

} // namespace vigil::store
