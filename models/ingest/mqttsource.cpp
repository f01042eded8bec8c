#include "mqttsource.h"

#include "logging.h"

#include <QHostInfo>
#include <QRandomGenerator>
#include <QVariant>

#include <mqtt/async_client.h>

#include <chrono>

namespace vigil::ingest {

namespace {
constexpr std::size_t kInboxCapacity = 20'000; // messages; beyond it Paho waits (TCP back-pressure)
}

class MqttSource::Callback final : public virtual mqtt::callback
{
public:
    explicit Callback(MqttSource& source)
        : m_source(source)
    { }

    void connection_lost(const std::string& cause) override
    {
        {
            std::lock_guard lock(m_source.m_mutex);
            m_source.m_lost = true;
            m_source.m_lastError = cause.empty() ? QStringLiteral("connection lost") : QString::fromStdString(cause);
        }
        m_source.m_wake.notify_all();
    }

    void message_arrived(mqtt::const_message_ptr message) override
    {
        m_source.m_received.fetch_add(1);
        if (!m_source.m_handler)
            return;
        // Hand over and return at once: Paho reads the next message only after this returns, so
        // decoding here would serialise the socket with the decoder.
        std::unique_lock lock(m_source.m_inboxMutex);
        m_source.m_inboxSpace.wait(lock, [this] { return m_source.m_inbox.size() < kInboxCapacity; });
        m_source.m_inbox.push_back({message->get_topic(), message->get_payload_str()});
        lock.unlock();
        m_source.m_inboxReady.notify_one();
    }

private:
    MqttSource& m_source;
};

MqttSource::MqttSource(Config config, Handler handler, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_handler(std::move(handler))
    , m_callback(std::make_unique<Callback>(*this))
{
    if (m_config.connection.clientId.isEmpty())
        m_config.connection.clientId = QStringLiteral("vigil-") + QHostInfo::localHostName();
    m_config.minBackoffMs = std::max(50, m_config.minBackoffMs);
    m_config.maxBackoffMs = std::max(m_config.minBackoffMs, m_config.maxBackoffMs);
}

MqttSource::~MqttSource()
{
    stop();
}

QStringList MqttSource::topicFilters(const QString& site)
{
    return {QStringLiteral("vigil/v1/%1/+/obs").arg(site), QStringLiteral("vigil/v1/%1/+/status").arg(site),
        QStringLiteral("vigil/v1/%1/events").arg(site)};
}

void MqttSource::start()
{
    if (m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = false;
    }
    {
        std::lock_guard lock(m_inboxMutex);
        m_inboxStop = false;
    }
    m_dispatcher = std::thread([this] { dispatch(); });
    m_thread = std::thread([this] { run(); });
}

void MqttSource::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    {
        std::lock_guard lock(m_inboxMutex);
        m_inboxStop = true;
    }
    m_inboxReady.notify_all();
    if (m_dispatcher.joinable())
        m_dispatcher.join();
}

void MqttSource::dispatch()
{
    for (;;) {
        std::pair<std::string, std::string> message;
        {
            std::unique_lock lock(m_inboxMutex);
            m_inboxReady.wait(lock, [this] { return m_inboxStop || !m_inbox.empty(); });
            if (m_inbox.empty())
                return; // stopping, and everything received was handled
            message = std::move(m_inbox.front());
            m_inbox.pop_front();
        }
        m_inboxSpace.notify_one();
        m_handler(QString::fromStdString(message.first),
            QByteArray(message.second.data(), static_cast<qsizetype>(message.second.size())));
    }
}

QString MqttSource::currentBroker() const
{
    std::lock_guard lock(m_mutex);
    return m_broker;
}

QString MqttSource::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

void MqttSource::setState(State state, const QString& broker, const QString& reason)
{
    {
        std::lock_guard lock(m_mutex);
        m_broker = broker;
    }
    if (m_state.exchange(state) != state || state == State::Connected) {
        qCInfo(lcIngest).noquote() << "MQTT" << QVariant::fromValue(state).toString() << broker << reason;
        Q_EMIT stateChanged(state, broker, reason);
    }
}

void MqttSource::waitFor(int ms)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stop; });
}

