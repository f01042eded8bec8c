#include "ingestbench.h"

#include "benchbroker.h"
#include "benchworkload.h"
#include "codec/fhirdecoder.h"
#include "codec/fhirencoder.h"
#include "ctlcontext.h"
#include "ingest/ingestrouter.h"
#include "ingest/mqttpublisher.h"
#include "ingest/mqttsource.h"
#include "live/livehub.h"
#include "store/cache.h"
#include "store/storewriter.h"
#include "store/streamdescriptor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <mutex>

namespace vigil::app {

namespace {

struct Message
{
    QString topic;
    QString id; // Observation.id
    QByteArray payload;
    qint64 samples = 0;
};

QString patientKey(int p)
{
    return QStringLiteral("bench-%1").arg(p, 3, 10, QLatin1Char('0'));
}

// Device second `second` (from BenchWorkload::kStart) for every patient, as the wire carries it:
// one message per Observation, or (bundles) one Bundle per patient with that second's chunks and
// vital signs, as a hub sends it. `id` is the first waveform Observation's id (the latency key).
std::vector<Message> encodeSecond(const BenchWorkload& minute, int second, bool bundles)
{
    std::vector<Message> out;
    std::vector<Message> perPatient;
    const core::Timestamp t = BenchWorkload::kStart + second * core::kMicrosPerSecond;
    const auto inMinute = static_cast<std::size_t>(second % 60);
    for (std::size_t p = 0; p < minute.samples.size(); ++p) {
        std::vector<Message>& sink = bundles ? perPatient : out;
        perPatient.clear();
        const QString key = patientKey(static_cast<int>(p));
        const QString topic = QStringLiteral("vigil/v1/bench/%1/obs").arg(key);
        for (core::StreamKind kind : core::kAllStreams) {
            const store::StreamDescriptor d = store::StreamDescriptor::forLiveStream(kind);
            const auto rate = static_cast<std::size_t>(core::sampleRateHz(kind));
            const auto& all = minute.samples[p][static_cast<std::size_t>(core::streamIndex(kind))];
            if (all.size() < (inMinute + 1) * rate)
                continue;
            codec::FhirEncoder::Wave wave;
            wave.id = QStringLiteral("%1-%2-%3").arg(key).arg(d.code).arg(t);
            wave.patientKey = key;
            wave.mdcCode = d.code;
            wave.start = t;
            wave.periodMs = 1000.0 / d.rateHz;
            wave.factor = 1.0 / d.gain;
            wave.unit = d.unit;
            wave.digital = std::span<const qint32>(all).subspan(inMinute * rate, rate);
            sink.push_back({topic, wave.id, codec::FhirEncoder::waveObservation(wave), static_cast<qint64>(rate)});
        }
        for (const auto& [offset, kind, value] : minute.vitals[p]) {
            if (offset / core::kMicrosPerSecond != static_cast<core::Timestamp>(inMinute))
                continue;
            const core::Timestamp when = t - static_cast<core::Timestamp>(inMinute) * core::kMicrosPerSecond + offset;
            const QString id = QStringLiteral("%1-v%2-%3").arg(key).arg(static_cast<int>(kind)).arg(when);
            sink.push_back({topic, id, codec::FhirEncoder::vitalObservation(id, key, kind, {value, when}), 0});
        }
        if (bundles && !perPatient.empty()) {
            QList<QByteArray> resources;
            qint64 samples = 0;
            for (const Message& m : perPatient) {
                resources.append(m.payload);
                samples += m.samples;
            }
            out.push_back({topic, perPatient.front().id,
                codec::FhirEncoder::bundle(QStringLiteral("%1-b-%2").arg(key).arg(t), resources), samples});
        }
    }
    return out;
}

// The workstation side: an encrypted cache, its writer, the live hub and the router.
struct Workstation
{
    std::unique_ptr<store::Cache> cache;
    std::unique_ptr<store::StoreWriter> writer;
    live::LiveHub hub;
    std::unique_ptr<ingest::IngestRouter> router;

