#include "ingestrouter.h"

#include "codec/caseeventfhir.h"
#include "codec/wavecodec.h"
#include "core/clinicalcodes.h"
#include "live/livehub.h"
#include "logging.h"
#include "store/caseeventrecord.h"
#include "store/storewriter.h"
#include "storedcases.h"

#include <QStringList>

#include <cmath>

namespace vigil::ingest {

namespace {

constexpr qsizetype kMaxQuarantineReason = 4000;

// Factor that turns a wave's physical unit into the live view's: ECG in mV.
double liveScale(core::StreamKind kind, const QString& unit)
{
    if (kind != core::StreamKind::Ecg)
        return 1.0;
    const QString u = unit.trimmed();
    if (u == QLatin1String("uV") || u == QLatin1String("MDC_DIM_MICRO_VOLT") || u == QStringLiteral("\u00B5V"))
        return 1e-3;
    if (u == QLatin1String("V") || u == QLatin1String("MDC_DIM_VOLT"))
        return 1e3;
    if (u == QLatin1String("nV") || u == QLatin1String("MDC_DIM_NANO_VOLT"))
        return 1e-6;
    return 1.0; // mV, MDC_DIM_MILLI_VOLT, or not given
}

// Linear resampling of `in` (period inPeriodUs from `start`) onto the grid start + k × outPeriodUs.
// NaN (no data) stays NaN where either neighbour is NaN.
void resample(const std::vector<float>& in, double inPeriodUs, double outPeriodUs, std::vector<float>& out)
{
    out.clear();
    if (in.empty())
        return;
    const double span = inPeriodUs * static_cast<double>(in.size() - 1);
    for (double t = 0; t <= span + 1e-6; t += outPeriodUs) {
        const double x = t / inPeriodUs;
        const auto i = static_cast<std::size_t>(x);
        if (i + 1 >= in.size()) {
            out.push_back(in.back());
            continue;
        }
        const double frac = x - static_cast<double>(i);
        out.push_back(static_cast<float>(in[i] + (in[i + 1] - in[i]) * frac));
    }
}

} // namespace

IngestRouter::IngestRouter(live::LiveHub* hub, store::StoreWriter* writer, Config config)
    : m_hub(hub)
    , m_writer(writer)
    , m_config(std::move(config))
    , m_recent(m_config.dedupeCapacity)
{ }

IngestRouter::IngestRouter(live::LiveHub* hub, store::StoreWriter* writer)
    : IngestRouter(hub, writer, Config{})
{ }

IngestRouter::~IngestRouter() = default;

core::Timestamp IngestRouter::now() const
{
    return m_config.clock ? m_config.clock() : core::nowUtc();
}

void IngestRouter::note(SourceStats& stats, const QString& problem)
{
    ++stats.problems;
    stats.lastProblem = problem;
}

IngestRouter::Patient* IngestRouter::patientFor(
    const QString& key, SourceStats& stats, bool imported, const core::PatientIdentity* known)
{
    auto it = m_patients.find(key);
    if (it != m_patients.end())
        return &it.value();
    core::PatientIdentity identity;
    if (known)
        identity = *known; // demographics came first (Patient resource, ADT): the tile is named at once
    identity.id = key;
    Patient patient;
    if (m_writer) // key only: known details are kept
        patient.handle =
            m_writer->registerPatient(identity, imported ? store::PatientOrigin::Import : store::PatientOrigin::Live);
    if (m_hub && !imported) {
        patient.feed = m_hub->findOrAdd(identity);
        if (!patient.feed)
            note(stats, QStringLiteral("The live view is full; a new patient is stored but not shown."));
    }
    return &m_patients.insert(key, patient).value();
}

quint64 IngestRouter::process(
    const codec::InboundBatch& batch, const QString& source, const QString& detail, const QByteArray& payload)
{
    const core::Timestamp receivedAt = now();
    std::lock_guard lock(m_mutex);
    SourceStats& stats = m_stats[source];
    ++stats.messages;
    stats.lastMessageUs = receivedAt;
    quint64 seq = 0;

    if (batch.rejected || !batch.problems.empty()) {
        if (batch.rejected)
            ++stats.rejected;
        else
            ++stats.withProblems;
        QStringList reasons;
        for (const codec::DecodeProblem& p : batch.problems) {
            reasons.append(p.where.isEmpty() ? p.reason : p.where + QStringLiteral(": ") + p.reason);
            note(stats, reasons.back());
        }
        QString reason = reasons.join(QStringLiteral("; "));
        if (reason.size() > kMaxQuarantineReason)
            reason = reason.left(kMaxQuarantineReason) + QStringLiteral(" …");
        if (m_writer)
            seq = std::max(seq, m_writer->appendQuarantine(source + QLatin1Char(':') + detail, reason, payload));
        qCWarning(lcIngest).noquote() << "quarantined a message from" << source << "with" << batch.problems.size()
                                      << (batch.rejected ? "problem(s); rejected whole" : "problem(s)");
    }

    // Demographics first, so data in the same message lands on a known patient. Registering again
    // updates the stored details; the live tile keeps the identity it was created with.
    for (const core::PatientIdentity& identity : batch.patients) {
        if (identity.id.isEmpty())
            continue;
        const bool known = m_patients.contains(identity.id);
        Patient* patient = patientFor(identity.id, stats, batch.imported, &identity);
        if (m_writer && (known || !identity.familyName.isEmpty() || !identity.nhsNumber.isEmpty()))
            patient->handle = m_writer->registerPatient(
                identity, batch.imported ? store::PatientOrigin::Import : store::PatientOrigin::Live);
        if (m_hub && !patient->feed && !batch.imported)
            patient->feed = m_hub->findOrAdd(identity);
    }

    for (const codec::WaveSegment& wave : batch.waves) {
        if (!m_recent.insert(wave.sourceId.isEmpty() ? QString() : QStringLiteral("w|") + wave.sourceId)) {
            ++stats.duplicates;
            continue;
        }
        seq = std::max(seq, routeWave(wave, receivedAt, stats, batch.imported));
    }

    for (const codec::VitalReading& vital : batch.vitals) {
        if (!m_recent.insert(vital.sourceId.isEmpty() ? QString() : QStringLiteral("v|") + vital.sourceId)) {
            ++stats.duplicates;
            continue;
        }
        if (vital.patientKey.isEmpty() || !vital.measurement.isValid()) {
            note(stats, QStringLiteral("A vital sign without a patient or a valid value was skipped."));
            continue;
        }
        Patient* patient = patientFor(vital.patientKey, stats, batch.imported);
        ++stats.vitals;
        if (m_writer)
            seq = std::max(seq, m_writer->appendVital(patient->handle, vital.kind, vital.measurement, receivedAt));
        if (patient->feed)
            patient->feed->updateVital(vital.kind, vital.measurement, receivedAt);
        stats.lastSkewUs = receivedAt - vital.measurement.time;
        stats.maxAbsSkewUs = std::max(stats.maxAbsSkewUs, std::abs(stats.lastSkewUs));
    }

    for (const codec::StatusReport& report : batch.statuses) {
        if (!m_recent.insert(report.sourceId.isEmpty() ? QString() : QStringLiteral("s|") + report.sourceId)) {
            ++stats.duplicates;
            continue;
        }
        if (report.patientKey.isEmpty())
            continue;
        Patient* patient = patientFor(report.patientKey, stats, batch.imported);
        ++stats.statuses;
        if (m_writer)
            seq = std::max(seq, m_writer->appendStatus(patient->handle, report.status, receivedAt));
        if (patient->feed)
            patient->feed->updateStatus(report.status, receivedAt);
    }
    return seq;
}

quint64 IngestRouter::routeWave(
    const codec::WaveSegment& wave, core::Timestamp receivedAt, SourceStats& stats, bool imported)
{
    if (wave.patientKey.isEmpty() || wave.digital.empty() || !(wave.periodUs > 0) || wave.factor == 0
        || !std::isfinite(wave.factor) || !std::isfinite(wave.origin)) {
        note(
            stats, QStringLiteral("A waveform segment without a patient, samples, period or valid scale was skipped."));
        return 0;
    }
    Patient* patient = patientFor(wave.patientKey, stats, imported);
    ++stats.segments;
    stats.samples += wave.digital.size();
    const core::Timestamp end = wave.start + std::llround(wave.periodUs * static_cast<double>(wave.digital.size()));
    stats.lastSkewUs = receivedAt - end;
    stats.maxAbsSkewUs = std::max(stats.maxAbsSkewUs, std::abs(stats.lastSkewUs));

    quint64 seq = 0;
    if (m_writer) {
        auto it = patient->streams.find(wave.mdcCode);
        if (it == patient->streams.end()) {
            Stream stream;
            stream.descriptor.code = wave.mdcCode;
            stream.descriptor.label = wave.codeText;
            stream.descriptor.unit = wave.unit;
            stream.descriptor.rateHz = wave.rateHz();
            stream.descriptor.gain = 1.0 / wave.factor;
            stream.descriptor.baseline = -wave.origin / wave.factor;
            stream.handle = m_writer->registerStream(patient->handle, stream.descriptor);
            it = patient->streams.insert(wave.mdcCode, stream);
        }
        const store::StreamDescriptor& d = it->descriptor;
        if (std::abs(d.rateHz - wave.rateHz()) > 1e-6 * d.rateHz) {
            note(
                stats, QStringLiteral("A waveform changed its sample rate; the new samples are shown but not stored."));
        } else {
            std::span<const qint32> samples(wave.digital);
            const double gain = 1.0 / wave.factor;
            const double baseline = -wave.origin / wave.factor;
            if (gain != d.gain || baseline != d.baseline) {
                // Another calibration than the stream's: convert to the stored one.
                m_digital.resize(wave.digital.size());
                for (std::size_t i = 0; i < wave.digital.size(); ++i) {
                    const qint32 v = wave.digital[i];
                    if (v == codec::WaveCodec::kInvalid) {
                        m_digital[i] = v;
                        continue;
                    }
                    const double physical = wave.origin + wave.factor * v;
                    const double digital = std::round(physical * d.gain + d.baseline);
                    m_digital[i] =
                        std::abs(digital) < 2.1e9 ? static_cast<qint32>(digital) : codec::WaveCodec::kInvalid;
                }
                samples = m_digital;
            }
            seq = m_writer->appendSamples(it->handle, wave.start, samples, receivedAt);
            if (seq == 0)
                stats.droppedSamples += wave.digital.size();
        }
    }

    const std::optional<core::StreamKind> kind = core::ClinicalCodes::streamFromMdc(wave.mdcCode);
    if (patient->feed && kind) {
        if (*kind == core::StreamKind::Ecg) {
            if (patient->liveEcgCode == 0)
                patient->liveEcgCode = wave.mdcCode;
            if (patient->liveEcgCode != wave.mdcCode)
                return seq; // stored, but the tile shows one lead
        }
        const double scale = liveScale(*kind, wave.unit);
        std::vector<float> physical(wave.digital.size());
        for (std::size_t i = 0; i < wave.digital.size(); ++i) {
            const qint32 v = wave.digital[i];
            physical[i] = v == codec::WaveCodec::kInvalid ? std::numeric_limits<float>::quiet_NaN()
                                                          : static_cast<float>((wave.origin + wave.factor * v) * scale);
        }
        const auto nominal = static_cast<double>(core::samplePeriodUs(*kind));
        if (std::abs(wave.periodUs - nominal) < 1e-3 * nominal) {
            patient->feed->appendSamples(*kind, wave.start, physical, receivedAt);
        } else {
            resample(physical, wave.periodUs, nominal, m_live);
            patient->feed->appendSamples(*kind, wave.start, m_live, receivedAt);
        }
    }
    return seq;
}

std::map<QString, IngestRouter::SourceStats> IngestRouter::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

quint64 IngestRouter::processCaseEvent(const QByteArray& payload, const QString& source, const QString& detail)
{
    QString why;
    const std::optional<clinical::CaseEvent> event = codec::CaseEventFhir::decode(payload, &why);
    if (!event) {
        codec::InboundBatch batch;
        batch.rejected = true;
        batch.problems.push_back({QString(), QStringLiteral("Not a readable case event: %1").arg(why)});
        return process(batch, source, detail, payload);
    }
    quint64 seq = 0;
    {
        std::lock_guard lock(m_mutex);
        SourceStats& stats = m_stats[source];
        ++stats.messages;
        ++stats.caseEvents;
        stats.lastMessageUs = now();
        if (m_writer) {
            // Key only: the store keeps what it knows of the patient; no live tile.
            core::PatientIdentity identity;
            identity.id = event->patientKey;
            const auto known = m_patients.constFind(event->patientKey);
            const int handle =
                known != m_patients.cend() && known->handle != 0 ? known->handle : m_writer->registerPatient(identity);
            seq = m_writer->appendCaseEvent(handle, StoredCases::record(*event), false);
        }
    }
    std::lock_guard lock(m_observerMutex);
    if (m_caseEventObserver)
        m_caseEventObserver(*event);
    return seq;
}

void IngestRouter::setCaseEventObserver(std::function<void(const clinical::CaseEvent&)> observer)
{
    std::lock_guard lock(m_observerMutex);
    m_caseEventObserver = std::move(observer);
}

IngestRouter::SourceStats IngestRouter::total() const
{
    std::lock_guard lock(m_mutex);
    SourceStats sum;
    for (const auto& [name, s] : m_stats) {
        sum.messages += s.messages;
        sum.rejected += s.rejected;
        sum.withProblems += s.withProblems;
        sum.problems += s.problems;
        sum.duplicates += s.duplicates;
        sum.segments += s.segments;
        sum.samples += s.samples;
        sum.vitals += s.vitals;
        sum.statuses += s.statuses;
        sum.caseEvents += s.caseEvents;
        sum.droppedSamples += s.droppedSamples;
        sum.lastMessageUs = std::max(sum.lastMessageUs, s.lastMessageUs);
        sum.maxAbsSkewUs = std::max(sum.maxAbsSkewUs, s.maxAbsSkewUs);
    }
    return sum;
}

} // namespace vigil::ingest
