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
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <chrono>
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
// With `stamped`, each patient's ECG Observation id ends in "@" + kStampPlaceholder, which the
// publisher overwrites with the wall-clock time of publishing (µs since 1970, 16 digits): the
// receiver computes the latency from it (publisher and workstation run on the same machine).
const QByteArray kStampPlaceholder = QByteArrayLiteral("################");

qint64 wallUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void stamp(QByteArray& payload)
{
    const QByteArray now = QByteArray::number(wallUs()).rightJustified(kStampPlaceholder.size(), '0');
    const qsizetype at = payload.indexOf(kStampPlaceholder);
    if (at >= 0)
        payload.replace(at, now.size(), now);
}

std::vector<Message> encodeSecond(const BenchWorkload& minute, int second, bool bundles, bool stamped = false)
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
            if (stamped && kind == core::StreamKind::Ecg)
                wave.id += QLatin1Char('@') + QString::fromLatin1(kStampPlaceholder);
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

// The publishing side, in its own process (`--publisher`): Paho C runs every client of a process on
// the same two threads, so publishers in the workstation's process would slow its subscriber down
// and measure Paho's contention instead of the workstation. Protocol on stdin/stdout:
//   child → "ready <messages> <samples> <bytes>"; parent → "go"; child publishes phase 1, then
//   → "published"; parent → "latency"; child publishes the real-time phase → "done".
int runPublisher(const QString& uri, int patients, int seconds, int latencySeconds, int hubs, bool bundles)
{
    const BenchWorkload minute = BenchWorkload::simulateMinute(patients);
    std::vector<Message> messages;
    qint64 samples = 0;
    qint64 bytes = 0;
    for (int s = 0; s < seconds; ++s) {
        for (Message& m : encodeSecond(minute, s, bundles)) {
            samples += m.samples;
            bytes += m.payload.size();
            messages.push_back(std::move(m));
        }
    }
    std::vector<std::unique_ptr<ingest::MqttPublisher>> publishers;
    for (int h = 0; h < hubs; ++h) {
        ingest::MqttPublisher::Config config;
        config.connection.brokers = {uri};
        config.maxQueued = static_cast<qsizetype>(messages.size()) + 100'000;
        publishers.push_back(std::make_unique<ingest::MqttPublisher>(config));
        publishers.back()->start();
    }
    auto publisherFor = [&](const QString& topic) -> ingest::MqttPublisher& {
        const int patient = topic.section(QLatin1Char('/'), 3, 3).section(QLatin1Char('-'), 1).toInt();
        return *publishers[static_cast<std::size_t>(patient % hubs)];
    };
    auto readLine = [] {
        char line[64] = {};
        return std::fgets(line, sizeof line, stdin) ? QByteArray(line).trimmed() : QByteArray();
    };
    std::printf(
        "ready %zu %lld %lld\n", messages.size(), static_cast<long long>(samples), static_cast<long long>(bytes));
    std::fflush(stdout);
    if (readLine() != "go")
        return 1;
    for (const Message& m : messages)
        publisherFor(m.topic).publish(m.topic, m.payload);
    const auto published = [&] {
        quint64 n = 0;
        for (const auto& publisher : publishers)
            n += publisher->published();
        return n;
    };
    while (published() < messages.size())
        QThread::msleep(2);
    std::printf("published\n");
    std::fflush(stdout);
    if (readLine() != "latency")
        return 1;
    QElapsedTimer clock;
    clock.start();
    for (int s = 0; s < latencySeconds; ++s) {
        std::vector<Message> second = encodeSecond(minute, seconds + s, bundles, true);
        for (std::size_t i = 0; i < second.size(); ++i) {
            const qint64 due =
                s * 1'000'000'000LL + static_cast<qint64>(i) * 1'000'000'000LL / static_cast<qint64>(second.size());
            while (clock.nsecsElapsed() < due)
                QThread::usleep(200);
            stamp(second[i].payload);
            publisherFor(second[i].topic).publish(second[i].topic, second[i].payload);
        }
    }
    for (auto& publisher : publishers)
        publisher->stop(30'000);
    std::printf("done\n");
    std::fflush(stdout);
    return 0;
}

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
        {QStringLiteral("publisher"), QStringLiteral("Internal: be the publishing process.")},
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
    if (p.isSet(QStringLiteral("publisher")))
        return runPublisher(p.value(QStringLiteral("broker")), patients, seconds, latencySeconds, hubs, bundles);

    std::printf("vigilctl bench ingest: %d patients (ECG 500 Hz, pleth 125 Hz, resp 50 Hz, vitals) as FHIR R4 over "
                "MQTT QoS 1 into the encrypted cache, %s, %d publishing hubs in another process\n",
        patients, bundles ? "one Bundle per patient and second" : "one message per Observation", hubs);
    std::fflush(stdout);
    BenchBroker ownBroker;
    QString uri = p.value(QStringLiteral("broker"));
    QString error;
    if (uri.isEmpty()) {
        if (!ownBroker.start(&error))
            return ctx.fail(error);
        uri = ownBroker.uri();
    }
    QTemporaryDir temp;

    // Baseline: the same messages decoded and routed in this process, no broker.
    double baselineRate = 0;
    {
        const BenchWorkload minute = BenchWorkload::simulateMinute(patients);
        std::vector<Message> messages;
        qint64 samples = 0;
        for (int s = 0; s < seconds; ++s) {
            for (Message& m : encodeSecond(minute, s, bundles)) {
                samples += m.samples;
                messages.push_back(std::move(m));
            }
        }
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
        baselineRate = static_cast<double>(samples) / (static_cast<double>(timer.nsecsElapsed()) / 1e9);
        ws.writer->stop();
    }
    std::printf("baseline (decode + route + encrypted store, no broker): %.0f samples/s\n", baselineRate);
    std::fflush(stdout);

    // The workstation, subscribed through the broker.
    Workstation ws;
    if (!ws.open(temp.filePath(QStringLiteral("bench.vigil")), &error))
        return ctx.fail(error);
    std::mutex mutex;
    std::vector<double> latencies; // guarded
    std::atomic<qint64> routed{0};
    std::atomic<quint64> lastSeq{0};
    ingest::MqttSource::Config sourceConfig;
    sourceConfig.connection.brokers = {uri};
    sourceConfig.connection.clientId = QStringLiteral("vigil-bench-%1").arg(QCoreApplication::applicationPid());
    sourceConfig.site = QStringLiteral("bench");
    ingest::MqttSource source(sourceConfig, [&](const QString& topic, const QByteArray& payload) {
        const QString key = topic.section(QLatin1Char('/'), 3, 3);
        const codec::InboundBatch batch = codec::FhirDecoder::decode(payload, key);
        const quint64 seq = ws.router->process(batch, QStringLiteral("mqtt"), topic, payload);
        const qint64 now = wallUs();
        quint64 prev = lastSeq.load();
        while (seq > prev && !lastSeq.compare_exchange_weak(prev, seq)) {
        }
        routed.fetch_add(1);
        for (const codec::WaveSegment& wave : batch.waves) {
            const qsizetype at = wave.sourceId.lastIndexOf(QLatin1Char('@'));
            if (at < 0)
                continue;
            const qint64 sent = wave.sourceId.mid(at + 1).toLongLong();
            std::lock_guard lock(mutex);
            latencies.push_back(static_cast<double>(now - sent) / 1000.0);
        }
    });
    source.start();
    for (int i = 0; i < 200 && source.state() != ingest::MqttSource::State::Connected; ++i)
        QThread::msleep(50);
    if (source.state() != ingest::MqttSource::State::Connected)
        return ctx.fail(QStringLiteral("could not subscribe at %1: %2").arg(uri, source.lastError()));

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList childArguments{QStringLiteral("bench"), QStringLiteral("ingest"), QStringLiteral("--publisher"),
        QStringLiteral("--broker"), uri, QStringLiteral("--patients"), QString::number(patients),
        QStringLiteral("--seconds"), QString::number(seconds), QStringLiteral("--latency-seconds"),
        QString::number(latencySeconds), QStringLiteral("--hubs"), QString::number(hubs)};
    if (!bundles)
        childArguments.append(QStringLiteral("--per-observation"));
    child.start(QCoreApplication::applicationFilePath(), childArguments);
    auto expectLine = [&](const QByteArray& prefix, int timeoutMs) -> QByteArray {
        QElapsedTimer wait;
        wait.start();
        while (wait.elapsed() < timeoutMs) {
            if (child.canReadLine() || child.waitForReadyRead(100)) {
                while (child.canReadLine()) {
                    const QByteArray line = child.readLine().trimmed();
                    if (line.startsWith(prefix))
                        return line;
                }
            }
            if (child.state() == QProcess::NotRunning)
                break;
        }
        return {};
    };
    const QList<QByteArray> ready = expectLine("ready", 120'000).split(' ');
    if (ready.size() != 4)
        return ctx.fail(QStringLiteral("the publishing process did not start"));
    const qint64 expected = ready[1].toLongLong();
    const qint64 totalSamples = ready[2].toLongLong();
    const qint64 totalBytes = ready[3].toLongLong();

    // Phase 1: throughput.
    QElapsedTimer timer;
    timer.start();
    child.write("go\n");
    child.waitForBytesWritten();
    while (routed.load() < expected && timer.elapsed() < 600'000)
        QThread::msleep(1);
    const double routedSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    ws.writer->waitCommitted(lastSeq.load(), 600'000);
    const double committedSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double rate = static_cast<double>(totalSamples) / routedSeconds;
    const double committedRate = static_cast<double>(totalSamples) / committedSeconds;
    const double messageRate = static_cast<double>(expected) / routedSeconds;
    std::printf("throughput: %lld messages (%.1f MB of JSON), %lld samples decoded and routed (live buffers + store "
                "queue) in %.2f s: %.0f samples/s, %.0f messages/s (%.2f x the no-broker baseline); all committed "
                "to the encrypted cache after %.2f s (%.0f samples/s, the last commit included)\n",
        static_cast<long long>(expected), static_cast<double>(totalBytes) / 1e6, static_cast<long long>(totalSamples),
        routedSeconds, rate, messageRate, rate / baselineRate, committedSeconds, committedRate);
    std::fflush(stdout);
    expectLine("published", 60'000);

    // Phase 2: latency at `patients` in real time, each patient's second spread over the second.
    double p50 = 0;
    double p99 = 0;
    double pmax = 0;
    std::size_t latencyCount = 0;
    if (latencySeconds > 0) {
        child.write("latency\n");
        child.waitForBytesWritten();
        expectLine("done", (latencySeconds + 60) * 1000);
        QThread::msleep(1000);
        std::lock_guard lock(mutex);
        latencyCount = latencies.size();
        p50 = BenchWorkload::percentile(latencies, 0.5);
        p99 = BenchWorkload::percentile(latencies, 0.99);
        pmax = latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end());
        std::printf("latency (publish -> in the live ring buffer), %zu ECG chunks at %d patients in real time: "
                    "p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
            latencyCount, patients, p50, p99, pmax);
    } else {
        child.write("latency\n");
        child.waitForBytesWritten();
    }
    child.waitForFinished(60'000);
    source.stop();
    ws.writer->stop();
    const auto writerStats = ws.writer->stats();
    const auto total = ws.router->total();
    std::printf("writer: %llu samples committed, %llu dropped; router: %llu repeats, %llu quarantined\n",
        static_cast<unsigned long long>(writerStats.samplesCommitted),
        static_cast<unsigned long long>(writerStats.droppedSamples), static_cast<unsigned long long>(total.duplicates),
        static_cast<unsigned long long>(total.rejected + total.withProblems));
    const bool throughputMet = rate >= 1e6 && writerStats.droppedSamples == 0;
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
        {QStringLiteral("committed_samples_per_s"), std::round(committedRate)},
        {QStringLiteral("baseline_samples_per_s"), std::round(baselineRate)},
        {QStringLiteral("ratio_to_baseline"), std::round(rate / baselineRate * 1000) / 1000},
        {QStringLiteral("latency_messages"), static_cast<qint64>(latencyCount)},
        {QStringLiteral("latency_p50_ms"), p50}, {QStringLiteral("latency_p99_ms"), p99},
        {QStringLiteral("latency_max_ms"), pmax},
        {QStringLiteral("dropped_samples"), static_cast<qint64>(writerStats.droppedSamples)},
        {QStringLiteral("quarantined"), static_cast<qint64>(total.rejected + total.withProblems)}};
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return writerStats.droppedSamples == 0 && total.rejected + total.withProblems == 0 ? 0 : CtlContext::kFailure;
}

} // namespace vigil::app
