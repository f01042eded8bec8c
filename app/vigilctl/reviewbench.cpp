#include "reviewbench.h"

#include "benchworkload.h"
#include "codec/wavecodec.h"
#include "ctlcontext.h"
#include "review/lanecolumns.h"
#include "store/cache.h"
#include "store/storeerror.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <span>

namespace vigil::app {

namespace {

constexpr core::Timestamp kStart = BenchWorkload::kStart;
constexpr int kColumns = 1920;
constexpr core::Timestamp kStripUs = 10 * core::kMicrosPerSecond;

double msSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// `hours` of every patient through the real writer: the simulated minute replayed with shifted times.
bool record(store::Cache& cache, int patients, int hours)
{
    const BenchWorkload minute = BenchWorkload::simulateMinute(patients);
    store::StoreWriter::Config config;
    config.backpressureWaitMs = 600'000; // wait for the writer, never drop
    config.pruning = false;
    store::StoreWriter writer(cache, config);
    if (!writer.start())
        return false;
    std::vector<std::array<int, core::kStreamCount>> streams(static_cast<std::size_t>(patients));
    std::vector<int> handles(static_cast<std::size_t>(patients));
    for (int p = 0; p < patients; ++p) {
        core::PatientIdentity identity;
        identity.id = QStringLiteral("review-%1").arg(p);
        const auto pi = static_cast<std::size_t>(p);
        handles[pi] = writer.registerPatient(identity);
        for (core::StreamKind kind : core::kAllStreams)
            streams[pi][static_cast<std::size_t>(core::streamIndex(kind))] =
                writer.registerStream(handles[pi], store::StreamDescriptor::forLiveStream(kind));
    }
    for (int m = 0; m < hours * 60; ++m) {
        const core::Timestamp minuteStart = kStart + m * 60LL * core::kMicrosPerSecond;
        for (int second = 0; second < 60; ++second) {
            const core::Timestamp t = minuteStart + second * core::kMicrosPerSecond;
            for (int p = 0; p < patients; ++p) {
                const auto pi = static_cast<std::size_t>(p);
                for (core::StreamKind kind : core::kAllStreams) {
                    const auto s = static_cast<std::size_t>(core::streamIndex(kind));
                    const auto rate = static_cast<std::size_t>(core::sampleRateHz(kind));
                    const auto& all = minute.samples[pi][s];
                    if (all.size() < (static_cast<std::size_t>(second) + 1) * rate)
                        continue;
                    writer.appendSamples(streams[pi][s], t,
                        std::span<const qint32>(all).subspan(static_cast<std::size_t>(second) * rate, rate), t);
                }
                for (const auto& [offset, kind, value] : minute.vitals[pi]) {
                    if (offset >= second * core::kMicrosPerSecond && offset < (second + 1) * core::kMicrosPerSecond)
                        writer.appendVital(handles[pi], kind, {value, minuteStart + offset}, minuteStart + offset);
                }
            }
        }
        if (m % 60 == 59) {
            std::printf("  recorded %d h\n", (m + 1) / 60);
            std::fflush(stdout);
        }
    }
    return writer.stop(600'000);
}

struct Lanes
{
    std::vector<store::StoreReader::StreamRow> streams;
    std::vector<std::vector<review::LaneColumns::Column>> columns;
};

// The three lanes of one view; false when a read failed.
bool readLanes(store::StoreReader& reader, Lanes& lanes, core::Timestamp from, core::Timestamp to)
{
    lanes.columns.resize(lanes.streams.size());
    for (std::size_t i = 0; i < lanes.streams.size(); ++i) {
        if (!review::LaneColumns::read(reader, lanes.streams[i], from, to, kColumns, lanes.columns[i]))
            return false;
    }
    return true;
}

} // namespace

int ReviewBench::run(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("bench review"));
    QCommandLineParser& p = ctx.parser();
    p.addOption(
        {QStringLiteral("patients"), QStringLiteral("Patients recorded."), QStringLiteral("N"), QStringLiteral("32")});
    p.addOption(
        {QStringLiteral("hours"), QStringLiteral("Hours recorded."), QStringLiteral("H"), QStringLiteral("24")});
    p.addOption({QStringLiteral("measure"), QStringLiteral("Patients whose review is timed."), QStringLiteral("N"),
        QStringLiteral("8")});
    p.addOption({QStringLiteral("dir"), QStringLiteral("Where to put the cache (default: a temporary folder)."),
        QStringLiteral("DIR")});
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    const int patients = p.value(QStringLiteral("patients")).toInt();
    const int hours = p.value(QStringLiteral("hours")).toInt();
    const int measure = std::min(p.value(QStringLiteral("measure")).toInt(), patients);
    if (patients < 1 || patients > 256 || hours < 1 || hours > 72 || measure < 1)
        return ctx.fail(QStringLiteral("--patients 1-256, --hours 1-72, --measure ≥ 1"), CtlContext::kUsage);

