// vigil: the clinician's GUI. Composition root: parses the command line, unlocks (or sets up) the
// encrypted cache, starts its writer, loads the stored history into the live hub, starts the live
// source on its own thread recording into the cache, and shows the live view.

#include "cachesetupdialog.h"
#include "commandline.h"
#include "ingest/simulatorsource.h"
#include "ingest/storehistory.h"
#include "ingest/storerecorder.h"
#include "live/livehub.h"
#include "mainwindow.h"
#include "store/cache.h"
#include "store/storewriter.h"
#include "unlockdialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
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

QString defaultCachePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/cache.vigil");
}

// The cache at `path`, unlocked: the unlock screen when there is one, the first-run setup when there
// is none (also after an unreadable cache was moved aside). nullptr: the clinician chose to quit.
std::unique_ptr<store::Cache> unlockOrSetUp(const QString& path)
{
    for (;;) {
        if (!QFile::exists(path)) {
            ui::CacheSetupDialog setup(path);
            if (setup.exec() != QDialog::Accepted)
                return nullptr;
            return setup.takeCache();
        }
        ui::UnlockDialog unlock(path);
        if (unlock.exec() != QDialog::Accepted)
            return nullptr;
        if (std::unique_ptr<store::Cache> cache = unlock.takeCache())
            return cache;
        // Moved aside (or gone): set up a new one.
    }
}

void showFatal(const QString& text)
{
    QMessageBox::critical(nullptr, QApplication::translate("main", "Vigil cannot start"), text);
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

    // The encrypted cache everything is recorded into. The demo's throwaway cache lives in a
    // temporary folder removed at exit; its key exists only in this process (still encrypted on disk).
    std::unique_ptr<QTemporaryDir> demoDir;
    std::unique_ptr<store::Cache> cache;
    QString keyFilePath; // empty: no passphrase (the throwaway cache)
    if (options->demo && options->cachePath.isEmpty()) {
        demoDir = std::make_unique<QTemporaryDir>();
        store::StoreError cacheError;
        if (demoDir->isValid())
            cache = store::Cache::createEphemeral(demoDir->filePath(QStringLiteral("demo.vigil")), &cacheError);
        if (!cache) {
            showFatal(QApplication::translate("main", "The demonstration cache could not be created: %1")
                          .arg(demoDir->isValid() ? cacheError.message : demoDir->errorString()));
            return 1;
        }
    } else {
        const QString path = options->cachePath.isEmpty() ? defaultCachePath() : options->cachePath;
        cache = unlockOrSetUp(path);
        if (!cache)
            return 0;
        keyFilePath = store::Cache::keyFilePath(path);
    }
    store::StoreWriter writer(*cache);
    if (store::StoreError writerError; !writer.start(&writerError)) {
        showFatal(QApplication::translate("main", "The cache cannot be written: %1").arg(writerError.message));
        return 1;
    }

    // What the cache holds comes back first (feeds drop samples older than what they hold), then
    // the live source continues each stored patient's feed.
    live::LiveHub hub;
    ingest::StoreHistory::Summary history;
    if (store::StoreError historyError; !ingest::StoreHistory::load(*cache, hub, &history, &historyError))
        qWarning("vigil: part of the stored history could not be read: %s", qPrintable(historyError.message));

    std::unique_ptr<ingest::StoreRecorder> recorder;
    ingest::SimulatorSource* source = nullptr;
    QThread sourceThread;
    sourceThread.setObjectName(QStringLiteral("simulator"));
    if (options->demo) {
        ingest::SimulatorSource::Config config;
        config.patients = options->patients;
        config.seed = options->seed;
        config.scenario = options->scenario;
        const int seconds = options->patients > kLargeDemoPatients ? kLargeDemoHistorySeconds : kDemoHistorySeconds;
        const core::Timestamp now = core::nowUtc();
        config.startTime = now - core::Timestamp{seconds} * core::kMicrosPerSecond;
        // A cache with recent data: simulate from where it ends, so nothing is recorded twice.
        if (history.lastData != 0)
            config.startTime = std::clamp(history.lastData + core::kMicrosPerMilli, config.startTime, now);
        source = new ingest::SimulatorSource(config, hub);
        recorder = std::make_unique<ingest::StoreRecorder>(writer);
        source->setRecorder(recorder.get());
        source->pump(now); // the demo's history, before the first frame
        source->moveToThread(&sourceThread);
        QObject::connect(&sourceThread, &QThread::started, source, &ingest::SimulatorSource::start);
        QObject::connect(&sourceThread, &QThread::finished, source, &QObject::deleteLater);
        sourceThread.start();
    }

    std::optional<ui::WaveformRenderer::Kind> kind; // auto
    if (options->renderer == QLatin1String("software"))
        kind = ui::WaveformRenderer::Kind::Software;
    else if (options->renderer == QLatin1String("gl"))
        kind = ui::WaveformRenderer::Kind::Gl;
    ui::MainWindow window(hub, kind);
    window.setCache(&writer, keyFilePath);
    window.setAutoLockInterval(options->lockAfterMinutes * 60 * 1000);
    window.setLiveSourceConnected(options->demo); // live transports arrive in a later issue
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

    // Stop protocol: flag the source, let its thread's event loop end, wait for it; then the writer
    // commits what is queued and closes, before the cache (and the demo's folder) go.
    if (source) {
        source->stop();
        sourceThread.quit();
        sourceThread.wait();
    }
    window.setCache(nullptr, QString());
    if (!writer.stop())
        qWarning("vigil: not everything could be saved to the cache before exit");
    return exitCode != 0 ? exitCode : rc;
}
