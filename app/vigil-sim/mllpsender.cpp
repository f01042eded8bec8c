#include "mllpsender.h"

#include "codec/hl7message.h"

#include <QDateTime>
#include <QHostAddress>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace vigil::app {

namespace {

// Longest single blocking wait inside pump(), so a budget is kept roughly.
constexpr int kSliceMs = 50;

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void report(const QString& text)
{
    std::fprintf(stderr, "vigil-sim: MLLP: %s\n", qPrintable(text));
}

} // namespace

MllpSender::MllpSender(Config config)
    : m_config(std::move(config))
    , m_backoffMs(m_config.minBackoffMs)
{ }

MllpSender::~MllpSender()
{
    if (m_socket)
        m_socket->abort();
}

bool MllpSender::parseAddress(const QString& text, QString* host, quint16* port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString h = text.left(colon);
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    else if (h.contains(u':'))
        return false; // a bare IPv6 address: the port cannot be told apart
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p == 0 || p > 65535 || h.isEmpty())
        return false;
    *host = h;
    *port = static_cast<quint16>(p);
    return true;
}

QString MllpSender::address() const
{
    const bool v6 = m_config.host.contains(u':');
    return (v6 ? u'[' + m_config.host + u']' : m_config.host) + u':' + QString::number(m_config.port);
}

bool MllpSender::enqueue(const QByteArray& message)
{
    if (queued() >= m_config.maxQueued) {
        ++m_stats.refused;
        return false;
    }
    Outgoing out;
    out.frame = codec::MllpFramer::frame(message);
    // MSA-2 of the ACK names MSH-10; only the header is parsed (the rest may be large, or broken).
    const qsizetype end = message.indexOf('\r');
    if (const auto header = codec::Hl7Message::parse(end < 0 ? message : message.left(end)))
        out.controlId = header->controlId();
    m_queue.push_back(std::move(out));
    return true;
}

void MllpSender::startConnecting()
{
    m_socket = std::make_unique<QTcpSocket>();
    m_framer.reset();
    m_socket->connectToHost(m_config.host, m_config.port);
    m_state = State::Connecting;
    m_stateSinceMs = wallMs();
}

void MllpSender::closeAndBackOff(const QString& what)
{
    if (!m_outageReported) { // once an outage
        m_outageReported = true;
        report(what);
    }
    m_socket->abort();
    m_state = State::Disconnected;
    m_nextAttemptMs = wallMs() + m_backoffMs;
    m_backoffMs = std::min(m_backoffMs * 2, m_config.maxBackoffMs);
}

void MllpSender::sendHead()
{
    Outgoing& head = m_queue.front();
    if (head.attempts++ > 0)
        ++m_stats.resent;
    m_socket->write(head.frame);
    m_socket->flush();
    ++m_stats.frames;
    m_state = State::AwaitingAck;
    m_stateSinceMs = wallMs();
}

void MllpSender::readAcks()
{
    for (const QByteArray& bytes : m_framer.feed(m_socket->readAll())) {
        if (m_state != State::AwaitingAck || m_queue.empty()) {
            ++m_stats.strayAcks;
            continue;
        }
        const auto ack = codec::Hl7Message::parse(bytes);
        const QString code = ack ? ack->value(u"MSA", 1, 1).trimmed().toUpper() : QString();
        const QString acknowledged = ack ? ack->value(u"MSA", 1, 2).trimmed() : QString();
        const QString& expected = m_queue.front().controlId;
        // One message is in flight on this connection: an ACK that names no message (the receiver could
        // not read its MSH-10) is its ACK; one that names another message is not.
        if (!ack || (!expected.isEmpty() && !acknowledged.isEmpty() && acknowledged != expected)) {
            ++m_stats.strayAcks;
            continue;
        }
        if (code == u"AA" || code == u"CA") {
            ++m_stats.accepted;
        } else if (code == u"AE" || code == u"CE") {
            ++m_stats.errors;
        } else if (code == u"AR" || code == u"CR") {
            ++m_stats.rejected;
        } else {
            ++m_stats.strayAcks;
            continue;
        }
        m_queue.pop_front();
        m_state = State::Ready;
        m_backoffMs = m_config.minBackoffMs;
    }
}

void MllpSender::pump(int budgetMs)
{
    const qint64 deadline = wallMs() + std::max(budgetMs, 0);
    for (int step = 0; !m_queue.empty(); ++step) {
        const qint64 now = wallMs();
        if (step > 0 && now >= deadline)
            return;
        const int left = static_cast<int>(std::min<qint64>(deadline - now, kSliceMs));
        switch (m_state) {
        case State::Disconnected:
            if (now < m_nextAttemptMs) {
                if (left > 0)
                    QThread::msleep(static_cast<unsigned long>(std::min<qint64>(m_nextAttemptMs - now, left)));
                break;
            }
            startConnecting();
            break;
        case State::Connecting:
            if (m_socket->waitForConnected(std::max(left, 1))) {
                ++m_stats.connects;
                if (m_outageReported)
                    report(QStringLiteral("connected to %1").arg(address()));
                m_outageReported = false;
                m_state = State::Ready;
            } else if (m_socket->state() == QAbstractSocket::UnconnectedState
                || now - m_stateSinceMs >= m_config.connectTimeoutMs) {
                ++m_stats.connectFailures;
                closeAndBackOff(QStringLiteral("cannot connect to %1 (%2); retrying with back-off")
                                    .arg(address(), m_socket->errorString()));
            }
            break;
        case State::Ready:
            sendHead();
            continue;
        case State::AwaitingAck:
            if (m_socket->bytesAvailable() > 0 || m_socket->waitForReadyRead(std::max(left, 1))) {
                readAcks();
                continue;
            }
            if (m_socket->state() != QAbstractSocket::ConnectedState) {
                closeAndBackOff(
                    QStringLiteral("connection to %1 lost (%2); reconnecting").arg(address(), m_socket->errorString()));
            } else if (now - m_stateSinceMs >= m_config.ackTimeoutMs) {
                ++m_stats.timeouts;
                closeAndBackOff(QStringLiteral("no ACK from %1 within %2 ms; resending on a new connection")
                                    .arg(address())
                                    .arg(m_config.ackTimeoutMs));
            }
            break;
        }
    }
}

bool MllpSender::drain(int timeoutMs)
{
    const qint64 deadline = wallMs() + timeoutMs;
    while (!m_queue.empty() && wallMs() < deadline)
        pump(static_cast<int>(std::min<qint64>(deadline - wallMs(), 200)));
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->disconnectFromHost();
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->waitForDisconnected(1000);
    }
    return m_queue.empty();
}

} // namespace vigil::app
