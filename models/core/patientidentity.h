#pragma once

#include <QDate>
#include <QString>

namespace vigil::core {

// Who a patient is. Identifying data: never log any field but `id`.
struct PatientIdentity
{
    QString id; // opaque, stable key (not the NHS Number); safe to log
    QString givenName;
    QString familyName;
    QDate birthDate;
    QString nhsNumber; // ten digits, no spaces

    // "SURNAME, Given" as clinical systems display it; "[id]" when no name is known.
    [[nodiscard]] QString displayName() const;
    // Completed years on `on`, or -1 when the birth date is unknown.
    [[nodiscard]] int ageOn(QDate on) const;
};

} // namespace vigil::core
