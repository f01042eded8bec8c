#pragma once

#include "inboundbatch.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace vigil::codec {

// Decodes FHIR R4 JSON as it arrives on the live feed (ARCHITECTURE.md, "Wire contract"): one
// resource (Observation, Patient, or a Bundle of them) per MQTT message, or NDJSON (one resource a
// line) from bulk files. Qt Core only; thread-safe (no state).
//
// Resources
// - Bundle (any type: collection, transaction, batch, searchset, transaction-response, …): every
//   entry.resource is decoded; entries without a resource (responses, deletes) and resources of other
//   types (MessageHeader, OperationOutcome, Device …) are ignored quietly. Patients are read first, so
//   an Observation can refer to a Patient of the same Bundle by its fullUrl ("urn:uuid:…"). A bad
//   entry is a problem located at "entry[i]"; the other entries are kept. A Bundle inside a Bundle
//   is a problem.
// - Patient: see FhirPatient (id, official or first name, birth date, validated NHS Number).
// - Observation:
//   - patient: subject "Patient/<id>" (relative or absolute) -> "<id>"; a fullUrl of a Patient in the
//     same Bundle -> that Patient's key; no subject -> defaultPatientKey (the MQTT topic's patient).
//     A subject that cannot be resolved is a problem: the default is never used instead of a subject
//     that names someone, and a subject wins over the default.
//   - time: effectiveDateTime, else effectiveInstant, else effectivePeriod.start (ISO 8601; with an
//     offset -> µs UTC; a time without a zone is taken as UTC, quietly). A date without a time of day
//     (the HL7 examples have them) keeps vital signs at 00:00 UTC of that date, with a problem, so
//     they show older than they are, never newer; waveform samples and statuses need a full time and
//     are skipped with a problem. No time at all is a problem and the data is skipped.
//   - status entered-in-error or cancelled: skipped, with a problem.
//   - valueQuantity coded with LOINC (http://loinc.org) or MDC (urn:iso:std:iso:11073:10101 or
//     urn:oid:2.16.840.1.113883.6.24, matched on the numeric code) as in core::ClinicalCodes -> a
//     VitalReading in the canonical unit (valueQuantity.code, else .unit, through
//     ClinicalCodes::toCanonical). A missing, unknown or unfit unit, a comparator ("<", ">"), codings
//     that name different vital signs, or a value that is not a Quantity is a problem, never a value.
//   - components (the BP panel 85354-9 with 8480-6 / 8462-4, MDC NIBP 150021 / 150022 …) are read the
//     same way, each its own reading; hasMember references (the vitals panel) carry no values and are
//     not a problem.
//   - valueSampledData (on the Observation or on components, e.g. one ECG lead each) -> WaveSegments,
//     see FhirSampledData; mdcCode from the element's MDC coding (a component without one takes the
//     Observation's), 0 when there is none. dimensions > 1 gives one segment per dimension.
//   - Codes Vigil does not read (body weight, the panels themselves, anything not in
//     ClinicalCodes): ignored quietly. A feed routinely carries observations a monitoring workstation
//     does not show, and every problem quarantines a copy of the message (ingest::IngestRouter), so a
//     problem is kept for what Vigil reads but cannot use.
// - Any other resource type at the top level: rejected.
//
// Device status (the MQTT topic vigil/v1/<site>/<patientId>/status; the wire contract leaves the
// format open, so Vigil defines it, FHIR-shaped):
//
//   { "resourceType": "Observation", "id": "<unique per report>", "status": "final",
//     "category": [{ "coding": [{ "system": "https://vigil.example.nhs.uk/fhir/CodeSystem/observation-category",
//                                 "code": "device-status" }] }],
//     "code": { "coding": [{ "system": "https://vigil.example.nhs.uk/fhir/CodeSystem/device-status",
//                            "code": "device-status" }] },
//     "subject": { "reference": "Patient/<id>" },               // optional on the topic
//     "effectiveDateTime": "2024-05-01T10:15:00.250+01:00",     // a full date and time is required
//     "component": [
//       { "code": { "coding": [{ "system": "urn:iso:std:iso:11073:10101", "code": "67996" }] }, //
//       MDC_ATTR_VAL_BATT_CHARGE
//         "valueQuantity": { "value": 80, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%" } },
//       { "code": { "coding": [{ "system": "https://vigil.example.nhs.uk/fhir/CodeSystem/device-status",
//                                "code": "lead-off" }] }, "valueBoolean": false },
//       { "code": { "coding": [{ "system": "https://vigil.example.nhs.uk/fhir/CodeSystem/device-status",
//                                "code": "online" }] }, "valueBoolean": true } ] }
//
// It is recognised by the category, or by any Observation.code coding in a system under
// https://vigil.example.nhs.uk/fhir/CodeSystem/ (the lead-off and online codes are accepted in any
// such system). Every component is optional: a missing one keeps core::DeviceStatus's default
// (battery unknown, leads on, online), so a report without components is a plain heartbeat. Other
// components are ignored; a battery outside 0-100 % or a flag that is not a boolean is a problem and
// only that component is dropped. -> one StatusReport.
//
// Idempotency: messageId is Bundle.id (else Bundle.identifier.value) or the single resource's id;
// empty for NDJSON (every item has its own). sourceId is the Observation.id, "#<i>" for component i,
// "#dim<k>" for dimension k of a SampledData with dimensions > 1; an Observation without id uses
// "<patientKey>|<code>|<time µs>" instead, so a resent copy still dedupes.
//
// Robustness: the payload is untrusted. Never crashes or asserts; work and memory are bounded:
// messages over kMaxMessageBytes, JSON nested deeper than kMaxDepth and Bundles of more than
// kMaxBundleEntries entries are rejected; an Observation's components past
// FhirObservation::kMaxComponents are skipped with a problem; SampledData has its own bounds; the
// problems of one message stop at FhirProblems::kMaxProblems (plus one saying so). Not JSON, not an object, no
// resourceType or an unsupported one: rejected = true with one problem. Problems are one English
// sentence each and never quote names, identifiers or values from the message.
class FhirDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::FhirDecoder)
public:
    // 32 MiB: room for three leads of FhirSampledData::kMaxSamples samples each, far beyond any MQTT
    // message a monitoring gateway sends, and small enough that QJsonDocument's copy stays modest.
    static constexpr qsizetype kMaxMessageBytes = qsizetype(32) << 20;
    static constexpr int kMaxDepth = 64; // JSON objects and arrays
    static constexpr qsizetype kMaxBundleEntries = 10'000;

    // One FHIR JSON resource. defaultPatientKey: the patient of a resource without subject.
    [[nodiscard]] static InboundBatch decode(const QByteArray& json, const QString& defaultPatientKey = {});
    // NDJSON: one resource a line (blank lines skipped). A bad line is a problem at "line N" and
    // never costs the other lines; rejected only when no line could be read at all.
    [[nodiscard]] static InboundBatch decodeNdjson(const QByteArray& text, const QString& defaultPatientKey = {});

    // The deepest nesting of JSON objects and arrays in `json` (strings skipped), counting no
    // further than limit + 1. Linear, no allocation.
    [[nodiscard]] static int nestingDepth(QByteArrayView json, int limit = kMaxDepth);
};

} // namespace vigil::codec
