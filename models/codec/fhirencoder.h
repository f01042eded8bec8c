#pragma once

#include "core/devicestatus.h"
#include "core/patientidentity.h"
#include "core/timestamp.h"
#include "core/vitalsigns.h"

#include <QByteArray>
#include <QString>

#include <span>

namespace vigil::codec {

// Writes the FHIR R4 JSON that FhirDecoder reads, for publishers (vigil-sim) and exports: waveform
// Observations with valueSampledData, vital-sign Observations, Vigil's device-status Observation
// and Patient. Compact JSON, one resource per call. Times are written in UTC with milliseconds.
class FhirEncoder final
{
public:
    struct Wave
    {
        QString id; // Observation.id: the receiver's idempotency key
        QString patientKey;
        int mdcCode = 0;
        QString mdcName; // e.g. "MDC_ECG_ELEC_POTL_II"
        core::Timestamp start = 0;
        double periodMs = 0;
        double origin = 0;
        double factor = 1;
        QString unit; // UCUM code of origin (e.g. "mV"), may be empty
        std::span<const qint32> digital; // WaveCodec::kInvalid is written as "E"
    };

    [[nodiscard]] static QByteArray waveObservation(const Wave& wave);
    [[nodiscard]] static QByteArray vitalObservation(
        const QString& id, const QString& patientKey, core::VitalKind kind, const core::Measurement& measurement);
    [[nodiscard]] static QByteArray statusObservation(
        const QString& id, const QString& patientKey, const core::DeviceStatus& status);
    [[nodiscard]] static QByteArray patient(const core::PatientIdentity& identity);
    // A Bundle of type "collection" around already encoded resources (as a hub sends one patient's
    // second: its waveform chunks and vital signs in one message).
    [[nodiscard]] static QByteArray bundle(const QString& id, const QList<QByteArray>& resources);

    // ISO 8601 UTC with milliseconds ("2026-01-01T00:00:00.000+00:00"), or microseconds when the
    // time is not a whole millisecond ("2026-01-01T00:00:00.000250+00:00"), so that FhirDateTime
    // reads back the exact time.
    [[nodiscard]] static QString dateTime(core::Timestamp t);
};

} // namespace vigil::codec
