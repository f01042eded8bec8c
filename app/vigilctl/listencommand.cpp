#include "listencommand.h"

#include "ctlcontext.h"
#include "ingest/ingestrouter.h"
#include "ingest/mllplistener.h"
#include "ingest/mqttingest.h"
#include "store/cache.h"
#include "store/storewriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <csignal>
#include <cstdio>

namespace vigil::app {

namespace {

void quitOnSignal(int)
{
    QCoreApplication::quit(); // thread-safe: posts the quit
}

QJsonObject toJson(const ingest::IngestRouter::SourceStats& s)
{
    return QJsonObject{{QStringLiteral("messages"), static_cast<qint64>(s.messages)},
        {QStringLiteral("rejected"), static_cast<qint64>(s.rejected)},
        {QStringLiteral("with_problems"), static_cast<qint64>(s.withProblems)},
        {QStringLiteral("problems"), static_cast<qint64>(s.problems)},
        {QStringLiteral("duplicates"), static_cast<qint64>(s.duplicates)},
        {QStringLiteral("segments"), static_cast<qint64>(s.segments)},
        {QStringLiteral("samples"), static_cast<qint64>(s.samples)},
        {QStringLiteral("vitals"), static_cast<qint64>(s.vitals)},
        {QStringLiteral("statuses"), static_cast<qint64>(s.statuses)},
        {QStringLiteral("dropped_samples"), static_cast<qint64>(s.droppedSamples)},
        {QStringLiteral("max_abs_clock_skew_ms"), static_cast<double>(s.maxAbsSkewUs) / 1000.0}};
}

} // namespace

int ListenCommand::run(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("listen"));
    QCommandLineParser& p = ctx.parser();
    p.addOptions({
        {QStringLiteral("broker"), QStringLiteral("MQTT broker URIs, comma-separated, in order of preference."),
            QStringLiteral("URI[,URI…]")},
        {QStringLiteral("site"), QStringLiteral("Site in the topics."), QStringLiteral("SITE"), QStringLiteral("demo")},
        {QStringLiteral("mllp"), QStringLiteral("Listen for HL7 v2 over MLLP on PORT (0: any free port)."),
            QStringLiteral("PORT")},
        {QStringLiteral("mllp-address"), QStringLiteral("Address to listen on for MLLP."), QStringLiteral("ADDRESS"),
            QStringLiteral("0.0.0.0")},
        {QStringLiteral("duration"), QStringLiteral("Seconds to listen (0: until SIGINT/SIGTERM)."),
            QStringLiteral("S"), QStringLiteral("0")},
        {QStringLiteral("client-id"), QStringLiteral("MQTT client id (keep it stable: it names the session)."),
            QStringLiteral("ID")},
        {QStringLiteral("ca"), QStringLiteral("TLS: CA certificate file."), QStringLiteral("FILE")},
        {QStringLiteral("cert"), QStringLiteral("TLS: client certificate file."), QStringLiteral("FILE")},
        {QStringLiteral("key"), QStringLiteral("TLS: client key file."), QStringLiteral("FILE")},
        {QStringLiteral("no-verify-hostname"), QStringLiteral("TLS: do not check the broker's host name.")},
        {QStringLiteral("username"), QStringLiteral("MQTT user name."), QStringLiteral("NAME")},
        {QStringLiteral("password-file"), QStringLiteral("File whose first line is the MQTT password."),
            QStringLiteral("FILE")},
    });
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    const QStringList brokers = p.value(QStringLiteral("broker")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const bool mllp = p.isSet(QStringLiteral("mllp"));
    if (brokers.isEmpty() && !mllp)
        return ctx.fail(QStringLiteral("nothing to listen to: give --broker and/or --mllp"), CtlContext::kUsage);
    bool ok = false;
    const double duration = p.value(QStringLiteral("duration")).toDouble(&ok);
    if (!ok || duration < 0)
        return ctx.fail(QStringLiteral("--duration takes seconds (0: until interrupted)"), CtlContext::kUsage);
    const int mllpPort = mllp ? p.value(QStringLiteral("mllp")).toInt(&ok) : 0;
    if (mllp && (!ok || mllpPort < 0 || mllpPort > 65535))
        return ctx.fail(QStringLiteral("--mllp takes a port number"), CtlContext::kUsage);

    int exitCode = 0;
    auto cache = ctx.openCache(exitCode);
    if (!cache)
        return exitCode;
    store::StoreWriter writer(*cache);
    store::StoreError error;
    if (!writer.start(&error))
        return ctx.fail(error.message);
    writer.appendAudit({0, qEnvironmentVariable("USER", QStringLiteral("unknown")), QStringLiteral("administrator"),
        QStringLiteral("ingest.listen"), 0,
        QStringLiteral("headless ingest: %1 broker(s)%2")
            .arg(brokers.size())
            .arg(mllp ? QStringLiteral(", MLLP") : QString())});
    ingest::IngestRouter router(nullptr, &writer);

    std::unique_ptr<ingest::MqttIngest> mqtt;
    if (!brokers.isEmpty()) {
        ingest::MqttSource::Config config;
        config.connection.brokers = brokers;
        config.connection.clientId = p.value(QStringLiteral("client-id"));
        config.connection.caFile = p.value(QStringLiteral("ca"));
        config.connection.certFile = p.value(QStringLiteral("cert"));
        config.connection.keyFile = p.value(QStringLiteral("key"));
        config.connection.verifyHostname = !p.isSet(QStringLiteral("no-verify-hostname"));
        config.connection.username = p.value(QStringLiteral("username"));
        if (p.isSet(QStringLiteral("password-file"))) {
            QFile file(p.value(QStringLiteral("password-file")));
            if (!file.open(QIODevice::ReadOnly))
                return ctx.fail(QStringLiteral("cannot read the MQTT password file"), CtlContext::kUsage);
            config.connection.password = QString::fromUtf8(file.readLine()).trimmed();
        }
        config.site = p.value(QStringLiteral("site"));
        mqtt = std::make_unique<ingest::MqttIngest>(config, router);
        QObject::connect(&mqtt->source(), &ingest::MqttSource::stateChanged,
            [json = ctx.json()](ingest::MqttSource::State state, const QString& broker, const QString& reason) {
                if (json)
                    return;
                std::fprintf(stderr, "mqtt: %s %s %s\n", qPrintable(QVariant::fromValue(state).toString()),
                    qPrintable(broker), qPrintable(reason));
            });
        mqtt->source().start();
    }
    std::unique_ptr<ingest::MllpListener> listener;
    if (mllp) {
        listener = std::make_unique<ingest::MllpListener>(router);
        QString why;
        if (!listener->start(
                static_cast<quint16>(mllpPort), QHostAddress(p.value(QStringLiteral("mllp-address"))), &why))
            return ctx.fail(QStringLiteral("MLLP: %1").arg(why));
        // The port, first thing on stdout, so a caller that asked for port 0 can connect.
        std::printf("mllp port %u\n", static_cast<unsigned>(listener->port()));
        std::fflush(stdout);
    }
    std::signal(SIGINT, quitOnSignal);
    std::signal(SIGTERM, quitOnSignal);
    if (duration > 0)
        QTimer::singleShot(static_cast<int>(duration * 1000), QCoreApplication::instance(), &QCoreApplication::quit);
    QCoreApplication::exec();

    if (mqtt)
        mqtt->source().stop();
    if (listener)
        listener->stop();
    const bool committed = writer.stop();
    const auto writerStats = writer.stats();
    QJsonObject sources;
    for (const auto& [name, s] : router.stats())
        sources.insert(name, toJson(s));
    const auto total = router.total();
    QJsonObject object{{QStringLiteral("ok"), committed}, {QStringLiteral("total"), toJson(total)},
        {QStringLiteral("sources"), sources},
        {QStringLiteral("samples_committed"), static_cast<qint64>(writerStats.samplesCommitted)},
        {QStringLiteral("writer_dropped_samples"), static_cast<qint64>(writerStats.droppedSamples)}};
    if (mqtt) {
        object.insert(QStringLiteral("mqtt_messages"), static_cast<qint64>(mqtt->source().messagesReceived()));
        object.insert(QStringLiteral("mqtt_connects"), static_cast<qint64>(mqtt->source().connects()));
    }
    if (listener) {
        const auto m = listener->stats();
        object.insert(QStringLiteral("mllp"),
            QJsonObject{{QStringLiteral("connections"), static_cast<qint64>(m.connections)},
                {QStringLiteral("messages"), static_cast<qint64>(m.messages)},
                {QStringLiteral("aa"), static_cast<qint64>(m.accepted)},
                {QStringLiteral("ae"), static_cast<qint64>(m.errors)},
                {QStringLiteral("ar"), static_cast<qint64>(m.rejected)}});
    }
    const QString text =
        QStringLiteral("Received %1 messages (%2 samples, %3 vital signs; %4 repeats dropped, %5 quarantined); "
                       "%6 samples committed.")
            .arg(total.messages)
            .arg(total.samples)
            .arg(total.vitals)
            .arg(total.duplicates)
            .arg(total.rejected + total.withProblems)
            .arg(writerStats.samplesCommitted);
    return ctx.finish(object, text, committed ? 0 : CtlContext::kFailure);
}

} // namespace vigil::app
