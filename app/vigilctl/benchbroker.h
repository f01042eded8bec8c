#pragma once

#include <QProcess>
#include <QTemporaryDir>

namespace vigil::app {

// A private Mosquitto (Debian's /usr/sbin/mosquitto) for `vigilctl bench ingest`: loopback only, a
// free port, no persistence, unlimited queues. Terminated when destroyed.
class BenchBroker final
{
public:
    BenchBroker() = default;
    ~BenchBroker();
    BenchBroker(const BenchBroker&) = delete;
    BenchBroker& operator=(const BenchBroker&) = delete;

    bool start(QString* error);
    [[nodiscard]] QString uri() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace vigil::app
