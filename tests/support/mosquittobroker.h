#pragma once

#include <QProcess>
#include <QString>

#include <memory>

namespace vigil::test {

// A real Mosquitto broker (Debian's /usr/sbin/mosquitto) for tests: its own configuration,
// persistence and log in `directory`, listening on a free loopback port that stays the same across
// restarts. Persistence is on and the per-client queue is unlimited, so a persistent session survives
// a stop() / start() and keeps everything queued for it. Stopped (SIGTERM) when destroyed.
class MosquittoBroker final
{
public:
    struct Tls
    {
        QString caFile;
        QString certFile;
        QString keyFile;
        bool requireClientCertificate = false;
    };

    explicit MosquittoBroker(QString directory);
    ~MosquittoBroker();
    MosquittoBroker(const MosquittoBroker&) = delete;
    MosquittoBroker& operator=(const MosquittoBroker&) = delete;

    [[nodiscard]] static bool isAvailable();

    // Starts (or restarts) the broker and waits until it accepts connections.
    bool start(QString* error = nullptr);
    bool startTls(const Tls& tls, QString* error = nullptr);
    // SIGTERM: Mosquitto saves its persistence file and exits.
    void stop();
    // SIGKILL: a crash; nothing is saved.
    void kill();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint16 port() const { return m_port; }
    // "tcp://127.0.0.1:<port>", or for TLS "ssl://<host>:<port>" (host: "localhost" by default).
    [[nodiscard]] QString uri(const QString& tlsHost = QStringLiteral("localhost")) const;
    [[nodiscard]] QString log() const;

private:
    bool launch(QString* error);

    QString m_directory;
    quint16 m_port = 0;
    bool m_tls = false;
    Tls m_tlsConfig;
    std::unique_ptr<QProcess> m_process;
};

} // namespace vigil::test
