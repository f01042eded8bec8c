#include "commandline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace vigil::app {

namespace {

struct Options
{
    QCommandLineOption demo{QStringLiteral("demo"),
        CommandLine::tr("Run on the embedded simulator. Data goes into a throwaway encrypted cache, or into the "
                        "cache given with --cache.")};
    QCommandLineOption cache{QStringLiteral("cache"),
        CommandLine::tr("The encrypted cache file (default: %1).").arg(QStringLiteral("<app data>/cache.vigil")),
        QStringLiteral("PATH")};
    QCommandLineOption lockAfter{QStringLiteral("lock-after"),
        CommandLine::tr("Lock the screen after MINUTES without input (0: never; default 10)."),
        QStringLiteral("MINUTES"), QStringLiteral("10")};
    QCommandLineOption patients{QStringLiteral("patients"), CommandLine::tr("Number of demo patients, 1 to 256."),
        QStringLiteral("N"), QStringLiteral("16")};
    QCommandLineOption seed{QStringLiteral("seed"), CommandLine::tr("Simulator seed (same seed, same patients)."),
        QStringLiteral("S"), QStringLiteral("1")};
    QCommandLineOption scenario{QStringLiteral("scenario"),
        CommandLine::tr("Give every patient this scenario: %1.").arg(sim::scenarioNames().join(QStringLiteral(", "))),
        QStringLiteral("NAME")};
    QCommandLineOption renderer{QStringLiteral("renderer"),
        CommandLine::tr("Waveform renderer: gl, software or auto (the default: the GPU unless OpenGL is missing "
                        "or emulated on the CPU)."),
        QStringLiteral("gl|software|auto"), QStringLiteral("auto")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
        CommandLine::tr("Save a screenshot of the window to FILE and quit."), QStringLiteral("FILE")};
    QCommandLineOption quitAfter{QStringLiteral("quit-after-ms"),
        CommandLine::tr("Quit (after the screenshot) after T ms."), QStringLiteral("T")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.setApplicationDescription(CommandLine::tr("Vigil \u2014 remote patient monitoring workstation."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({demo, cache, lockAfter, patients, seed, scenario, renderer, screenshot, quitAfter});
    }
};

bool writableTarget(const QString& path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.isFile() && info.isWritable();
    const QFileInfo dir(info.absolutePath());
    return dir.isDir() && dir.isWritable();
}

} // namespace

QString CommandLine::helpText()
{
    QCommandLineParser parser;
    Options().addTo(parser);
    return parser.helpText();
}

std::optional<CommandLine> CommandLine::parse(const QStringList& arguments, QString* error, bool* helpShown)
{
    QCommandLineParser parser;
    const Options o;
    o.addTo(parser);
    if (helpShown)
        *helpShown = false;
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"))) {
        if (helpShown)
            *helpShown = true;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }
    CommandLine cl;
    bool ok = false;
    cl.demo = parser.isSet(o.demo);
    if (parser.isSet(o.cache)) {
        cl.cachePath = parser.value(o.cache);
        const QFileInfo info(cl.cachePath);
        if (cl.cachePath.isEmpty() || (info.exists() && !info.isFile()) || !QFileInfo(info.absolutePath()).isDir()) {
            *error = tr("Cannot use \u201c%1\u201d as the cache: give a file in an existing folder.")
                         .arg(QDir::toNativeSeparators(cl.cachePath));
            return std::nullopt;
        }
    }
    cl.lockAfterMinutes = parser.value(o.lockAfter).toInt(&ok);
    if (!ok || cl.lockAfterMinutes < 0 || cl.lockAfterMinutes > kMaxLockAfterMinutes) {
        *error = tr("--lock-after must be a whole number of minutes from 0 (never) to %1 (got \u201c%2\u201d).")
                     .arg(kMaxLockAfterMinutes)
                     .arg(parser.value(o.lockAfter));
        return std::nullopt;
    }
    cl.patients = parser.value(o.patients).toInt(&ok);
    if (!ok || cl.patients < 1 || cl.patients > kMaxPatients) {
        *error = tr("--patients must be a whole number from 1 to %1 (got \u201c%2\u201d).")
                     .arg(kMaxPatients)
                     .arg(parser.value(o.patients));
        return std::nullopt;
    }
    cl.seed = parser.value(o.seed).toULongLong(&ok);
    if (!ok) {
        *error = tr("--seed must be a non-negative whole number (got \u201c%1\u201d).").arg(parser.value(o.seed));
        return std::nullopt;
    }
    if (parser.isSet(o.scenario)) {
        cl.scenario = sim::scenarioFromName(parser.value(o.scenario));
        if (!cl.scenario) {
            *error = tr("Unknown scenario \u201c%1\u201d. Known scenarios: %2.")
                         .arg(parser.value(o.scenario), sim::scenarioNames().join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }
    cl.renderer = parser.value(o.renderer).toLower();
    if (cl.renderer != QLatin1String("gl") && cl.renderer != QLatin1String("software")
        && cl.renderer != QLatin1String("auto")) {
        *error = tr("Unknown renderer \u201c%1\u201d: use gl, software or auto.").arg(parser.value(o.renderer));
        return std::nullopt;
    }
    if (parser.isSet(o.quitAfter)) {
        cl.quitAfterMs = parser.value(o.quitAfter).toInt(&ok);
        if (!ok || cl.quitAfterMs < 0) {
            *error = tr("--quit-after-ms must be a whole number of milliseconds (got \u201c%1\u201d).")
                         .arg(parser.value(o.quitAfter));
            return std::nullopt;
        }
    }
    if (parser.isSet(o.screenshot)) {
        cl.screenshot = parser.value(o.screenshot);
        if (!writableTarget(cl.screenshot)) {
            *error = tr("Cannot write the screenshot to \u201c%1\u201d: the folder does not exist or is not writable.")
                         .arg(QDir::toNativeSeparators(cl.screenshot));
            return std::nullopt;
        }
        if (cl.quitAfterMs < 0)
            cl.quitAfterMs = 3000;
    }
    return cl;
}

} // namespace vigil::app
