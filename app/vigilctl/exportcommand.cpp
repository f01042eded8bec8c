#include "exportcommand.h"

#include "codec/wavecodec.h"
#include "ctlcontext.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QFile>
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
    p.addOption(
        {QStringLiteral("format"), QStringLiteral("csv or fhir."), QStringLiteral("FORMAT"), QStringLiteral("csv")});
    p.addOption({QStringLiteral("output"), QStringLiteral("Write to FILE instead of standard output."),
        QStringLiteral("FILE")});
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    const QString format = p.value(QStringLiteral("format"));
    if (format != QStringLiteral("csv") && format != QStringLiteral("fhir"))
        return ctx.fail(QStringLiteral("--format takes csv or fhir"), CtlContext::kUsage);
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

    QFile out;
    if (p.isSet(QStringLiteral("output"))) {
        out.setFileName(p.value(QStringLiteral("output")));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return ctx.fail(QStringLiteral("cannot write %1").arg(out.fileName()));
    } else if (!out.open(stdout, QIODevice::WriteOnly)) {
        return ctx.fail(QStringLiteral("cannot write to standard output"));
    }

    const auto streams = reader->streams(patient->id);
    qint64 samplesWritten = 0;
    qint64 vitalsWritten = 0;
    if (format == QStringLiteral("csv")) {
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
                        {QStringLiteral("effectiveDateTime"), isoTime(m.time)},
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
                        {QStringLiteral("effectiveDateTime"), isoTime(run.firstSampleTime)},
                        {QStringLiteral("valueSampledData"),
                            QJsonObject{{QStringLiteral("origin"),
                                            QJsonObject{{QStringLiteral("value"), -d.baseline / d.gain},
                                                {QStringLiteral("unit"), d.unit}}},
                                {QStringLiteral("period"), 1000.0 / d.rateHz}, {QStringLiteral("factor"), 1.0 / d.gain},
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
                               QStringLiteral("format=%1 from=%2 to=%3 samples=%4 vitals=%5")
                                   .arg(format)
                                   .arg(*from)
                                   .arg(*to)
                                   .arg(samplesWritten)
                                   .arg(vitalsWritten)},
            handle);
        writer.stop();
    }
    if (p.isSet(QStringLiteral("output")))
        std::fprintf(stderr, "vigilctl export: %lld samples and %lld vitals written to %s\n",
            static_cast<long long>(samplesWritten), static_cast<long long>(vitalsWritten), qPrintable(out.fileName()));
    return 0;
}

} // namespace vigil::app
