#include "simpublisher.h"

#include "codec/fhirencoder.h"
#include "codec/hl7encoder.h"
#include "codec/wavecodec.h"
#include "codec/wfdbrecord.h"
#include "ingest/fileimporter.h"
#include "ingest/mqttpublisher.h"
#include "ingest/simulatorsource.h"
#include "mllpsender.h"
#include "sim/patientsimulator.h"
#include "store/streamdescriptor.h"

#include <QDateTime>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>

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

// Speed 0: how far the simulator may run ahead of the MLLP listener's ACKs (messages).
constexpr qsizetype kMaxMllpBacklog = 256;

FaultInjector::Faults faultsOf(const SimPublisher::Options& o)
{
    return {o.duplicateRate, o.reorderRate, o.malformedRate, o.delayMs};
}

quint32 faultSeed(quint64 seed, quint32 channel)
{
    return static_cast<quint32>(seed * 2654435761ULL + channel);
}

// MQTT: the JSON cut off half-way, which no FHIR reader takes.
QByteArray brokenJson(const QByteArray& payload)
{
    return payload.left(payload.size() / 2);
}

// MLLP: the first half of a copy whose MSH-12 (version ID) is blank. A listener rejects it as a whole
// (AR, "MSH-12 missing") and applies nothing of it: a message merely cut short can still read as valid
// HL7 v2 (a shorter last waveform chunk, a truncated name in the PID) under the original's MSH-10.
QByteArray brokenHl7(const QByteArray& payload)
{
    const qsizetype end = payload.indexOf('\r');
    QList<QByteArray> msh = payload.left(end).split('|'); // [0] "MSH", [1] MSH-2, [k] MSH-(k + 1)
    if (msh.size() > 11)
        msh[11].clear();
    const QByteArray broken = msh.join('|') + payload.mid(end);
    return broken.left(broken.size() / 2);
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
        // MLLP, for a calibration HL7 v2 decimals cannot carry exactly (gain 29/mV, 7247/mV …): the
        // physical values rounded to this many decimals of `unit` (-1: exact, digital as recorded).
        int hl7Decimals = -1;
    };

    core::PatientIdentity identity;
    std::unique_ptr<sim::PatientSimulator> simulator; // simulated patients
    std::vector<Track> tracks; // replayed WFDB records
    core::DeviceStatus status;
    core::Timestamp lastHeartbeat = 0;
};

namespace {

// The most decimals (at most Hl7Encoder::kMaxDecimals) at which every physical value of a WFDB
// signal still fits the 32 bits a decoded sample has.
int roundedDecimals(const std::vector<qint32>& samples, double gain, double baseline)
{
    double largest = 0;
    for (const qint32 d : samples) {
        if (d != codec::WaveCodec::kInvalid)
            largest = std::max(largest, std::abs((d - baseline) / gain));
    }
    int decimals = codec::Hl7Encoder::kMaxDecimals;
    while (decimals > 0 && largest * std::pow(10.0, decimals) >= 2e9)
        --decimals;
    return decimals;
}

} // namespace

