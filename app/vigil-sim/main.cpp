// vigil-sim: publishes simulated patients, or WFDB records replayed as patients, to MQTT brokers as
// FHIR R4 Observations on Vigil's wire contract, and/or to an MLLP listener as HL7 v2 (IHE PCD-01
// ORU^R01), see SimPublisher. Headless.

#include "ingest/mqttpublisher.h"
#include "mllpsender.h"
#include "simpublisher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>
#include <memory>

namespace {

vigil::app::SimPublisher* g_publisher = nullptr;

void onSignal(int)
{
    if (g_publisher)
        g_publisher->stop();
}

int fail(const QString& message, int code = 2)
{
    std::fprintf(stderr, "vigil-sim: %s\n", qPrintable(message));
    return code;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Publishes simulated patients (or WFDB records replayed as patients) to MQTT brokers as FHIR R4 Observations "
        "on vigil/v1/<site>/<patient>/obs and /status, and/or over MLLP as HL7 v2 (IHE PCD-01 ORU^R01, one message "
        "per patient and second, each waiting for its ACK). Without --mllp the default broker is used; with --mllp "
        "alone no broker is needed. The fault options apply to both channels. Exit code 0 when everything was "
        "acknowledged, 1 otherwise, 2 for bad arguments."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("broker"),
            QStringLiteral("Broker URIs, comma-separated, in order of preference (default tcp://127.0.0.1:1883 "
                           "unless --mllp is given alone)."),
            QStringLiteral("URI[,URI…]")},
        {QStringLiteral("mllp"),
            QStringLiteral("Also send HL7 v2 over MLLP to this listener (IPv6: [ADDRESS]:PORT). Each message waits for "
                           "its ACK; AE/AR are counted; no ACK in time: reconnect and resend (the listener drops the "
                           "repeat by MSH-10); no listener: retry with back-off."),
            QStringLiteral("HOST:PORT")},
        {QStringLiteral("mllp-ack-timeout-ms"),
            QStringLiteral("MLLP: how long to wait for an ACK before resending (default 10000)."), QStringLiteral("MS"),
            QStringLiteral("10000")},
        {QStringLiteral("site"), QStringLiteral("Site in the topic."), QStringLiteral("SITE"), QStringLiteral("demo")},
        {QStringLiteral("patients"), QStringLiteral("Simulated patients (0-256)."), QStringLiteral("N"),
            QStringLiteral("8")},
        {QStringLiteral("wfdb"), QStringLiteral("A WFDB record (.hea) to replay as one more patient (repeatable)."),
            QStringLiteral("HEADER")},
        {QStringLiteral("seed"), QStringLiteral("Simulator and fault seed."), QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("speed"), QStringLiteral("1 real time, N times faster, 0 as fast as possible."),
            QStringLiteral("X"), QStringLiteral("1")},
        {QStringLiteral("duration"), QStringLiteral("Seconds of device time to publish (0: until interrupted)."),
            QStringLiteral("S"), QStringLiteral("0")},
        {QStringLiteral("start"), QStringLiteral("Device time of the first sample, µs since 1970 (default: now)."),
            QStringLiteral("US")},
        {QStringLiteral("heartbeat"), QStringLiteral("Seconds between device-status heartbeats."), QStringLiteral("S"),
            QStringLiteral("5")},
        {QStringLiteral("duplicates"), QStringLiteral("Fraction of messages sent twice."), QStringLiteral("P"),
            QStringLiteral("0")},
        {QStringLiteral("reorder"), QStringLiteral("Fraction of messages swapped with the next."), QStringLiteral("P"),
            QStringLiteral("0")},
        {QStringLiteral("malformed"),
            QStringLiteral("Fraction of messages followed by a broken copy (MQTT: cut JSON; MLLP: a cut copy without "
                           "MSH-12, which the listener rejects with AR)."),
            QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("delay-ms"), QStringLiteral("Hold every message this long before publishing."),
            QStringLiteral("MS"), QStringLiteral("0")},
        {QStringLiteral("client-id"), QStringLiteral("MQTT client id."), QStringLiteral("ID")},
        {QStringLiteral("ca"), QStringLiteral("TLS: CA certificate file."), QStringLiteral("FILE")},
        {QStringLiteral("cert"), QStringLiteral("TLS: client certificate file."), QStringLiteral("FILE")},
        {QStringLiteral("key"), QStringLiteral("TLS: client key file."), QStringLiteral("FILE")},
        {QStringLiteral("username"), QStringLiteral("MQTT user name."), QStringLiteral("NAME")},
        {QStringLiteral("password-file"), QStringLiteral("File whose first line is the MQTT password."),
            QStringLiteral("FILE")},
        {QStringLiteral("json"),
            QStringLiteral("Print the summary as JSON (MQTT counts at the top level, MLLP counts under \"mllp\").")},
    });
    p.process(app);

    vigil::app::SimPublisher::Options options;
    bool ok = true;
    auto number = [&](const char* name, double min, double max) {
        bool good = false;
        const double v = p.value(QString::fromLatin1(name)).toDouble(&good);
        if (!good || v < min || v > max)
            ok = false;
        return v;
    };
    options.site = p.value(QStringLiteral("site"));
    options.patients = static_cast<int>(number("patients", 0, 256));
    options.seed = static_cast<quint64>(number("seed", 0, 1e15));
    options.speed = number("speed", 0, 10000);
    options.durationS = number("duration", 0, 365.0 * 86400);
    options.heartbeatS = static_cast<int>(number("heartbeat", 0, 3600));
    options.duplicateRate = number("duplicates", 0, 1);
    options.reorderRate = number("reorder", 0, 1);
    options.malformedRate = number("malformed", 0, 1);
    options.delayMs = static_cast<int>(number("delay-ms", 0, 600'000));
    if (p.isSet(QStringLiteral("start")))
        options.start = static_cast<qint64>(number("start", 0, 4e15));
    options.wfdbRecords = p.values(QStringLiteral("wfdb"));
    const int ackTimeoutMs = static_cast<int>(number("mllp-ack-timeout-ms", 100, 600'000));
    if (!ok)
        return fail(QStringLiteral("an option has a value out of range; see --help"));
    if (options.patients == 0 && options.wfdbRecords.isEmpty())
        return fail(QStringLiteral("nothing to publish: --patients 0 and no --wfdb"));

    const bool useMllp = p.isSet(QStringLiteral("mllp"));
    const bool useMqtt = p.isSet(QStringLiteral("broker")) || !useMllp;
    std::unique_ptr<vigil::app::MllpSender> mllp;
    if (useMllp) {
        vigil::app::MllpSender::Config config;
        if (!vigil::app::MllpSender::parseAddress(p.value(QStringLiteral("mllp")), &config.host, &config.port))
            return fail(QStringLiteral("--mllp takes HOST:PORT"));
        config.ackTimeoutMs = ackTimeoutMs;
        mllp = std::make_unique<vigil::app::MllpSender>(config);
    }
    std::unique_ptr<vigil::ingest::MqttPublisher> publisher;
    if (useMqtt) {
        vigil::ingest::MqttPublisher::Config config;
        const QString brokers = p.isSet(QStringLiteral("broker")) ? p.value(QStringLiteral("broker"))
                                                                  : QStringLiteral("tcp://127.0.0.1:1883");
        config.connection.brokers = brokers.split(QLatin1Char(','), Qt::SkipEmptyParts);
        config.connection.clientId = p.value(QStringLiteral("client-id"));
        config.connection.caFile = p.value(QStringLiteral("ca"));
        config.connection.certFile = p.value(QStringLiteral("cert"));
        config.connection.keyFile = p.value(QStringLiteral("key"));
        config.connection.username = p.value(QStringLiteral("username"));
        if (p.isSet(QStringLiteral("password-file"))) {
            QFile file(p.value(QStringLiteral("password-file")));
            if (!file.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("cannot read the password file"));
            config.connection.password = QString::fromUtf8(file.readLine()).trimmed();
        }
        publisher = std::make_unique<vigil::ingest::MqttPublisher>(config);
    }
    vigil::app::SimPublisher sim(options, publisher.get(), mllp.get());
    QString error;
    if (!sim.prepare(&error))
        return fail(error, 1);
    g_publisher = &sim;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    if (publisher)
        publisher->start();
    sim.run();
    const bool mqttDelivered = !publisher || publisher->stop(30'000);
    const bool mllpDelivered = !mllp || mllp->drain(30'000);
    g_publisher = nullptr;
    const auto s = sim.stats();
    const bool delivered = mqttDelivered && mllpDelivered && s.unencodable == 0 && s.mllpRefused == 0;
    QJsonObject summary{{QStringLiteral("delivered"), delivered},
        {QStringLiteral("messages"), static_cast<qint64>(s.mqtt.messages)},
        {QStringLiteral("acknowledged"), static_cast<qint64>(publisher ? publisher->published() : 0)},
        {QStringLiteral("republished"), static_cast<qint64>(publisher ? publisher->republished() : 0)},
        {QStringLiteral("duplicates"), static_cast<qint64>(s.mqtt.duplicates)},
        {QStringLiteral("reordered"), static_cast<qint64>(s.mqtt.reordered)},
        {QStringLiteral("malformed"), static_cast<qint64>(s.mqtt.malformed)},
        {QStringLiteral("samples"), static_cast<qint64>(s.samples)},
        {QStringLiteral("refused"), static_cast<qint64>(s.refused + (publisher ? publisher->refused() : 0))},
        {QStringLiteral("device_seconds"), s.deviceSeconds}, {QStringLiteral("start_us"), sim.start()},
        {QStringLiteral("broker"), publisher ? publisher->currentBroker() : QString()}};
    if (mllp) {
        const auto& m = mllp->stats();
        summary.insert(QStringLiteral("mllp"),
            QJsonObject{{QStringLiteral("address"), mllp->address()}, {QStringLiteral("delivered"), mllpDelivered},
                {QStringLiteral("messages"), static_cast<qint64>(s.mllp.messages)},
                {QStringLiteral("samples"), static_cast<qint64>(s.mllpSamples)},
                {QStringLiteral("duplicates"), static_cast<qint64>(s.mllp.duplicates)},
                {QStringLiteral("reordered"), static_cast<qint64>(s.mllp.reordered)},
                {QStringLiteral("malformed"), static_cast<qint64>(s.mllp.malformed)},
                {QStringLiteral("frames"), static_cast<qint64>(m.frames)},
                {QStringLiteral("aa"), static_cast<qint64>(m.accepted)},
                {QStringLiteral("ae"), static_cast<qint64>(m.errors)},
                {QStringLiteral("ar"), static_cast<qint64>(m.rejected)},
                {QStringLiteral("resent"), static_cast<qint64>(m.resent)},
                {QStringLiteral("timeouts"), static_cast<qint64>(m.timeouts)},
                {QStringLiteral("connects"), static_cast<qint64>(m.connects)},
                {QStringLiteral("connect_failures"), static_cast<qint64>(m.connectFailures)},
                {QStringLiteral("stray_acks"), static_cast<qint64>(m.strayAcks)},
                {QStringLiteral("unacknowledged"), static_cast<qint64>(mllp->queued())},
                {QStringLiteral("refused"), static_cast<qint64>(s.mllpRefused)},
                {QStringLiteral("unencodable"), static_cast<qint64>(s.unencodable)}});
    }
    if (p.isSet(QStringLiteral("json"))) {
        std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    } else {
        if (publisher)
            std::printf("vigil-sim: MQTT: %lld messages (%lld samples) over %.0f s of device time, %s\n",
                static_cast<long long>(s.mqtt.messages), static_cast<long long>(s.samples), s.deviceSeconds,
                mqttDelivered ? "all acknowledged by a broker" : "NOT all delivered");
        if (mllp) {
            const auto& m = mllp->stats();
            std::printf("vigil-sim: MLLP to %s: %lld messages (%lld samples) over %.0f s of device time; %lld frames "
                        "sent (%lld duplicates, %lld malformed, %lld resent): %lld AA, %lld AE, %lld AR; %s\n",
                qPrintable(mllp->address()), static_cast<long long>(s.mllp.messages),
                static_cast<long long>(s.mllpSamples), s.deviceSeconds, static_cast<long long>(m.frames),
                static_cast<long long>(s.mllp.duplicates), static_cast<long long>(s.mllp.malformed),
                static_cast<long long>(m.resent), static_cast<long long>(m.accepted), static_cast<long long>(m.errors),
                static_cast<long long>(m.rejected),
                mllpDelivered ? "every message acknowledged" : "NOT all acknowledged");
        }
    }
    return delivered ? 0 : 1;
}
