#include "fhirobservation.h"

#include "core/clinicalcodes.h"
#include "fhirdatetime.h"
#include "fhirpatient.h"
#include "fhirproblems.h"
#include "fhirsampleddata.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QStringView>

#include <algorithm>
#include <cmath>
#include <utility>

namespace vigil::codec {

using core::ClinicalCodes;

namespace {

QString joinPath(const QString& where, const QString& sub)
{
    if (where.isEmpty())
        return sub;
    if (sub.isEmpty())
        return where;
    return where + QLatin1Char('.') + sub;
}

std::optional<double> finiteNumber(const QJsonValue& value)
{
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::nullopt;
    return value.toDouble();
}

// An MDC code is a number (partition × 2^16 + term code); nullopt for anything else.
std::optional<int> mdcNumber(const QString& code)
{
    const QString c = code.trimmed();
    if (c.isEmpty() || c.size() > 9)
        return std::nullopt;
    for (const QChar ch : c) {
        if (ch.unicode() < u'0' || ch.unicode() > u'9')
            return std::nullopt;
    }
    return c.toInt();
}

QJsonArray codings(const QJsonObject& codeableConcept)
{
    return codeableConcept.value(u"coding").toArray();
}

bool isVigilSystem(const QString& system)
{
    return system.startsWith(QLatin1String(FhirObservation::kVigilSystemPrefix));
}

// The vital sign a CodeableConcept names, by LOINC or MDC; `conflict` when two of its codings name
// different vital signs (then none is trusted).
struct VitalCode
{
    std::optional<core::VitalKind> kind;
    QString code; // "loinc:8867-4", "mdc:147842"
    bool conflict = false;
};

VitalCode vitalCode(const QJsonObject& codeableConcept)
{
    VitalCode result;
    const QString loinc = QLatin1String(ClinicalCodes::kLoincSystem);
    for (const QJsonValue& value : codings(codeableConcept)) {
        const QJsonObject coding = value.toObject();
        const QString system = coding.value(u"system").toString().trimmed();
        const QString code = coding.value(u"code").toString().trimmed();
        std::optional<core::VitalKind> kind;
        QString name;
        if (system == loinc) {
            kind = ClinicalCodes::vitalFromLoinc(code);
            name = QStringLiteral("loinc:") + code;
        } else if (ClinicalCodes::isMdcSystem(system)) {
            if (const std::optional<int> number = mdcNumber(code)) {
                kind = ClinicalCodes::vitalFromMdc(*number);
                name = QStringLiteral("mdc:") + QString::number(*number);
            }
        }
        if (!kind)
            continue;
        if (!result.kind) {
            result.kind = kind;
            result.code = name;
        } else if (*result.kind != *kind) {
            result.conflict = true;
        }
    }
    return result;
}

// The first MDC coding of a CodeableConcept: its numeric code (0: none) and display, for waves.
std::pair<int, QString> waveCode(const QJsonObject& codeableConcept)
{
    for (const QJsonValue& value : codings(codeableConcept)) {
        const QJsonObject coding = value.toObject();
        if (!ClinicalCodes::isMdcSystem(coding.value(u"system").toString().trimmed()))
            continue;
        if (const std::optional<int> number = mdcNumber(coding.value(u"code").toString()))
            return {*number, coding.value(u"display").toString().trimmed()};
    }
    return {0, QString()};
}

// A short stable name of a CodeableConcept's first coding, for the fallback idempotency key.
QString primaryCode(const QJsonObject& codeableConcept)
{
    const QJsonArray all = codings(codeableConcept);
    if (all.isEmpty())
        return codeableConcept.value(u"text").toString();
    const QJsonObject coding = all.first().toObject();
    const QString system = coding.value(u"system").toString().trimmed();
    const QString code = coding.value(u"code").toString().trimmed();
    if (system == QLatin1String(ClinicalCodes::kLoincSystem))
        return QStringLiteral("loinc:") + code;
    if (ClinicalCodes::isMdcSystem(system))
        return QStringLiteral("mdc:") + code;
    return system + QLatin1Char('#') + code;
}

bool hasCoding(const QJsonObject& codeableConcept, bool (*systemMatches)(const QString&), QStringView code)
{
    for (const QJsonValue& value : codings(codeableConcept)) {
        const QJsonObject coding = value.toObject();
        if (systemMatches(coding.value(u"system").toString().trimmed())
            && coding.value(u"code").toString().trimmed() == code)
            return true;
    }
    return false;
}

bool isDeviceStatus(const QJsonObject& observation)
{
    const QString category = QLatin1String(FhirObservation::kVigilCategorySystem);
    for (const QJsonValue& value : observation.value(u"category").toArray()) {
        for (const QJsonValue& c : codings(value.toObject())) {
            const QJsonObject coding = c.toObject();
            if (coding.value(u"system").toString().trimmed() == category
                && coding.value(u"code").toString().trimmed() == u"device-status")
                return true;
        }
    }
    for (const QJsonValue& c : codings(observation.value(u"code").toObject())) {
        if (isVigilSystem(c.toObject().value(u"system").toString().trimmed()))
            return true;
    }
    return false;
}

bool hasValueOtherThan(const QJsonObject& element, QStringView except)
{
    for (auto it = element.constBegin(); it != element.constEnd(); ++it) {
        if (it.key().startsWith(u"value") && it.key() != except)
            return true;
    }
    return false;
}

QString quantityUnit(const QJsonObject& quantity)
{
    const QString code = quantity.value(u"code").toString().trimmed();
    return code.isEmpty() ? quantity.value(u"unit").toString().trimmed() : code;
}

// The decoding of one Observation: its patient, time and where problems go.
class ObservationReader
{
public:
    ObservationReader(InboundBatch& out, const QString& where, const QString& patientKey, FhirDateTime::Result time)
        : m_out(out)
        , m_where(where)
        , m_patientKey(patientKey)
        , m_time(time)
    { }

