// vigil-sim: publishes simulated patients, or WFDB records replayed as patients, to MQTT brokers as
// FHIR R4 Observations on Vigil's wire contract (see SimPublisher). Headless.

#include "ingest/mqttpublisher.h"
#include "simpublisher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <cstdio>

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
    p.setApplicationDescription(
        QStringLiteral("Publishes simulated patients (or WFDB records replayed as patients) to MQTT brokers as FHIR R4 "
                       "Observations on vigil/v1/<site>/<patient>/obs and /status."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("broker"), QStringLiteral("Broker URIs, comma-separated, in order of preference."),
            QStringLiteral("URI[,URI…]"), QStringLiteral("tcp://127.0.0.1:1883")},
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
        {QStringLiteral("malformed"), QStringLiteral("Fraction of messages followed by a broken copy."),
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
        {QStringLiteral("json"), QStringLiteral("Print the summary as JSON.")},
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
    if (!ok)
        return fail(QStringLiteral("an option has a value out of range; see --help"));
    if (options.patients == 0 && options.wfdbRecords.isEmpty())
        return fail(QStringLiteral("nothing to publish: --patients 0 and no --wfdb"));

    vigil::ingest::MqttPublisher::Config config;
    config.connection.brokers = p.value(QStringLiteral("broker")).split(QLatin1Char(','), Qt::SkipEmptyParts);
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
    vigil::ingest::MqttPublisher publisher(config);
    vigil::app::SimPublisher sim(options, publisher);
    QString error;
    if (!sim.prepare(&error))
        return fail(error, 1);
    g_publisher = &sim;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    publisher.start();
    sim.run();
    const bool delivered = publisher.stop(30'000);
    g_publisher = nullptr;
    const auto& s = sim.stats();
    const QJsonObject summary{{QStringLiteral("delivered"), delivered},
        {QStringLiteral("messages"), static_cast<qint64>(s.messages)},
        {QStringLiteral("acknowledged"), static_cast<qint64>(publisher.published())},
        {QStringLiteral("republished"), static_cast<qint64>(publisher.republished())},
        {QStringLiteral("duplicates"), static_cast<qint64>(s.duplicates)},
        {QStringLiteral("reordered"), static_cast<qint64>(s.reordered)},
        {QStringLiteral("malformed"), static_cast<qint64>(s.malformed)},
        {QStringLiteral("samples"), static_cast<qint64>(s.samples)},
        {QStringLiteral("refused"), static_cast<qint64>(s.refused + publisher.refused())},
        {QStringLiteral("device_seconds"), s.deviceSeconds}, {QStringLiteral("start_us"), options.start},
        {QStringLiteral("broker"), publisher.currentBroker()}};
    if (p.isSet(QStringLiteral("json")))
        std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    else
        std::printf("vigil-sim: %lld messages (%lld samples) over %.0f s of device time, %s\n",
            static_cast<long long>(s.messages), static_cast<long long>(s.samples), s.deviceSeconds,
            delivered ? "all acknowledged by a broker" : "NOT all delivered");
    return delivered ? 0 : 1;
}
