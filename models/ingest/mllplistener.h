#pragma once

#include <QHostAddress>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace vigil::ingest {

class IngestRouter;

// HL7 v2 over MLLP (ARCHITECTURE.md "Wire contract"): a TCP listener, default port 2575, on its own
// thread. Each connection has its own MLLP deframer (codec::MllpFramer); every complete message is
// parsed, decoded and acknowledged (codec::Hl7Ack::respond: AA, AE or AR with ERR segments saying
// why) on the same connection, and what was decoded goes to the router (source "mllp", the peer's
// address as detail), which quarantines whatever could not be used. Bytes between frames are
// skipped and counted; an oversized frame is dropped and the deframer resynchronises.
class MllpListener final
{
public:
    struct Stats
    {
        quint64 connections = 0;
        quint64 messages = 0;
        quint64 accepted = 0; // AA
        quint64 errors = 0; // AE
        quint64 rejected = 0; // AR
        quint64 garbageBytes = 0;
    };

    explicit MllpListener(IngestRouter& router);
    ~MllpListener();
    MllpListener(const MllpListener&) = delete;
    MllpListener& operator=(const MllpListener&) = delete;

    // Listens on address:port (port 0: any free port). Returns false with a message on failure.
    bool start(quint16 port = 2575, const QHostAddress& address = QHostAddress::Any, QString* error = nullptr);
    void stop();

    [[nodiscard]] quint16 port() const { return m_port.load(); }
    [[nodiscard]] Stats stats() const;

private:
    class Server;

    IngestRouter& m_router;
    std::unique_ptr<QThread> m_thread;
    Server* m_server = nullptr; // lives in m_thread
    std::atomic<quint16> m_port{0};
    Stats m_lastStats; // after stop()
};

} // namespace vigil::ingest
