#include "analyzecommand.h"

#include "codec/wfdbannotations.h"
#include "codec/wfdbrecord.h"
#include "ctlcontext.h"
#include "signal/beatcomparison.h"
#include "signal/heartratewindows.h"
#include "signal/qrsdetector.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

#include <cmath>

namespace vigil::app {

int AnalyzeCommand::run(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("analyze ecg"));
    QCommandLineParser& p = ctx.parser();
    p.addPositionalArgument(QStringLiteral("RECORD"), QStringLiteral("A WFDB record's header (.hea)."));
    p.addOptions({
        {QStringLiteral("signal"), QStringLiteral("The signal to analyse (0 = the first)."), QStringLiteral("N"),
            QStringLiteral("0")},
        {QStringLiteral("reference"),
            QStringLiteral("Reference annotations to compare with (default: <record>.atr if present; none: do not)."),
            QStringLiteral("FILE")},
    });
    if (!p.parse(arguments))
        return ctx.fail(p.errorText(), CtlContext::kUsage);
    if (p.positionalArguments().size() != 1)
        return ctx.fail(QStringLiteral("give one WFDB record (.hea)"), CtlContext::kUsage);
    QString header = p.positionalArguments().constFirst();
    if (!header.endsWith(QLatin1String(".hea")) && QFileInfo::exists(header + QStringLiteral(".hea")))
        header += QStringLiteral(".hea");
    bool ok = false;
    const int signalIndex = p.value(QStringLiteral("signal")).toInt(&ok);
    if (!ok || signalIndex < 0)
        return ctx.fail(QStringLiteral("--signal must be a signal number"), CtlContext::kUsage);

    QString error;
    const auto record = codec::WfdbRecord::open(header, &error);
    if (!record)
        return ctx.fail(QStringLiteral("cannot read the record: %1").arg(error));
    if (signalIndex >= record->signalCount())
        return ctx.fail(QStringLiteral("the record has %1 signal(s)").arg(record->signalCount()), CtlContext::kUsage);
    std::vector<qint32> digital;
    if (!record->readSamples(signalIndex, digital, &error))
        return ctx.fail(QStringLiteral("cannot read signal %1: %2").arg(signalIndex).arg(error));
    const double fs = record->frequency() * record->signal(signalIndex).samplesPerFrame;
    std::vector<double> mv(digital.size());
    for (std::size_t i = 0; i < digital.size(); ++i)
        mv[i] = record->physical(signalIndex, digital[i]);

    QElapsedTimer timer;
    timer.start();
    const std::vector<long long> beats = signal::QrsDetector({.sampleRateHz = fs}).detect(mv);
    const double detectMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const auto windows = signal::HeartRateWindows::compute(beats, fs, static_cast<long long>(mv.size()));

    QJsonArray beatTimes;
    for (const long long b : beats)
        beatTimes.append(std::round(static_cast<double>(b) / fs * 1e4) / 1e4);
    QJsonArray perMinute;
    QString minutes;
    for (const auto& w : windows) {
        perMinute.append(QJsonObject{{QStringLiteral("start_s"), w.startS}, {QStringLiteral("end_s"), w.endS},
            {QStringLiteral("beats"), w.beats}, {QStringLiteral("mean_rr_s"), std::round(w.meanRrS * 1e4) / 1e4},
            {QStringLiteral("bpm"), std::round(w.bpm * 100) / 100}});
        minutes += QStringLiteral("  %1-%2 s: %3 beats, %4 bpm\n")
                       .arg(w.startS, 0, 'f', 0)
                       .arg(w.endS, 0, 'f', 1)
                       .arg(w.beats)
                       .arg(w.bpm, 0, 'f', 1);
    }

    // Reference annotations, if any.
    QString referencePath = p.value(QStringLiteral("reference"));
    if (referencePath.isEmpty()) {
        const QFileInfo info(header);
        const QString atr = info.dir().filePath(info.completeBaseName() + QStringLiteral(".atr"));
        if (QFileInfo::exists(atr))
            referencePath = atr;
    }
    QJsonValue reference;
    QString referenceText;
    if (!referencePath.isEmpty() && referencePath != QLatin1String("none")) {
        const auto atr = codec::WfdbAnnotations::open(referencePath, &error);
        if (!atr)
            return ctx.fail(QStringLiteral("cannot read the reference annotations: %1").arg(error));
        // Annotation times count frames of the record (or the file's own resolution).
        const double annotationRate = atr->timeResolution().value_or(record->frequency());
        std::vector<long long> referenceBeats;
        for (const auto& a : atr->annotations()) {
            if (codec::WfdbAnnotations::isBeat(a.code))
                referenceBeats.push_back(std::llround(static_cast<double>(a.sample) * fs / annotationRate));
        }
        const auto r = signal::BeatComparison::compare(referenceBeats, beats, std::llround(0.150 * fs));
        reference = QJsonObject{{QStringLiteral("file"), QFileInfo(referencePath).fileName()},
            {QStringLiteral("beats"), static_cast<qint64>(referenceBeats.size())},
            {QStringLiteral("true_positives"), r.truePositives}, {QStringLiteral("false_negatives"), r.falseNegatives},
            {QStringLiteral("false_positives"), r.falsePositives}, {QStringLiteral("tolerance_ms"), 150},
            {QStringLiteral("sensitivity"), r.sensitivity()},
            {QStringLiteral("positive_predictivity"), r.positivePredictivity()}};
        referenceText = QStringLiteral(
            "Against %1 (%2 beats, match within 150 ms): TP %3, FN %4, FP %5; sensitivity %6 %, positive "
            "predictivity %7 %\n")
                            .arg(QFileInfo(referencePath).fileName())
                            .arg(referenceBeats.size())
                            .arg(r.truePositives)
                            .arg(r.falseNegatives)
                            .arg(r.falsePositives)
                            .arg(100 * r.sensitivity(), 0, 'f', 2)
                            .arg(100 * r.positivePredictivity(), 0, 'f', 2);
    }

    const double duration = static_cast<double>(mv.size()) / fs;
    const QString signalName = record->signal(signalIndex).description;
    const QJsonObject object{{QStringLiteral("record"), QFileInfo(header).completeBaseName()},
        {QStringLiteral("signal"), signalIndex}, {QStringLiteral("signal_description"), signalName},
        {QStringLiteral("sample_rate_hz"), fs}, {QStringLiteral("duration_s"), duration},
        {QStringLiteral("beat_count"), static_cast<qint64>(beats.size())}, {QStringLiteral("beats"), beatTimes},
        {QStringLiteral("hr_per_minute"), perMinute}, {QStringLiteral("reference"), reference},
        {QStringLiteral("detector_ms"), std::round(detectMs * 10) / 10}};
    const QString text = QStringLiteral("%1 signal %2 (%3), %4 Hz, %5 s: %6 beats detected in %7 ms\n%8"
                                        "Heart rate per minute:\n%9")
                             .arg(QFileInfo(header).completeBaseName())
                             .arg(signalIndex)
                             .arg(signalName)
                             .arg(fs)
                             .arg(duration, 0, 'f', 1)
                             .arg(beats.size())
                             .arg(detectMs, 0, 'f', 1)
                             .arg(referenceText, minutes.chopped(minutes.isEmpty() ? 0 : 1));
    return ctx.finish(object, text);
}

} // namespace vigil::app
