#include "storewriter.h"

#include "cache.h"
#include "logging.h"
#include "writersession.h"

#include <chrono>

namespace vigil::store {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kCommitHistory = 4096;

} // namespace

StoreWriter::StoreWriter(const Cache& cache, Config config)
    : m_cache(cache)
    , m_config(std::move(config))
{
    m_patientKeys.emplace_back(); // handle 0: none
    m_streamKeys.emplace_back(0, 0);
}

StoreWriter::StoreWriter(const Cache& cache)
    : StoreWriter(cache, Config{})
{ }

StoreWriter::~StoreWriter()
{
    stop();
}

core::Timestamp StoreWriter::now() const
{
    return m_config.clock ? m_config.clock() : core::nowUtc();
}

bool StoreWriter::start(StoreError* error)
{
    if (m_thread.joinable())
        return true;
    std::unique_ptr<Database> db = m_cache.connect(Database::Mode::ReadWrite, error);
    if (!db)
        return false;
    StoreError e;
    // 64 MiB of page cache: the B-tree pages a batch touches stay decrypted between batches.
    // FULL: a commit is on disk when COMMIT returns (one fsync a second), so "committed" means
    // committed even if the machine loses power.
    if (!db->exec(
            QStringLiteral("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536"), &e)) {
        if (error)
            *error = e;
        return false;
    }
    m_session = std::make_unique<WriterSession>(std::move(db));
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = false;
        m_abandon = false;
    }
    m_state.store(State::Running);
    m_thread = std::thread([this] { run(); });
    return true;
}

bool StoreWriter::stop(int timeoutMs)
{
    if (!m_thread.joinable())
        return true;
    quint64 last = 0;
    {
        // Stopping makes the writer commit what it holds at once instead of at the next deadline.
        std::lock_guard lock(m_mutex);
        last = m_nextSeq - 1;
        m_stopRequested = true;
    }
    m_itemsAvailable.notify_all();
    m_spaceAvailable.notify_all();
    const bool complete = waitCommitted(last, timeoutMs);
    if (!complete) {
        std::lock_guard lock(m_mutex);
        qCCritical(lcStore) << "stopping the writer with" << m_queue.size()
                            << "items not written:" << m_stats.lastError.message;
        m_abandon = true;
    }
    m_itemsAvailable.notify_all();
    m_thread.join();
    m_session.reset();
    if (m_state.load() != State::Failed)
        m_state.store(State::Stopped);
    return complete;
}

int StoreWriter::registerPatient(const core::PatientIdentity& identity, PatientOrigin origin)
{
    int handle = 0;
    {
        std::lock_guard lock(m_mutex);
        const auto it = std::find(m_patientKeys.begin() + 1, m_patientKeys.end(), identity.id);
        if (it != m_patientKeys.end()) {
            handle = static_cast<int>(it - m_patientKeys.begin());
        } else {
            handle = static_cast<int>(m_patientKeys.size());
            m_patientKeys.push_back(identity.id);
        }
    }
    WriteItem item;
    item.type = WriteItem::Type::Patient;
    item.handle = handle;
    item.identity = identity;
    item.origin = origin;
    item.receivedAt = now();
    enqueue(std::move(item));
    return handle;
}

int StoreWriter::registerStream(int patientHandle, const StreamDescriptor& descriptor)
{
    int handle = 0;
    {
        std::lock_guard lock(m_mutex);
        const std::pair<int, int> key{patientHandle, descriptor.code};
        const auto it = std::find(m_streamKeys.begin() + 1, m_streamKeys.end(), key);
        if (it != m_streamKeys.end())
            return static_cast<int>(it - m_streamKeys.begin());
        handle = static_cast<int>(m_streamKeys.size());
        m_streamKeys.push_back(key);
    }
    WriteItem item;
    item.type = WriteItem::Type::Stream;
    item.handle = handle;
    item.patientHandle = patientHandle;
    item.descriptor = descriptor;
    enqueue(std::move(item));
    return handle;
}