    bool open(const QString& path, QString* error)
    {
        store::StoreError e;
        cache = store::Cache::createEphemeral(path, &e);
        if (!cache) {
            *error = e.message;
            return false;
        }
        writer = std::make_unique<store::StoreWriter>(*cache);
        if (!writer->start(&e)) {
            *error = e.message;
            return false;
        }
        router = std::make_unique<ingest::IngestRouter>(&hub, writer.get());
        return true;
    }
};

} // namespace

int IngestBench::run(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("bench ingest"));
    QCommandLineParser& p = ctx.parser();
    p.addOptions({
        {QStringLiteral("patients"), QStringLiteral("Patients."), QStringLiteral("N"), QStringLiteral("64")},
        {QStringLiteral("seconds"), QStringLiteral("Device seconds published in the throughput phase."),
            QStringLiteral("S"), QStringLiteral("120")},
        {QStringLiteral("latency-seconds"), QStringLiteral("Seconds of the real-time latency phase."),
            QStringLiteral("S"), QStringLiteral("20")},
        {QStringLiteral("per-observation"),
            QStringLiteral("One MQTT message per Observation instead of one Bundle per patient and second.")},
        {QStringLiteral("hubs"), QStringLiteral("Publishing gateways (MQTT clients), patients shared among them."),
            QStringLiteral("N"), QStringLiteral("8")},
        {QStringLiteral("broker"), QStringLiteral("Use this broker instead of starting Mosquitto."),
            QStringLiteral("URI")},
    });
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    const int patients = p.value(QStringLiteral("patients")).toInt();
    const int seconds = p.value(QStringLiteral("seconds")).toInt();
    const int latencySeconds = p.value(QStringLiteral("latency-seconds")).toInt();
    const bool bundles = !p.isSet(QStringLiteral("per-observation"));
    const int hubs = std::clamp(p.value(QStringLiteral("hubs")).toInt(), 1, 64);
    if (patients < 1 || patients > 512 || seconds < 1 || latencySeconds < 0)
        return ctx.fail(QStringLiteral("--patients 1-512, --seconds ≥ 1, --latency-seconds ≥ 0"), CtlContext::kUsage);

    std::printf("vigilctl bench ingest: %d patients (ECG 500 Hz, pleth 125 Hz, resp 50 Hz, vitals) as FHIR R4 over "
                "MQTT QoS 1 into the encrypted cache, %s\n",
        patients, bundles ? "one Bundle per patient and second" : "one message per Observation");
    std::fflush(stdout);
    BenchBroker ownBroker;
    QString uri = p.value(QStringLiteral("broker"));
    QString error;
    if (uri.isEmpty()) {
        if (!ownBroker.start(&error))
            return ctx.fail(error);
        uri = ownBroker.uri();
    }
    const BenchWorkload minute = BenchWorkload::simulateMinute(patients);
    std::vector<Message> messages;
    qint64 totalSamples = 0;
    qint64 totalBytes = 0;
    for (int s = 0; s < seconds; ++s) {
        for (Message& m : encodeSecond(minute, s, bundles)) {
            totalSamples += m.samples;
            totalBytes += m.payload.size();
            messages.push_back(std::move(m));
        }
    }
    QTemporaryDir temp;

