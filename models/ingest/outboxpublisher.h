#pragma once

#include "core/timestamp.h"
#include "mqttpublisher.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace vigil::store {
class Cache;
class StoreReader;
class StoreWriter;
struct StoreError;
} // namespace vigil::store

namespace vigil::ingest {

// Publishes the cache's outbox: the clinical events this workstation created (store::StoreWriter::
// appendCaseEvent queues each in the same transaction as the event and its audit row) go to the
// broker on their topic (vigil/v1/<site>/events), QoS 1, and each row is marked published
// (store::StoreWriter::markOutboxPublished) once a broker has acknowledged it. Nothing is lost to an
// outage or a restart: a row stays pending in the encrypted cache until acknowledged, the
// MqttPublisher keeps unacknowledged messages and fails over between brokers, and at start every
// pending row is read again (a message that was delivered but not yet marked goes out twice, and
// receivers drop the repeat by the event's id). Retention never prunes a pending row.
//
// A thread of its own reads the outbox on its own reader connection every `pollMs`, or at once
// after poke() (a new local event), and hands at most `batch` rows at a time to the publisher.
class OutboxPublisher final
{
public:
    struct Config
    {
        MqttPublisher::Config publisher;
        int pollMs = 1000;
        int batch = 256;
        std::function<core::Timestamp()> clock; // default core::nowUtc
    };

    OutboxPublisher(const store::Cache& cache, store::StoreWriter& writer, Config config);
    ~OutboxPublisher();
    OutboxPublisher(const OutboxPublisher&) = delete;
    OutboxPublisher& operator=(const OutboxPublisher&) = delete;

    // Opens the reader (false + *error when the cache cannot be read) and starts publishing.
    bool start(store::StoreError* error = nullptr);
    // Sends what the publisher holds for up to `timeoutMs` and stops; rows not acknowledged stay
    // pending in the cache. Returns whether nothing handed over was left unacknowledged.
    bool stop(int timeoutMs = 3000);
    // Look at the outbox now (after a local event was queued; the row is read once committed).
    void poke();

    [[nodiscard]] bool isConnected() const;
    [[nodiscard]] QString currentBroker() const;
    // Rows handed to the publisher, and rows a broker acknowledged (marked in the cache), since start.
    [[nodiscard]] quint64 handedOver() const { return m_handedOver.load(); }
    [[nodiscard]] quint64 acknowledged() const { return m_acknowledged.load(); }
    // Rows handed over and not acknowledged yet.
    [[nodiscard]] qint64 inFlight() const;

private:
    void run();
    void markDelivered();
    [[nodiscard]] core::Timestamp now() const;

    const store::Cache& m_cache;
    store::StoreWriter& m_writer;
    Config m_config;
    std::unique_ptr<MqttPublisher> m_publisher;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false; // guarded
    bool m_poked = false; // guarded
    std::set<qint64> m_inFlight; // guarded: rows handed over and not acknowledged
    std::vector<qint64> m_delivered; // guarded: acknowledged rows not yet marked in the cache
    qint64 m_lastHandedOver = 0; // run thread: the newest row handed over
    std::atomic<quint64> m_handedOver{0};
    std::atomic<quint64> m_acknowledged{0};
    std::unique_ptr<store::StoreReader> m_reader; // run thread (opened by start())
};

} // namespace vigil::ingest
