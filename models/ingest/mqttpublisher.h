#pragma once

#include "mqttsettings.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace mqtt {
class async_client;
}

namespace vigil::ingest {

// Publishes to the first reachable broker of a list, QoS 1, and never loses a message to a broker
// outage: publish() only queues (bounded), a thread sends while connected, and while every broker is
// down the queue waits (exponential back-off between rounds, as MqttSource). After every (re)connect
// it first republishes what it sent in the last `backfillMs`: QoS 1 messages in flight when a broker
// died, or queued for a subscriber on a broker that is gone, reach the subscriber again through the
// new broker, and the receiver drops the repeats by their idempotency key (Observation.id).
// Used by vigil-sim and by OutboxPublisher (clinical events), which tags each message and is told
// through `onDelivered` when a broker acknowledged it. publish() is thread-safe.
class MqttPublisher final
{
public:
    struct Config
    {
        MqttSettings connection;
        qsizetype maxQueued = 100'000; // messages; beyond it publish() refuses (counted)
        int backfillMs = 5'000;
        int maxInFlight = 512;
        int minBackoffMs = 250;
        int maxBackoffMs = 10'000;
        // Called on the publisher's thread with a message's tag (publish()) each time a broker
        // acknowledges it (again after a backfill); not for untagged (0) messages.
        std::function<void(quint64 tag)> onDelivered;
    };

    explicit MqttPublisher(Config config);
    ~MqttPublisher();
    MqttPublisher(const MqttPublisher&) = delete;
    MqttPublisher& operator=(const MqttPublisher&) = delete;

    void start();
    // Sends what is queued (waiting up to timeoutMs for a broker), then disconnects. True when
    // everything queued was acknowledged by a broker.
    bool stop(int timeoutMs = 10'000);

    // Queues a QoS 1 message; false when the queue is full (the message is not sent). A non-zero
    // `tag` is handed to Config::onDelivered once a broker has the message.
    bool publish(const QString& topic, const QByteArray& payload, bool retained = false, quint64 tag = 0);

    [[nodiscard]] bool isConnected() const { return m_connected.load(); }
    [[nodiscard]] QString currentBroker() const;
    [[nodiscard]] quint64 published() const { return m_published.load(); } // acknowledged by a broker
    [[nodiscard]] quint64 republished() const { return m_republished.load(); }
    [[nodiscard]] quint64 refused() const { return m_refused.load(); }
    [[nodiscard]] quint64 connects() const { return m_connects.load(); }
    [[nodiscard]] qsizetype queued() const;

private:
    struct Message
    {
        std::string topic;
        std::string payload;
        bool retained = false;
        qint64 sentAtMs = 0;
        quint64 tag = 0;
    };

    void run();
    std::unique_ptr<mqtt::async_client> connectRound();

    Config m_config;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Message> m_queue; // guarded
    bool m_stop = false; // guarded
    bool m_lost = false; // guarded
    qint64 m_stopDeadlineMs = 0; // guarded
    QString m_broker; // guarded
    std::deque<Message> m_recent; // source thread only: sent within backfillMs
    std::atomic<bool> m_connected{false};
    std::atomic<quint64> m_published{0};
    std::atomic<quint64> m_republished{0};
    std::atomic<quint64> m_refused{0};
    std::atomic<quint64> m_connects{0};
};

} // namespace vigil::ingest
