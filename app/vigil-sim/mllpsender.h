#pragma once

#include "codec/mllpframer.h"

#include <QByteArray>
#include <QString>

#include <deque>
#include <memory>

class QTcpSocket;

namespace vigil::app {

// vigil-sim's HL7 v2 sender: one MLLP connection to a listener, one message in flight, each waiting
// for its ACK (original mode). Blocking socket calls with short timeouts on the caller's thread, no
// event loop: the simulator calls pump() whenever it would otherwise sleep.
//
// - AA (or CA): the next message. AE / AR (CE / CR): counted, and the next message (sending the same
//   bytes again would get the same answer).
// - No ACK within ackTimeoutMs, or the connection drops while a message is in flight: the connection
//   is closed and the message sent again on a new one. The receiver drops the repeat by its MSH-10.
// - No listener: reconnects with exponential back-off (minBackoffMs doubling to maxBackoffMs, back to
//   the minimum at the next ACK; the same after a dropped connection), the queue waiting meanwhile
//   (up to maxQueued messages; beyond that enqueue() refuses them, counted).
// An ACK is matched to the message in flight by MSA-2 = its MSH-10; an ACK naming another message is
// ignored, counted as stray (one with an empty MSA-2 is taken as the in-flight message's). Not
// thread-safe.
class MllpSender final
{
public:
    struct Config
    {
        QString host;
        quint16 port = 2575;
        int ackTimeoutMs = 10'000;
        int connectTimeoutMs = 5'000;
        int minBackoffMs = 100;
        int maxBackoffMs = 5'000;
        qsizetype maxQueued = 100'000;
    };
    struct Stats
    {
        quint64 frames = 0; // written, resends included
        quint64 accepted = 0; // AA
        quint64 errors = 0; // AE
        quint64 rejected = 0; // AR
        quint64 resent = 0; // after an ACK timeout or a dropped connection
        quint64 timeouts = 0;
        quint64 connects = 0;
        quint64 connectFailures = 0;
        quint64 refused = 0; // the queue was full
        quint64 strayAcks = 0;
    };

    explicit MllpSender(Config config);
    ~MllpSender();
    MllpSender(const MllpSender&) = delete;
    MllpSender& operator=(const MllpSender&) = delete;

    // "HOST:PORT" (IPv6 as "[::1]:PORT"); false when it is not one.
    static bool parseAddress(const QString& text, QString* host, quint16* port);

    // Queues one message (not framed); false when the queue is full.
    bool enqueue(const QByteArray& message);
    // Connects, sends and reads ACKs for at most about budgetMs; returns sooner when the queue is empty.
    void pump(int budgetMs);
    // pump() until every queued message is acknowledged or timeoutMs has passed, then disconnects.
    // True when every message got an ACK (AA, AE or AR).
    bool drain(int timeoutMs);

    [[nodiscard]] qsizetype queued() const { return qsizetype(m_queue.size()); } // in flight included
    [[nodiscard]] const Stats& stats() const { return m_stats; }
    [[nodiscard]] QString address() const;

private:
    enum class State : quint8 {
        Disconnected,
        Connecting,
        Ready, // connected, nothing in flight
        AwaitingAck,
    };
    struct Outgoing
    {
        QByteArray frame;
        QString controlId;
        int attempts = 0;
    };

    void startConnecting();
    // Closes the connection and schedules the next attempt (back-off); `what` goes to stderr, once
    // an outage.
    void closeAndBackOff(const QString& what);
    void sendHead();
    void readAcks();

    Config m_config;
    std::unique_ptr<QTcpSocket> m_socket;
    codec::MllpFramer m_framer;
    std::deque<Outgoing> m_queue;
    State m_state = State::Disconnected;
    qint64 m_stateSinceMs = 0; // when Connecting / AwaitingAck began
    qint64 m_nextAttemptMs = 0;
    int m_backoffMs = 0;
    bool m_outageReported = false;
    Stats m_stats;
};

} // namespace vigil::app
