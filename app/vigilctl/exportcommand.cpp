#include "exportcommand.h"

#include "clinical/caseevent.h"
#include "codec/edfwriter.h"
#include "codec/fhirencoder.h"
#include "codec/fhirsampleddata.h"
#include "codec/wavecodec.h"
#include "codec/wfdbwriter.h"
#include "core/streamkind.h"
#include "ctlcontext.h"
#include "ecgstripreport.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <cstdio>

namespace vigil::app {

namespace {

QString isoTime(core::Timestamp t)
{
    return QDateTime::fromMSecsSinceEpoch(t / 1000, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

// ISO 8601 or microseconds since 1970; nullopt when neither.
std::optional<core::Timestamp> parseTime(const QString& value)
{
    bool ok = false;
    const qint64 micros = value.toLongLong(&ok);
    if (ok)
        return micros;
    QDateTime dt = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeZone(QTimeZone::utc()); // a time without zone is UTC, as everywhere in Vigil
    return dt.toMSecsSinceEpoch() * 1000;
}

constexpr std::array<core::VitalKind, core::kVitalKindCount> kVitals{core::VitalKind::HeartRate, core::VitalKind::SpO2,
    core::VitalKind::RespRate, core::VitalKind::SystolicBp, core::VitalKind::DiastolicBp, core::VitalKind::Temperature};

QString ucum(core::VitalKind kind)
{
    switch (kind) {
    case core::VitalKind::HeartRate:
    case core::VitalKind::RespRate:
        return QStringLiteral("/min");
    case core::VitalKind::SpO2:
        return QStringLiteral("%");
    case core::VitalKind::SystolicBp:
    case core::VitalKind::DiastolicBp:
        return QStringLiteral("mm[Hg]");
    case core::VitalKind::Temperature:
        return QStringLiteral("Cel");
    }
    return {};
}

QString number(double v)
{
    return QString::number(v, 'g', 10);
}

// One stream over the exported interval: its samples on one grid from the interval's first sample,
// missing ones (between chunks, or not recorded) as WaveCodec::kInvalid.
struct GriddedStream
{
    store::StreamDescriptor descriptor;
    std::vector<qint32> samples;
};

struct Gridded
{
    core::Timestamp start = 0; // the first stored sample of any stream
    core::Timestamp end = 0; // just after the last one
    std::vector<GriddedStream> streams;
    qint64 sampleCount = 0; // stored samples exported (not counting gaps)
};

// Every stream's runs in [from, to) put on a common grid that starts at the earliest sample. A run
// whose first sample falls between grid points is placed at the nearest one (a shift of at most half
// a sample period; the live and imported streams are sampled on whole-period grids anyway).
bool gridStreams(store::StoreReader& reader, const std::vector<store::StoreReader::StreamRow>& rows,
    core::Timestamp from, core::Timestamp to, Gridded& out, QString* error)
{
    std::vector<std::vector<store::StoreReader::SampleRun>> runs(rows.size());
    bool any = false;
    for (std::size_t j = 0; j < rows.size(); ++j) {
        store::StoreError storeError;
        if (!reader.samples(rows[j].id, from, to, runs[j], &storeError)) {
            *error = storeError.message;
            return false;
        }
        const double rate = rows[j].descriptor.rateHz;
        for (const auto& run : runs[j]) {
            if (run.samples.empty() || !(rate > 0))
                continue;
            const core::Timestamp last =
                run.firstSampleTime + std::llround(static_cast<double>(run.samples.size()) * 1e6 / rate);
            out.start = any ? std::min(out.start, run.firstSampleTime) : run.firstSampleTime;
            out.end = any ? std::max(out.end, last) : last;
            any = true;
        }
    }
    if (!any) {
        *error = QStringLiteral("no waveform samples in the interval");
        return false;
    }
    for (std::size_t j = 0; j < rows.size(); ++j) {
        const double rate = rows[j].descriptor.rateHz;
        if (!(rate > 0))
            continue;
        GriddedStream stream{rows[j].descriptor, {}};
        const auto length = static_cast<std::size_t>(
            std::max<qint64>(0, std::llround(static_cast<double>(out.end - out.start) * rate / 1e6)));
        stream.samples.assign(length, codec::WaveCodec::kInvalid);
        for (const auto& run : runs[j]) {
            const qint64 first = std::llround(static_cast<double>(run.firstSampleTime - out.start) * rate / 1e6);
            for (std::size_t i = 0; i < run.samples.size(); ++i) {
                const qint64 at = first + static_cast<qint64>(i);
                if (at < 0 || at >= static_cast<qint64>(length))
                    continue;
                stream.samples[std::size_t(at)] = run.samples[i];
                if (run.samples[i] != codec::WaveCodec::kInvalid)
                    ++out.sampleCount;
            }
        }
        out.streams.push_back(std::move(stream));
    }
    return true;
}

// One gridded stream as a writer's signal (EdfWriter::Signal, WfdbWriter::Signal: the same fields),
// under `label`.
template<typename Signal>
Signal writerSignal(const GriddedStream& stream, const QString& label)
{
    Signal signal;
    signal.label = label;
    signal.unit = stream.descriptor.unit;
    signal.rateHz = stream.descriptor.rateHz;
    signal.gain = stream.descriptor.gain;
    signal.baseline = stream.descriptor.baseline;
    signal.samples = stream.samples;
    return signal;
}

// An annotation or case event as the exported files carry it.
struct ExportNote
{
    core::Timestamp time = 0;
    core::Timestamp durationUs = -1;
    int code = 0; // WFDB code; 0: free text (EDF+, case events)
    int subtype = 0;
    int channel = 0;
    int number = 0;
    QString symbol; // WFDB mnemonic
    QString text;
};

} // namespace

int ExportCommand::run(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("export"));
    QCommandLineParser& p = ctx.parser();
    p.addOption({QStringLiteral("patient"), QStringLiteral("Patient id (from `patients list`) or source key."),
        QStringLiteral("ID")});
    p.addOption(
        {QStringLiteral("from"), QStringLiteral("Start (ISO 8601 UTC or µs since 1970)."), QStringLiteral("TIME")});
    p.addOption({QStringLiteral("to"), QStringLiteral("End, exclusive."), QStringLiteral("TIME")});
    p.addOption({QStringLiteral("format"),
        QStringLiteral("csv, fhir, edf (EDF+), wfdb, or pdf (an ECG strip at 25 mm/s and 10 mm/mV, at most 10 min)."),
        QStringLiteral("FORMAT"), QStringLiteral("csv")});
    p.addOption({QStringLiteral("output"),
        QStringLiteral("Write to FILE instead of standard output (edf: the .edf file; wfdb: the record, "
                       "FILE.hea/.dat/.atr; pdf: the .pdf file; required for these)."),
        QStringLiteral("FILE")});
    p.addOption({QStringLiteral("pseudonymise"),
        QStringLiteral("edf, wfdb, pdf: a pseudonym instead of the patient's name, NHS Number and birth date.")});
    p.addOption({QStringLiteral("case-events"),
        QStringLiteral("edf, wfdb: the clinical case events as annotations (their kind only, no free text).")});
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    const QString format = p.value(QStringLiteral("format"));
    const bool pdf = format == QStringLiteral("pdf");
    const bool binary = format == QStringLiteral("edf") || format == QStringLiteral("wfdb") || pdf;
    if (format != QStringLiteral("csv") && format != QStringLiteral("fhir") && !binary)
        return ctx.fail(QStringLiteral("--format takes csv, fhir, edf, wfdb or pdf"), CtlContext::kUsage);
    if (binary && !p.isSet(QStringLiteral("output")))
        return ctx.fail(QStringLiteral("--format %1 needs --output").arg(format), CtlContext::kUsage);
    if (!binary && (p.isSet(QStringLiteral("pseudonymise")) || p.isSet(QStringLiteral("case-events"))))
        return ctx.fail(
            QStringLiteral("--pseudonymise and --case-events apply to edf, wfdb and pdf"), CtlContext::kUsage);
    if (pdf && p.isSet(QStringLiteral("case-events")))
        return ctx.fail(QStringLiteral("--case-events applies to edf and wfdb"), CtlContext::kUsage);
    if (!p.isSet(QStringLiteral("patient")))
        return ctx.fail(QStringLiteral("--patient is required"), CtlContext::kUsage);
    std::optional<core::Timestamp> from = core::Timestamp{0};
    std::optional<core::Timestamp> to = std::numeric_limits<core::Timestamp>::max();
    if (p.isSet(QStringLiteral("from")))
        from = parseTime(p.value(QStringLiteral("from")));
    if (p.isSet(QStringLiteral("to")))
        to = parseTime(p.value(QStringLiteral("to")));
    if (!from || !to || *to <= *from)
        return ctx.fail(QStringLiteral("--from and --to take ISO 8601 UTC times or microseconds, --from before --to"),
            CtlContext::kUsage);

    int exitCode = 0;
    std::unique_ptr<store::Cache> cache;
    std::unique_ptr<store::StoreReader> reader;
    if (!ctx.openForReading(cache, reader, exitCode))
        return exitCode;
    store::StoreError error;
    const QString id = p.value(QStringLiteral("patient"));
    bool numeric = false;
    const qint64 rowId = id.toLongLong(&numeric);
    auto patient = numeric ? reader->patient(rowId) : reader->patientBySourceKey(id);
    if (!patient)
        return ctx.fail(QStringLiteral("no patient %1 in the cache").arg(id));

    const auto streams = reader->streams(patient->id);
    qint64 samplesWritten = 0;
    qint64 vitalsWritten = 0;
    qint64 annotationsWritten = 0;
    const bool pseudonymise = p.isSet(QStringLiteral("pseudonymise"));
    const QString outputPath = p.value(QStringLiteral("output"));
    if (pdf) {
        // The ECG as a paper strip: every ECG stream of the interval (clipped to what is stored).
        ui::EcgStripReport::Input input;
        const core::PatientIdentity& who = patient->identity;
        input.displayName = who.displayName();
        input.nhsNumber = who.nhsNumber;
        input.pseudonymise = pseudonymise;
        input.pseudonym = QStringLiteral("VIGIL-%1").arg(patient->id);
        input.printedBy = qEnvironmentVariable("USER", QStringLiteral("unknown"));
        core::Timestamp first = *to;
        core::Timestamp last = *from;
        std::vector<store::StoreReader::StreamRow> ecg;
        for (const auto& stream : streams) {
            if (stream.descriptor.code != core::mdcCode(core::StreamKind::Ecg))
                continue;
            const auto r = reader->streamRange(stream.id);
            if (r.first == 0 && r.last == 0)
                continue;
            first = std::min(first, std::max(*from, r.first));
            last = std::max(last, std::min(*to, r.last + core::kMicrosPerSecond));
            ecg.push_back(stream);
        }
        if (ecg.empty() || last <= first)
            return ctx.fail(QStringLiteral("no ECG of this patient is stored in the interval"));
        constexpr core::Timestamp kMaxPdfUs = 10 * 60 * core::kMicrosPerSecond;
        if (last - first > kMaxPdfUs)
            return ctx.fail(QStringLiteral("--format pdf prints at most 10 minutes of ECG (60 rows); choose --from "
                                           "and --to"),
                CtlContext::kUsage);
        input.start = first;
        for (const auto& stream : ecg) {
            std::vector<store::StoreReader::SampleRun> runs;
            if (!reader->samples(stream.id, first, last, runs, &error))
                return ctx.fail(error.message);
            for (const auto& run : runs)
                samplesWritten += static_cast<qint64>(run.samples.size());
            input.lanes.push_back(ui::EcgStripReport::laneFromRuns(
                stream.descriptor.label.isEmpty() ? QStringLiteral("ECG") : stream.descriptor.label, stream.descriptor,
                runs, first, last));
        }
        QString why;
        if (!ui::EcgStripReport::writePdf(input, outputPath, &why))
            return ctx.fail(why);
    } else if (binary) {
        Gridded grid;
        QString why;
        if (!gridStreams(*reader, streams, *from, *to, grid, &why))
            return ctx.fail(why);
        samplesWritten = grid.sampleCount;

        // The pseudonym is the patient's row in this cache: only someone holding the cache (and its
        // passphrase) can map it back to the person.
        const core::PatientIdentity& who = patient->identity;
        const QString pseudonym = QStringLiteral("VIGIL-%1").arg(patient->id);
        // Identifying text in imported annotations (an EDF+ file may carry anything) is replaced too.
        const auto scrub = [&](QString text) {
            if (!pseudonymise)
                return text;
            for (const QString& identifier : {who.nhsNumber, who.familyName, who.givenName}) {
                if (identifier.trimmed().size() >= 2)
                    text.replace(identifier.trimmed(), pseudonym, Qt::CaseInsensitive);
            }
            return text;
        };

        std::vector<ExportNote> notes;
        for (const store::Annotation& a : reader->annotations(patient->id, grid.start, grid.end))
            notes.push_back({a.time, a.durationUs, a.code, a.subtype, a.channel, a.number, a.symbol, scrub(a.text)});
        if (p.isSet(QStringLiteral("case-events"))) {
            for (const store::CaseEventRecord& e : reader->caseEvents(patient->id, grid.start, grid.end)) {
                const auto kind = clinical::CaseEvent::kindFromKey(e.kind);
                notes.push_back({e.time, -1, 0, 0, 0, 0, {},
                    QStringLiteral("case event: %1").arg(kind ? clinical::CaseEvent::kindName(*kind) : e.kind)});
            }
        }
        annotationsWritten = static_cast<qint64>(notes.size());

        QString writeError;
        QStringList warnings;
        if (format == QStringLiteral("edf")) {
            codec::EdfWriter::Recording recording;
            recording.startUs = grid.start;
            if (pseudonymise) {
                recording.patient.code = pseudonym;
            } else {
                recording.patient.code = QString(who.nhsNumber).remove(u' ');
                recording.patient.name = QStringLiteral("%1, %2").arg(who.familyName, who.givenName);
                recording.patient.birthDate = who.birthDate;
            }
            for (const GriddedStream& s : grid.streams) {
                // EDF+ labels name the kind of signal first ("ECG II").
                const QString label = s.descriptor.code == core::mdcCode(core::StreamKind::Ecg)
                        && !s.descriptor.label.startsWith(QStringLiteral("ECG"))
                    ? QStringLiteral("ECG %1").arg(s.descriptor.label)
                    : s.descriptor.label;
                recording.channels.push_back(writerSignal<codec::EdfWriter::Signal>(s, label));
            }
            for (const ExportNote& n : notes) {
                // WFDB labels as their mnemonic, with the aux text (a rhythm "(AFIB") after it.
                const QString text = n.code == 0 ? n.text
                    : n.text.isEmpty()           ? n.symbol
                                                 : QStringLiteral("%1 %2").arg(n.symbol, n.text);
                recording.annotations.push_back({n.time - grid.start, n.durationUs, text});
            }
            if (!codec::EdfWriter::write(outputPath, recording, &writeError, &warnings))
                return ctx.fail(writeError);
        } else {
            QString name = QFileInfo(outputPath).fileName();
            if (name.endsWith(QStringLiteral(".hea")))
                name.chop(4);
            codec::WfdbWriter::Record record;
            record.startUs = grid.start;
            record.comments.append(pseudonymise
                    ? QStringLiteral("patient: %1").arg(pseudonym)
                    : QStringLiteral("patient: NHS Number %1, %2, %3, born %4")
                          .arg(who.nhsNumber, who.familyName, who.givenName, who.birthDate.toString(Qt::ISODate)));
            for (const GriddedStream& s : grid.streams)
                record.channels.push_back(writerSignal<codec::WfdbWriter::Signal>(s, s.descriptor.label));
            for (const ExportNote& n : notes) {
                codec::WfdbWriter::Annotation a;
                a.onsetUs = n.time - grid.start;
                a.code = n.code;
                a.subtype = n.subtype;
                a.channel = n.channel;
                a.number = n.number;
                a.aux = n.text;
                record.annotations.push_back(a);
            }
            if (!codec::WfdbWriter::write(QFileInfo(outputPath).absolutePath(), name, record, &writeError, &warnings))
                return ctx.fail(writeError);
        }
        for (const QString& warning : std::as_const(warnings))
            std::fprintf(stderr, "vigilctl export: %s\n", qPrintable(warning));
    }

    QFile out;
    if (binary) {
        out.setFileName(outputPath); // already written; named in the message below
    } else if (p.isSet(QStringLiteral("output"))) {
        out.setFileName(outputPath);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return ctx.fail(QStringLiteral("cannot write %1").arg(out.fileName()));
    } else if (!out.open(stdout, QIODevice::WriteOnly)) {
        return ctx.fail(QStringLiteral("cannot write to standard output"));
    }

    if (binary) {
        // Written above.
    } else if (format == QStringLiteral("csv")) {
        out.write("time_utc,time_us,signal,code,value,unit\n");
        for (const auto& stream : streams) {
            std::vector<store::StoreReader::SampleRun> runs;
            if (!reader->samples(stream.id, *from, *to, runs, &error))
                return ctx.fail(error.message);
            const QByteArray prefix =
                QStringLiteral(",%1,%2,").arg(stream.descriptor.label).arg(stream.descriptor.code).toUtf8();
            const QByteArray unit = QStringLiteral(",%1\n").arg(stream.descriptor.unit).toUtf8();
            for (const auto& run : runs) {
                for (std::size_t i = 0; i < run.samples.size(); ++i) {
                    const core::Timestamp t =
                        run.firstSampleTime + std::llround(static_cast<double>(i) * 1e6 / stream.descriptor.rateHz);
                    const qint32 v = run.samples[i];
                    out.write(isoTime(t).toUtf8() + ',' + QByteArray::number(t) + prefix
                        + (v == codec::WaveCodec::kInvalid ? QByteArray()
                                                           : number(stream.descriptor.toPhysical(v)).toUtf8())
                        + unit);
                    ++samplesWritten;
                }
            }
        }
        for (core::VitalKind kind : kVitals) {
            for (const auto& m : reader->vitals(patient->id, kind, *from, *to)) {
                out.write(QStringLiteral("%1,%2,vital,%3,%4,%5\n")
                              .arg(isoTime(m.time))
                              .arg(m.time)
                              .arg(core::vitalLoinc(kind), number(m.value), core::vitalUnit(kind))
                              .toUtf8());
                ++vitalsWritten;
            }
        }
    } else {
        QJsonArray entries;
        const QString patientRef = QStringLiteral("Patient/%1").arg(patient->id);
        QJsonObject patientResource{{QStringLiteral("resourceType"), QStringLiteral("Patient")},
            {QStringLiteral("id"), QString::number(patient->id)}};
        if (!patient->identity.nhsNumber.isEmpty())
            patientResource[QStringLiteral("identifier")] =
                QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("https://fhir.nhs.uk/Id/nhs-number")},
                    {QStringLiteral("value"), patient->identity.nhsNumber}}};
        patientResource[QStringLiteral("name")] =
            QJsonArray{QJsonObject{{QStringLiteral("family"), patient->identity.familyName},
                {QStringLiteral("given"), QJsonArray{patient->identity.givenName}}}};
        if (patient->identity.birthDate.isValid())
            patientResource[QStringLiteral("birthDate")] = patient->identity.birthDate.toString(Qt::ISODate);
        entries.append(
            QJsonObject{{QStringLiteral("fullUrl"), patientRef}, {QStringLiteral("resource"), patientResource}});
        int serial = 0;
        const QJsonArray vitalCategory{QJsonObject{{QStringLiteral("coding"),
            QJsonArray{QJsonObject{{QStringLiteral("system"),
                                       QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category")},
                {QStringLiteral("code"), QStringLiteral("vital-signs")}}}}}};
        for (core::VitalKind kind : kVitals) {
            for (const auto& m : reader->vitals(patient->id, kind, *from, *to)) {
                entries.append(QJsonObject{{QStringLiteral("resource"),
                    QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Observation")},
                        {QStringLiteral("id"), QStringLiteral("v%1").arg(++serial)},
                        {QStringLiteral("status"), QStringLiteral("final")},
                        {QStringLiteral("category"), vitalCategory},
                        {QStringLiteral("code"),
                            QJsonObject{{QStringLiteral("coding"),
                                QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("http://loinc.org")},
                                    {QStringLiteral("code"), core::vitalLoinc(kind)}}}}}},
                        {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), patientRef}}},
                        {QStringLiteral("effectiveDateTime"), codec::FhirEncoder::dateTime(m.time)},
                        {QStringLiteral("valueQuantity"),
                            QJsonObject{{QStringLiteral("value"), m.value},
                                {QStringLiteral("unit"), core::vitalUnit(kind)},
                                {QStringLiteral("system"), QStringLiteral("http://unitsofmeasure.org")},
                                {QStringLiteral("code"), ucum(kind)}}}}}});
                ++vitalsWritten;
            }
        }
        for (const auto& stream : streams) {
            std::vector<store::StoreReader::SampleRun> runs;
            if (!reader->samples(stream.id, *from, *to, runs, &error))
                return ctx.fail(error.message);
            const store::StreamDescriptor& d = stream.descriptor;
            // Chosen so that an import gives the stream's calibration and rate back exactly.
            const auto [origin, factor] = codec::FhirSampledData::originAndFactor(d.gain, d.baseline);
            const double periodMs = codec::FhirSampledData::periodMsFor(d.rateHz);
            for (const auto& run : runs) {
                QStringList data;
                data.reserve(static_cast<qsizetype>(run.samples.size()));
                for (qint32 v : run.samples)
                    data << (v == codec::WaveCodec::kInvalid ? QStringLiteral("E") : QString::number(v));
                samplesWritten += static_cast<qint64>(run.samples.size());
                // FHIR: value = origin + factor × data.
                entries.append(QJsonObject{{QStringLiteral("resource"),
                    QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Observation")},
                        {QStringLiteral("id"), QStringLiteral("w%1").arg(++serial)},
                        {QStringLiteral("status"), QStringLiteral("final")},
                        {QStringLiteral("code"),
                            QJsonObject{{QStringLiteral("coding"),
                                QJsonArray{QJsonObject{
                                    {QStringLiteral("system"), QStringLiteral("urn:iso:std:iso:11073:10101")},
                                    {QStringLiteral("code"), QString::number(d.code)},
                                    {QStringLiteral("display"), d.label}}}}}},
                        {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), patientRef}}},
                        {QStringLiteral("effectiveDateTime"), codec::FhirEncoder::dateTime(run.firstSampleTime)},
                        {QStringLiteral("valueSampledData"),
                            QJsonObject{
                                {QStringLiteral("origin"),
                                    QJsonObject{{QStringLiteral("value"), origin}, {QStringLiteral("unit"), d.unit}}},
                                {QStringLiteral("period"), periodMs}, {QStringLiteral("factor"), factor},
                                {QStringLiteral("dimensions"), 1},
                                {QStringLiteral("data"), data.join(QLatin1Char(' '))}}}}}});
            }
        }
        const QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
            {QStringLiteral("type"), QStringLiteral("collection")},
            {QStringLiteral("timestamp"), isoTime(core::nowUtc())}, {QStringLiteral("entry"), entries}};
        out.write(QJsonDocument(bundle).toJson(QJsonDocument::Indented));
    }
    out.close();

    store::StoreWriter::Config config;
    config.pruning = false;
    store::StoreWriter writer(*cache, config);
    if (writer.start()) {
        const int handle = writer.registerPatient(patient->identity);
        writer.appendAudit({0, qEnvironmentVariable("USER", QStringLiteral("unknown")), QStringLiteral("administrator"),
                               QStringLiteral("export"), 0,
                               QStringLiteral("format=%1 from=%2 to=%3 samples=%4 vitals=%5%6")
                                   .arg(format)
                                   .arg(*from)
                                   .arg(*to)
                                   .arg(samplesWritten)
                                   .arg(vitalsWritten)
                                   .arg(binary ? QStringLiteral(" annotations=%1 pseudonymised=%2")
                                                     .arg(annotationsWritten)
                                                     .arg(pseudonymise ? QStringLiteral("yes") : QStringLiteral("no"))
                                               : QString())},
            handle);
        writer.stop();
    }
    if (p.isSet(QStringLiteral("output")))
        std::fprintf(stderr, "vigilctl export: %lld samples and %lld vitals written to %s\n",
            static_cast<long long>(samplesWritten), static_cast<long long>(vitalsWritten), qPrintable(out.fileName()));
    return 0;
}

} // namespace vigil::app
