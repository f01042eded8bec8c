#include "importcommand.h"

#include "ctlcontext.h"
#include "ingest/fileimporter.h"
#include "ingest/ingestrouter.h"
#include "store/cache.h"
#include "store/storewriter.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace vigil::app {

namespace {

QJsonObject toJson(const ingest::FileImporter::Report& r)
{
    return QJsonObject{{QStringLiteral("file"), r.fileName},
        {QStringLiteral("kind"), ingest::FileImporter::kindName(r.kind)},
        {QStringLiteral("status"), ingest::FileImporter::statusName(r.status)},
        {QStringLiteral("patients"), r.patients}, {QStringLiteral("samples"), static_cast<qint64>(r.samples)},
        {QStringLiteral("vitals"), static_cast<qint64>(r.vitals)},
        {QStringLiteral("annotations"), static_cast<qint64>(r.annotations)},
        {QStringLiteral("messages"), static_cast<qint64>(r.messages)},
        {QStringLiteral("problems"), QJsonArray::fromStringList(r.problems)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings)}};
}

} // namespace

int ImportCommand::run(const QStringList& arguments)
{
    CtlContext ctx(QStringLiteral("import"));
    QCommandLineParser& p = ctx.parser();
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to import."), QStringLiteral("FILE…"));
    // Files are positional: CtlContext::parse() refuses those, so parse here.
    if (!p.parse(arguments))
        return ctx.fail(p.errorText(), CtlContext::kUsage);
    const QStringList files = p.positionalArguments();
    if (files.isEmpty())
        return ctx.fail(QStringLiteral("no files to import"), CtlContext::kUsage);

    int exitCode = 0;
    auto cache = ctx.openCache(exitCode);
    if (!cache)
        return exitCode;
    store::StoreWriter::Config config;
    config.backpressureWaitMs = 600'000; // an import waits for the writer rather than dropping samples
    store::StoreWriter writer(*cache, config);
    store::StoreError error;
    if (!writer.start(&error))
        return ctx.fail(error.message);
    ingest::IngestRouter router(nullptr, &writer);
    ingest::FileImporter::Config importConfig;
    importConfig.actor = qEnvironmentVariable("USER", QStringLiteral("unknown"));
    importConfig.role = QStringLiteral("administrator");
    ingest::FileImporter importer(router, writer, importConfig);

    QElapsedTimer timer;
    timer.start();
    QJsonArray reports;
    QString text;
    bool anyFailed = false;
    quint64 samples = 0;
    quint64 vitals = 0;
    quint64 annotations = 0;
    for (const QString& file : files) {
        const ingest::FileImporter::Report r = importer.importFile(file);
        anyFailed = anyFailed || r.status == ingest::FileImporter::Status::Failed;
        samples += r.samples;
        vitals += r.vitals;
        annotations += r.annotations;
        reports.append(toJson(r));
        // File names only: a path may name a patient.
        text += QStringLiteral("%1: %2, %3; %4 patient(s), %5 samples, %6 vital signs, %7 annotations, %8 problem(s)\n")
                    .arg(r.fileName, ingest::FileImporter::kindName(r.kind), ingest::FileImporter::statusName(r.status),
                        QString::number(r.patients), QString::number(r.samples), QString::number(r.vitals),
                        QString::number(r.annotations), QString::number(r.problems.size()));
        for (const QString& problem : r.problems)
            text += QStringLiteral("  problem: %1\n").arg(problem);
        for (const QString& warning : r.warnings)
            text += QStringLiteral("  warning: %1\n").arg(warning);
    }
    const bool committed = writer.stop();
    const auto stats = writer.stats();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (!committed)
        text += QStringLiteral("The cache could not be written: %1\n").arg(stats.lastError.message);
    const bool ok = committed && !anyFailed;
    const QJsonObject object{{QStringLiteral("ok"), ok}, {QStringLiteral("files"), reports},
        {QStringLiteral("samples"), static_cast<qint64>(samples)},
        {QStringLiteral("vitals"), static_cast<qint64>(vitals)},
        {QStringLiteral("annotations"), static_cast<qint64>(annotations)},
        {QStringLiteral("samples_committed"), static_cast<qint64>(stats.samplesCommitted)},
        {QStringLiteral("seconds"), seconds}};
    text += QStringLiteral("%1 file(s) in %2 s; %3 samples committed.")
                .arg(files.size())
                .arg(seconds, 0, 'f', 1)
                .arg(stats.samplesCommitted);
    return ctx.finish(object, text, ok ? 0 : CtlContext::kFailure);
}

} // namespace vigil::app
