#include "ingeststatus.h"

#include "ingest/mllplistener.h"
#include "technicalalarmbanner.h"

#include <QDateTime>
#include <QTimer>

namespace vigil::ui {

using State = ingest::MqttSource::State;

IngestStatus::IngestStatus(QObject* parent)
    : QObject(parent)
    , m_clock(&core::nowUtc)
{
    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &IngestStatus::refresh);
}

IngestStatus::~IngestStatus() = default;

void IngestStatus::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void IngestStatus::setLinks(const IngestLinks& links)
{
    if (m_connection)
        disconnect(m_connection);
    m_connection = {};
    m_links = links;
    m_state = State::Stopped;
    m_broker.clear();
    m_lastBroker.clear();
    m_reason.clear();
    m_downSince = 0;
    if (m_links.mqtt) {
        // Queued: the source emits on its own thread. Connected before the state is read, so no
        // change falls between the two (a change seen twice is harmless).
        m_connection = connect(m_links.mqtt, &ingest::MqttSource::stateChanged, this, &IngestStatus::onMqttStateChanged,
            Qt::QueuedConnection);
        applyState(m_links.mqtt->state(), m_links.mqtt->currentBroker(), m_links.mqtt->lastError());
    }
    if (m_links.hasSources())
        m_timer->start();
    else
        m_timer->stop();
    Q_EMIT changed();
}

void IngestStatus::onMqttStateChanged(State state, const QString& broker, const QString& reason)
{
    if (!m_links.mqtt)
        return; // delivered after the links were taken back
    applyState(state, broker, reason);
    Q_EMIT changed();
}

void IngestStatus::applyState(State state, const QString& broker, const QString& reason)
{
    m_state = state;
    if (!broker.isEmpty())
        m_broker = broker;
    switch (state) {
    case State::Connected:
        m_downSince = 0;
        m_lastBroker = broker;
        m_reason.clear();
        break;
    case State::Connecting:
    case State::Down:
        // The outage starts at the first state that is not Connected; retries do not move it.
        if (m_downSince == 0)
            m_downSince = m_clock();
        if (!reason.isEmpty())
            m_reason = reason;
        break;
    case State::Stopped:
        m_downSince = 0; // stopped on purpose: nothing expected
        break;
    }
}

void IngestStatus::refresh()
{
    Q_EMIT changed();
}

bool IngestStatus::linkAlarm() const
{
    return m_links.mqtt && m_downSince != 0 && m_state != State::Connected && m_state != State::Stopped
        && m_clock() - m_downSince >= core::Timestamp{kLinkAlarmDelayMs} * core::kMicrosPerMilli;
}

QString IngestStatus::linkAlarmText() const
{
    return linkAlarm() ? TechnicalAlarmBanner::describeLinkDown(clockTime(m_downSince)) : QString();
}

QString IngestStatus::mqttText() const
{
    if (!m_links.mqtt)
        return {};
    if (linkAlarm() || m_state == State::Down)
        return tr("MQTT: link down since %1 — retrying").arg(clockTime(m_downSince));
    switch (m_state) {
    case State::Connected:
        return tr("MQTT: connected to %1").arg(m_broker);
    case State::Connecting:
        return m_broker.isEmpty() ? tr("MQTT: connecting…") : tr("MQTT: connecting to %1…").arg(m_broker);
    case State::Down:
        break;
    case State::Stopped:
        return tr("MQTT: stopped");
    }
    return {};
}

QString IngestStatus::mllpText() const
{
    if (!m_links.mllp)
        return {};
    if (m_links.mllp->port() == 0)
        return tr("MLLP: not listening");
    const ingest::MllpListener::Stats stats = m_links.mllp->stats();
    return tr("MLLP: listening on %1, %n message(s)", nullptr, static_cast<int>(stats.messages))
        .arg(m_links.mllp->port());
}

QString IngestStatus::clockTime(core::Timestamp t)
{
    return QDateTime::fromMSecsSinceEpoch(t / core::kMicrosPerMilli).toLocalTime().toString(QStringLiteral("HH:mm"));
}

} // namespace vigil::ui
