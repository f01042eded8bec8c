#include "fileimporter.h"

#include "codec/edfrecord.h"
#include "codec/edfwriter.h"
#include "codec/fhirdecoder.h"
#include "codec/fhirsampleddata.h"
#include "codec/hl7decoder.h"
#include "codec/hl7message.h"
#include "codec/inboundbatch.h"
#include "codec/wavecodec.h"
#include "codec/wfdbannotations.h"
#include "codec/wfdbmultisegment.h"
#include "codec/wfdbrecord.h"
#include "ingestrouter.h"
#include "logging.h"
#include "store/annotation.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <functional>

namespace vigil::ingest {

namespace {

const QString kSource = QStringLiteral("file");
const QString kImportPrefix = QStringLiteral("import:");
constexpr qint64 kMaxHeaderPayload = 64 * 1024; // of a recording's header kept with a quarantine row
constexpr int kMaxProblemsListed = 50;

void addLimited(QStringList& list, const QString& text)
{
    if (list.size() < kMaxProblemsListed)
        list.append(text);
    else if (list.size() == kMaxProblemsListed)
        list.append(FileImporter::tr("(more problems not listed)"));
}

void prefix(QString& key)
{
    if (!key.isEmpty())
        key.prepend(kImportPrefix);
}

// A decoded message from a file: imported, its patients and item IDs in the import namespace.
void markImported(codec::InboundBatch& batch, QSet<QString>& patientKeys)
{
    batch.imported = true;
    prefix(batch.messageId);
    for (core::PatientIdentity& p : batch.patients) {
        prefix(p.id);
        patientKeys.insert(p.id);
    }
    for (codec::WaveSegment& w : batch.waves) {
        prefix(w.patientKey);
        prefix(w.sourceId);
        patientKeys.insert(w.patientKey);
    }
    for (codec::VitalReading& v : batch.vitals) {
        prefix(v.patientKey);
        prefix(v.sourceId);
        patientKeys.insert(v.patientKey);
    }
    for (codec::StatusReport& s : batch.statuses) {
        prefix(s.patientKey);
        prefix(s.sourceId);
        patientKeys.insert(s.patientKey);
    }
    patientKeys.remove(QString());
}

QByteArray readHead(const QString& path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(bytes);
}

// Skips a UTF-8 byte-order mark and white space.
QByteArrayView significant(QByteArrayView bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    qsizetype i = 0;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n'))
        ++i;
    return bytes.sliced(i);
}

bool looksLikeEdf(QByteArrayView head)
{
    if (head.startsWith("\xFF"
                        "BIOSEMI"))
        return true;
    if (head.size() < 256 || !head.startsWith("0       "))
        return false;
    bool ok = false;
    const int signals = head.sliced(252, 4).trimmed().toInt(&ok);
    return ok && signals >= 0;
}

QString normalisedDescription(const QString& description)
{
    QString d = description.toUpper();
    d.remove(u' ');
    d.remove(u'-');
    d.remove(u'_');
    d.remove(u'.');
    return d;
}

} // namespace

// A recording read from a file (WFDB or EDF), ready to be cut into one-second segments.
struct FileImporter::Recording
{
    struct Run
    {
        qint64 first = 0; // sample index
        qint64 count = -1; // -1: to the end
        core::Timestamp start = 0;
    };
    struct Signal
    {
        QString description;
        QString unit;
        double gain = 1;
        double baseline = 0;
        double rateHz = 0;
        std::vector<Run> runs;
        // WFDB: the whole signal at once. EDF: `edf` and `edfIndex`, read in pieces.
        std::function<bool(std::vector<qint32>&, QString*)> readWhole;
        const codec::EdfRecord* edf = nullptr;
        int edfIndex = 0;
        // Sample ranges [first, last) marked as gaps (EdfWriter's "gap <label>" annotations): samples
        // there equal to `gapValue` are no samples (WaveCodec::kInvalid).
        std::vector<std::pair<qint64, qint64>> gaps;
        qint32 gapValue = 0;