quint64 StoreWriter::appendSamples(
    int streamHandle, core::Timestamp firstSampleTime, std::span<const qint32> samples, core::Timestamp receivedAt)
{
    if (samples.empty())
        return 0;
    WriteItem item;
    item.type = WriteItem::Type::Samples;
    item.handle = streamHandle;
    item.time = firstSampleTime;
    item.receivedAt = receivedAt;
    item.samples.assign(samples.begin(), samples.end());
    return enqueue(std::move(item));
}

quint64 StoreWriter::appendVital(int patientHandle, core::VitalKind kind, const core::Measurement& measurement,
    core::Timestamp receivedAt, int provenance)
{
    WriteItem item;
    item.type = WriteItem::Type::Vital;
    item.handle = patientHandle;
    item.vitalKind = kind;
    item.measurement = measurement;
    item.receivedAt = receivedAt;
    item.provenance = provenance;
    return enqueue(std::move(item));
}

quint64 StoreWriter::appendStatus(int patientHandle, const core::DeviceStatus& status, core::Timestamp receivedAt)
{
    WriteItem item;
    item.type = WriteItem::Type::Status;
    item.handle = patientHandle;
    item.status = status;
    item.receivedAt = receivedAt;
    return enqueue(std::move(item));
}

quint64 StoreWriter::appendAudit(const AuditEntry& entry, int patientHandle)
{
    WriteItem item;
    item.type = WriteItem::Type::Audit;
    item.handle = patientHandle;
    item.audit = entry;
    if (item.audit.time == 0)
        item.audit.time = now();
    return enqueue(std::move(item));
}

quint64 StoreWriter::appendQuarantine(const QString& source, const QString& reason, const QByteArray& payload)
{
    WriteItem item;
    item.type = WriteItem::Type::Quarantine;
    item.text1 = source;
    item.text2 = reason;
    item.payload = payload;
    item.receivedAt = now();
    return enqueue(std::move(item));
}

quint64 StoreWriter::appendOutbox(const QString& topic, const QByteArray& payload)
{
    WriteItem item;
    item.type = WriteItem::Type::Outbox;
    item.text1 = topic;
    item.payload = payload;
    item.receivedAt = now();
    return enqueue(std::move(item));
}

quint64 StoreWriter::markOutboxPublished(std::span<const qint64> rowIds, core::Timestamp at)
{
    if (rowIds.empty())
        return 0;
    WriteItem item;
    item.type = WriteItem::Type::OutboxPublished;
    item.rowIds.assign(rowIds.begin(), rowIds.end());
    item.time = at;
    item.receivedAt = now();
    return enqueue(std::move(item));
}

quint64 StoreWriter::setSetting(const QString& key, const QString& value)
{
    WriteItem item;
    item.type = WriteItem::Type::Setting;
    item.text1 = key;
    item.text2 = value;
    item.receivedAt = now();
    return enqueue(std::move(item));
}

quint64 StoreWriter::appendAnnotation(int patientHandle, const Annotation& annotation)
{
    WriteItem item;
    item.type = WriteItem::Type::Annotation;
    item.handle = patientHandle;
    item.annotation = annotation;
    item.receivedAt = now();
    return enqueue(std::move(item));
}

quint64 StoreWriter::appendCaseEvent(
    int patientHandle, const CaseEventRecord& event, bool local, const QString& outboxTopic)
{
    if (local && outboxTopic.isEmpty()) {
        qCCritical(lcStore) << "a local clinical event without an outbox topic was refused";
        return 0;
    }
    WriteItem item;
    item.type = WriteItem::Type::CaseEvent;
    item.handle = patientHandle;
    item.caseEvent = event;
    item.local = local;
    item.text1 = local ? outboxTopic : QString();
    item.receivedAt = now();
    return enqueue(std::move(item));
}

quint64 StoreWriter::appendAlarm(int patientHandle, const AlarmRecord& alarm)
{
    WriteItem item;
    item.type = WriteItem::Type::Alarm;
    item.handle = patientHandle;
    item.alarm = alarm;
    item.receivedAt = now();
    return enqueue(std::move(item));
}

