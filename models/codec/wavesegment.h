#pragma once

#include "core/timestamp.h"

#include <QString>

#include <cstddef>
#include <vector>

namespace vigil::codec {

// A run of waveform samples at a fixed rate, as one inbound message carried it (a FHIR
// valueSampledData, or an HL7 v2 NA array). The digital values are kept exactly as sent;
// physical = origin + factor × digital, in `unit`. Samples the sender marked as unusable (FHIR "E",
// "L", "U") are WaveCodec::kInvalid.
struct WaveSegment
{
    QString patientKey; // the source's opaque patient key (FHIR Patient id, HL7 PID-3 ID)
    QString sourceId; // idempotency key of this segment (Observation.id[#component], MSH-10/OBX-4 …)
    int mdcCode = 0; // IEEE 11073 MDC numeric code of the wave (0: not given)
    QString codeText; // the code's mnemonic or display, for diagnostics only
    core::Timestamp start = 0; // device time of the first sample, µs UTC
    double periodUs = 0; // sample period (FHIR period is in ms: × 1000)
    double origin = 0;
    double factor = 1;
    QString unit; // UCUM or MDC unit as received ("uV", "mV", "MDC_DIM_MILLI_VOLT" …)
    std::vector<qint32> digital;

    [[nodiscard]] double rateHz() const { return periodUs > 0 ? 1e6 / periodUs : 0; }
    [[nodiscard]] std::size_t size() const { return digital.size(); }
};

} // namespace vigil::codec