        // Turns the gap markers among `data` (samples from index `first`) into WaveCodec::kInvalid.
        void unmarkGaps(std::vector<qint32>& data, qint64 first) const
        {
            const qint64 end = first + static_cast<qint64>(data.size());
            for (const auto& [from, to] : gaps) {
                for (qint64 i = std::max(from, first); i < std::min(to, end); ++i) {
                    qint32& v = data[std::size_t(i - first)];
                    if (v == gapValue)
                        v = codec::WaveCodec::kInvalid;
                }
            }
        }
    };

    QString name; // the record's name (WFDB) or the file's name (EDF)
    QString key;
    QByteArray header; // for the quarantine, when something is wrong
    std::vector<Signal> signalList;
    std::vector<store::Annotation> annotations;
    QStringList problems; // parts that could not be used
};

FileImporter::FileImporter(IngestRouter& router, store::StoreWriter& writer, Config config)
    : m_router(router)
    , m_writer(writer)
    , m_config(std::move(config))
{ }

FileImporter::FileImporter(IngestRouter& router, store::StoreWriter& writer)
    : FileImporter(router, writer, Config{})
{ }

QString FileImporter::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Wfdb:
        return QStringLiteral("wfdb");
    case Kind::WfdbPart:
        return QStringLiteral("wfdb-part");
    case Kind::Edf:
        return QStringLiteral("edf");
    case Kind::Fhir:
        return QStringLiteral("fhir");
    case Kind::Ndjson:
        return QStringLiteral("ndjson");
    case Kind::Hl7:
        return QStringLiteral("hl7v2");
    case Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString FileImporter::statusName(Status status)
{
    switch (status) {
    case Status::Imported:
        return QStringLiteral("imported");
    case Status::Partial:
        return QStringLiteral("partial");
    case Status::Skipped:
        return QStringLiteral("skipped");
    case Status::Failed:
        break;
    }
    return QStringLiteral("failed");
}

int FileImporter::mdcCodeFor(const QString& description)
{
    const QString d = normalisedDescription(description);
    static const QSet<QString> leadII{QStringLiteral("II"), QStringLiteral("MLII"), QStringLiteral("ECG"),
        QStringLiteral("ECGII"), QStringLiteral("LEADII"), QStringLiteral("ECGLEADII")};
    static const QSet<QString> leadI{QStringLiteral("I"), QStringLiteral("MLI"), QStringLiteral("ECGI"),
        QStringLiteral("LEADI"), QStringLiteral("ECGLEADI")};
    static const QSet<QString> leadIII{QStringLiteral("III"), QStringLiteral("MLIII"), QStringLiteral("ECGIII"),
        QStringLiteral("LEADIII"), QStringLiteral("ECGLEADIII")};
    static const QSet<QString> pleth{
        QStringLiteral("PLETH"), QStringLiteral("PLETHYSMOGRAM"), QStringLiteral("PPG"), QStringLiteral("PULSEOX")};
    static const QSet<QString> resp{QStringLiteral("RESP"), QStringLiteral("RESPIRATION"),
        QStringLiteral("RESPIMPEDANCE"), QStringLiteral("IMPEDANCE")};
    if (leadII.contains(d))
        return 131330; // MDC_ECG_ELEC_POTL_II
    if (leadI.contains(d))
        return 131329; // MDC_ECG_ELEC_POTL_I
    if (leadIII.contains(d))
        return 131389; // MDC_ECG_ELEC_POTL_III
    if (pleth.contains(d))
        return 150452; // MDC_PULS_OXIM_PLETH
    if (resp.contains(d))
        return 151780; // MDC_IMPED_TTHOR
    return 0;
}

FileImporter::Kind FileImporter::detect(const QString& path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("hea"))
        return Kind::Wfdb;
    if (suffix == QLatin1String("edf") || suffix == QLatin1String("bdf"))
        return Kind::Edf;
    if (suffix == QLatin1String("json"))
        return Kind::Fhir;
    if (suffix == QLatin1String("ndjson") || suffix == QLatin1String("jsonl"))
        return Kind::Ndjson;
    if (suffix == QLatin1String("hl7") || suffix == QLatin1String("hl7v2") || suffix == QLatin1String("er7"))
        return Kind::Hl7;
    if (QFileInfo::exists(info.dir().filePath(info.completeBaseName() + QStringLiteral(".hea"))))
        return Kind::WfdbPart;
    const QByteArray head = readHead(path, 4096);
    if (looksLikeEdf(head))
        return Kind::Edf;
    const QByteArrayView text = significant(head);
    if (text.startsWith("MSH") || text.startsWith("FHS") || text.startsWith("BHS"))
        return Kind::Hl7;
    if (text.startsWith("{")) {
        // Several lines that each start a JSON object: NDJSON.
        const QList<QByteArray> lines = head.split('\n');
        int objects = 0;
        for (const QByteArray& line : lines)
            objects += significant(line).startsWith("{") ? 1 : 0;
        return objects > 1 ? Kind::Ndjson : Kind::Fhir;
    }
    return Kind::Unknown;
}

