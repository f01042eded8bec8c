#pragma once

#include <QString>

namespace vigil::store {

// Where a patient in the cache came from (patient.origin, schema v3). Imported patients (records read
// from files for review: WFDB, EDF, FHIR or HL7 v2 files) are old by nature and are exempt from
// retention: pruning by device time would delete them at once. Live patients are pruned as usual.
enum class PatientOrigin {
    Live, // "live": a monitoring feed (MQTT, MLLP, the simulator)
    Import, // "import": `vigilctl import` / ingest::FileImporter
};

[[nodiscard]] inline QString patientOriginName(PatientOrigin origin)
{
    return origin == PatientOrigin::Import ? QStringLiteral("import") : QStringLiteral("live");
}

[[nodiscard]] inline PatientOrigin patientOriginFromName(const QString& name)
{
    return name == QLatin1String("import") ? PatientOrigin::Import : PatientOrigin::Live;
}

} // namespace vigil::store
