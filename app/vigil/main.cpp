// vigil: the clinician's GUI. Composition root: parses the command line, unlocks (or sets up) the
// encrypted cache, starts its writer, loads the stored history into the live hub, starts the live
// sources recording into the cache (the demo's simulator on its own thread; MQTT and/or HL7 v2 over
// MLLP through the ingest router, as `vigilctl listen` does), and shows the live view.

#include "cachesetupdialog.h"
#include "commandline.h"
#include "ingest/ingestrouter.h"
#include "ingest/mllplistener.h"
#include "ingest/mqttingest.h"
#include "ingest/outboxpublisher.h"
#include "ingest/simulatorsource.h"
#include "ingest/storedalarmlimits.h"
#include "ingest/storedcases.h"
#include "ingest/storehistory.h"
#include "ingest/storerecorder.h"
#include "itemmodels/worklistmodel.h"
#include "live/livehub.h"
#include "live/wardmonitor.h"
#include "mainwindow.h"
#include "store/cache.h"
#include "store/storereader.h"
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

QString osUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("unknown") : name;
}

ingest::MqttSource::Config mqttConfig(const app::CommandLine& options)
{
    ingest::MqttSource::Config config;
    config.connection.brokers = options.brokers;
    config.connection.clientId = options.clientId;
    config.connection.caFile = options.caFile;
    config.connection.certFile = options.certFile;
    config.connection.keyFile = options.keyFile;
    config.connection.username = options.mqttUsername;
    config.connection.password = options.mqttPassword;
    config.site = options.site;
    return config;
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

    // Live transports, after the stored history (so feeds continue where the cache ends): one router
    // (repeats dropped, bad messages quarantined) feeding the live hub and the writer. Patients that
    // are not in the cache yet get a tile when their first message arrives.
    std::unique_ptr<ingest::IngestRouter> router;
    std::unique_ptr<ingest::MqttIngest> mqtt;
    std::unique_ptr<ingest::OutboxPublisher> outbox;
    std::unique_ptr<ingest::MllpListener> mllp;
    if (options->hasLiveTransport()) {
        router = std::make_unique<ingest::IngestRouter>(&hub, &writer);
        writer.appendAudit({0, osUserName(), QStringLiteral("clinician"), QStringLiteral("ingest.start"), 0,
            QStringLiteral("live ingest: %1 broker(s)%2")
                .arg(options->brokers.size())
                .arg(options->mllpPort >= 0 ? QStringLiteral(", MLLP") : QString())});
        if (!options->brokers.isEmpty()) {
            const ingest::MqttSource::Config config = mqttConfig(*options);
            mqtt = std::make_unique<ingest::MqttIngest>(config, *router);
            // This workstation's case events, from the cache's outbox to the same brokers (a client
            // id of its own: the subscriber's persistent session must not be taken over).
            ingest::OutboxPublisher::Config outboxConfig;
            outboxConfig.publisher.connection = config.connection;
            if (!outboxConfig.publisher.connection.clientId.isEmpty())
                outboxConfig.publisher.connection.clientId += QStringLiteral("-events");
            outbox = std::make_unique<ingest::OutboxPublisher>(*cache, writer, outboxConfig);
        }
        if (options->mllpPort >= 0) {
            mllp = std::make_unique<ingest::MllpListener>(*router);
            QString why;
            if (!mllp->start(static_cast<quint16>(options->mllpPort), QHostAddress::Any, &why)) {
                // Vigil still starts (the status bar says MLLP is not listening), but says so first.
                const QString text = QApplication::translate(
                    "main", "HL7 v2 (MLLP) cannot listen on port %1: %2. Vigil starts without it.")
                                         .arg(options->mllpPort)
                                         .arg(why);
                std::fprintf(stderr, "vigil: %s\n", qPrintable(text));
                if (options->quitAfterMs < 0)
                    QMessageBox::warning(nullptr, QApplication::translate("main", "Vigil"), text);
            }
        }
    }

    std::optional<ui::WaveformRenderer::Kind> kind; // auto
    if (options->renderer == QLatin1String("software"))
        kind = ui::WaveformRenderer::Kind::Software;
    else if (options->renderer == QLatin1String("gl"))
        kind = ui::WaveformRenderer::Kind::Gl;
    ui::MainWindow window(hub, kind);
    window.setCache(&writer, keyFilePath);
    window.setAutoLockInterval(options->lockAfterMinutes * 60 * 1000);
    window.setLiveSourceConnected(options->demo || options->hasLiveTransport());
    if (options->offline)
        window.setOfflineReview(history.lastData);
    window.setIngest({router.get(), mqtt ? &mqtt->source() : nullptr, mllp.get(), cache.get(), outbox.get()});
    window.setSite(options->site);
    // Cases (escalations, notes, reviews) as the cache holds them: a restart loses none.
    {
        std::map<QString, clinical::CaseState> cases;
        ingest::StoredCases::Summary casesRead;
        store::StoreError casesError;
        if (ingest::StoredCases::load(*cache, cases, &casesRead, &casesError))
            window.restoreCases(cases);
        else
            qWarning("vigil: the stored cases could not be read: %s", qPrintable(casesError.message));
        if (casesRead.undecodable > 0)
            qWarning("vigil: %d stored case event(s) could not be read back", casesRead.undecodable);
    }
    // Per-patient alarm limits a clinician set: a restart must not return to the defaults.
    if (store::StoreError limitsError; auto reader = store::StoreReader::open(*cache, &limitsError))
        window.restoreAlarmLimits(ingest::StoredAlarmLimits::load(*reader));
    if (options->demo) {
        // The demonstration ward: two caseloads, and the observations only a clinician can record
        // (consciousness, air or oxygen) entered once at start so NEWS2 is complete, as a nurse's
        // first round would leave it. Never done outside --demo.
        window.updateClinical();
        for (int i = 0; i < window.ward().patientCount(); ++i) {
            ui::ObservationDialog::Observations first;
            first.consciousness = clinical::News2::Acvpu::Alert;
            first.onOxygen = false;
            window.applyObservations(i, first);
            window.worklist()->setTeamOf(window.ward().patient(i).key,
                i % 2 == 0 ? QApplication::translate("main", "North caseload")
                           : QApplication::translate("main", "South caseload"));
        }
        window.updateClinical();
    }
    window.resize(1600, 960);
    window.show();
    // Started once the window watches it: its first state change already reaches the status bar.
    if (mqtt)
        mqtt->source().start();
    if (store::StoreError outboxError; outbox && !outbox->start(&outboxError))
        qWarning("vigil: case events cannot be published: %s", qPrintable(outboxError.message));

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

    // Stop protocol: the window lets go of the live transports; they stop (MQTT: its thread joins;
    // MLLP: its thread's event loop ends), so nothing reaches the router any more; the simulator is
    // flagged and its thread waited for; then the writer commits what is queued and closes, before
    // the cache (and the demo's folder) go.
    window.setIngest({});
    if (outbox && !outbox->stop())
        qInfo("vigil: some case events are still to be published; they are sent at the next start");
    if (mqtt)
        mqtt->source().stop();
    if (mllp)
        mllp->stop();
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
