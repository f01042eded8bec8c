#pragma once

#include "core/patientidentity.h"
#include "decodeproblem.h"
#include "statusreport.h"
#include "vitalreading.h"
#include "wavesegment.h"

#include <QString>

#include <vector>

namespace vigil::codec {

// Everything one inbound message (a FHIR resource or Bundle, an NDJSON line, an HL7 v2 message)
// carried, decoded. A message may mix patients (a Bundle, a batch); every item names its patient.
// Parts that could not be used are listed in `problems`; the rest is good and is kept — a bad entry
// never costs the valid parts of a batch. `rejected` means the payload as a whole could not be read
// (not JSON, not HL7 v2, wrong resource type …), with the reason in problems.front().
struct InboundBatch
{
    QString messageId; // Bundle.id / Observation.id / MSH-10: the idempotency key of the whole message
    std::vector<core::PatientIdentity> patients; // demographics (identity.id is the patient key)
    std::vector<WaveSegment> waves;
    std::vector<VitalReading> vitals;
    std::vector<StatusReport> statuses;
    std::vector<DecodeProblem> problems;
    bool rejected = false;
    // Read from a file for review (ingest::FileImporter), not a live feed: its patients are stored as
    // imported (exempt from retention) and never shown in the live view.
    bool imported = false;

    [[nodiscard]] bool hasData() const
    {
        return !patients.empty() || !waves.empty() || !vitals.empty() || !statuses.empty();
    }
};

} // namespace vigil::codec