bool MqttSource::connectTo(const QString& uri, bool prime)
{
    const std::string server = MqttSettings::pahoUri(uri);
    auto fail = [&](const QString& why) {
        std::lock_guard lock(m_mutex);
        m_lastError = why;
        return false;
    };
    std::unique_ptr<mqtt::async_client> client;
    try {
        client = std::make_unique<mqtt::async_client>(server, m_config.connection.clientId.toStdString());
        client->set_callback(*m_callback);
        {
            std::lock_guard lock(m_mutex);
            m_tlsError.clear();
        }
        // The handler outlives this call (Paho keeps it with the client): it writes to a member.
        mqtt::connect_options options =
            m_config.connection.connectOptions(server, false, [this](const std::string& message) {
                std::lock_guard lock(m_mutex);
                if (m_tlsError.isEmpty())
                    m_tlsError = QString::fromStdString(message).trimmed();
            });
        {
            std::lock_guard lock(m_mutex);
            m_lost = false;
        }
        mqtt::token_ptr token = client->connect(options);
        if (!token->wait_for(std::chrono::seconds(m_config.connection.connectTimeoutS + 2))
            || !client->is_connected()) {
            QString tlsError;
            {
                std::lock_guard lock(m_mutex);
                tlsError = m_tlsError;
            }
            return fail(tlsError.isEmpty() ? QStringLiteral("no answer from %1").arg(uri)
                                           : QStringLiteral("TLS: %1").arg(tlsError));
        }
        const QStringList filters = topicFilters(m_config.site);
        auto topics = std::make_shared<mqtt::string_collection>();
        std::vector<int> qos;
        for (const QString& f : filters) {
            topics->push_back(f.toStdString());
            qos.push_back(1);
        }
        if (!client->subscribe(topics, qos)->wait_for(std::chrono::seconds(m_config.connection.connectTimeoutS)))
            return fail(QStringLiteral("subscribing on %1 timed out").arg(uri));
        if (prime) {
            client->disconnect()->wait_for(std::chrono::seconds(2));
            return true;
        }
    } catch (const mqtt::exception& e) {
        if (client && client->is_connected()) {
            try {
                client->disconnect()->wait_for(std::chrono::seconds(1));
            } catch (const mqtt::exception&) {
            }
        }
        QString tlsError;
        {
            std::lock_guard lock(m_mutex);
            tlsError = m_tlsError;
        }
        return fail(tlsError.isEmpty() ? QString::fromStdString(e.what()) : QStringLiteral("TLS: %1").arg(tlsError));
    }
    m_connects.fetch_add(1);
    std::lock_guard lock(m_mutex);
    m_client = std::move(client);
    return true;
}

void MqttSource::run()
{
    if (m_config.primeAllBrokers && m_config.connection.brokers.size() > 1) {
        for (const QString& uri : m_config.connection.brokers) {
            if (!connectTo(uri, true))
                qCInfo(lcIngest).noquote() << "MQTT: could not open the session on" << uri << "yet:" << lastError();
        }
    }
    int backoff = m_config.minBackoffMs;
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                break;
        }
        bool connected = false;
        for (const QString& uri : m_config.connection.brokers) {
            {
                std::lock_guard lock(m_mutex);
                if (m_stop)
                    break;
            }
            setState(State::Connecting, uri, {});
            if (connectTo(uri, false)) {
                connected = true;
                setState(State::Connected, uri, {});
                break;
            }
            qCInfo(lcIngest).noquote() << "MQTT: connecting to" << uri << "failed:" << lastError();
        }
        if (connected) {
            backoff = m_config.minBackoffMs;
            std::unique_ptr<mqtt::async_client> client;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stop || m_lost; });
                client = std::move(m_client);
            }
            if (client) {
                try {
                    if (client->is_connected())
                        client->disconnect()->wait_for(std::chrono::seconds(2));
                } catch (const mqtt::exception&) {
                }
            }
            client.reset();
            continue;
        }
        {
            std::lock_guard lock(m_mutex);
            if (m_stop)
                break;
        }
        setState(State::Down, {}, lastError());
        const int jitter = static_cast<int>(QRandomGenerator::global()->bounded(backoff / 5 + 1)) - backoff / 10;
        waitFor(backoff + jitter);
        backoff = std::min(backoff * 2, m_config.maxBackoffMs);
    }
    setState(State::Stopped, {}, {});
}

} // namespace vigil::ingest
