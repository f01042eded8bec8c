// vigilctl: Vigil's headless tool. Cache administration, headless recording, export and benchmarks.

#include "analyzecommand.h"
#include "cachecommands.h"
#include "exportcommand.h"
#include "importcommand.h"
#include "ingestbench.h"
#include "listencommand.h"
#include "news2command.h"
#include "recordcommand.h"
#include "renderbench.h"
#include "reviewbench.h"
#include "store/cache.h"
#include "storebench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <functional>
#include <memory>

namespace {

constexpr int kUsageError = 2;

const char* const kUsage =
    "Usage: vigilctl COMMAND [options]\n"
    "Cache commands take --cache PATH (default: the app's cache), --passphrase-file FILE (- for stdin)\n"
    "and --json for machine-readable output.\n"
    "  cache init [--kdf interactive|fast]       create an encrypted cache (passphrase rules apply)\n"
    "  cache info                                schema, cipher settings, size, time range, counts\n"
    "  cache verify                              integrity check of every page + audit chain\n"
    "  cache rekey --new-passphrase-file FILE    change the passphrase (the database is not rewritten)\n"
    "  cache key-store keychain|file             keep the wrapped key in the OS keychain, or in the key file\n"
    "  audit verify                              check the audit log's hash chain, name the first bad row\n"
    "  patients list                             patients in the cache\n"
    "  record --demo --patients N --minutes M    simulate patients into the cache, faster than real time\n"
    "         [--seed S] [--start TIME] [--progress]\n"
    "  listen [--broker URI[,URI...]] [--site S] [--mllp PORT] [--duration S] [--ca F --cert F --key F]\n"
    "         headless ingest from MQTT (FHIR R4) and HL7 v2 over MLLP into the cache\n"
    "  import FILE...                            import WFDB (.hea, with .atr), EDF/EDF+, FHIR JSON/NDJSON and\n"
    "                                            HL7 v2 files as patients for review\n"
    "  news2 [--rr N] [--spo2 N] [--scale 1|2] [--o2 air|oxygen] [--sbp N] [--hr N] [--acvpu A|C|V|P|U]\n"
    "        [--temp X]                          NEWS2 of one observation set (left out: not measured)\n"
    "  analyze ecg RECORD.hea [--signal N] [--reference FILE|none]\n"
    "                                            QRS detection: beat times, heart rate per minute, and\n"
    "                                            sensitivity / +P against <record>.atr when present\n"
    "  export --patient ID --from TIME --to TIME --format csv|fhir [--output FILE]\n"
    "  export --patient ID --from TIME --to TIME --format edf|wfdb|pdf --output FILE [--pseudonymise]\n"
    "         [--case-events]                   waveforms sample-exact as EDF+ or a WFDB record, with annotations\n"
    "                                           (pdf: an ECG strip at 25 mm/s, 10 mm/mV)\n"
    "  bench store [--minutes M] [--patients N] [--wfdb DIR] [--repeat N]\n"
    "  bench ingest [--patients N] [--seconds S] [--latency-seconds S] [--broker URI]\n"
    "  bench review [--patients N] [--hours H] [--measure N] [--dir DIR] [--image FILE]\n"
    "  bench render [--patients 16,32,64] [--frames 600] [--baseline-frames 60] [--no-gl] [--no-baseline]\n";

int usage(const char* message)
{
    std::fprintf(stderr, "vigilctl: %s\n%s", message, kUsage);
    return kUsageError;
}

int benchRender(int argc, char** argv, const QStringList& rest)
{
    QCommandLineParser parser;
    const QCommandLineOption patients(QStringLiteral("patients"), QStringLiteral("Patient counts"),
        QStringLiteral("LIST"), QStringLiteral("16,32,64"));
    const QCommandLineOption frames(
        QStringLiteral("frames"), QStringLiteral("Frames per renderer"), QStringLiteral("N"), QStringLiteral("600"));
    const QCommandLineOption baseline(QStringLiteral("baseline-frames"), QStringLiteral("Qt Charts frames"),
        QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption noGl(QStringLiteral("no-gl"), QStringLiteral("Skip the GPU renderer"));
    const QCommandLineOption noBaseline(QStringLiteral("no-baseline"), QStringLiteral("Skip Qt Charts"));
    parser.addOptions({patients, frames, baseline, noGl, noBaseline});
    if (!parser.parse(rest))
        return usage(qPrintable(parser.errorText()));

    vigil::app::RenderBench::Options options;
    options.patients.clear();
    for (const QString& p : parser.value(patients).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = p.toInt(&ok);
        if (!ok || n < 1 || n > 256)
            return usage("--patients takes numbers from 1 to 256, separated by commas");
        options.patients.push_back(n);
    }
    bool ok = false;
    options.frames = parser.value(frames).toInt(&ok);
    if (!ok || options.frames < 1)
        return usage("--frames must be a positive number");
    options.baselineFrames = parser.value(baseline).toInt(&ok);
    if (!ok || options.baselineFrames < 1)
        return usage("--baseline-frames must be a positive number");
    options.withGl = !parser.isSet(noGl);
    options.withBaseline = !parser.isSet(noBaseline);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vigilctl"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    return vigil::app::RenderBench(options).run();
}

} // namespace

int main(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (arguments.size() < 2)
        return usage("no command");
    const QString first = arguments.at(1);
    const QString second = arguments.size() > 2 ? arguments.at(2) : QString();
    // The remaining arguments, argv[0] first, for the command's own parser.
    auto rest = [&](int words) {
        QStringList r = arguments;
        r.remove(1, words);
        return r;
    };
    if (first == QLatin1String("bench") && second == QLatin1String("render"))
        return benchRender(argc, argv, rest(2));

    // `bench review` paints the review window, and `export --format pdf` lays out text (fonts): both
    // need a GUI application; headless unless a platform is chosen.
    const bool pdfExport = first == QLatin1String("export")
        && (arguments.contains(QStringLiteral("--format=pdf"))
            || arguments.indexOf(QStringLiteral("pdf")) == arguments.indexOf(QStringLiteral("--format")) + 1);
    const bool widgets = (first == QLatin1String("bench") && second == QLatin1String("review")) || pdfExport;
    if (widgets && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        widgets ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationName(QStringLiteral("Vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));

    using Command = std::function<int(const QStringList&)>;
    const std::vector<std::tuple<const char*, const char*, Command>> twoWords{
        {"cache", "init", vigil::app::CacheCommands::init},
        {"cache", "info", vigil::app::CacheCommands::info},
        {"cache", "verify", vigil::app::CacheCommands::verify},
        {"cache", "rekey", vigil::app::CacheCommands::rekey},
        {"cache", "key-store", vigil::app::CacheCommands::keyStore},
        {"audit", "verify", vigil::app::CacheCommands::auditVerify},
        {"patients", "list", vigil::app::CacheCommands::patientsList},
        {"bench", "store", vigil::app::StoreBench::run},
        {"bench", "ingest", vigil::app::IngestBench::run},
        {"bench", "review", vigil::app::ReviewBench::run},
        {"analyze", "ecg", vigil::app::AnalyzeCommand::run},
    };
    for (const auto& [a, b, command] : twoWords) {
        if (first == QLatin1String(a) && second == QLatin1String(b))
            return command(rest(2));
    }
    if (first == QLatin1String("record"))
        return vigil::app::RecordCommand::run(rest(1));
    if (first == QLatin1String("listen"))
        return vigil::app::ListenCommand::run(rest(1));
    if (first == QLatin1String("import"))
        return vigil::app::ImportCommand::run(rest(1));
    if (first == QLatin1String("news2"))
        return vigil::app::News2Command::run(rest(1));
    if (first == QLatin1String("export"))
        return vigil::app::ExportCommand::run(rest(1));
    if (first == QLatin1String("help") || first == QLatin1String("--help") || first == QLatin1String("-h")) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    return usage("unknown command");
}