FileImporter::Report FileImporter::importFile(const QString& path)
{
    Report report;
    report.fileName = QFileInfo(path).fileName();
    report.kind = detect(path);
    const auto before = m_router.stats();
    const auto statsOf = [](const std::map<QString, IngestRouter::SourceStats>& all) {
        const auto it = all.find(kSource);
        return it == all.end() ? IngestRouter::SourceStats{} : it->second;
    };
    const IngestRouter::SourceStats start = statsOf(before);
    int patientHandle = 0;

    if (!QFileInfo(path).isFile()) {
        report.status = Status::Failed;
        report.problems.append(tr("No such file."));
    } else {
        switch (report.kind) {
        case Kind::Wfdb:
            importWfdb(path, report);
            break;
        case Kind::Edf:
            importEdf(path, report);
            break;
        case Kind::Fhir:
            importFhir(path, false, report);
            break;
        case Kind::Ndjson:
            importFhir(path, true, report);
            break;
        case Kind::Hl7:
            importHl7(path, report);
            break;
        case Kind::WfdbPart:
            report.status = Status::Skipped;
            report.warnings.append(tr("Part of the WFDB record %1: import %1.hea to import the record.")
                                       .arg(QFileInfo(path).completeBaseName()));
            break;
        case Kind::Unknown:
            report.status = Status::Failed;
            report.problems.append(
                tr("Not a file Vigil can import (WFDB .hea, EDF/BDF, FHIR JSON or NDJSON, HL7 v2)."));
            break;
        }
    }

    const IngestRouter::SourceStats end = statsOf(m_router.stats());
    report.samples = end.samples - start.samples;
    report.vitals = end.vitals - start.vitals;
    if (const quint64 dropped = end.droppedSamples - start.droppedSamples; dropped > 0) {
        report.problems.append(tr("%1 waveform samples could not be stored (the store was behind).").arg(dropped));
        if (report.status == Status::Imported)
            report.status = Status::Partial;
    }
    if (report.patientKeys.size() == 1)
        patientHandle = m_writer.registerPatient(
            [&] {
                core::PatientIdentity identity;
                identity.id = report.patientKeys.front();
                return identity;
            }(),
            store::PatientOrigin::Import);
    report.patients = static_cast<int>(report.patientKeys.size());
    audit(report, patientHandle);
    qCInfo(lcIngest).noquote() << QStringLiteral("file import (%1):").arg(kindName(report.kind))
                               << statusName(report.status) << report.samples << "samples," << report.vitals
                               << "vital signs," << report.annotations << "annotations," << report.problems.size()
                               << "problem(s)";
    return report;
}

void FileImporter::quarantine(
    const QString& detail, const QStringList& reasons, const QByteArray& payload, Report& report)
{
    codec::InboundBatch batch;
    batch.imported = true;
    batch.rejected = true;
    for (const QString& reason : reasons)
        batch.problems.push_back({QString(), reason});
    m_router.process(batch, kSource, detail, payload);
    ++report.messages;
}