quint64 StoreWriter::enqueue(WriteItem&& item)
{
    const auto samples = static_cast<qsizetype>(item.samples.size());
    std::unique_lock lock(m_mutex);
    if (samples > 0 && m_queuedSamples + samples > m_config.queueCapacitySamples) {
        ++m_stats.backpressureWaits;
        m_spaceAvailable.wait_for(lock, std::chrono::milliseconds(m_config.backpressureWaitMs),
            [&] { return m_stopRequested || m_queuedSamples + samples <= m_config.queueCapacitySamples; });
        if (m_queuedSamples + samples > m_config.queueCapacitySamples) {
            if (m_stats.droppedSamples == 0)
                qCWarning(lcStore) << "the store is behind: waveform samples are being dropped";
            m_stats.droppedSamples += static_cast<quint64>(samples);
            return 0;
        }
    }
    item.seq = m_nextSeq++;
    item.queuedAt = core::steadyMicros();
    m_queuedSamples += samples;
    const quint64 seq = item.seq;
    m_queue.push_back(std::move(item));
    m_stats.submitted = seq;
    lock.unlock();
    m_itemsAvailable.notify_one();
    return seq;
}

bool StoreWriter::waitCommitted(quint64 seq, int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    return m_committedChanged.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
        return m_committed.load() >= seq || m_state.load() == State::Failed || m_state.load() == State::Stopped;
    }) && m_committed.load() >= seq;
}

StoreWriter::Stats StoreWriter::stats() const
{
    std::lock_guard lock(m_mutex);
    Stats s = m_stats;
    s.committed = m_committed.load();
    s.queuedItems = static_cast<qsizetype>(m_queue.size());
    s.queuedSamples = m_queuedSamples;
    s.oldestQueuedUs = m_queue.empty() ? 0 : core::steadyMicros() - m_queue.front().queuedAt;
    s.state = m_state.load();
    if (s.state == State::Running
        && (s.oldestQueuedUs > m_config.behindAfterUs || m_queuedSamples > m_config.queueCapacitySamples / 2
            || s.droppedSamples > 0))
        s.state = State::Behind;
    return s;
}

std::vector<core::Timestamp> StoreWriter::commitDurations() const
{
    std::lock_guard lock(m_mutex);
    return m_commitDurations;
}

void StoreWriter::setCommitObserver(std::function<void(quint64)> observer)
{
    std::lock_guard lock(m_mutex);
    m_observer = std::move(observer);
}