    void problem(const QString& sub, const QString& reason)
    {
        FhirProblems::add(m_out, joinPath(m_where, sub), reason);
    }

    // The element (the Observation itself, or one of its components) as a wave or a vital sign.
    // parentCode: the Observation's code, for a component's wave that has no MDC code of its own.
    void element(const QJsonObject& element, const QJsonObject& parentCode, const QString& sourceId, const QString& sub,
        bool valuesInComponents)
    {
        const QJsonObject code = element.value(u"code").toObject();
        const QJsonValue sampled = element.value(u"valueSampledData");
        if (!sampled.isUndefined()) {
            if (!sampled.isObject()) {
                problem(sub, FhirObservation::tr("The sampled data is not an object; it was skipped."));
                return;
            }
            std::pair<int, QString> wave = waveCode(code);
            if (wave.first == 0)
                wave = waveCode(parentCode);
            waves(sampled.toObject(), wave.first, wave.second, sourceId, sub);
            return;
        }

        const VitalCode vc = vitalCode(code);
        if (!vc.kind)
            return; // not a vital sign Vigil reads: ignored (see FhirDecoder)
        if (vc.conflict) {
            problem(sub, FhirObservation::tr("The codes of a vital sign name different vital signs; it was skipped."));
            return;
        }
        const QJsonValue quantity = element.value(u"valueQuantity");
        if (quantity.isObject()) {
            vital(quantity.toObject(), *vc.kind, vc.code, sourceId, sub);
        } else if (!quantity.isUndefined() || hasValueOtherThan(element, u"valueQuantity")) {
            problem(sub, FhirObservation::tr("The value of a vital sign is not a Quantity; it was skipped."));
        } else if (!element.contains(u"dataAbsentReason") && !valuesInComponents) {
            problem(sub, FhirObservation::tr("A vital sign has no value and no reason for its absence."));
        }
    }

