#pragma once

#include "mqttsettings.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

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

// Subscribes to the live streams of one site on an MQTT broker (Eclipse Paho C++; ARCHITECTURE.md
// "Wire contract"): `vigil/v1/<site>/+/obs` and `vigil/v1/<site>/+/status`, and the site's clinical
// events from every workstation (`vigil/v1/<site>/events`, our own coming back too), QoS 1, persistent
// session (clean session off, a stable client id), so a broker queues what arrives while the
// workstation is away and delivers it on reconnect.
//
// Failover: `brokers` is a list of URIs (tcp://, ssl://, mqtt://, mqtts://). Each round tries them
// in order (the first is the primary); after a round without success the source waits with
// exponential back-off (minBackoffMs doubling to maxBackoffMs, ±20 % jitter) and tries again.
// At start the source also opens its session once on every broker in the list (connect, subscribe,
// disconnect), so that a broker it fails over to already queues for it: nothing published there
// before the switch is lost.
//
// TLS (ssl:// or mqtts://): caFile is trusted, the server certificate is verified and its host
// name checked (verifyHostname); an optional client certificate and key. Username and password
// when given.
//
// Messages are handed to `handler` on the source's dispatcher thread, one at a time, in arrival
// order. Paho's thread only queues them (bounded: when 20,000 wait, Paho waits, and so does TCP), so
// reading the socket and decoding overlap. The broker's QoS 1 acknowledgement follows the queueing,
// not the handling: a crash can lose what was queued but not yet handled, as it can lose what the
// store writer has not committed yet (at most a second).
//
// State changes are signalled from the source's own thread (receivers in the GUI get them queued).
class MqttSource final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        MqttSettings connection;
        QString site = QStringLiteral("demo");
        int minBackoffMs = 500;
        int maxBackoffMs = 30'000;
        bool primeAllBrokers = true;
    };

    enum class State {
        Stopped,
        Connecting,
        Connected,
        Down, // every broker failed; waiting to retry (a technical alarm while it lasts)
    };
    Q_ENUM(State)

    using Handler = std::function<void(const QString& topic, const QByteArray& payload)>;

    MqttSource(Config config, Handler handler, QObject* parent = nullptr);
    ~MqttSource() override;

    void start();
    void stop();

    [[nodiscard]] State state() const { return m_state.load(); }
    [[nodiscard]] QString currentBroker() const;
    [[nodiscard]] QString lastError() const;
    [[nodiscard]] quint64 messagesReceived() const { return m_received.load(); }
    [[nodiscard]] quint64 connects() const { return m_connects.load(); }

    // The topic filters subscribed to, for `site`.
    [[nodiscard]] static QStringList topicFilters(const QString& site);

Q_SIGNALS:
    void stateChanged(vigil::ingest::MqttSource::State state, const QString& broker, const QString& reason);

private:
    class Callback;

    void run();
    void dispatch();
    bool connectTo(const QString& uri, bool prime);
    void setState(State state, const QString& broker, const QString& reason);
    void waitFor(int ms);

    Config m_config;
    Handler m_handler;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false; // guarded
    bool m_lost = false; // guarded: the current connection was lost
    std::unique_ptr<mqtt::async_client> m_client; // source thread; guarded for stop()
    std::unique_ptr<Callback> m_callback;
    QString m_broker; // guarded
    QString m_lastError; // guarded
    QString m_tlsError; // guarded
    std::thread m_dispatcher; // calls the handler, in arrival order
    std::mutex m_inboxMutex;
    std::condition_variable m_inboxReady;
    std::condition_variable m_inboxSpace;
    std::deque<std::pair<std::string, std::string>> m_inbox; // guarded by m_inboxMutex
    bool m_inboxStop = false; // guarded by m_inboxMutex
    std::atomic<State> m_state{State::Stopped};
    std::atomic<quint64> m_received{0};
    std::atomic<quint64> m_connects{0};
};

} // namespace vigil::ingest
