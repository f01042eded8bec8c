// vigil: the clinician's GUI. Composition root: parses the command line, starts the live source on
// its own thread, and shows the live view.

#include "commandline.h"
#include "ingest/simulatorsource.h"
#include "live/livehub.h"
#include "mainwindow.h"

#include <QApplication>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QThread>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace vigil;

namespace {

// How much simulated history the demo starts with, so trends and scenarios are visible at once:
// six minutes of trend, and (with the scenarios' timings) a lead-off and an offline device both
// showing their technical states within the first seconds.
// Larger demos get one minute, so start-up stays short (the history is simulated before the window
// opens: about 35 ms per patient-minute here).
constexpr int kDemoHistorySeconds = 375;
constexpr int kLargeDemoPatients = 64;
constexpr int kLargeDemoHistorySeconds = 60;

void installTranslators(QApplication& app)
{
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("vigil"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
}

} // namespace

int main(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // Arguments are checked before any window system is touched, so bad ones fail fast (exit 2)
    // even without a display.
    QString error;
    bool help = false;
    const std::optional<app::CommandLine> options = app::CommandLine::parse(arguments, &error, &help);
    if (help) {
        std::fputs(qPrintable(app::CommandLine::helpText()), stdout);
        return 0;
    }
    if (!options) {
        std::fprintf(stderr, "vigil: %s\nTry 'vigil --help'.\n", qPrintable(error));
        return app::CommandLine::kUsageError;
    }

    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Vigil"));
    QApplication::setOrganizationName(QStringLiteral("Vigil"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    installTranslators(application);

    live::LiveHub hub;
    ingest::SimulatorSource::Config config;
    config.patients = options->patients;
    config.seed = options->seed;
    config.scenario = options->scenario;
    const int history = options->patients > kLargeDemoPatients ? kLargeDemoHistorySeconds : kDemoHistorySeconds;
    config.startTime = core::nowUtc() - core::Timestamp{history} * core::kMicrosPerSecond;
    auto* source = new ingest::SimulatorSource(config, hub);
    source->pump(core::nowUtc()); // the demo's history, before the first frame
    QThread sourceThread;
    sourceThread.setObjectName(QStringLiteral("simulator"));
    source->moveToThread(&sourceThread);
    QObject::connect(&sourceThread, &QThread::started, source, &ingest::SimulatorSource::start);
    QObject::connect(&sourceThread, &QThread::finished, source, &QObject::deleteLater);
    sourceThread.start();

    std::optional<ui::WaveformRenderer::Kind> kind; // auto
    if (options->renderer == QLatin1String("software"))
        kind = ui::WaveformRenderer::Kind::Software;
    else if (options->renderer == QLatin1String("gl"))
        kind = ui::WaveformRenderer::Kind::Gl;
    ui::MainWindow window(hub, kind);
    window.resize(1600, 960);
    window.show();

    int exitCode = 0;
    if (options->quitAfterMs >= 0) {
        QTimer::singleShot(options->quitAfterMs, &window, [&] {
            if (!options->screenshot.isEmpty()) {
                const QImage image = window.grab().toImage();
                if (image.isNull() || !image.save(options->screenshot)) {
                    std::fprintf(
                        stderr, "vigil: could not save the screenshot to %s\n", qPrintable(options->screenshot));
                    exitCode = 1;
                }
            }
            QApplication::quit();
        });
    }
    const int rc = QApplication::exec();

    // Stop protocol: flag the source, let its thread's event loop end, wait for it.
    source->stop();
    sourceThread.quit();
    sourceThread.wait();
    return exitCode != 0 ? exitCode : rc;
}
