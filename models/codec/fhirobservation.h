#pragma once

#include "inboundbatch.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace vigil::codec {

// One FHIR R4 Observation read into vital readings, waveform segments or a device status (see
// FhirDecoder for the rules, the device-status format and the policy on codes Vigil does not read).
// Used by FhirDecoder for single resources, Bundle entries and NDJSON lines. Thread-safe (no state).
class FhirObservation final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::FhirObservation)
public:
    // The Vigil code system for what FHIR has no code for (device status). Any system URI under
    // kVigilSystemPrefix is accepted for the status codes.
    static constexpr const char* kVigilSystemPrefix = "https://vigil.example.nhs.uk/fhir/CodeSystem/";
    static constexpr const char* kVigilCategorySystem =
        "https://vigil.example.nhs.uk/fhir/CodeSystem/observation-category";
    static constexpr const char* kVigilDeviceStatusSystem =
        "https://vigil.example.nhs.uk/fhir/CodeSystem/device-status";

    // Components read per Observation (a 12-lead ECG has 12; a vitals panel a handful).
    static constexpr qsizetype kMaxComponents = 1000;

    struct Context
    {
        QString defaultPatientKey; // for a resource without subject (the MQTT topic's patient)
        QHash<QString, QString> patientByFullUrl; // Bundle entry fullUrl of a Patient -> its key
    };

    // Appends what the Observation carries to `out` (problems located under `where`, e.g.
    // "entry[3]", so a component is "entry[3].component[1]"). Returns the Observation's idempotency
    // key (its id, or "<patientKey>|<code>|<time>" without one); empty when it was skipped whole.
    static QString decode(
        const QJsonObject& observation, const Context& context, const QString& where, InboundBatch& out);

    // The patient key of a resource's subject: "Patient/<id>" (also absolute, also with
    // "/_history/<v>") -> "<id>"; a Bundle fullUrl ("urn:uuid:…") -> that Patient's key; no subject
    // -> the context's default. nullopt with *reason when none applies or the reference is not usable.
    [[nodiscard]] static std::optional<QString> patientKey(
        const QJsonObject& resource, const Context& context, QString* reason = nullptr);
};

} // namespace vigil::codec
