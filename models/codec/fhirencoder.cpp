#include "fhirencoder.h"

#include "core/clinicalcodes.h"
#include "fhirjson.h"
#include "wavecodec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace vigil::codec {

namespace {

const QString kStatusSystem = QStringLiteral("https://vigil.example.nhs.uk/fhir/CodeSystem/device-status");
const QString kCategorySystem = QStringLiteral("https://vigil.example.nhs.uk/fhir/CodeSystem/observation-category");

QJsonObject subject(const QString& patientKey)
{
    return QJsonObject{{QStringLiteral("reference"), QString(QStringLiteral("Patient/") + patientKey)}};
}

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

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QString FhirEncoder::dateTime(core::Timestamp t)
{
    const qint64 ms = t >= 0 ? t / 1000 : -((-t + 999) / 1000);
    QString text = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
    const qint64 micros = t - ms * 1000; // 0..999
    // After the milliseconds, before the zone ("+00:00" from Qt 6.4, "Z" from later versions).
    const qsizetype dot = text.lastIndexOf(QLatin1Char('.'));
    if (micros != 0 && dot > 0 && dot + 4 <= text.size())
        text.insert(dot + 4, QStringLiteral("%1").arg(micros, 3, 10, QLatin1Char('0')));
    return text;
}

QByteArray FhirEncoder::waveObservation(const Wave& wave)
{
    // The data string is built by hand: it is most of the message and QJson would copy it twice.
    QByteArray data;
    data.reserve(static_cast<qsizetype>(wave.digital.size()) * 6);
    for (std::size_t i = 0; i < wave.digital.size(); ++i) {
        if (i > 0)
            data.append(' ');
        if (wave.digital[i] == WaveCodec::kInvalid)
            data.append('E');
        else
            data.append(QByteArray::number(wave.digital[i]));
    }
    QJsonObject origin{{QStringLiteral("value"), wave.origin}};
    if (!wave.unit.isEmpty()) {
        origin.insert(QStringLiteral("unit"), wave.unit);
        origin.insert(QStringLiteral("system"), QStringLiteral("http://unitsofmeasure.org"));
        origin.insert(QStringLiteral("code"), wave.unit);
    }
    const QJsonObject sampled{{QStringLiteral("origin"), origin}, {QStringLiteral("period"), wave.periodMs},
        {QStringLiteral("factor"), wave.factor}, {QStringLiteral("dimensions"), 1},
        {QStringLiteral("data"), QStringLiteral("@DATA@")}};
    const QJsonObject observation{{QStringLiteral("resourceType"), QStringLiteral("Observation")},
        {QStringLiteral("id"), wave.id}, {QStringLiteral("status"), QStringLiteral("final")},
        {QStringLiteral("code"),
            FhirJson::codeable(FhirJson::coding(
                QString::fromLatin1(core::ClinicalCodes::kMdcSystem), QString::number(wave.mdcCode), wave.mdcName))},
        {QStringLiteral("subject"), subject(wave.patientKey)},
        {QStringLiteral("effectiveDateTime"), dateTime(wave.start)}, {QStringLiteral("valueSampledData"), sampled}};
    QByteArray json = compact(observation);
    json.replace(QByteArrayView("\"@DATA@\""), QByteArray('"' + data + '"'));
    return json;
}

QByteArray FhirEncoder::vitalObservation(
    const QString& id, const QString& patientKey, core::VitalKind kind, const core::Measurement& measurement)
{
    const QJsonObject observation{{QStringLiteral("resourceType"), QStringLiteral("Observation")},
        {QStringLiteral("id"), id}, {QStringLiteral("status"), QStringLiteral("final")},
        {QStringLiteral("category"),
            QJsonArray{FhirJson::codeable(
                FhirJson::coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category"),
                    QStringLiteral("vital-signs")))}},
        {QStringLiteral("code"),
            FhirJson::codeable(
                FhirJson::coding(QString::fromLatin1(core::ClinicalCodes::kLoincSystem), core::vitalLoinc(kind)))},
        {QStringLiteral("subject"), subject(patientKey)},
        {QStringLiteral("effectiveDateTime"), dateTime(measurement.time)},
        {QStringLiteral("valueQuantity"),
            QJsonObject{{QStringLiteral("value"), measurement.value}, {QStringLiteral("unit"), core::vitalUnit(kind)},
                {QStringLiteral("system"), QStringLiteral("http://unitsofmeasure.org")},
                {QStringLiteral("code"), ucum(kind)}}}};
    return compact(observation);
}

