#include "recordcommand.h"

#include "clinical/alarmengine.h"
#include "ctlcontext.h"
#include "ingest/simulatorsource.h"
#include "ingest/storedalarms.h"
#include "ingest/storerecorder.h"
#include "sim/patientsimulator.h"
#include "store/alarmrecord.h"
#include "store/cache.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <mutex>

namespace vigil::app {

namespace {

using AlarmChange = clinical::AlarmEngine::Change;

// What the workstation's alarm engine would have been given for one patient (live::WardMonitor feeds
// it from the patient's feed): the latest reading of each vital sign, the latest device status, and
// the time of the latest datum (a status report is not data, as in live::PatientFeed).
struct AlarmInput
{
    clinical::AlarmEngine::PatientInput input;

    void add(const sim::SimulationBatch& batch, core::Timestamp until)
    {
        for (const core::DeviceStatus& status : batch.statusChanges) {
            if (status.time >= input.status.time)
                input.status = status;
        }
        for (const auto& update : batch.vitals) {
            core::Measurement& current = input.vitals[update.kind];
            if (update.measurement.isValid() && update.measurement.time >= current.time)
                current = update.measurement;
            input.lastDataAt = std::max(input.lastDataAt, std::min(update.measurement.time, until));
        }
        for (core::StreamKind kind : core::kAllStreams) {
            const auto& runs = batch.streams[static_cast<std::size_t>(core::streamIndex(kind))];
            if (!runs.empty() && !runs.back().samples.empty()) {
                const core::Timestamp last = runs.back().firstSampleTime
                    + static_cast<core::Timestamp>(runs.back().samples.size() - 1) * core::samplePeriodUs(kind);
                input.lastDataAt = std::max(input.lastDataAt, std::min(last, until));
            }
        }
    }
};

} // namespace

int RecordCommand::run(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("record"));
    QCommandLineParser& p = ctx.parser();
    p.addOption({QStringLiteral("demo"), QStringLiteral("Record simulated patients (the only source for now).")});
    p.addOption({QStringLiteral("patients"), QStringLiteral("Number of patients (1-256)."), QStringLiteral("N"),
        QStringLiteral("16")});
    p.addOption({QStringLiteral("minutes"), QStringLiteral("Minutes of data to record."), QStringLiteral("M"),
        QStringLiteral("10")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Simulator seed."), QStringLiteral("S"), QStringLiteral("1")});
    p.addOption({QStringLiteral("start"),
        QStringLiteral("Device time of the first sample: ISO 8601 UTC or microseconds since 1970 (default: so "
                       "that the recording ends now)."),
        QStringLiteral("TIME")});
    p.addOption({QStringLiteral("commit-ms"), QStringLiteral("Commit interval."), QStringLiteral("MS"),
        QStringLiteral("1000")});
    p.addOption({QStringLiteral("progress"), QStringLiteral("Print a line after every commit.")});
    if (!ctx.parse(arguments))
        return CtlContext::kUsage;
    if (!p.isSet(QStringLiteral("demo")))
        return ctx.fail(QStringLiteral("only --demo recording exists so far"), CtlContext::kUsage);
    bool ok = false;
    const int patients = p.value(QStringLiteral("patients")).toInt(&ok);
    if (!ok || patients < 1 || patients > 256)
        return ctx.fail(QStringLiteral("--patients takes a number from 1 to 256"), CtlContext::kUsage);
    const double minutes = p.value(QStringLiteral("minutes")).toDouble(&ok);
    if (!ok || minutes <= 0 || minutes > 7 * 24 * 60)
        return ctx.fail(QStringLiteral("--minutes takes a positive number (at most a week)"), CtlContext::kUsage);
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return ctx.fail(QStringLiteral("--seed takes a number"), CtlContext::kUsage);
    const int commitMs = p.value(QStringLiteral("commit-ms")).toInt(&ok);
    if (!ok || commitMs < 1 || commitMs > 1000)
        return ctx.fail(
            QStringLiteral("--commit-ms takes 1 to 1000 (a commit at least every second)"), CtlContext::kUsage);
    const auto duration = static_cast<core::Timestamp>(std::llround(minutes * 60.0 * 1e6));
    core::Timestamp start = core::nowUtc() - duration;
    if (p.isSet(QStringLiteral("start"))) {
        const QString value = p.value(QStringLiteral("start"));
        const qint64 micros = value.toLongLong(&ok);
        if (ok) {
            start = micros;
        } else {
            const QDateTime dt = QDateTime::fromString(value, Qt::ISODateWithMs);
            if (!dt.isValid())
                return ctx.fail(
                    QStringLiteral("--start takes ISO 8601 or microseconds since 1970"), CtlContext::kUsage);
            start = dt.toMSecsSinceEpoch() * 1000;
        }
    }

    int exitCode = 0;
    auto cache = ctx.openCache(exitCode);
    if (!cache)
        return exitCode;
    store::StoreWriter::Config config;
    config.commitIntervalMs = commitMs;
    config.backpressureWaitMs = 600'000; // a recording waits for the writer rather than dropping
    config.pruning = false; // recording history (--start in the past) must not prune what it writes
    store::StoreWriter writer(*cache, config);
    store::StoreError error;
    if (!writer.start(&error))
        return ctx.fail(error.message);

    // seq of the last item of each simulated step → the step's end time.
    std::mutex mutex;
    std::deque<std::pair<quint64, core::Timestamp>> steps;
    const bool progress = p.isSet(QStringLiteral("progress"));
    writer.setCommitObserver([&](quint64 committed) {
        core::Timestamp through = 0;
        {
            std::lock_guard lock(mutex);
            while (!steps.empty() && steps.front().first <= committed) {
                through = steps.front().second;
                steps.pop_front();
            }
        }
        if (progress && through != 0) {
            std::fprintf(stdout, "committed %llu %lld\n", static_cast<unsigned long long>(committed),
                static_cast<long long>(through));
            std::fflush(stdout);
        }
    });

    ingest::StoreRecorder recorder(writer);
    std::vector<std::unique_ptr<sim::PatientSimulator>> simulators;
    std::vector<int> indices;
    // The alarms the workstation would have raised: its engine with default limits, fed each
    // simulated second with every patient's latest data. Every change of an episode is written.
    clinical::AlarmEngine alarms;
    quint64 last = 0; // the last item queued
    std::vector<AlarmInput> alarmInputs;
    QHash<QString, int> alarmHandles; // patient key → store handle
    qint64 alarmEpisodes = 0;
    for (int i = 0; i < patients; ++i) {
        simulators.push_back(
            std::make_unique<sim::PatientSimulator>(seed, i, ingest::SimulatorSource::demoScenario(i), start));
        indices.push_back(recorder.addPatient(simulators.back()->identity()));
        AlarmInput in;
        in.input.key = simulators.back()->identity().id;
        // The recorder's handle again (registering a patient twice returns the same handle).
        alarmHandles.insert(in.input.key, writer.registerPatient(simulators.back()->identity()));
        alarmInputs.push_back(std::move(in));
    }
    // A change names its own patient: evaluating one patient also escalates other patients' alarms.
    const auto storeAlarms = [&](const std::vector<AlarmChange>& changes) {
        for (const AlarmChange& change : changes) {
            if (change.kind == AlarmChange::Kind::Raised)
                ++alarmEpisodes;
            const int handle = change.alarm.patientKey.isEmpty() ? 0 : alarmHandles.value(change.alarm.patientKey);
            last = std::max(last, writer.appendAlarm(handle, ingest::StoredAlarms::record(change)));
        }
    };
    writer.appendAudit({0, qEnvironmentVariable("USER", QStringLiteral("unknown")), QStringLiteral("administrator"),
        QStringLiteral("record.demo"), 0, QStringLiteral("%1 simulated patients, %2 min").arg(patients).arg(minutes)});

    QElapsedTimer timer;
    timer.start();
    const core::Timestamp end = start + duration;
    constexpr core::Timestamp kStep = core::kMicrosPerSecond;
    for (core::Timestamp t = start + kStep; t <= end + kStep - 1; t += kStep) {
        const core::Timestamp until = std::min(t, end);
        for (std::size_t i = 0; i < simulators.size(); ++i) {
            const sim::SimulationBatch batch = simulators[i]->advanceTo(until);
            const quint64 seq = recorder.record(indices[i], batch);
            if (seq != 0)
                last = seq;
            AlarmInput& in = alarmInputs[i];
            in.add(batch, until);
            storeAlarms(alarms.evaluate(in.input, until));
        }
        std::lock_guard lock(mutex);
        steps.emplace_back(last, until);
    }
    // Monitoring stops with the recording: episodes still open end at its end (left open, they would
    // read as active for ever).
    for (const AlarmInput& in : alarmInputs)
        storeAlarms(alarms.removePatient(in.input.key, end));
    const bool complete = writer.stop();
    const auto stats = writer.stats();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const QJsonObject object{{QStringLiteral("ok"), complete}, {QStringLiteral("patients"), patients},
        {QStringLiteral("minutes"), minutes}, {QStringLiteral("samples"), static_cast<qint64>(stats.samplesCommitted)},
        {QStringLiteral("dropped_samples"), static_cast<qint64>(stats.droppedSamples)},
        {QStringLiteral("commits"), static_cast<qint64>(stats.commits)}, {QStringLiteral("seconds"), seconds},
        {QStringLiteral("start_us"), start}, {QStringLiteral("end_us"), end},
        {QStringLiteral("alarms"), alarmEpisodes}};
    if (!complete)
        return ctx.finish(
            object, QStringLiteral("Recording incomplete: %1").arg(stats.lastError.message), CtlContext::kFailure);
    return ctx.finish(object,
        QStringLiteral("Recorded %1 patients × %2 min (%3 samples, %6 alarm episodes) in %4 s, %5× real time.")
            .arg(patients)
            .arg(minutes)
            .arg(stats.samplesCommitted)
            .arg(seconds, 0, 'f', 1)
            .arg(minutes * 60.0 / seconds, 0, 'f', 0)
            .arg(alarmEpisodes));
}

} // namespace vigil::app