    QTemporaryDir temp(p.isSet(QStringLiteral("dir"))
            ? QDir(p.value(QStringLiteral("dir"))).filePath(QStringLiteral("vigil-bench-XXXXXX"))
            : QDir::tempPath() + QStringLiteral("/vigil-bench-XXXXXX"));
    std::printf("vigilctl bench review: %d patients × %d h (ECG 500 Hz, pleth 125 Hz, resp 50 Hz, vitals) in an "
                "encrypted cache; %d patients reviewed, %d columns per lane\n",
        patients, hours, measure, kColumns);
    std::fflush(stdout);
    store::StoreError error;
    auto cache = store::Cache::createEphemeral(temp.filePath(QStringLiteral("review.vigil")), &error);
    if (!cache)
        return ctx.fail(error.message, 1);
    QElapsedTimer recording;
    recording.start();
    if (!record(*cache, patients, hours))
        return ctx.fail(QStringLiteral("recording failed"), 1);
    std::printf("recorded in %.1f s\n", msSince(recording) / 1000.0);

    auto reader = store::StoreReader::open(*cache, &error);
    if (!reader)
        return ctx.fail(error.message, 1);
    const core::Timestamp begin = kStart;
    const core::Timestamp end = kStart + hours * 3600LL * core::kMicrosPerSecond;
    std::vector<double> firstFrame;
    std::vector<double> zoom;
    std::vector<double> pan;
    std::vector<double> naive;
    const auto timed = [&](std::vector<double>& into, auto&& step) {
        QElapsedTimer t;
        t.start();
        const bool ok = step();
        into.push_back(msSince(t));
        return ok;
    };
    bool ok = true;
    for (int i = 0; i < measure && ok; ++i) {
        const int index = i * patients / measure;
        Lanes lanes;
        ok = timed(firstFrame, [&] {
            const auto patient = reader->patientBySourceKey(QStringLiteral("review-%1").arg(index));
            if (!patient)
                return false;
            lanes.streams = reader->streams(patient->id);
            const auto annotations = reader->annotations(patient->id, begin, end);
            const auto events = reader->caseEvents(patient->id);
            return !lanes.streams.empty() && readLanes(*reader, lanes, begin, end);
        });
        // Zoom in to a 10-second strip around the middle and back out.
        const core::Timestamp middle = begin + (end - begin) / 2;
        std::vector<core::Timestamp> spans;
        for (core::Timestamp span = end - begin; span > kStripUs; span /= 2)
            spans.push_back(span / 2 < kStripUs ? kStripUs : span / 2);
        for (const core::Timestamp span : spans)
            ok = ok && timed(zoom, [&] { return readLanes(*reader, lanes, middle - span / 2, middle + span / 2); });
        for (auto it = spans.rbegin(); it != spans.rend(); ++it)
            ok = ok && timed(zoom, [&] { return readLanes(*reader, lanes, middle - *it / 2, middle + *it / 2); });
        // Pan by a tenth of the span at three zoom levels.
        for (const core::Timestamp span : {3600 * core::kMicrosPerSecond, 300 * core::kMicrosPerSecond, kStripUs}) {
            core::Timestamp from = std::max(begin, middle - 10 * span);
            for (int k = 0; k < 20 && ok; ++k, from += span / 10)
                ok = timed(pan, [&] { return readLanes(*reader, lanes, from, from + span); });
        }
        // Baseline: the same first frame's ECG lane without the pyramid (every sample decoded).
        if (i < 2) {
            timed(naive, [&] {
                std::vector<store::StoreReader::SampleRun> runs;
                if (!reader->samples(lanes.streams.front().id, begin, end, runs))
                    return false;
                std::vector<review::LaneColumns::Column> columns(kColumns);
                const double span = static_cast<double>(end - begin);
                const double periodUs = 1e6 / lanes.streams.front().descriptor.rateHz;
                for (const auto& run : runs) {
                    for (std::size_t s = 0; s < run.samples.size(); ++s) {
                        if (run.samples[s] == codec::WaveCodec::kInvalid)
                            continue;
                        const double t = static_cast<double>(run.firstSampleTime - begin) + s * periodUs;
                        auto& c =
                            columns[std::min<std::size_t>(kColumns - 1, static_cast<std::size_t>(t * kColumns / span))];
                        const auto v = static_cast<float>(run.samples[s]);
                        c.min = c.isEmpty() ? v : std::min(c.min, v);
                        c.max = std::max(c.max, v);
                    }
                }
                return true;
            });
        }
    }
    if (!ok)
        return ctx.fail(QStringLiteral("a review query failed"), 1);

