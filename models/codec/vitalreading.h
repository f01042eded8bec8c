#pragma once

#include "core/vitalsigns.h"

#include <QString>

namespace vigil::codec {

// One vital-sign reading from an inbound message, already converted to the kind's canonical unit
// (core::vitalUnit; °F → °C, kPa → mmHg …).
struct VitalReading
{
    QString patientKey;
    QString sourceId; // idempotency key (Observation.id[#component], MSH-10/OBX-1 …)
    core::VitalKind kind = core::VitalKind::HeartRate;
    core::Measurement measurement; // canonical unit, device time
    QString code; // what it was recognised by: "loinc:8867-4", "mdc:147842"
};

} // namespace vigil::codec
