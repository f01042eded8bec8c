#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace vigil::codec {

// Small JSON builders the FHIR encoders share (FhirEncoder, CaseEventFhir).
class FhirJson final
{
public:
    // {"system", "code"[, "display"]}
    [[nodiscard]] static QJsonObject coding(const QString& system, const QString& code, const QString& display = {})
    {
        QJsonObject c{{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
        if (!display.isEmpty())
            c.insert(QStringLiteral("display"), display);
        return c;
    }

    // A CodeableConcept with one coding.
    [[nodiscard]] static QJsonObject codeable(const QJsonObject& coding)
    {
        return QJsonObject{{QStringLiteral("coding"), QJsonArray{coding}}};
    }
};

} // namespace vigil::codec
