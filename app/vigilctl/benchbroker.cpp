#include "benchbroker.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace vigil::app {

BenchBroker::~BenchBroker()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool BenchBroker::start(QString* error)
{
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            *error = QStringLiteral("no free loopback port");
            return false;
        }
        m_port = probe.serverPort();
    }
    QFile conf(m_dir.filePath(QStringLiteral("mosquitto.conf")));
    QByteArray text = QByteArrayLiteral("allow_anonymous true\nmax_queued_messages 0\nmax_inflight_messages 0\n"
                                        "persistence false\nlog_type error\nset_tcp_nodelay true\n");
    text += "listener " + QByteArray::number(m_port) + " 127.0.0.1\n";
    if (::geteuid() == 0)
        text += "user root\n";
    if (!conf.open(QIODevice::WriteOnly) || conf.write(text) != text.size()) {
        *error = QStringLiteral("cannot write the broker configuration");
        return false;
    }
    conf.close();
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral("/usr/sbin/mosquitto"), {QStringLiteral("-c"), conf.fileName()});
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("mosquitto did not start (Debian package mosquitto): %1").arg(m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    *error = QStringLiteral("mosquitto did not accept connections on port %1").arg(m_port);
    return false;
}

QString BenchBroker::uri() const
{
    return QStringLiteral("tcp://127.0.0.1:%1").arg(m_port);
}

} // namespace vigil::app
