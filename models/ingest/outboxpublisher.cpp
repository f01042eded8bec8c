#include "outboxpublisher.h"

#include "logging.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <chrono>

namespace vigil::ingest {

OutboxPublisher::OutboxPublisher(const store::Cache& cache, store::StoreWriter& writer, Config config)
    : m_cache(cache)
    , m_writer(writer)
    , m_config(std::move(config))
{
    m_config.publisher.onDelivered = [this](quint64 tag) {
        std::lock_guard lock(m_mutex);
        // A backfill after a failover can acknowledge a row twice; it is marked once.
        if (m_inFlight.erase(static_cast<qint64>(tag)) == 1) {
            m_delivered.push_back(static_cast<qint64>(tag));
            m_acknowledged.fetch_add(1);
        }
    };
    m_publisher = std::make_unique<MqttPublisher>(m_config.publisher);
}

OutboxPublisher::~OutboxPublisher()
{
    stop(0);
}

core::Timestamp OutboxPublisher::now() const
{
    return m_config.clock ? m_config.clock() : core::nowUtc();
}

bool OutboxPublisher::start(store::StoreError* error)
{
    if (m_thread.joinable())
        return true;
    m_reader = store::StoreReader::open(m_cache, error);
    if (!m_reader)
        return false;
    m_publisher->start();
    m_thread = std::thread([this] { run(); });
    return true;
}

bool OutboxPublisher::stop(int timeoutMs)
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    m_publisher->stop(timeoutMs);
    markDelivered();
    m_reader.reset();
    std::lock_guard lock(m_mutex);
    return m_inFlight.empty();
}

void OutboxPublisher::poke()
{
    {
        std::lock_guard lock(m_mutex);
        m_poked = true;
    }
    m_wake.notify_all();
}

bool OutboxPublisher::isConnected() const
{
    return m_publisher->isConnected();
}

QString OutboxPublisher::currentBroker() const
{
    return m_publisher->currentBroker();
}

qint64 OutboxPublisher::inFlight() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<qint64>(m_inFlight.size());
}

void OutboxPublisher::markDelivered()
{
    std::vector<qint64> ids;
    {
        std::lock_guard lock(m_mutex);
        ids.swap(m_delivered);
    }
    if (!ids.empty())
        m_writer.markOutboxPublished(ids, now());
}

void OutboxPublisher::run()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(m_config.pollMs),
                [this] { return m_stop || m_poked || !m_delivered.empty(); });
            if (m_stop)
                break;
            m_poked = false;
        }
        markDelivered();
        // Rows are handed over in id order, at most a batch ahead of the broker: what the publisher
        // holds is also in the cache, so a full queue only delays.
        if (m_publisher->queued() >= m_config.batch)
            continue;
        const std::vector<store::OutboxRow> rows = m_reader->pendingOutbox(m_lastHandedOver, m_config.batch);
        for (const store::OutboxRow& row : rows) {
            {
                std::lock_guard lock(m_mutex);
                m_inFlight.insert(row.id);
            }
            if (!m_publisher->publish(row.topic, row.payload, false, static_cast<quint64>(row.id))) {
                std::lock_guard lock(m_mutex);
                m_inFlight.erase(row.id);
                break; // read again next time
            }
            m_lastHandedOver = row.id;
            m_handedOver.fetch_add(1);
        }
        if (!rows.empty())
            qCDebug(lcIngest) << "outbox:" << rows.size() << "event(s) handed to the publisher";
    }
}

} // namespace vigil::ingest
