#include "mosquittobroker.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace vigil::test {

namespace {

constexpr const char* kMosquitto = "/usr/sbin/mosquitto";

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

MosquittoBroker::MosquittoBroker(QString directory)
    : m_directory(std::move(directory))
{
    QDir().mkpath(m_directory);
}

MosquittoBroker::~MosquittoBroker()
{
    stop();
}

bool MosquittoBroker::isAvailable()
{
    return QFileInfo(QString::fromLatin1(kMosquitto)).isExecutable();
}

bool MosquittoBroker::start(QString* error)
{
    m_tls = false;
    return launch(error);
}

bool MosquittoBroker::startTls(const Tls& tls, QString* error)
{
    m_tls = true;
    m_tlsConfig = tls;
    return launch(error);
}

bool MosquittoBroker::launch(QString* error)
{
    stop();
    if (m_port == 0)
        m_port = freeLoopbackPort();
    const QString dir = QDir(m_directory).absolutePath();
    QString conf = QStringLiteral("listener %1 127.0.0.1\n").arg(m_port);
    conf += QStringLiteral("allow_anonymous true\n"
                           "persistence true\n"
                           "persistence_location %1/\n"
                           "autosave_interval 1\n"
                           "max_queued_messages 0\n"
                           "max_inflight_messages 0\n"
                           "log_dest file %1/mosquitto.log\n"
                           "log_type error\nlog_type warning\nlog_type notice\nlog_type information\n"
                           "connection_messages true\n")
                .arg(dir);
    if (::geteuid() == 0)
        conf += QStringLiteral("user root\n"); // stay able to write the test's own folder
    if (m_tls) {
        conf += QStringLiteral("cafile %1\ncertfile %2\nkeyfile %3\nrequire_certificate %4\n")
                    .arg(m_tlsConfig.caFile, m_tlsConfig.certFile, m_tlsConfig.keyFile,
                        m_tlsConfig.requireClientCertificate ? QStringLiteral("true") : QStringLiteral("false"));
    }
    QFile file(dir + QStringLiteral("/mosquitto.conf"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(conf.toUtf8()) < 0) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(file.fileName());
        return false;
    }
    file.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QString::fromLatin1(kMosquitto), {QStringLiteral("-c"), file.fileName()});
    if (!m_process->waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("mosquitto did not start: %1").arg(m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running) {
            if (error)
                *error = QStringLiteral("mosquitto exited: %1 %2")
                             .arg(QString::fromUtf8(m_process->readAll()), log().right(2000));
            return false;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (socket.waitForConnected(200)) {
            socket.disconnectFromHost();
            return true;
        }
        QThread::msleep(50);
    }
    if (error)
        *error = QStringLiteral("mosquitto did not listen on port %1").arg(m_port);
    return false;
}

void MosquittoBroker::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

void MosquittoBroker::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
}

bool MosquittoBroker::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString MosquittoBroker::uri(const QString& tlsHost) const
{
    return m_tls ? QStringLiteral("ssl://%1:%2").arg(tlsHost).arg(m_port)
                 : QStringLiteral("tcp://127.0.0.1:%1").arg(m_port);
}

QString MosquittoBroker::log() const
{
    QFile file(QDir(m_directory).filePath(QStringLiteral("mosquitto.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace vigil::test
