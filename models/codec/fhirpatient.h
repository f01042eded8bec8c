#pragma once

#include "core/patientidentity.h"
#include "decodeproblem.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace vigil::codec {

// A FHIR R4 Patient resource read into a core::PatientIdentity.
//
// - id: Patient.id (a FHIR id: 1-64 of [A-Za-z0-9-.]); a Patient without one takes the caller's
//   default key (the patient of the MQTT topic); without either it is not used.
// - name: the first HumanName with use "official", else the first one; family, and the given names
//   joined by spaces.
// - birthDate: a full date; a partial one ("1944", "1944-11") is valid FHIR and leaves the date
//   unknown without a problem; anything else is a problem (the patient is kept).
// - NHS Number: the identifier with system kNhsNumberSystem, spaces removed. One that fails the
//   checksum is a problem and the patient is kept without it.
//
// Problems never quote the resource (names, numbers, dates). Thread-safe (no state).
class FhirPatient final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::FhirPatient)
public:
    static constexpr const char* kNhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";

    // nullopt when the resource gives no usable key; problems found are appended with `where`.
    [[nodiscard]] static std::optional<core::PatientIdentity> decode(const QJsonObject& patient,
        const QString& defaultPatientKey, const QString& where, std::vector<DecodeProblem>& problems);

    // True for a FHIR id: 1 to 64 characters of A-Z, a-z, 0-9, '-' and '.'.
    [[nodiscard]] static bool isValidId(QStringView id);
};

} // namespace vigil::codec
