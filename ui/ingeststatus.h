#pragma once

#include "core/timestamp.h"
#include "ingest/mqttsource.h"
#include "ingestlinks.h"

#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace vigil::ui {

// What the window says about the live transports: one status line for MQTT ("MQTT: connected to
// mqtts://hub-a:8883", "MQTT: connecting to …", "MQTT: link down since 10:42 — retrying") and one
// for MLLP ("MLLP: listening on 2575, 3 messages"), and the link technical alarm.
//
// The MQTT state comes from MqttSource::stateChanged, which is emitted on the source's own thread
// and reaches this object queued (GUI thread); nothing here reads the source's state behind its
// back except its thread-safe accessors when links are handed over. A once-a-second timer
// re-evaluates what depends on time (the alarm delay) and re-reads the MLLP counters (guarded by the
// listener's mutex).
//
// The link alarm: MQTT configured, not stopped, and not connected for kLinkAlarmDelayMs. It names
// the time the data stopped (the start of the outage, or of the first attempt when the broker was
// never reached) and clears on reconnect. GUI thread only.
class IngestStatus final : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<core::Timestamp()>;
    // Not connected this long raises the alarm: a reconnect within it (failover to the next broker,
    // a broker restarting) is not worth an alarm, a real outage shows within a few seconds.
    static constexpr int kLinkAlarmDelayMs = 3000;
    static constexpr int kRefreshMs = 1000;

    explicit IngestStatus(QObject* parent = nullptr);
    ~IngestStatus() override;

    // Watches these (none owned); an empty IngestLinks stops watching.
    void setLinks(const IngestLinks& links);
    [[nodiscard]] const IngestLinks& links() const { return m_links; }
    void setClock(Clock clock);

    [[nodiscard]] ingest::MqttSource::State mqttState() const { return m_state; }
    [[nodiscard]] QString broker() const { return m_broker; }
    // Why the last connection attempt failed or the link was lost (the broker's or Paho's words).
    [[nodiscard]] QString lastReason() const { return m_reason; }
    // When live data stopped arriving over MQTT (µs UTC); 0 while connected, stopped or not configured.
    [[nodiscard]] core::Timestamp linkDownSince() const { return m_downSince; }
    [[nodiscard]] bool linkAlarm() const;
    // The alarm's line (TechnicalAlarmBanner::describeLinkDown), empty while there is none.
    [[nodiscard]] QString linkAlarmText() const;

    // Status bar lines; empty when that transport is not configured.
    [[nodiscard]] QString mqttText() const;
    [[nodiscard]] QString mllpText() const;

    // Local wall-clock time of `t`, "HH:MM".
    [[nodiscard]] static QString clockTime(core::Timestamp t);

    // Re-evaluates now (the timer does so every kRefreshMs) and emits changed().
    void refresh();

Q_SIGNALS:
    // Something shown may have changed (after a state change and on every refresh).
    void changed();

private:
    void onMqttStateChanged(ingest::MqttSource::State state, const QString& broker, const QString& reason);
    void applyState(ingest::MqttSource::State state, const QString& broker, const QString& reason);

    IngestLinks m_links;
    Clock m_clock;
    QTimer* m_timer = nullptr;
    QMetaObject::Connection m_connection;
    ingest::MqttSource::State m_state = ingest::MqttSource::State::Stopped;
    QString m_broker;
    QString m_lastBroker; // the broker of the last connection, for "link down" lines
    QString m_reason;
    core::Timestamp m_downSince = 0;
};

} // namespace vigil::ui
