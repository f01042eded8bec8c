#include "mllplistener.h"

#include "codec/hl7ack.h"
#include "codec/mllpframer.h"
#include "ingestrouter.h"
#include "logging.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <mutex>

namespace vigil::ingest {

class MllpListener::Server final : public QObject
{
public:
    explicit Server(IngestRouter& router)
        : m_router(router)
    { }

    bool listen(const QHostAddress& address, quint16 port, QString* error)
    {
        m_tcp = new QTcpServer(this);
        if (!m_tcp->listen(address, port)) {
            if (error)
                *error = m_tcp->errorString();
            return false;
        }
        QObject::connect(m_tcp, &QTcpServer::newConnection, this, [this] { accept(); });
        return true;
    }

    [[nodiscard]] quint16 port() const { return m_tcp ? m_tcp->serverPort() : 0; }

    Stats stats() const
    {
        std::lock_guard lock(m_mutex);
        return m_stats;
    }

    void close()
    {
        if (m_tcp)
            m_tcp->close();
        for (QTcpSocket* socket : findChildren<QTcpSocket*>())
            socket->abort();
    }

private:
    void accept()
    {
        while (QTcpSocket* socket = m_tcp->nextPendingConnection()) {
            socket->setParent(this);
            {
                std::lock_guard lock(m_mutex);
                ++m_stats.connections;
            }
            auto framer = std::make_shared<codec::MllpFramer>();
            const QString peer = QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort());
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, framer, peer] {
                const quint64 garbageBefore = framer->garbageBytes();
                for (const QByteArray& message : framer->feed(socket->readAll())) {
                    codec::InboundBatch decoded;
                    const QByteArray ack = codec::Hl7Ack::respond(message, &decoded);
                    m_router.process(decoded, QStringLiteral("mllp"), peer, message);
                    socket->write(codec::MllpFramer::frame(ack));
                    std::lock_guard lock(m_mutex);
                    ++m_stats.messages;
                    switch (codec::Hl7Ack::codeFor(decoded)) {
                    case codec::Hl7Ack::Code::Accept:
                        ++m_stats.accepted;
                        break;
                    case codec::Hl7Ack::Code::Error:
                        ++m_stats.errors;
                        break;
                    case codec::Hl7Ack::Code::Reject:
                        ++m_stats.rejected;
                        break;
                    }
                }
                std::lock_guard lock(m_mutex);
                m_stats.garbageBytes += framer->garbageBytes() - garbageBefore;
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    IngestRouter& m_router;
    QTcpServer* m_tcp = nullptr;
    mutable std::mutex m_mutex;
    Stats m_stats; // guarded
};

MllpListener::MllpListener(IngestRouter& router)
    : m_router(router)
{ }

MllpListener::~MllpListener()
{
    stop();
}

bool MllpListener::start(quint16 port, const QHostAddress& address, QString* error)
{
    stop();
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("mllp"));
    m_server = new Server(m_router);
    m_server->moveToThread(m_thread.get());
    m_thread->start();
    bool ok = false;
    QString why;
    QMetaObject::invokeMethod(
        m_server, [&] { ok = m_server->listen(address, port, &why); }, Qt::BlockingQueuedConnection);
    if (!ok) {
        if (error)
            *error = why;
        stop();
        return false;
    }
    m_port = m_server->port();
    qCInfo(lcIngest) << "MLLP listening on port" << m_port.load();
    return true;
}

void MllpListener::stop()
{
    if (!m_thread)
        return;
    if (m_server) {
        m_lastStats = m_server->stats();
        // Closed and deleted on its own thread, where its sockets live.
        QMetaObject::invokeMethod(
            m_server,
            [server = m_server] {
                server->close();
                delete server;
            },
            Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_port = 0;
}

MllpListener::Stats MllpListener::stats() const
{
    return m_server ? m_server->stats() : m_lastStats;
}

} // namespace vigil::ingest
