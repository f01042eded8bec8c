#include "mqttpublisher.h"

#include "logging.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <mqtt/async_client.h>

#include <chrono>

namespace vigil::ingest {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

class LostCallback final : public virtual mqtt::callback
{
public:
    LostCallback(std::mutex& mutex, bool& lost, std::condition_variable& wake)
        : m_mutex(mutex)
        , m_lost(lost)
        , m_wake(wake)
    { }

    void connection_lost(const std::string&) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_lost = true;
        }
        m_wake.notify_all();
    }

private:
    std::mutex& m_mutex;
    bool& m_lost;
    std::condition_variable& m_wake;
};

} // namespace

MqttPublisher::MqttPublisher(Config config)
    : m_config(std::move(config))
{
    if (m_config.connection.clientId.isEmpty())
        m_config.connection.clientId =
            QStringLiteral("vigil-pub-%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

MqttPublisher::~MqttPublisher()
{
    stop(0);
}

void MqttPublisher::start()
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this] { run(); });
}

bool MqttPublisher::stop(int timeoutMs)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_stop) {
            m_stop = true;
            m_stopDeadlineMs = nowMs() + timeoutMs;
        }
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    std::lock_guard lock(m_mutex);
    return m_queue.empty();
}

bool MqttPublisher::publish(const QString& topic, const QByteArray& payload, bool retained, quint64 tag)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stop || static_cast<qsizetype>(m_queue.size()) >= m_config.maxQueued) {
            m_refused.fetch_add(1);
            return false;
        }
        m_queue.push_back({topic.toStdString(), payload.toStdString(), retained, 0, tag});
    }
    m_wake.notify_all();
    return true;
}

QString MqttPublisher::currentBroker() const
{
    std::lock_guard lock(m_mutex);
    return m_broker;
}

qsizetype MqttPublisher::queued() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<qsizetype>(m_queue.size());
}

std::unique_ptr<mqtt::async_client> MqttPublisher::connectRound()
{
    for (const QString& uri : m_config.connection.brokers) {
        const std::string server = MqttSettings::pahoUri(uri);
        try {
            // Paho counts queued publish commands against maxBufferedMessages even while connected
            // (the default, 0, refuses the second message before the first is on the wire).
            auto client = std::make_unique<mqtt::async_client>(
                server, m_config.connection.clientId.toStdString(), m_config.maxInFlight * 4, nullptr);
            mqtt::connect_options options = m_config.connection.connectOptions(server, true, {});
            options.set_max_inflight(m_config.maxInFlight + 16); // Paho's default (10) would refuse a window
            if (client->connect(options)->wait_for(std::chrono::seconds(m_config.connection.connectTimeoutS + 2))
                && client->is_connected()) {
                std::lock_guard lock(m_mutex);
                m_broker = uri;
                m_lost = false;
                return client;
            }
        } catch (const mqtt::exception& e) {
            qCDebug(lcIngest).noquote() << "MQTT publisher: connecting to" << uri << "failed:" << e.what();
        }
    }
    return nullptr;
}

void MqttPublisher::run()
{
    int backoff = m_config.minBackoffMs;
    auto stopping = [this](bool& expired) {
        std::lock_guard lock(m_mutex);
        expired = m_stop && (m_queue.empty() || nowMs() >= m_stopDeadlineMs);
        return m_stop;
    };
    for (;;) {
        bool expired = false;
        stopping(expired);
        if (expired)
            break;
        std::unique_ptr<mqtt::async_client> client = connectRound();
        if (!client) {
            const int jitter = static_cast<int>(QRandomGenerator::global()->bounded(backoff / 5 + 1)) - backoff / 10;
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(backoff + jitter),
                [this] { return m_stop && (m_queue.empty() || nowMs() >= m_stopDeadlineMs); });
            backoff = std::min(backoff * 2, m_config.maxBackoffMs);
            continue;
        }
        backoff = m_config.minBackoffMs;
        LostCallback callback(m_mutex, m_lost, m_wake);
        client->set_callback(callback);
        m_connected = true;
        m_connects.fetch_add(1);
        std::deque<std::pair<mqtt::delivery_token_ptr, Message>> inFlight;
        bool healthy = true;
        auto send = [&](const Message& message) -> bool {
            try {
                auto msg = mqtt::make_message(message.topic, message.payload, 1, message.retained);
                inFlight.emplace_back(client->publish(msg), message);
            } catch (const mqtt::exception& e) {
                qCInfo(lcIngest) << "MQTT publisher: publishing failed:" << e.what();
                return false;
            }
            return true;
        };
        auto settle = [&](std::size_t keep) -> bool {
            while (inFlight.size() > keep) {
                auto& [token, message] = inFlight.front();
                try {
                    if (!token->wait_for(std::chrono::seconds(5)))
                        return false;
                } catch (const mqtt::exception&) {
                    return false;
                }
                m_published.fetch_add(1);
                if (message.tag != 0 && m_config.onDelivered)
                    m_config.onDelivered(message.tag);
                message.sentAtMs = nowMs();
                m_recent.push_back(std::move(message));
                inFlight.pop_front();
            }
            const qint64 horizon = nowMs() - m_config.backfillMs;
            while (!m_recent.empty() && m_recent.front().sentAtMs < horizon)
                m_recent.pop_front();
            return true;
        };
        // Backfill: what went out recently may not have reached anyone through the old broker.
        if (m_connects.load() > 1) {
            std::deque<Message> again;
            again.swap(m_recent);
            for (const Message& message : again) {
                if (!(healthy = send(message) && settle(static_cast<std::size_t>(m_config.maxInFlight))))
                    break;
                m_republished.fetch_add(1);
            }
        }
        while (healthy) {
            Message next;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait_for(
                    lock, std::chrono::milliseconds(50), [this] { return m_stop || m_lost || !m_queue.empty(); });
                if (m_lost) {
                    healthy = false;
                    break;
                }
                if (m_queue.empty()) {
                    if (m_stop)
                        break;
                    lock.unlock();
                    healthy = settle(0);
                    continue;
                }
                next = std::move(m_queue.front());
                m_queue.pop_front();
            }
            if (!send(next)) {
                std::lock_guard lock(m_mutex);
                m_queue.push_front(std::move(next));
                healthy = false;
                break;
            }
            healthy = settle(static_cast<std::size_t>(m_config.maxInFlight));
        }
        if (healthy)
            healthy = settle(0);
        if (!healthy) {
            // Unacknowledged messages go back to the front of the queue, in order.
            std::lock_guard lock(m_mutex);
            for (auto it = inFlight.rbegin(); it != inFlight.rend(); ++it)
                m_queue.push_front(std::move(it->second));
        }
        inFlight.clear();
        m_connected = false;
        try {
            if (client->is_connected())
                client->disconnect()->wait_for(std::chrono::seconds(2));
        } catch (const mqtt::exception&) {
        }
        client.reset();
        if (healthy) // stopped cleanly with everything sent
            break;
    }
    m_connected = false;
}

} // namespace vigil::ingest