void FileImporter::audit(const Report& report, int patientHandle)
{
    store::AuditEntry entry;
    entry.actor = m_config.actor;
    entry.role = m_config.role;
    entry.action = QStringLiteral("import.file");
    // One multi-argument arg(): the file name must not be scanned for %n markers again.
    entry.detail =
        QStringLiteral("%1 file %2: %3; %4 patient(s), %5 samples, %6 vital signs, %7 annotations, %8 "
                       "problem(s)")
            .arg(kindName(report.kind), report.fileName, statusName(report.status), QString::number(report.patients),
                QString::number(report.samples), QString::number(report.vitals), QString::number(report.annotations),
                QString::number(report.problems.size()));
    m_writer.appendAudit(entry, patientHandle);
}

bool FileImporter::proceed(Report& report)
{
    const auto cancelled = [&] {
        if (report.cancelled || !m_config.cancelled || !m_config.cancelled())
            return report.cancelled;
        report.cancelled = true;
        report.problems.append(tr("The import was cancelled; what was read before that is kept."));
        return true;
    };
    if (cancelled())
        return false;
    if (m_config.maxQueuedSamples <= 0)
        return true;
    for (;;) {
        const store::StoreWriter::Stats stats = m_writer.stats();
        if (stats.queuedSamples <= m_config.maxQueuedSamples || stats.state == store::StoreWriter::State::Failed
            || stats.state == store::StoreWriter::State::Stopped)
            return true;
        QThread::msleep(20);
        if (cancelled())
            return false;
    }
}

