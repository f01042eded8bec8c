#include "patientidentity.h"

namespace vigil::core {

QString PatientIdentity::displayName() const
{
    // A feed whose demographics have not arrived (yet) is shown by its source key, in brackets, so
    // a tile is never blank and never looks like a name.
    if (givenName.isEmpty() && familyName.isEmpty())
        return id.isEmpty() ? QString() : QStringLiteral("[") + id + QStringLiteral("]");
    if (givenName.isEmpty())
        return familyName.toUpper();
    return familyName.toUpper() + QStringLiteral(", ") + givenName;
}

int PatientIdentity::ageOn(QDate on) const
{
    if (!birthDate.isValid() || !on.isValid() || on < birthDate)
        return -1;
    int years = on.year() - birthDate.year();
    if (on.month() < birthDate.month() || (on.month() == birthDate.month() && on.day() < birthDate.day()))
        --years;
    return years;
}

} // namespace vigil::core
