#include "fhirpatient.h"

#include "core/nhsnumber.h"
#include "fhirdatetime.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

namespace vigil::codec {

namespace {

// R4 HumanName.family is a string; DSTU2 senders still send an array of parts.
QString familyName(const QJsonValue& family)
{
    if (family.isString())
        return family.toString().trimmed();
    QStringList parts;
    for (const QJsonValue& part : family.toArray()) {
        if (part.isString() && !part.toString().trimmed().isEmpty())
            parts.append(part.toString().trimmed());
    }
    return parts.join(QLatin1Char(' '));
}

QString givenNames(const QJsonValue& given)
{
    QStringList parts;
    for (const QJsonValue& part : given.toArray()) {
        if (part.isString() && !part.toString().trimmed().isEmpty())
            parts.append(part.toString().trimmed());
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

bool FhirPatient::isValidId(QStringView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok =
            (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'.';
        if (!ok)
            return false;
    }
    return true;
}

std::optional<core::PatientIdentity> FhirPatient::decode(const QJsonObject& patient, const QString& defaultPatientKey,
    const QString& where, std::vector<DecodeProblem>& problems)
{
    core::PatientIdentity identity;
    const QJsonValue idValue = patient.value(u"id");
    if (idValue.isUndefined()) {
        identity.id = defaultPatientKey;
    } else if (idValue.isString() && isValidId(idValue.toString())) {
        identity.id = idValue.toString();
    } else {
        problems.push_back({where, tr("The Patient's id is not a valid FHIR id; the Patient was skipped.")});
        return std::nullopt;
    }
    if (identity.id.isEmpty()) {
        problems.push_back({where, tr("The Patient has no id and no default patient applies; it was skipped.")});
        return std::nullopt;
    }

    const QJsonArray names = patient.value(u"name").toArray();
    QJsonObject chosen;
    for (const QJsonValue& name : names) {
        if (name.toObject().value(u"use").toString() == u"official") {
            chosen = name.toObject();
            break;
        }
    }
    if (chosen.isEmpty() && !names.isEmpty())
        chosen = names.first().toObject();
    identity.familyName = familyName(chosen.value(u"family"));
    identity.givenName = givenNames(chosen.value(u"given"));

    const QJsonValue birthDate = patient.value(u"birthDate");
    if (!birthDate.isUndefined()) {
        FhirDateTime::Precision precision = FhirDateTime::Precision::Invalid;
        identity.birthDate = birthDate.isString() ? FhirDateTime::date(birthDate.toString(), &precision) : QDate();
        if (precision == FhirDateTime::Precision::Invalid)
            problems.push_back({where, tr("The Patient's birth date is not a FHIR date; it was left unknown.")});
    }

    const QString nhsSystem = QString::fromLatin1(kNhsNumberSystem);
    bool invalidNhsNumber = false;
    for (const QJsonValue& value : patient.value(u"identifier").toArray()) {
        const QJsonObject identifier = value.toObject();
        if (identifier.value(u"system").toString().trimmed() != nhsSystem)
            continue;
        const QString number = core::NhsNumber::normalized(identifier.value(u"value").toString().trimmed());
        if (core::NhsNumber::isValid(number)) {
            identity.nhsNumber = number;
            break;
        }
        invalidNhsNumber = true;
    }
    if (invalidNhsNumber && identity.nhsNumber.isEmpty()) {
        problems.push_back(
            {where, tr("The Patient's NHS Number fails validation; the Patient was kept without an NHS Number.")});
    }
    return identity;
}

} // namespace vigil::codec