void StoreWriter::run()
{
    std::vector<WriteItem> inFlight;
    core::Timestamp lastPrune = 0;
    core::Timestamp lastClusterCheck = core::steadyMicros();
    bool clusterMore = m_config.clustering; // a cache may have hours to do from before
    const auto clusterStep = [&] {
        lastClusterCheck = core::steadyMicros();
        if (!m_config.clustering)
            return;
        int spans = 0;
        if (StoreError e = m_session->cluster(m_config.clusterBudgetMs * 1000LL, spans, clusterMore)) {
            qCWarning(lcStore) << "storing waveform hours together failed, will retry:" << e.message;
            clusterMore = false;
        }
        std::lock_guard lock(m_mutex);
        m_stats.clusteredSpans += static_cast<quint64>(spans);
        m_stats.clusteringPending = clusterMore;
    };
    for (;;) {
        bool idle = false;
        {
            std::unique_lock lock(m_mutex);
            const auto ready = [&] { return !m_queue.empty() || m_stopRequested; };
            if (clusterMore) // clustering goes on while nothing else is to be written
                m_itemsAvailable.wait_for(lock, std::chrono::milliseconds(20), ready);
            else
                m_itemsAvailable.wait(lock, ready);
            if (m_abandon) {
                // stop() gave up waiting (the disk stayed full): what is still queued is lost, and
                // stop() has said so.
                m_queue.clear();
                m_queuedSamples = 0;
                break;
            }
            if (m_queue.empty() && m_stopRequested)
                break;
            idle = m_queue.empty();
        }
        if (idle) {
            clusterStep();
            continue;
        }
        const auto deadline = Clock::now() + std::chrono::milliseconds(m_config.commitIntervalMs);
        StoreError error = m_session->begin();
        qsizetype batchSamples = 0;
        while (!error) {
            std::deque<WriteItem> taken;
            bool stopping = false;
            {
                std::unique_lock lock(m_mutex);
                m_itemsAvailable.wait_until(lock, deadline, [&] { return !m_queue.empty() || m_stopRequested; });
                taken.swap(m_queue);
                for (const WriteItem& item : taken)
                    m_queuedSamples -= static_cast<qsizetype>(item.samples.size());
                stopping = m_stopRequested;
            }
            m_spaceAvailable.notify_all();
            for (WriteItem& item : taken) {
                if (!error)
                    error = m_session->apply(item);
                batchSamples += static_cast<qsizetype>(item.samples.size());
                inFlight.push_back(std::move(item));
            }
            if (taken.empty() && stopping)
                break;
            if (Clock::now() >= deadline || batchSamples >= m_config.maxBatchSamples)
                break;
        }
        const auto commitStart = core::steadyMicros();
        if (!error)
            error = m_session->finish();
        if (!error)
            error = m_session->commit();
        if (error) {
            m_session->rollback();
            const bool transient = error.kind == StoreError::Kind::DiskFull || error.kind == StoreError::Kind::Io
                || error.kind == StoreError::Kind::Busy;
            {
                std::lock_guard lock(m_mutex);
                ++m_stats.failedCommits;
                m_stats.lastError = error;
                // Put the batch back in front, in order, to retry it whole.
                for (auto it = inFlight.rbegin(); it != inFlight.rend(); ++it) {
                    m_queuedSamples += static_cast<qsizetype>(it->samples.size());
                    m_queue.push_front(std::move(*it));
                }
            }
            inFlight.clear();
            if (!transient) {
                qCCritical(lcStore) << "the store writer stopped:" << error.message;
                m_state.store(State::Failed);
                m_committedChanged.notify_all();
                return;
            }
            if (m_state.exchange(State::DiskFull) != State::DiskFull)
                qCWarning(lcStore) << "cannot write to the cache, retrying:" << error.message;
            std::unique_lock lock(m_mutex);
            m_itemsAvailable.wait_for(
                lock, std::chrono::milliseconds(m_config.retryIntervalMs), [&] { return m_abandon; });
            continue;
        }
        const core::Timestamp duration = core::steadyMicros() - commitStart;
        const quint64 committed = inFlight.empty() ? m_committed.load() : inFlight.back().seq;
        std::function<void(quint64)> observer;
        {
            std::lock_guard lock(m_mutex);
            ++m_stats.commits;
            m_stats.samplesCommitted += static_cast<quint64>(batchSamples);
            m_stats.chunkRowsWritten += m_session->rowsInBatch();
            m_stats.lastCommitDurationUs = duration;
            if (m_commitDurations.size() >= kCommitHistory)
                m_commitDurations.erase(m_commitDurations.begin(), m_commitDurations.begin() + kCommitHistory / 2);
            m_commitDurations.push_back(duration);
            m_committed.store(committed, std::memory_order_release);
            observer = m_observer;
        }
        inFlight.clear();
        if (m_state.exchange(State::Running) == State::DiskFull)
            qCInfo(lcStore) << "writing to the cache again";
        m_committedChanged.notify_all();
        if (observer)
            observer(committed);

        const core::Timestamp t = now();
        if (m_config.pruning && t - lastPrune >= m_config.retention.stepIntervalUs) {
            lastPrune = t;
            quint64 pruned = 0;
            if (StoreError e = m_session->prune(m_config.retention, t, pruned))
                qCWarning(lcStore) << "pruning failed, will retry:" << e.message;
            std::lock_guard lock(m_mutex);
            m_stats.prunedRows += pruned;
        }
        if (clusterMore || core::steadyMicros() - lastClusterCheck >= m_config.clusterCheckMs * 1000LL)
            clusterStep();
    }
}

} // namespace vigil::store