    std::vector<double> steps = zoom;
    steps.insert(steps.end(), pan.begin(), pan.end());
    const auto pct = [](const std::vector<double>& v, double q) { return BenchWorkload::percentile(v, q); };
    const auto line = [&](const char* what, const std::vector<double>& v) {
        std::printf("%-34s n=%-4zu p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", what, v.size(), pct(v, 0.5),
            pct(v, 0.99), *std::max_element(v.begin(), v.end()));
    };
    line("first frame (3 lanes, whole range)", firstFrame);
    line("zoom steps (whole range <-> 10 s)", zoom);
    line("pan steps (1 h, 5 min, 10 s)", pan);
    line("any seek or zoom step", steps);
    line("baseline: whole range, no pyramid", naive);
    const double ratio = pct(naive, 0.5) / std::max(1e-6, pct(firstFrame, 0.5));
    std::printf("first frame vs decoding every sample of one lane: %.0fx faster (p50)\n", ratio);
    const bool firstMet = pct(firstFrame, 0.99) <= 150.0;
    const bool stepsMet = pct(steps, 0.99) <= 16.0;
    std::printf("targets: first frame <= 150 ms: %s (p99 %.1f ms); seek/zoom step p99 <= 16 ms: %s (%.2f ms)\n",
        firstMet ? "met" : "MISSED", pct(firstFrame, 0.99), stepsMet ? "met" : "MISSED", pct(steps, 0.99));
    QJsonObject json{{QStringLiteral("bench"), QStringLiteral("review")}, {QStringLiteral("patients"), patients},
        {QStringLiteral("hours"), hours}, {QStringLiteral("measured_patients"), measure},
        {QStringLiteral("columns"), kColumns}, {QStringLiteral("first_frame_p50_ms"), pct(firstFrame, 0.5)},
        {QStringLiteral("first_frame_p99_ms"), pct(firstFrame, 0.99)}, {QStringLiteral("zoom_p50_ms"), pct(zoom, 0.5)},
        {QStringLiteral("zoom_p99_ms"), pct(zoom, 0.99)}, {QStringLiteral("pan_p50_ms"), pct(pan, 0.5)},
        {QStringLiteral("pan_p99_ms"), pct(pan, 0.99)}, {QStringLiteral("step_p99_ms"), pct(steps, 0.99)},
        {QStringLiteral("baseline_no_pyramid_p50_ms"), pct(naive, 0.5)},
        {QStringLiteral("ratio_first_frame_vs_baseline"), ratio}, {QStringLiteral("painting_included"), false}};
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0; // a missed target is reported, not an error (as the other benches)
}

} // namespace vigil::app