    // Baseline: decode + route in process, no broker.
    double baselineRate = 0;
    {
        Workstation ws;
        if (!ws.open(temp.filePath(QStringLiteral("baseline.vigil")), &error))
            return ctx.fail(error);
        QElapsedTimer timer;
        timer.start();
        quint64 last = 0;
        for (const Message& m : messages) {
            const QString key = m.topic.section(QLatin1Char('/'), 3, 3);
            last = std::max(last,
                ws.router->process(
                    codec::FhirDecoder::decode(m.payload, key), QStringLiteral("bench"), m.topic, m.payload));
        }
        ws.writer->waitCommitted(last, 600'000);
        baselineRate = static_cast<double>(totalSamples) / (static_cast<double>(timer.nsecsElapsed()) / 1e9);
        ws.writer->stop();
    }
    std::printf("baseline (decode + route + encrypted store, no broker): %.0f samples/s\n", baselineRate);
    std::fflush(stdout);

    // The workstation subscribed through the broker.
    Workstation ws;
    if (!ws.open(temp.filePath(QStringLiteral("bench.vigil")), &error))
        return ctx.fail(error);
    std::mutex mutex;
    QHash<QString, qint64> sentAt; // Observation.id → publish time (ns of `clock`)
    std::vector<double> latencies;
    bool measuring = false;
    std::atomic<qint64> routed{0};
    std::atomic<quint64> lastSeq{0};
    QElapsedTimer clock;
    clock.start();
    ingest::MqttSource::Config sourceConfig;
    sourceConfig.connection.brokers = {uri};
    sourceConfig.connection.clientId = QStringLiteral("vigil-bench-%1").arg(QCoreApplication::applicationPid());
    sourceConfig.site = QStringLiteral("bench");
    ingest::MqttSource source(sourceConfig, [&](const QString& topic, const QByteArray& payload) {
        const QString key = topic.section(QLatin1Char('/'), 3, 3);
        const codec::InboundBatch batch = codec::FhirDecoder::decode(payload, key);
        const quint64 seq = ws.router->process(batch, QStringLiteral("mqtt"), topic, payload);
        const qint64 now = clock.nsecsElapsed();
        quint64 prev = lastSeq.load();
        while (seq > prev && !lastSeq.compare_exchange_weak(prev, seq)) {
        }
        routed.fetch_add(1);
        if (!batch.waves.empty()) {
            std::lock_guard lock(mutex);
            const auto it = sentAt.constFind(batch.waves.front().sourceId);
            if (measuring && it != sentAt.constEnd())
                latencies.push_back(static_cast<double>(now - it.value()) / 1e6);
        }
    });
    source.start();
    for (int i = 0; i < 200 && source.state() != ingest::MqttSource::State::Connected; ++i)
        QThread::msleep(50);
    if (source.state() != ingest::MqttSource::State::Connected)
        return ctx.fail(QStringLiteral("could not subscribe at %1: %2").arg(uri, source.lastError()));

    // Several gateways publish, as in a virtual ward (each hub serves a group of patients): one
    // publisher per `hubs`, patients assigned round-robin. A single QoS 1 publisher is limited by
    // its own acknowledgement round trips, not by the workstation.
    std::vector<std::unique_ptr<ingest::MqttPublisher>> publishers;
    for (int h = 0; h < hubs; ++h) {
        ingest::MqttPublisher::Config pubConfig;
        pubConfig.connection.brokers = {uri};
        pubConfig.maxQueued = static_cast<qsizetype>(messages.size()) + 1000;
        publishers.push_back(std::make_unique<ingest::MqttPublisher>(pubConfig));
        publishers.back()->start();
    }
    auto publisherFor = [&](const QString& topic) -> ingest::MqttPublisher& {
        return *publishers[static_cast<std::size_t>(
            topic.section(QLatin1Char('/'), 3, 3).section(QLatin1Char('-'), 1).toInt() % hubs)];
    };

    // Phase 1: throughput.
    QElapsedTimer timer;
    timer.start();
    for (const Message& m : messages)
        publisherFor(m.topic).publish(m.topic, m.payload);
    const auto expected = static_cast<qint64>(messages.size());
    while (routed.load() < expected && timer.elapsed() < 600'000)
        QThread::msleep(1);
    const double routedSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    ws.writer->waitCommitted(lastSeq.load(), 600'000);
    const double committedSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double rate = static_cast<double>(totalSamples) / committedSeconds;
    const double messageRate = static_cast<double>(expected) / committedSeconds;
    std::printf("throughput: %lld messages (%.1f MB of JSON), %lld samples routed in %.2f s and committed in %.2f s: "
                "%.0f samples/s, %.0f messages/s (%.2f × the no-broker baseline)\n",
        static_cast<long long>(expected), static_cast<double>(totalBytes) / 1e6, static_cast<long long>(totalSamples),
        routedSeconds, committedSeconds, rate, messageRate, rate / baselineRate);
    std::fflush(stdout);

    // Phase 2: latency at 64 patients in real time, each patient's second spread over the second.
    double p50 = 0;
    double p99 = 0;
    double pmax = 0;
    if (latencySeconds > 0) {
        {
            std::lock_guard lock(mutex);
            measuring = true;
        }
        const qint64 phaseStart = clock.nsecsElapsed();
        for (int s = 0; s < latencySeconds; ++s) {
            const std::vector<Message> second = encodeSecond(minute, seconds + s, bundles);
            for (std::size_t i = 0; i < second.size(); ++i) {
                const qint64 due = phaseStart + (static_cast<qint64>(s) * 1'000'000'000LL)
                    + static_cast<qint64>(i) * 1'000'000'000LL / static_cast<qint64>(second.size());
                while (clock.nsecsElapsed() < due)
                    QThread::usleep(200);
                {
                    std::lock_guard lock(mutex);
                    sentAt.insert(second[i].id, clock.nsecsElapsed());
                }
                publisherFor(second[i].topic).publish(second[i].topic, second[i].payload);
            }
        }
        QThread::msleep(1000);
        std::lock_guard lock(mutex);
        measuring = false;
        p50 = BenchWorkload::percentile(latencies, 0.5);
        p99 = BenchWorkload::percentile(latencies, 0.99);
        pmax = latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end());
        std::printf("latency (publish → in the live ring), %zu waveform messages at %d patients in real time: "
                    "p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
            latencies.size(), patients, p50, p99, pmax);
    }
    for (auto& publisher : publishers)
        publisher->stop(10'000);
    source.stop();
    ws.writer->stop();
    const auto writerStats = ws.writer->stats();
    const auto total = ws.router->total();
    std::printf("writer: %llu samples committed, %llu dropped; router: %llu repeats, %llu quarantined\n",
        static_cast<unsigned long long>(writerStats.samplesCommitted),
        static_cast<unsigned long long>(writerStats.droppedSamples), static_cast<unsigned long long>(total.duplicates),
        static_cast<unsigned long long>(total.rejected + total.withProblems));
    const bool throughputMet = rate >= 1e6;
    const bool latencyMet = latencySeconds == 0 || p99 <= 50.0;
    std::printf("targets: >= 1,000,000 samples/s sustained: %s; p99 <= 50 ms at %d patients: %s\n",
        throughputMet ? "met" : "MISSED", patients, latencySeconds == 0 ? "n/a" : (latencyMet ? "met" : "MISSED"));
    const QJsonObject summary{{QStringLiteral("bench"), QStringLiteral("ingest")},
        {QStringLiteral("patients"), patients}, {QStringLiteral("seconds"), seconds}, {QStringLiteral("hubs"), hubs},
        {QStringLiteral("messages_are"),
            bundles ? QStringLiteral("bundle per patient-second") : QStringLiteral("observation")},
        {QStringLiteral("messages"), expected}, {QStringLiteral("samples"), totalSamples},
        {QStringLiteral("samples_per_s"), std::round(rate)},
        {QStringLiteral("messages_per_s"), std::round(messageRate)},
        {QStringLiteral("baseline_samples_per_s"), std::round(baselineRate)},
        {QStringLiteral("ratio_to_baseline"), std::round(rate / baselineRate * 1000) / 1000},
        {QStringLiteral("latency_messages"), static_cast<qint64>(latencies.size())},
        {QStringLiteral("latency_p50_ms"), p50}, {QStringLiteral("latency_p99_ms"), p99},
        {QStringLiteral("latency_max_ms"), pmax},
        {QStringLiteral("dropped_samples"), static_cast<qint64>(writerStats.droppedSamples)},
        {QStringLiteral("quarantined"), static_cast<qint64>(total.rejected + total.withProblems)}};
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return writerStats.droppedSamples == 0 && total.rejected + total.withProblems == 0 ? 0 : CtlContext::kFailure;
}

} // namespace vigil::app
