#pragma once

#include "core/timestamp.h"
#include "faultinjector.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

namespace vigil::ingest {
class MqttPublisher;
}

namespace vigil::app {

class MllpSender;

// vigil-sim's engine: simulated patients (sim::PatientSimulator, the demo scenarios) and WFDB
// records replayed as patients, sent on one or both channels:
// - MQTT: FHIR R4 (codec::FhirEncoder) on the wire contract's topics: per patient and second one
//   Observation with valueSampledData per stream (ids "<patient>-<MDC code>-<µs>", the receiver's
//   idempotency key), vital signs as the simulator produces them, a device-status heartbeat every
//   `heartbeatS` and on every change, and the Patient resource at the start.
// - MLLP: HL7 v2 (codec::Hl7Encoder), per patient and second one IHE PCD-01 ORU^R01 with the PID,
//   the waveform chunks and the vital signs of that second; its MSH-10 is derived from its content,
//   so a re-send is a recognisable repeat. Device status has no HL7 v2 form here and is not sent.
//   HL7 v2 samples are decimals: the simulator's streams and WFDB signals with a decimal calibration
//   (gain 200/mV …) arrive exactly; a WFDB signal whose calibration has no decimal form (gain 29/mV)
//   is sent as its physical values rounded to at most 6 decimals of its unit (said on stderr). A chunk
//   of nothing but invalid samples (a whole second of lead-off) is left out: it would carry no
//   resolution (see Hl7Encoder), so the receiver has a gap there instead of invalid samples.
// In real time (speed 1), faster (speed N), or as fast as the receivers take it (speed 0). Fault
// injection, seeded, per channel (FaultInjector): duplicates, swapped neighbours (reordering), a
// fixed delay, and extra malformed messages (the valid ones are still sent, so a receiver must lose
// nothing). A malformed HL7 message is the first half of a copy whose MSH-12 (version) is blank, so a
// listener rejects it as a whole (AR) and applies nothing of it.
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
        FaultInjector::Stats mqtt;
        FaultInjector::Stats mllp;
        quint64 samples = 0; // generated (once, whichever channels send them)
        quint64 mllpSamples = 0; // in the HL7 v2 messages encoded (all-invalid chunks are left out)
        quint64 refused = 0; // the MQTT publisher's queue was full
        quint64 mllpRefused = 0; // the MLLP sender's queue was full
        quint64 unencodable = 0; // HL7 v2 messages that could not be encoded (see stderr)
        double deviceSeconds = 0;
    };

    // Either channel may be null, not both. Neither is owned; both must outlive run().
    SimPublisher(Options options, ingest::MqttPublisher* mqtt, MllpSender* mllp);
    ~SimPublisher();

    // Loads the WFDB records; false with a message when one cannot be read.
    bool prepare(QString* error);
    // Publishes until the duration is reached or stop() is called.
    void run();
    void stop() { m_stop = true; }
    [[nodiscard]] Stats stats() const;
    // Device time of the first sample (Options::start, or the whole second it was started in).
    [[nodiscard]] core::Timestamp start() const { return m_options.start; }

private:
    struct Patient;

    void send(const QString& topic, const QByteArray& payload);
    void flush(bool all);
    // Waits up to `ms`, keeping the MLLP traffic moving meanwhile.
    void idle(int ms);
    [[nodiscard]] bool backlogged() const;
    void publishSecond(Patient& patient, core::Timestamp from, core::Timestamp to);

    Options m_options;
    ingest::MqttPublisher* m_mqtt;
    MllpSender* m_mllp;
    std::vector<std::unique_ptr<Patient>> m_patients;
    FaultInjector m_mqttFaults;
    FaultInjector m_mllpFaults;
    Stats m_stats;
    std::atomic<bool> m_stop{false};
};

} // namespace vigil::app
