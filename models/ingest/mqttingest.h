#pragma once

#include "mqttsource.h"

#include <QString>

#include <memory>
#include <optional>

namespace vigil::ingest {

class IngestRouter;

// The MQTT live feed end to end: an MqttSource whose messages are decoded as FHIR R4
// (codec::FhirDecoder; the topic names the patient of resources without a subject) and handed to
// the router. The site's clinical events (`vigil/v1/<site>/events`, FHIR Task / Communication /
// Bundle, codec::CaseEventFhir) go to IngestRouter::processCaseEvent. A topic outside the contract,
// or a payload that cannot be decoded, is quarantined by the router with the topic as its source.
class MqttIngest final
{
public:
    struct Topic
    {
        QString site;
        QString patientKey; // empty for "events"
        QString kind; // "obs", "status" or "events"
    };

    MqttIngest(MqttSource::Config config, IngestRouter& router);
    ~MqttIngest();

    [[nodiscard]] MqttSource& source() { return *m_source; }

    // "vigil/v1/<site>/<patientId>/obs|status" or "vigil/v1/<site>/events" → its parts; nullopt for
    // anything else.
    [[nodiscard]] static std::optional<Topic> parseTopic(const QString& topic);
    // What the source's handler does with one message (public for tests and `vigilctl import`).
    static void handle(IngestRouter& router, const QString& topic, const QByteArray& payload);

private:
    std::unique_ptr<MqttSource> m_source;
};

} // namespace vigil::ingest