SimPublisher::SimPublisher(Options options, ingest::MqttPublisher* mqtt, MllpSender* mllp)
    : m_options(std::move(options))
    , m_mqtt(mqtt)
    , m_mllp(mllp)
    , m_mqttFaults(faultsOf(m_options), faultSeed(m_options.seed, 17), brokenJson)
    , m_mllpFaults(faultsOf(m_options), faultSeed(m_options.seed, 29), brokenHl7)
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
            if (m_mllp && !codec::Hl7Encoder::decimalScale(1.0 / track.gain, -track.baseline / track.gain)) {
                track.hl7Decimals = roundedDecimals(track.samples, track.gain, track.baseline);
                std::fprintf(stderr,
                    "vigil-sim: %s: signal %d (gain %g) has no exact HL7 v2 decimal form; over MLLP its values are "
                    "rounded to %d decimals of its unit\n",
                    qPrintable(path), s, track.gain, track.hl7Decimals);
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

SimPublisher::Stats SimPublisher::stats() const
{
    Stats s = m_stats;
    s.mqtt = m_mqttFaults.stats();
    s.mllp = m_mllpFaults.stats();
    return s;
}

void SimPublisher::send(const QString& topic, const QByteArray& payload)
{
    if (m_mqtt)
        m_mqttFaults.submit(topic, payload);
}

void SimPublisher::flush(bool all)
{
    for (const FaultInjector::Message& m : m_mqttFaults.takeDue(all)) {
        if (!m_mqtt->publish(m.destination, m.payload))
            ++m_stats.refused;
    }
    for (const FaultInjector::Message& m : m_mllpFaults.takeDue(all)) {
        if (!m_mllp->enqueue(m.payload))
            ++m_stats.mllpRefused;
    }
}

void SimPublisher::idle(int ms)
{
    if (m_mllp && m_mllp->queued() > 0)
        m_mllp->pump(ms);
    else
        QThread::msleep(static_cast<unsigned long>(ms));
}

bool SimPublisher::backlogged() const
{
    // Not faster than the broker, or the MLLP listener, takes it.
    return (m_mqtt && m_mqtt->queued() > 20'000) || (m_mllp && m_mllp->queued() > kMaxMllpBacklog);
}

void SimPublisher::publishSecond(Patient& patient, core::Timestamp from, core::Timestamp to)
{
    const QString& key = patient.identity.id;
    const QString obs = QStringLiteral("vigil/v1/%1/%2/obs").arg(m_options.site, key);
    const QString statusTopic = QStringLiteral("vigil/v1/%1/%2/status").arg(m_options.site, key);
    if (m_mqtt && from == m_options.start)
        send(obs, codec::FhirEncoder::patient(patient.identity));

    // MLLP: this second of this patient as one ORU^R01, encoded once everything is in.
    codec::Hl7Encoder::Report report;
    report.header.sendingApplication = QStringLiteral("VIGIL-SIM");
    report.header.time = to;
    report.patient = patient.identity;
    std::deque<std::vector<qint32>> chunks; // the samples report.waves point to (a deque never moves them)

    auto sendWave = [&](int mdc, core::Timestamp first, double rateHz, double gain, double baseline,
                        const QString& unit, std::vector<qint32> digital, int hl7Decimals = -1) {
        if (digital.empty())
            return;
        m_stats.samples += digital.size();
        const std::vector<qint32>& samples = chunks.emplace_back(std::move(digital));
        if (m_mqtt) {
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
            wave.digital = samples;
            send(obs, codec::FhirEncoder::waveObservation(wave));
        }
        // A chunk of nothing but invalid samples (a second of lead-off) is not sent over MLLP: an NA
        // array of empty components carries no resolution (it decodes at factor 1), and a receiver
        // that took a new stream's resolution from it would round every later sample to whole units.
        const bool noData =
            std::all_of(samples.begin(), samples.end(), [](qint32 d) { return d == codec::WaveCodec::kInvalid; });
        if (!m_mllp || noData)
            return;
        if (hl7Decimals < 0) {
            report.waves.push_back({.mdcCode = mdc,
                .mdcName = mdcName(mdc),
                .start = first,
                .periodUs = 1e6 / rateHz,
                .origin = -baseline / gain,
                .factor = 1.0 / gain,
                .unit = unit,
                .digital = samples});
            return;
        }
        // Physical values rounded to hl7Decimals (Track::hl7Decimals).
        const double scale = std::pow(10.0, hl7Decimals);
        std::vector<qint32> rounded;
        rounded.reserve(samples.size());
        for (const qint32 d : samples) {
            rounded.push_back(
                d == codec::WaveCodec::kInvalid ? d : static_cast<qint32>(std::llround((d - baseline) / gain * scale)));
        }
        report.waves.push_back({.mdcCode = mdc,
            .mdcName = mdcName(mdc),
            .start = first,
            .periodUs = 1e6 / rateHz,
            .origin = 0,
            .factor = 1.0 / scale,
            .unit = unit,
            .digital = chunks.emplace_back(std::move(rounded))});
    };

    if (patient.simulator) {
        const sim::SimulationBatch batch = patient.simulator->advanceTo(to);
        for (core::StreamKind kind : core::kAllStreams) {
            const store::StreamDescriptor d = store::StreamDescriptor::forLiveStream(kind);
            for (const auto& run : batch.streams[static_cast<std::size_t>(core::streamIndex(kind))]) {
                std::vector<qint32> digital;
                digital.reserve(run.samples.size());
                for (float v : run.samples)
                    digital.push_back(d.toDigital(v));
                sendWave(d.code, run.firstSampleTime, d.rateHz, d.gain, d.baseline, d.unit, std::move(digital));
            }
        }
        for (const auto& v : batch.vitals) {
            if (m_mqtt) {
                send(obs,
                    codec::FhirEncoder::vitalObservation(
                        QStringLiteral("%1-v%2-%3").arg(key).arg(static_cast<int>(v.kind)).arg(v.measurement.time), key,
                        v.kind, v.measurement));
            }
            if (m_mllp)
                report.vitals.push_back({v.kind, v.measurement, 0});
        }
        for (const core::DeviceStatus& s : batch.statusChanges) {
            patient.status = s;
            if (m_mqtt)
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
            sendWave(track.mdc, t0, track.rateHz, track.gain, track.baseline, track.unit, std::move(digital),
                track.hl7Decimals);
        }
    }
    if (m_mqtt && m_options.heartbeatS > 0
        && to - patient.lastHeartbeat >= m_options.heartbeatS * core::kMicrosPerSecond) {
        core::DeviceStatus beat = patient.status;
        beat.time = to;
        // Its own id: a status change at the same instant (id "-s-") must not look like a repeat of it.
        send(
            statusTopic, codec::FhirEncoder::statusObservation(QStringLiteral("%1-hb-%2").arg(key).arg(to), key, beat));
        patient.lastHeartbeat = to;
    }

    if (m_mllp && (!report.waves.empty() || !report.vitals.empty())) {
        QString why;
        const QByteArray message = codec::Hl7Encoder::observationReport(report, &why);
        if (message.isEmpty()) {
            if (m_stats.unencodable++ == 0) // the texts quote no patient data
                std::fprintf(stderr, "vigil-sim: an HL7 v2 message could not be encoded: %s\n", qPrintable(why));
        } else {
            m_mllpFaults.submit(QString(), message);
            for (const codec::Hl7Encoder::Wave& wave : report.waves)
                m_stats.mllpSamples += wave.digital.size();
        }
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
                idle(static_cast<int>(std::clamp<qint64>(due - wallMs(), 1, 10)));
            }
        } else {
            // As fast as possible, but not faster than the receivers take it.
            while (!m_stop && backlogged())
                idle(2);
        }
        for (auto& patient : m_patients)
            publishSecond(*patient, from, to);
        flush(false);
        m_stats.deviceSeconds = static_cast<double>(second + 1);
    }
    while ((m_mqttFaults.hasPending() || m_mllpFaults.hasPending()) && !m_stop && m_options.delayMs > 0) {
        flush(false);
        idle(5);
    }
    flush(true);
}

} // namespace vigil::app