    void status(const QJsonObject& observation, const QString& sourceId)
    {
        const std::optional<core::Timestamp> time = exactTime(FhirObservation::tr("the status was skipped"));
        if (!time)
            return;
        StatusReport report;
        report.patientKey = m_patientKey;
        report.sourceId = sourceId;
        report.status.time = *time;
        const QJsonArray components = observation.value(u"component").toArray();
        for (qsizetype i = 0; i < std::min(components.size(), FhirObservation::kMaxComponents); ++i) {
            const QJsonObject component = components.at(i).toObject();
            const QJsonObject code = component.value(u"code").toObject();
            const QString sub = QStringLiteral("component[%1]").arg(i);
            if (hasCoding(code, &ClinicalCodes::isMdcSystem, QString::number(ClinicalCodes::kMdcBatteryCharge))) {
                const QJsonObject quantity = component.value(u"valueQuantity").toObject();
                const std::optional<double> percent = finiteNumber(quantity.value(u"value"));
                const QString unit = quantityUnit(quantity);
                if (!percent || *percent < 0 || *percent > 100
                    || !(unit.isEmpty() || unit == u"%" || unit == u"MDC_DIM_PERCENT")) {
                    problem(sub,
                        FhirObservation::tr("The battery charge is not a percentage from 0 to 100; it was ignored."));
                    continue;
                }
                report.status.batteryPercent = static_cast<int>(std::lround(*percent));
            } else if (hasCoding(code, &isVigilSystem, u"lead-off") || hasCoding(code, &isVigilSystem, u"online")) {
                const QJsonValue flag = component.value(u"valueBoolean");
                if (!flag.isBool()) {
                    problem(sub, FhirObservation::tr("A device status flag is not a boolean; it was ignored."));
                    continue;
                }
                if (hasCoding(code, &isVigilSystem, u"lead-off"))
                    report.status.ecgLeadOff = flag.toBool();
                else
                    report.status.online = flag.toBool();
            }
            // Any other component (signal strength …) is not part of core::DeviceStatus: ignored.
        }
        m_out.statuses.push_back(std::move(report));
    }

private:
    // The time of a reading: a full date and time, or a date alone (taken as 00:00 UTC, with a problem,
    // so the reading shows older than it is, never newer).
    std::optional<core::Timestamp> readingTime()
    {
        if (m_time.precision == FhirDateTime::Precision::Day) {
            timeProblem(FhirObservation::tr(
                "The observation's time is a date without a time of day; 00:00 UTC of that date was assumed."));
            return m_time.utc;
        }
        return exactTime(FhirObservation::tr("its vital signs were skipped"));
    }

    // The time of samples or of a status: only a full date and time will do.
    std::optional<core::Timestamp> exactTime(const QString& consequence)
    {
        switch (m_time.precision) {
        case FhirDateTime::Precision::Time:
            return m_time.utc;
        case FhirDateTime::Precision::Invalid:
            timeProblem(FhirObservation::tr("The observation has no valid effective time; %1.").arg(consequence));
            return std::nullopt;
        default:
            timeProblem(
                FhirObservation::tr("The observation's effective time has no time of day; %1.").arg(consequence));
            return std::nullopt;
        }
    }

    void timeProblem(const QString& reason)
    {
        if (m_timeProblems.contains(reason))
            return; // once per Observation, not once per component
        m_timeProblems.append(reason);
        problem({}, reason);
    }

    void vital(const QJsonObject& quantity, core::VitalKind kind, const QString& code, const QString& sourceId,
        const QString& sub)
    {
        if (quantity.contains(u"comparator")) {
            problem(sub, FhirObservation::tr("A vital sign with a comparator is not an exact value; it was skipped."));
            return;
        }
        const std::optional<double> value = finiteNumber(quantity.value(u"value"));
        if (!value) {
            problem(sub, FhirObservation::tr("A vital sign has no numeric value; it was skipped."));
            return;
        }
        // FHIR vital signs must carry a UCUM code; without a unit a temperature or a pressure is ambiguous.
        const QString unit = quantityUnit(quantity);
        const std::optional<double> canonical =
            unit.isEmpty() ? std::nullopt : ClinicalCodes::toCanonical(kind, *value, unit);
        if (!canonical || !std::isfinite(*canonical)) {
            problem(sub,
                FhirObservation::tr("The unit of a vital sign is missing, unknown or unfit for it; it was skipped."));
            return;
        }
        const std::optional<core::Timestamp> time = readingTime();
        if (!time)
            return;
        VitalReading reading;
        reading.patientKey = m_patientKey;
        reading.sourceId = sourceId;
        reading.kind = kind;
        reading.measurement.value = *canonical;
        reading.measurement.time = *time;
        reading.code = code;
        m_out.vitals.push_back(std::move(reading));
    }

    void waves(const QJsonObject& sampledData, int mdcCode, const QString& codeText, const QString& sourceId,
        const QString& sub)
    {
        const std::optional<core::Timestamp> start = exactTime(FhirObservation::tr("its samples were skipped"));
        if (!start)
            return;
        QString error;
        std::optional<FhirSampledData> sd = FhirSampledData::fromJson(sampledData, &error);
        if (!sd) {
            problem(sub, error);
            return;
        }
        for (int k = 0; k < sd->dimensions; ++k) {
            WaveSegment segment;
            segment.patientKey = m_patientKey;
            segment.sourceId = sd->dimensions > 1 ? sourceId + QStringLiteral("#dim") + QString::number(k) : sourceId;
            segment.mdcCode = mdcCode;
            segment.codeText = codeText;
            segment.start = *start;
            segment.periodUs = sd->periodMs * 1000.0;
            segment.origin = sd->origin;
            segment.factor = sd->factor;
            segment.unit = sd->unit;
            segment.digital = std::move(sd->channels[static_cast<std::size_t>(k)]);
            m_out.waves.push_back(std::move(segment));
        }
    }