QByteArray FhirEncoder::statusObservation(
    const QString& id, const QString& patientKey, const core::DeviceStatus& status)
{
    QJsonArray components;
    if (status.batteryPercent >= 0) {
        components.append(
            QJsonObject{{QStringLiteral("code"),
                            FhirJson::codeable(FhirJson::coding(QString::fromLatin1(core::ClinicalCodes::kMdcSystem),
                                QStringLiteral("67996"), QStringLiteral("MDC_ATTR_VAL_BATT_CHARGE")))},
                {QStringLiteral("valueQuantity"),
                    QJsonObject{{QStringLiteral("value"), status.batteryPercent},
                        {QStringLiteral("unit"), QStringLiteral("%")},
                        {QStringLiteral("system"), QStringLiteral("http://unitsofmeasure.org")},
                        {QStringLiteral("code"), QStringLiteral("%")}}}});
    }
    components.append(QJsonObject{
        {QStringLiteral("code"), FhirJson::codeable(FhirJson::coding(kStatusSystem, QStringLiteral("lead-off")))},
        {QStringLiteral("valueBoolean"), status.ecgLeadOff}});
    components.append(QJsonObject{
        {QStringLiteral("code"), FhirJson::codeable(FhirJson::coding(kStatusSystem, QStringLiteral("online")))},
        {QStringLiteral("valueBoolean"), status.online}});
    const QJsonObject observation{{QStringLiteral("resourceType"), QStringLiteral("Observation")},
        {QStringLiteral("id"), id}, {QStringLiteral("status"), QStringLiteral("final")},
        {QStringLiteral("category"),
            QJsonArray{FhirJson::codeable(FhirJson::coding(kCategorySystem, QStringLiteral("device-status")))}},
        {QStringLiteral("code"), FhirJson::codeable(FhirJson::coding(kStatusSystem, QStringLiteral("device-status")))},
        {QStringLiteral("subject"), subject(patientKey)}, {QStringLiteral("effectiveDateTime"), dateTime(status.time)},
        {QStringLiteral("component"), components}};
    return compact(observation);
}

QByteArray FhirEncoder::patient(const core::PatientIdentity& identity)
{
    QJsonObject patient{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")}, {QStringLiteral("id"), identity.id}};
    if (!identity.nhsNumber.isEmpty()) {
        patient.insert(QStringLiteral("identifier"),
            QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("https://fhir.nhs.uk/Id/nhs-number")},
                {QStringLiteral("value"), identity.nhsNumber}}});
    }
    if (!identity.familyName.isEmpty() || !identity.givenName.isEmpty()) {
        QJsonObject name{{QStringLiteral("use"), QStringLiteral("official")}};
        if (!identity.familyName.isEmpty())
            name.insert(QStringLiteral("family"), identity.familyName);
        if (!identity.givenName.isEmpty())
            name.insert(QStringLiteral("given"), QJsonArray{identity.givenName});
        patient.insert(QStringLiteral("name"), QJsonArray{name});
    }
    if (identity.birthDate.isValid())
        patient.insert(QStringLiteral("birthDate"), identity.birthDate.toString(Qt::ISODate));
    return compact(patient);
}

QByteArray FhirEncoder::bundle(const QString& id, const QList<QByteArray>& resources)
{
    QByteArray json = R"({"resourceType":"Bundle","id":")" + id.toUtf8() + R"(","type":"collection","entry":[)";
    for (qsizetype i = 0; i < resources.size(); ++i) {
        if (i > 0)
            json += ',';
        json += R"({"resource":)" + resources[i] + '}';
    }
    json += "]}";
    return json;
}

} // namespace vigil::codec
