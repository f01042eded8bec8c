// vigilctl: Vigil's headless tool. For now: `vigilctl bench render`.

#include "glwaveformview.h"
#include "renderbench.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

namespace {

constexpr int kUsageError = 2;

int usage(const char* message)
{
    std::fprintf(stderr,
        "vigilctl: %s\n"
        "Usage: vigilctl bench render [--patients 16,32,64] [--frames 600] [--baseline-frames 60]\n"
        "                             [--no-gl] [--no-baseline]\n",
        message);
    return kUsageError;
}

} // namespace

int main(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (arguments.size() < 3 || arguments.at(1) != QLatin1String("bench") || arguments.at(2) != QLatin1String("render"))
        return usage("unknown command");

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
    QStringList rest = arguments;
    rest.remove(1, 2);
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
