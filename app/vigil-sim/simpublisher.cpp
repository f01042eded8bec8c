#include "simpublisher.h"

#include "codec/fhirencoder.h"
#include "codec/wavecodec.h"
#include "codec/wfdbrecord.h"
#include "ingest/fileimporter.h"
#include "ingest/mqttpublisher.h"
#include "ingest/simulatorsource.h"
#include "sim/patientsimulator.h"
#include "store/streamdescriptor.h"

#include <QDateTime>
#include <QFileInfo>
#include <QThread>

#include <cmath>

namespace vigil::app {

namespace {

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString mdcName(int code)
{
    switch (code) {
    case 131330:
        return QStringLiteral("MDC_ECG_ELEC_POTL_II");
    case 150452:
        return QStringLiteral("MDC_PULS_OXIM_PLETH");
    case 151780:
        return QStringLiteral("MDC_IMPED_TTHOR");
    default:
        return {};
    }
}

} // namespace

struct SimPublisher::Patient
{
    struct Track
    {
        int mdc = 0;
        double rateHz = 0;
        double gain = 1;
        double baseline = 0;
        QString unit;
        std::vector<qint32> samples;
    };

    core::PatientIdentity identity;
    std::unique_ptr<sim::PatientSimulator> simulator; // simulated patients
    std::vector<Track> tracks; // replayed WFDB records
    core::DeviceStatus status;
    core::Timestamp lastHeartbeat = 0;
};

SimPublisher::SimPublisher(Options options, ingest::MqttPublisher& publisher)
    : m_options(std::move(options))
    , m_publisher(publisher)
    , m_random(static_cast<quint32>(m_options.seed * 2654435761ULL + 17))
{
    if (m_options.start == 0)
        m_options.start = core::nowUtc() / core::kMicrosPerSecond * core::kMicrosPerSecond;
}

SimPublisher::~SimPublisher() = default;

bool SimPublisher::prepare(QString* error)
{
    for (int i = 0; i < m_options.patients; ++i) {
        auto patient = std::make_unique<Patient>();
        patient->simulator = std::make_unique<sim::PatientSimulator>(
            m_options.seed, i, ingest::SimulatorSource::demoScenario(i), m_options.start);
        patient->identity = patient->simulator->identity();
        m_patients.push_back(std::move(patient));
    }
    for (const QString& path : m_options.wfdbRecords) {
        QString why;
        auto record = codec::WfdbRecord::open(path, &why);
        if (!record) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(path, why);
            return false;
        }
        auto patient = std::make_unique<Patient>();
        patient->identity.id = QStringLiteral("wfdb-") + record->name();
        patient->identity.familyName = QStringLiteral("WFDB");
        patient->identity.givenName = QStringLiteral("record ") + record->name();
        for (int s = 0; s < record->signalCount(); ++s) {
            const codec::WfdbSignal& signal = record->signal(s);
            const int mdc = ingest::FileImporter::mdcCodeFor(signal.description);
            const bool taken = std::any_of(patient->tracks.begin(), patient->tracks.end(),
                [mdc](const Patient::Track& t) { return t.mdc == mdc; });
            if (mdc == 0 || taken)
                continue;
            Patient::Track track;
            track.mdc = mdc;
            track.rateHz = record->signalFrequency(s);
            track.gain = signal.gain;
            track.baseline = signal.baseline;
            track.unit = signal.units;
            if (!record->readSamples(s, track.samples, &why) || track.samples.empty()) {
                if (error)
                    *error = QStringLiteral("%1: %2").arg(path, why);
                return false;
            }
            patient->tracks.push_back(std::move(track));
        }
        if (patient->tracks.empty()) {
            if (error)
                *error = QStringLiteral("%1: no ECG (MLII/II), PLETH or RESP signal to replay").arg(path);
            return false;
        }
        m_patients.push_back(std::move(patient));
    }
    return true;
}

void SimPublisher::send(const QString& topic, QByteArray payload)
{
    const qint64 due = wallMs() + m_options.delayMs;
    auto push = [&](const QString& t, const QByteArray& p) { m_pending.push_back({due, t, p}); };
    ++m_stats.messages;
    if (m_options.reorderRate > 0 && !m_held && m_random.generateDouble() < m_options.reorderRate) {
        m_held = std::make_unique<Pending>(Pending{due, topic, payload});
        ++m_stats.reordered;
        return;
    }
    push(topic, payload);
    if (m_held) {
        push(m_held->topic, m_held->payload);
        m_held.reset();
    }
    if (m_options.duplicateRate > 0 && m_random.generateDouble() < m_options.duplicateRate) {
        push(topic, payload);
        ++m_stats.duplicates;
    }
    if (m_options.malformedRate > 0 && m_random.generateDouble() < m_options.malformedRate) {
        // An extra, broken copy (truncated mid-way): the receiver must quarantine it and keep the
        // valid one.
        push(topic, payload.left(payload.size() / 2));
        ++m_stats.malformed;
    }
}

void SimPublisher::flush(bool all)
{
    if (all && m_held) {
        m_pending.push_back(*m_held);
        m_held.reset();
    }
    const qint64 now = wallMs();
    while (!m_pending.empty() && (all || m_pending.front().dueMs <= now)) {
        if (!m_publisher.publish(m_pending.front().topic, m_pending.front().payload))
            ++m_stats.refused;
        m_pending.pop_front();
    }
}

