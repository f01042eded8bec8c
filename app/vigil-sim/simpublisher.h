#pragma once

#include "core/timestamp.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <atomic>
#include <deque>
#include <memory>
#include <vector>

namespace vigil::ingest {
class MqttPublisher;
}

namespace vigil::app {

// vigil-sim's engine: simulated patients (sim::PatientSimulator, the demo scenarios) and WFDB
// records replayed as patients, published as FHIR R4 (codec::FhirEncoder) on the wire contract's
// topics: per patient and second one Observation with valueSampledData per stream (ids
// "<patient>-<MDC code>-<µs>", the receiver's idempotency key), vital signs as the simulator
// produces them, a device-status heartbeat every `heartbeatS` and on every change, and the Patient
// resource at the start. In real time (speed 1), faster (speed N), or as fast as the broker takes it
// (speed 0). Fault injection, seeded: duplicates, swapped neighbours (reordering), a fixed delay,
// and extra malformed messages (the valid ones are still sent, so a receiver must lose nothing).
class SimPublisher final
{
public:
    struct Options
    {
        QString site = QStringLiteral("demo");
        int patients = 8;
        quint64 seed = 1;
        double speed = 1.0; // 0: as fast as possible
        double durationS = 0; // device time to publish; 0: until stopped
        core::Timestamp start = 0; // device time of the first sample; 0: now
        int heartbeatS = 5;
        QStringList wfdbRecords; // header paths, one patient each, after the simulated ones
        double duplicateRate = 0;
        double reorderRate = 0;
        double malformedRate = 0;
        int delayMs = 0;
    };
    struct Stats
    {
        quint64 messages = 0; // valid messages handed to the publisher (duplicates included)
        quint64 duplicates = 0;
        quint64 reordered = 0;
        quint64 malformed = 0;
        quint64 samples = 0;
        quint64 refused = 0; // the publisher's queue was full
        double deviceSeconds = 0;
    };

    SimPublisher(Options options, ingest::MqttPublisher& publisher);
    ~SimPublisher();

    // Loads the WFDB records; false with a message when one cannot be read.
    bool prepare(QString* error);
    // Publishes until the duration is reached or stop() is called.
    void run();
    void stop() { m_stop = true; }
    [[nodiscard]] const Stats& stats() const { return m_stats; }

private:
    struct Patient;
    struct Pending
    {
        qint64 dueMs = 0;
        QString topic;
        QByteArray payload;
    };

    void send(const QString& topic, QByteArray payload);
    void flush(bool all);
    void publishSecond(Patient& patient, core::Timestamp from, core::Timestamp to);

    Options m_options;
    ingest::MqttPublisher& m_publisher;
    std::vector<std::unique_ptr<Patient>> m_patients;
    std::deque<Pending> m_pending;
    std::unique_ptr<Pending> m_held; // reordering: published after the next message
    QRandomGenerator m_random;
    Stats m_stats;
    std::atomic<bool> m_stop{false};
};

} // namespace vigil::app
