#include "mqttingest.h"

#include "codec/fhirdecoder.h"
#include "ingestrouter.h"

#include <QStringList>

namespace vigil::ingest {

MqttIngest::MqttIngest(MqttSource::Config config, IngestRouter& router)
    : m_source(std::make_unique<MqttSource>(std::move(config),
        [&router](const QString& topic, const QByteArray& payload) { handle(router, topic, payload); }))
{ }

MqttIngest::~MqttIngest()
{
    m_source->stop();
}

std::optional<MqttIngest::Topic> MqttIngest::parseTopic(const QString& topic)
{
    const QStringList parts = topic.split(QLatin1Char('/'));
    if (parts.size() == 4 && parts[0] == QLatin1String("vigil") && parts[1] == QLatin1String("v1")
        && !parts[2].isEmpty() && parts[3] == QLatin1String("events"))
        return Topic{parts[2], QString(), parts[3]};
    if (parts.size() != 5 || parts[0] != QLatin1String("vigil") || parts[1] != QLatin1String("v1") || parts[2].isEmpty()
        || parts[3].isEmpty() || (parts[4] != QLatin1String("obs") && parts[4] != QLatin1String("status")))
        return std::nullopt;
    return Topic{parts[2], parts[3], parts[4]};
}

void MqttIngest::handle(IngestRouter& router, const QString& topic, const QByteArray& payload)
{
    const std::optional<Topic> parts = parseTopic(topic);
    if (!parts) {
        codec::InboundBatch batch;
        batch.rejected = true;
        batch.problems.push_back(
            {QString(), QStringLiteral("The topic is not one of Vigil's (vigil/v1/<site>/<patient>/obs|status).")});
        router.process(batch, QStringLiteral("mqtt"), topic, payload);
        return;
    }
    if (parts->kind == QLatin1String("events")) {
        router.processCaseEvent(payload, QStringLiteral("mqtt"), topic);
        return;
    }
    const codec::InboundBatch batch = codec::FhirDecoder::decode(payload, parts->patientKey);
    router.process(batch, QStringLiteral("mqtt"), topic, payload);
}

} // namespace vigil::ingest