void SimPublisher::publishSecond(Patient& patient, core::Timestamp from, core::Timestamp to)
{
    const QString& key = patient.identity.id;
    const QString obs = QStringLiteral("vigil/v1/%1/%2/obs").arg(m_options.site, key);
    const QString statusTopic = QStringLiteral("vigil/v1/%1/%2/status").arg(m_options.site, key);
    if (from == m_options.start)
        send(obs, codec::FhirEncoder::patient(patient.identity));

    auto sendWave = [&](int mdc, core::Timestamp first, double rateHz, double gain, double baseline,
                        const QString& unit, std::span<const qint32> digital) {
        codec::FhirEncoder::Wave wave;
        wave.id = QStringLiteral("%1-%2-%3").arg(key).arg(mdc).arg(first);
        wave.patientKey = key;
        wave.mdcCode = mdc;
        wave.mdcName = mdcName(mdc);
        wave.start = first;
        wave.periodMs = 1000.0 / rateHz;
        wave.factor = 1.0 / gain;
        wave.origin = -baseline / gain;
        wave.unit = unit;
        wave.digital = digital;
        send(obs, codec::FhirEncoder::waveObservation(wave));
        m_stats.samples += digital.size();
    };

    if (patient.simulator) {
        const sim::SimulationBatch batch = patient.simulator->advanceTo(to);
        std::vector<qint32> digital;
        for (core::StreamKind kind : core::kAllStreams) {
            const store::StreamDescriptor d = store::StreamDescriptor::forLiveStream(kind);
            for (const auto& run : batch.streams[static_cast<std::size_t>(core::streamIndex(kind))]) {
                digital.clear();
                for (float v : run.samples)
                    digital.push_back(d.toDigital(v));
                if (!digital.empty())
                    sendWave(d.code, run.firstSampleTime, d.rateHz, d.gain, d.baseline, d.unit, digital);
            }
        }
        for (const auto& v : batch.vitals) {
            send(obs,
                codec::FhirEncoder::vitalObservation(
                    QStringLiteral("%1-v%2-%3").arg(key).arg(static_cast<int>(v.kind)).arg(v.measurement.time), key,
                    v.kind, v.measurement));
        }
        for (const core::DeviceStatus& s : batch.statusChanges) {
            patient.status = s;
            send(statusTopic,
                codec::FhirEncoder::statusObservation(QStringLiteral("%1-s-%2").arg(key).arg(s.time), key, s));
            patient.lastHeartbeat = s.time;
        }
    } else {
        for (const Patient::Track& track : patient.tracks) {
            // Samples n with start + n / rate in [from, to), the record looping.
            const auto first =
                static_cast<qint64>(std::ceil(track.rateHz * static_cast<double>(from - m_options.start) / 1e6));
            const auto last =
                static_cast<qint64>(std::ceil(track.rateHz * static_cast<double>(to - m_options.start) / 1e6));
            std::vector<qint32> digital;
            const auto size = static_cast<qint64>(track.samples.size());
            for (qint64 n = first; n < last; ++n)
                digital.push_back(track.samples[static_cast<std::size_t>(n % size)]);
            const core::Timestamp t0 = m_options.start + std::llround(static_cast<double>(first) * 1e6 / track.rateHz);
            if (!digital.empty())
                sendWave(track.mdc, t0, track.rateHz, track.gain, track.baseline, track.unit, digital);
        }
    }
    if (m_options.heartbeatS > 0 && to - patient.lastHeartbeat >= m_options.heartbeatS * core::kMicrosPerSecond) {
        core::DeviceStatus beat = patient.status;
        beat.time = to;
        send(statusTopic, codec::FhirEncoder::statusObservation(QStringLiteral("%1-s-%2").arg(key).arg(to), key, beat));
        patient.lastHeartbeat = to;
    }
}

void SimPublisher::run()
{
    const qint64 wallStart = wallMs();
    for (qint64 second = 0; !m_stop; ++second) {
        if (m_options.durationS > 0 && static_cast<double>(second) >= m_options.durationS)
            break;
        const core::Timestamp from = m_options.start + second * core::kMicrosPerSecond;
        const core::Timestamp to = from + core::kMicrosPerSecond;
        if (m_options.speed > 0) {
            // Real time (or N times faster): a second's data is published once that second is over.
            const auto due = wallStart
                + static_cast<qint64>(std::llround(static_cast<double>(second + 1) * 1000.0 / m_options.speed));
            while (!m_stop && wallMs() < due) {
                flush(false);
                QThread::msleep(static_cast<unsigned long>(std::clamp<qint64>(due - wallMs(), 1, 10)));
            }
        } else {
            // As fast as possible, but not faster than the broker takes it.
            while (!m_stop && m_publisher.queued() > 20'000)
                QThread::msleep(2);
        }
        for (auto& patient : m_patients)
            publishSecond(*patient, from, to);
        flush(false);
        m_stats.deviceSeconds = static_cast<double>(second + 1);
    }
    while (!m_pending.empty() && !m_stop && m_options.delayMs > 0) {
        flush(false);
        QThread::msleep(5);
    }
    flush(true);
}

} // namespace vigil::app