    InboundBatch& m_out;
    const QString& m_where;
    const QString& m_patientKey;
    FhirDateTime::Result m_time;
    QStringList m_timeProblems;
};

FhirDateTime::Result effectiveTime(const QJsonObject& observation)
{
    QJsonValue value = observation.value(u"effectiveDateTime");
    if (value.isUndefined())
        value = observation.value(u"effectiveInstant");
    if (value.isUndefined())
        value = observation.value(u"effectivePeriod").toObject().value(u"start");
    return value.isString() ? FhirDateTime::parse(value.toString()) : FhirDateTime::Result{};
}

} // namespace

std::optional<QString> FhirObservation::patientKey(const QJsonObject& resource, const Context& context, QString* reason)
{
    const auto fail = [reason](const QString& message) -> std::optional<QString> {
        if (reason)
            *reason = message;
        return std::nullopt;
    };
    const QJsonValue subject = resource.value(u"subject");
    if (subject.isUndefined() || subject.isNull()) {
        if (context.defaultPatientKey.isEmpty())
            return fail(tr("The observation names no patient and no default patient applies; it was skipped."));
        return context.defaultPatientKey;
    }
    const QString reference = subject.toObject().value(u"reference").toString().trimmed();
    if (reference.isEmpty())
        return fail(tr("The observation's subject has no reference; it was skipped."));
    const auto known = context.patientByFullUrl.constFind(reference);
    if (known != context.patientByFullUrl.constEnd()) {
        if (known.value().isEmpty())
            return fail(
                tr("The observation refers to a fullUrl that two Patients of the Bundle share; it was skipped."));
        return known.value();
    }
    if (reference.startsWith(u"urn:"))
        return fail(tr("The observation refers to a patient that is not in the same Bundle; it was skipped."));
    // [base/]Patient/<id>[/_history/<version>]
    const QList<QStringView> parts = QStringView(reference).split(u'/');
    for (qsizetype j = parts.size() - 2; j >= 0; --j) {
        if (parts.at(j) != u"Patient")
            continue;
        if (FhirPatient::isValidId(parts.at(j + 1)))
            return parts.at(j + 1).toString();
        break;
    }
    return fail(tr("The observation's subject is not a patient reference Vigil can resolve; it was skipped."));
}

QString FhirObservation::decode(
    const QJsonObject& observation, const Context& context, const QString& where, InboundBatch& out)
{
    const QString status = observation.value(u"status").toString().trimmed();
    if (status == u"entered-in-error" || status == u"cancelled") {
        // The status is a FHIR code from a fixed value set, not patient data.
        FhirProblems::add(out, where, tr("The observation was skipped: its status is %1.").arg(status));
        return {};
    }
    QString reason;
    const std::optional<QString> key = patientKey(observation, context, &reason);
    if (!key) {
        FhirProblems::add(out, where, reason);
        return {};
    }

    const FhirDateTime::Result time = effectiveTime(observation);
    const QJsonObject code = observation.value(u"code").toObject();
    QString base = observation.value(u"id").toString().trimmed();
    if (base.isEmpty()) {
        // Deterministic, so a resent copy still dedupes.
        base = *key + QLatin1Char('|') + primaryCode(code) + QLatin1Char('|')
            + (time.precision == FhirDateTime::Precision::Invalid ? QString() : QString::number(time.utc));
    }

    ObservationReader reader(out, where, *key, time);
    if (isDeviceStatus(observation)) {
        reader.status(observation, base);
        return base;
    }
    const QJsonArray components = observation.value(u"component").toArray();
    const bool valuesElsewhere = !components.isEmpty() || observation.contains(u"hasMember");
    reader.element(observation, QJsonObject(), base, QString(), valuesElsewhere);
    if (components.size() > kMaxComponents) {
        reader.problem(
            QString(), tr("The observation has more than %1 components; the rest were skipped.").arg(kMaxComponents));
    }
    for (qsizetype i = 0; i < std::min(components.size(), kMaxComponents); ++i) {
        const QJsonValue component = components.at(i);
        const QString sub = QStringLiteral("component[%1]").arg(i);
        if (!component.isObject()) {
            reader.problem(sub, tr("A component is not an object; it was skipped."));
            continue;
        }
        reader.element(component.toObject(), code, base + QLatin1Char('#') + QString::number(i), sub, false);
    }
    return base;
}

} // namespace vigil::codec