void FileImporter::importWfdb(const QString& path, Report& report)
{
    const QFileInfo info(path);
    const QByteArray header = readHead(path, kMaxHeaderPayload);
    QString error;
    Recording recording;
    recording.header = header;
    QDate baseDate;
    QTime baseTime;
    double frequency = 0;

    // Both readers live here so the signals' read functions can refer to them until the import ends.
    std::optional<codec::WfdbRecord> single;
    std::optional<codec::WfdbMultiSegment> multi;
    if (codec::WfdbMultiSegment::isMultiSegmentHeader(header)) {
        multi = codec::WfdbMultiSegment::open(path, &error);
        if (multi) {
            recording.name = multi->name();
            baseDate = multi->baseDate();
            baseTime = multi->baseTime();
            frequency = multi->frequency();
            report.warnings.append(multi->warnings());
        }
    } else {
        single = codec::WfdbRecord::open(path, &error);
        if (single) {
            recording.name = single->name();
            baseDate = single->baseDate();
            baseTime = single->baseTime();
            frequency = single->frequency();
        }
    }
    if (!single && !multi) {
        report.status = Status::Failed;
        report.problems.append(error);
        quarantine(report.fileName, report.problems, header, report);
        return;
    }

    core::Timestamp startUs = 0;
    if (baseDate.isValid()) {
        startUs = QDateTime(baseDate, baseTime.isValid() ? baseTime : QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch()
            * 1000;
    } else {
        startUs = kUndatedEpochUs + (baseTime.isValid() ? qint64(baseTime.msecsSinceStartOfDay()) * 1000 : 0);
        report.warnings.append(tr("The record has no start date: it was placed on 2000-01-01 (UTC)."));
    }

    const int signalCount = single ? single->signalCount() : multi->signalCount();
    for (int j = 0; j < signalCount; ++j) {
        const codec::WfdbSignal& s = single ? single->signal(j) : multi->signal(j);
        if (single && (s.format == 0 || s.fileName == QStringLiteral("~"))) {
            report.warnings.append(tr("Signal %1 is not stored in a file and was left out.").arg(j));
            continue;
        }
        Recording::Signal signal;
        signal.description = s.description;
        // "NU" (normalised units) is how WfdbWriter writes Vigil's unitless (relative) signals.
        signal.unit = s.units == QStringLiteral("NU") ? QString() : s.units;
        signal.gain = s.gain;
        signal.baseline = s.baseline;
        signal.rateHz = frequency * s.samplesPerFrame;
        signal.runs.push_back({0, -1, startUs});
        if (single) {
            signal.readWhole = [&record = *single, j, &report](std::vector<qint32>& out, QString* why) {
                if (!record.readSamples(j, out, why))
                    return false;
                const codec::WfdbSignal& sig = record.signal(j);
                if (sig.checksum && record.sampleCount() > 0
                    && codec::WfdbRecord::checksum(sig.format, out) != *sig.checksum)
                    report.warnings.append(
                        tr("Signal %1 does not match the checksum in the header; it was imported as read.").arg(j));
                return true;
            };
        } else {
            signal.readWhole = [&record = *multi, j, &report](std::vector<qint32>& out, QString* why) {
                return record.readSamples(j, out, why, &report.warnings);
            };
        }
        recording.signalList.push_back(std::move(signal));
    }

    // The reference annotations beside the header, when present.
    const QString atrPath = info.dir().filePath(recording.name + QStringLiteral(".atr"));
    if (QFileInfo::exists(atrPath)) {
        const auto annotations = codec::WfdbAnnotations::open(atrPath, &error);
        if (!annotations) {
            recording.problems.append(tr("Annotations: %1").arg(error));
        } else {
            report.warnings.append(annotations->warnings());
            const double resolution = annotations->timeResolution().value_or(frequency);
            for (const codec::WfdbAnnotation& a : annotations->annotations()) {
                store::Annotation row;
                row.time = startUs + std::llround(static_cast<double>(a.sample) * 1e6 / resolution);
                row.source = QStringLiteral("wfdb:atr");
                row.code = a.code;
                row.symbol = a.symbol();
                row.subtype = a.subtype;
                row.channel = a.channel;
                row.number = a.number;
                row.text = a.aux;
                recording.annotations.push_back(std::move(row));
            }
        }
    }
    recording.key = kImportPrefix + recording.name;
    importRecording(recording, report);
}

void FileImporter::importEdf(const QString& path, Report& report)
{
    QString error;
    const std::optional<codec::EdfRecord> edf = codec::EdfRecord::open(path, &error);
    if (!edf) {
        report.status = Status::Failed;
        report.problems.append(error);
        quarantine(report.fileName, report.problems, readHead(path, kMaxHeaderPayload), report);
        return;
    }
    report.warnings.append(edf->warnings());
    Recording recording;
    recording.name = report.fileName;
    recording.key = kImportPrefix + recording.name;
    // The header (which holds the patient and recording fields) only goes to the quarantine, which is
    // inside the encrypted cache, and only when something is wrong.
    recording.header = readHead(path, std::min<qint64>(kMaxHeaderPayload, 256 * (qint64(edf->signalCount()) + 2)));
    core::Timestamp startUs = kUndatedEpochUs;
    if (edf->startUs())
        startUs = *edf->startUs();
    else
        report.warnings.append(tr("The file's start date is not valid: it was placed on 2000-01-01 (UTC)."));

    for (int j = 0; j < edf->signalCount(); ++j) {
        const codec::EdfSignal& s = edf->signal(j);
        if (s.sampleCount == 0 || !(s.rateHz > 0))
            continue;
        Recording::Signal signal;
        signal.description = s.label;
        signal.unit = s.unit;
        signal.gain = s.gain();
        signal.baseline = s.baseline();
        signal.rateHz = s.rateHz;
        signal.edf = &*edf;
        signal.edfIndex = j;
        if (edf->isContinuous()) {
            signal.runs.push_back({0, -1, startUs});
        } else {
            const auto& onsets = edf->recordOnsetsUs();
            for (std::size_t r = 0; r < onsets.size(); ++r)
                signal.runs.push_back({qint64(r) * s.samplesPerRecord, s.samplesPerRecord, startUs + onsets[r]});
        }
        recording.signalList.push_back(std::move(signal));
    }
    // EdfWriter writes a gap (no sample) as the digital minimum and names its extent in an annotation
    // "gap <label>": those samples become gaps again, and the annotations, which only say that, are
    // not stored. Only in a continuous file, on signals whose digital minimum is EdfWriter's.
    const auto gapOf = [&](const codec::EdfAnnotation& a) {
        if (!edf->isContinuous() || a.durationUs <= 0 || !a.text.startsWith(QStringLiteral("gap ")))
            return false;
        const QString label = a.text.mid(4).trimmed();
        bool any = false;
        for (Recording::Signal& signal : recording.signalList) {
            const codec::EdfSignal& s = edf->signal(signal.edfIndex);
            const QString own = s.label.trimmed();
            // The header's label field is 16 characters; the annotation has the whole label.
            if (s.digitalMin != codec::EdfWriter::kGapValue || own.isEmpty()
                || !(label == own || (label.size() > 16 && label.startsWith(own))))
                continue;
            const qint64 first = std::llround(static_cast<double>(a.onsetUs) * s.rateHz / 1e6);
            const qint64 last = std::llround(static_cast<double>(a.onsetUs + a.durationUs) * s.rateHz / 1e6);
            if (last > first) {
                signal.gapValue = s.digitalMin;
                signal.gaps.emplace_back(first, last);
                any = true;
            }
        }
        return any;
    };
    for (const codec::EdfAnnotation& a : edf->annotations()) {
        if (gapOf(a))
            continue;
        store::Annotation row;
        row.time = startUs + a.onsetUs;
        row.durationUs = a.durationUs;
        row.source = QStringLiteral("edf+");
        row.text = a.text;
        recording.annotations.push_back(std::move(row));
    }
    importRecording(recording, report);
}

void FileImporter::importRecording(Recording& recording, Report& report)
{
    core::PatientIdentity identity;
    identity.id = recording.key;
    identity.familyName = QStringLiteral("IMPORTED");
    identity.givenName = recording.name;
    report.patientKeys = {recording.key};

    bool firstSent = false;
    qsizetype problemsSent = 0; // recording.problems already handed to the router (quarantined)
    std::vector<codec::WaveSegment> pending;
    bool stopped = false;
    const auto flush = [&] {
        if (firstSent && pending.empty())
            return;
        if (!proceed(report)) {
            pending.clear();
            stopped = true;
            return;
        }
        codec::InboundBatch batch;
        batch.imported = true;
        batch.waves = std::move(pending);
        pending.clear();
        QByteArray payload;
        if (!firstSent) {
            batch.patients.push_back(identity);
            for (const QString& problem : recording.problems)
                batch.problems.push_back({QString(), problem});
            if (!recording.problems.isEmpty())
                payload = recording.header;
            problemsSent = recording.problems.size();
            firstSent = true;
        }
        m_router.process(batch, kSource, report.fileName, payload);
        ++report.messages;
    };

    QSet<int> usedCodes;
    std::vector<qint32> whole;
    std::vector<qint32> piece;
    const qint64 batchSeconds = std::max(1, m_config.secondsPerBatch);
    for (std::size_t j = 0; j < recording.signalList.size() && !stopped; ++j) {
        const Recording::Signal& signal = recording.signalList[j];
        int code = mdcCodeFor(signal.description);
        if (code == 0 || usedCodes.contains(code))
            code = kPrivateCodeBase + static_cast<int>(j);
        usedCodes.insert(code);
        // EDF allows a negative gain (physical minimum above the maximum: inverted polarity).
        if (signal.gain == 0 || !std::isfinite(signal.gain) || !std::isfinite(signal.baseline)) {
            recording.problems.append(tr("Signal %1 has no usable calibration and was left out.").arg(j));
            continue;
        }
        const auto [origin, factor] = codec::FhirSampledData::originAndFactor(signal.gain, signal.baseline);

        qint64 total = 0;
        QString error;
        if (signal.readWhole) {
            if (!signal.readWhole(whole, &error)) {
                recording.problems.append(tr("Signal %1: %2").arg(QString::number(j), error));
                continue;
            }
            total = static_cast<qint64>(whole.size());
        } else {
            total = signal.edf->signal(signal.edfIndex).sampleCount;
        }
        const double rate = signal.rateHz;
        for (std::size_t r = 0; r < signal.runs.size() && !stopped; ++r) {
            const Recording::Run& run = signal.runs[r];
            const qint64 runCount = run.count < 0 ? total - run.first : std::min(run.count, total - run.first);
            qint64 second = 0;
            for (qint64 done = 0; done < runCount && !stopped;) {
                // One piece of up to batchSeconds seconds, cut into seconds.
                const auto boundary = [&](qint64 s) {
                    return std::min(runCount, static_cast<qint64>(std::ceil(static_cast<double>(s) * rate - 1e-6)));
                };
                const qint64 pieceEnd = std::max(done + 1, boundary(second + batchSeconds));
                const qint32* data = nullptr;
                if (signal.readWhole) {
                    data = whole.data() + run.first + done;
                } else {
                    if (!signal.edf->readDigital(signal.edfIndex, run.first + done, pieceEnd - done, piece, &error)
                        || static_cast<qint64>(piece.size()) != pieceEnd - done) {
                        recording.problems.append(tr("Signal %1: %2").arg(QString::number(j), error));
                        break;
                    }
                    signal.unmarkGaps(piece, run.first + done);
                    data = piece.data();
                }
                const qint64 pieceStart = done;
                for (; done < pieceEnd; ++second) {
                    const qint64 next = std::min(pieceEnd, std::max(done + 1, boundary(second + 1)));
                    const qint32* first = data + (done - pieceStart);
                    const qint32* last = data + (next - pieceStart);
                    if (std::any_of(first, last, [](qint32 v) { return v != codec::WaveCodec::kInvalid; })) {
                        codec::WaveSegment segment;
                        segment.patientKey = recording.key;
                        segment.sourceId =
                            QStringLiteral("%1/%2/%3/%4")
                                .arg(recording.key, QString::number(j), QString::number(r), QString::number(done));
                        segment.mdcCode = code;
                        segment.codeText = signal.description;
                        segment.start = run.start + std::llround(static_cast<double>(done) * 1e6 / rate);
                        segment.periodUs = 1e6 / rate;
                        segment.origin = origin;
                        segment.factor = factor;
                        segment.unit = signal.unit;
                        segment.digital.assign(first, last);
                        pending.push_back(std::move(segment));
                    }
                    done = next;
                }
                flush();
            }
        }
        whole.clear();
        whole.shrink_to_fit();
    }
    if (!firstSent && !stopped) {
        flush(); // registers the patient of a record without samples
    } else if (problemsSent < recording.problems.size()) {
        // Problems met while reading the signals: quarantined with the header.
        codec::InboundBatch batch;
        batch.imported = true;
        for (qsizetype i = problemsSent; i < recording.problems.size(); ++i)
            batch.problems.push_back({QString(), recording.problems[i]});
        m_router.process(batch, kSource, report.fileName, recording.header);
        ++report.messages;
    }

    if (firstSent) { // else cancelled before anything was stored
        const int handle = m_writer.registerPatient(identity, store::PatientOrigin::Import);
        for (const store::Annotation& a : recording.annotations)
            m_writer.appendAnnotation(handle, a);
        report.annotations = recording.annotations.size();
    }
    for (const QString& problem : recording.problems)
        addLimited(report.problems, problem);
    if (report.cancelled)
        report.status = firstSent ? Status::Partial : Status::Failed;
    else
        report.status = recording.problems.isEmpty() ? Status::Imported : Status::Partial;
}

void FileImporter::importFhir(const QString& path, bool ndjson, Report& report)
{
    QFile file(path);
    const qint64 limit = ndjson ? m_config.maxMessageFileBytes : codec::FhirDecoder::kMaxMessageBytes;
    if (!file.open(QIODevice::ReadOnly)) {
        report.status = Status::Failed;
        report.problems.append(tr("Cannot read the file: %1").arg(file.errorString()));
        return;
    }
    if (file.size() > limit) {
        report.status = Status::Failed;
        report.problems.append(tr("The file is larger than %1 MiB.").arg(limit >> 20));
        return;
    }
    const QByteArray bytes = file.readAll();
    QSet<QString> keys;
    int good = 0;
    int bad = 0;
    int withProblems = 0;
    const auto route = [&](codec::InboundBatch batch, const QString& detail, const QByteArray& payload,
                           const QString& where) {
        if (!proceed(report))
            return false;
        for (codec::DecodeProblem& p : batch.problems) {
            if (!where.isEmpty())
                p.where = p.where.isEmpty() ? where : where + QStringLiteral(", ") + p.where;
            addLimited(report.problems, p.where.isEmpty() ? p.reason : p.where + QStringLiteral(": ") + p.reason);
        }
        markImported(batch, keys);
        if (batch.rejected)
            ++bad;
        else
            ++good;
        if (!batch.problems.empty() && !batch.rejected)
            ++withProblems;
        m_router.process(batch, kSource, detail, payload);
        ++report.messages;
        return true;
    };
    if (!ndjson) {
        route(codec::FhirDecoder::decode(bytes), report.fileName, bytes, QString());
    } else {
        qsizetype start = 0;
        for (qsizetype line = 1; start < bytes.size(); ++line) {
            qsizetype end = bytes.indexOf('\n', start);
            if (end < 0)
                end = bytes.size();
            const QByteArray text = bytes.mid(start, end - start);
            start = end + 1;
            if (text.trimmed().isEmpty())
                continue;
            const QString where = tr("line %1").arg(line);
            if (!route(codec::FhirDecoder::decode(text), report.fileName + QLatin1Char(' ') + where, text, where))
                break;
        }
        if (good + bad == 0 && !report.cancelled) {
            report.problems.append(tr("The file holds no resources."));
            report.status = Status::Failed;
            return;
        }
    }
    report.patientKeys = QStringList(keys.begin(), keys.end());
    report.patientKeys.sort();
    report.status = good == 0                               ? Status::Failed
        : (bad > 0 || withProblems > 0 || report.cancelled) ? Status::Partial
                                                            : Status::Imported;
}

void FileImporter::importHl7(const QString& path, Report& report)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.status = Status::Failed;
        report.problems.append(tr("Cannot read the file: %1").arg(file.errorString()));
        return;
    }
    if (file.size() > m_config.maxMessageFileBytes) {
        report.status = Status::Failed;
        report.problems.append(tr("The file is larger than %1 MiB.").arg(m_config.maxMessageFileBytes >> 20));
        return;
    }
    const QByteArray bytes = file.readAll();
    const std::vector<QByteArray> messages = codec::Hl7Message::splitBatch(bytes);
    if (messages.empty()) {
        report.status = Status::Failed;
        report.problems.append(tr("The file holds no HL7 v2 message."));
        quarantine(report.fileName, report.problems, bytes.left(kMaxHeaderPayload), report);
        return;
    }
    QSet<QString> keys;
    int good = 0;
    int bad = 0;
    int withProblems = 0;
    for (std::size_t i = 0; i < messages.size() && proceed(report); ++i) {
        const QString where = tr("message %1").arg(i + 1);
        QString error;
        codec::InboundBatch batch;
        if (const auto message = codec::Hl7Message::parse(messages[i], &error)) {
            batch = codec::Hl7Decoder::decode(*message);
        } else {
            batch.rejected = true;
            batch.problems.push_back({QString(), error});
        }
        for (codec::DecodeProblem& p : batch.problems) {
            p.where = p.where.isEmpty() ? where : where + QStringLiteral(", ") + p.where;
            addLimited(report.problems, p.where + QStringLiteral(": ") + p.reason);
        }
        markImported(batch, keys);
        if (batch.rejected)
            ++bad;
        else
            ++good;
        if (!batch.problems.empty() && !batch.rejected)
            ++withProblems;
        m_router.process(batch, kSource, report.fileName + QLatin1Char(' ') + where, messages[i]);
        ++report.messages;
    }
    report.patientKeys = QStringList(keys.begin(), keys.end());
    report.patientKeys.sort();
    report.status = good == 0                               ? Status::Failed
        : (bad > 0 || withProblems > 0 || report.cancelled) ? Status::Partial
                                                            : Status::Imported;
}

} // namespace vigil::ingest
