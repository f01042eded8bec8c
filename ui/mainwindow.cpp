#include "mainwindow.h"

#include "alarmlimitsdialog.h"
#include "alarmtone.h"
#include "clinicalalarmbanner.h"
#include "core/clinicalcodes.h"
#include "ecgstripreport.h"
#include "escalationdialog.h"
#include "escalationsummaryreport.h"
#include "glselftest.h"
#include "glwaveformview.h"
#include "importdialog.h"
#include "inactivitywatcher.h"
#include "ingest/ingestrouter.h"
#include "ingest/outboxpublisher.h"
#include "ingest/storedalarmlimits.h"
#include "ingest/storedalarms.h"
#include "ingest/storedcases.h"
#include "ingestdiagnosticsdialog.h"
#include "ingeststatus.h"
#include "itemmodels/dataage.h"
#include "itemmodels/patientlistmodel.h"
#include "itemmodels/worklistmodel.h"
#include "live/livehub.h"
#include "live/wardmonitor.h"
#include "lockscreen.h"
#include "monitorpalette.h"
#include "patientdetailview.h"
#include "reauthdialog.h"
#include "rendererfactory.h"
#include "reviewwindow.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "technicalalarmbanner.h"
#include "waveformscene.h"
#include "worklistdock.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSysInfo>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <functional>

Q_LOGGING_CATEGORY(lcUi, "vigil.ui")

namespace vigil::ui {

namespace {

DisplaySettings settingsForScreen(const QScreen* screen)
{
    DisplaySettings s;
    if (screen) {
        // Physical DPI makes 25 mm/s true on screen; implausible values (virtual displays) fall back to 96 dpi.
        const double dpi = screen->physicalDotsPerInchX();
        if (dpi >= 72 && dpi <= 400)
            s.pixelsPerMm = dpi / 25.4;
    }
    return s;
}

// Who is at the workstation, for the audit log: the operating system's user name.
QString osUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty())
        name = QStringLiteral("unknown");
    return name;
}

} // namespace

MainWindow::MainWindow(live::LiveHub& hub, std::optional<WaveformRenderer::Kind> requested, QWidget* parent)
    : QMainWindow(parent)
    , m_hub(hub)
{
    setWindowTitle(tr("Vigil — virtual ward"));
    m_scene = new WaveformScene(hub, this);
    m_scene->setDisplaySettings(settingsForScreen(screen()));
    connect(m_scene, &WaveformScene::tileActivated, this, &MainWindow::openPatient);

    // Central widget: the technical alarm and source banners (no patient data: shown while locked
    // too) above a stack of the live page and the lock screen.
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_technicalAlarm = new TechnicalAlarmBanner(central);
    layout->addWidget(m_technicalAlarm);
    // The ward's clinical alarms (its locked form names nobody, so it stays while locked too).
    m_alarmBanner = new ClinicalAlarmBanner(central);
    layout->addWidget(m_alarmBanner);
    m_sourceBanner = new QLabel(central);
    m_sourceBanner->setObjectName(QStringLiteral("sourceBanner"));
    m_sourceBanner->setWordWrap(true);
    m_sourceBanner->setContentsMargins(10, 6, 10, 6);
    m_sourceBanner->setStyleSheet(QStringLiteral("background:#2b3440; color:#e6eaef; font-weight:bold;"));
    m_sourceBanner->hide();
    layout->addWidget(m_sourceBanner);
    m_stack = new QStackedWidget(central);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_livePage = new QWidget(m_stack);
    auto* liveLayout = new QVBoxLayout(m_livePage);
    liveLayout->setContentsMargins(0, 0, 0, 0);
    liveLayout->setSpacing(0);
    m_banner = new QLabel(m_livePage);
    m_banner->setWordWrap(true);
    m_banner->setContentsMargins(10, 6, 10, 6);
    m_banner->setStyleSheet(QStringLiteral("background:#123a40; color:#e6f7fa; font-weight:bold;"));
    m_banner->hide();
    liveLayout->addWidget(m_banner);
    m_stack->addWidget(m_livePage);
    m_lockScreen = new LockScreen(m_stack);
    m_stack->addWidget(m_lockScreen);
    m_stack->setCurrentWidget(m_livePage);
    connect(m_lockScreen, &LockScreen::unlocked, this, &MainWindow::unlock);
    connect(m_lockScreen, &LockScreen::unlockRefused, this,
        [this] { audit(QStringLiteral("session.unlock.refused"), QStringLiteral("wrong passphrase")); });

    m_patients = new itemmodels::PatientListModel(hub, this);
    m_patientTable = new QTableView(this);
    m_patientTable->setModel(m_patients);
    m_patientTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_patientTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_patientTable->verticalHeader()->hide();
    m_patientTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_patientTable, &QTableView::activated, this, [this](const QModelIndex& index) {
        openPatient(index.data(itemmodels::PatientListModel::PatientIndexRole).toInt());
    });
    // The list and the tiles share one focus: selecting a row focuses its tile (turning the page
    // if needed), and moving between tiles selects the row.
    connect(m_patientTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) {
            if (!current.isValid())
                return;
            const int patient = current.data(itemmodels::PatientListModel::PatientIndexRole).toInt();
            if (patient / kTilesPerPage != m_page)
                setPage(patient / kTilesPerPage);
            m_scene->setCurrentTile(patient - m_page * kTilesPerPage);
        });
    connect(m_scene, &WaveformScene::currentTileChanged, this, [this](int tile) {
        const int patient = m_scene->tile(tile).patient;
        const QModelIndex row = m_patients->index(patient, 0);
        if (m_patientTable->currentIndex().row() != patient)
            m_patientTable->setCurrentIndex(row);
    });
    m_patientDock = new QDockWidget(tr("Patients"), this);
    m_patientDock->setObjectName(QStringLiteral("patientsDock"));
    m_patientDock->setWidget(m_patientTable);
    addDockWidget(Qt::RightDockWidgetArea, m_patientDock);
    m_patientDock->hide();

    // The clinical watch and the worklist beside the grid.
    m_ward = std::make_unique<live::WardMonitor>(hub);
    m_worklist = new itemmodels::WorklistModel(hub, *m_ward, this);
    m_worklistDock = new WorklistDock(*m_worklist, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_worklistDock);
    resizeDocks({m_worklistDock}, {560}, Qt::Horizontal); // wide enough for the alarm condition
    connect(m_worklistDock, &WorklistDock::patientActivated, this, [this](int patient) {
        m_worklist->markSeen(m_worklist->rowOfPatient(patient));
        openPatient(patient);
    });
    connect(m_worklistDock, &WorklistDock::observationsRequested, this, &MainWindow::recordObservations);
    connect(m_worklistDock, &WorklistDock::acknowledgeRequested, this, &MainWindow::acknowledgeAlarms);
    connect(m_worklistDock, &WorklistDock::escalateRequested, this, &MainWindow::openCase);
    m_worklist->setCaseProvider([this](const QString& key) {
        itemmodels::WorklistModel::CaseSummary summary;
        const auto it = m_cases.find(key);
        if (it == m_cases.end())
            return summary;
        const clinical::CaseState& c = it->second;
        summary.open = c.isOpen();
        if (c.level() != clinical::EscalationLevel::None) {
            summary.escalationLevel = clinical::escalationRank(c.level());
            summary.escalationText = clinical::escalationLevelName(c.level());
        }
        if (c.escalatedWhileResolving())
            summary.escalationText += tr(" (escalated while being resolved)");
        summary.reviewNeeded = c.reviewNeeded() || c.reviewRequested();
        return summary;
    });
    m_alarmBanner->setNameProvider([this](const QString& key) {
        const int index = m_hub.indexOf(key);
        return index >= 0 ? m_hub.feed(index).identity().displayName() : QString();
    });
    connect(m_alarmBanner, &ClinicalAlarmBanner::acknowledgeRequested, this, [this](const QString& id) {
        for (const auto& change : m_ward->alarms().acknowledge(id, osUserName(), core::nowUtc())) {
            storeAlarmChange(change);
            if (change.kind == clinical::AlarmEngine::Change::Kind::Acknowledged)
                audit(QStringLiteral("alarm.acknowledged"),
                    (change.alarm.patientKey.isEmpty() ? QStringLiteral("workstation") : change.alarm.patientKey)
                        + QStringLiteral(": ") + change.alarm.conditionKey());
        }
        updateClinical();
    });
    connect(m_alarmBanner, &ClinicalAlarmBanner::audioPauseRequested, this, [this] {
        m_ward->alarms().pauseAudio(core::nowUtc());
        audit(QStringLiteral("alarm.audio-paused"), QStringLiteral("120 s"));
        updateClinical();
    });
    connect(m_alarmBanner, &ClinicalAlarmBanner::alarmPauseRequested, this, &MainWindow::pauseAlarms);
    connect(m_alarmBanner, &ClinicalAlarmBanner::alarmResetRequested, this, &MainWindow::resetAlarms);
    connect(m_alarmBanner, &ClinicalAlarmBanner::openPatientRequested, this, [this](const QString& key) {
        const int index = m_hub.indexOf(key);
        if (index >= 0)
            openPatient(index);
    });
    m_tone = new AlarmTone(this);
    const auto audioProblem = [this](const QString& reason) {
        m_technicalAlarm->setCondition(TechnicalAlarmBanner::Condition::Audio, tr("Technical alarm: %1.").arg(reason));
    };
    connect(m_tone, &AlarmTone::audioOutputUnavailable, this, audioProblem);
    connect(m_tone, &AlarmTone::audioOutputRestored, this,
        [this] { m_technicalAlarm->setCondition(TechnicalAlarmBanner::Condition::Audio, QString()); });
    if (!m_tone->hasAudioOutput())
        audioProblem(m_tone->audioOutputProblem());
    m_clinicalTimer = new QTimer(this);
    m_clinicalTimer->setInterval(1000);
    connect(m_clinicalTimer, &QTimer::timeout, this, &MainWindow::updateClinical);
    m_clinicalTimer->start();

    m_rendererLabel = new QLabel(this);
    m_gainLabel = new QLabel(this);
    m_storeStatus = new QLabel(this);
    m_storeStatus->setObjectName(QStringLiteral("storeStatus"));
    statusBar()->addWidget(m_storeStatus);
    m_mqttStatus = new QLabel(this);
    m_mqttStatus->setObjectName(QStringLiteral("mqttStatus"));
    statusBar()->addWidget(m_mqttStatus);
    m_mqttStatus->hide();
    m_mllpStatus = new QLabel(this);
    m_mllpStatus->setObjectName(QStringLiteral("mllpStatus"));
    statusBar()->addWidget(m_mllpStatus);
    m_mllpStatus->hide();
    m_outboxStatus = new QLabel(this);
    m_outboxStatus->setObjectName(QStringLiteral("outboxStatus"));
    statusBar()->addWidget(m_outboxStatus);
    m_outboxStatus->hide();
    statusBar()->addWidget(m_rendererLabel, 1);
    statusBar()->addPermanentWidget(m_gainLabel);
    m_importStatus = new QLabel(tr("Importing files (File > Import shows progress)"), this);
    m_importStatus->setObjectName(QStringLiteral("importStatus"));
    statusBar()->addWidget(m_importStatus);
    m_importStatus->hide();
    m_pageLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_pageLabel);
    statusBar()->addPermanentWidget(new QLabel(tr("Alarms from this workstation are advisory"), this));

    m_ingestStatus = new IngestStatus(this);
    connect(m_ingestStatus, &IngestStatus::changed, this, &MainWindow::onIngestChanged);
    // Queued when a source thread adds the patient; direct when the GUI thread does.
    connect(&m_hub, &live::LiveHub::patientAdded, this, &MainWindow::onPatientAdded);

    buildMenus();
    setPage(0);
    if (requested) {
        setRenderer(*requested);
    } else {
        const WaveformRenderer::Kind chosen = automaticRenderer(&m_automaticNote);
        setRenderer(chosen);
    }

    // Frame clock: pull new samples and draw what changed, ~60 times a second. Tile text is
    // refreshed round-robin so every tile is re-read twice a second without a burst in one frame.
    m_frameTimer = new QTimer(this);
    m_frameTimer->setTimerType(Qt::PreciseTimer);
    m_frameTimer->setInterval(16);
    connect(m_frameTimer, &QTimer::timeout, this, &MainWindow::renderFrame);
    m_frameTimer->start();
    m_modelTimer = new QTimer(this);
    m_modelTimer->setInterval(1000);
    connect(m_modelTimer, &QTimer::timeout, m_patients, &itemmodels::PatientListModel::refresh);
    m_modelTimer->start();

    m_storeTimer = new QTimer(this);
    m_storeTimer->setInterval(1000);
    connect(m_storeTimer, &QTimer::timeout, this, &MainWindow::pollStore);

    m_inactivity = new InactivityWatcher(this);
    connect(m_inactivity, &InactivityWatcher::timedOut, this, [this] { lock(LockReason::Inactivity); });
    m_inactivity->setTimeout(kDefaultAutoLockMs);
}

MainWindow::~MainWindow()
{
    // The dialog refers to the ingest status; it goes first. An import still running is cancelled
    // and waited for (it writes into the writer).
    delete m_diagnostics.data();
    delete m_import.data();
    // The worklist reads the ward monitor: both go before it.
    delete m_worklistDock;
    delete m_worklist;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_importAction = file->addAction(tr("&Import…"), this, &MainWindow::chooseFilesToImport);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    const auto currentPatient = [this] {
        const int patient = m_worklistDock->currentPatient();
        return patient >= 0 ? patient : m_scene->tile(m_scene->currentTile()).patient;
    };
    // Asks where to save a document of the current patient and writes it with `write`.
    using Writer = std::function<bool(int patient, const QString& path, QString* error)>;
    const auto saveDocument = [this, currentPatient](const QString& title, const QString& fileName, Writer write) {
        const int patient = currentPatient();
        if (m_locked || patient < 0)
            return;
        const QString path = QFileDialog::getSaveFileName(this, title, fileName, tr("PDF documents (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !write(patient, path, &error))
            QMessageBox::warning(this, title, error);
    };
    QAction* strip = file->addAction(tr("ECG &strip to PDF (last 30 s)…"), this, [this, saveDocument] {
        saveDocument(
            tr("Save the ECG strip"), tr("ecg-strip.pdf"), [this](int patient, const QString& path, QString* error) {
                return exportEcgStrip(patient, path, 30, error);
            });
    });
    QAction* summary = file->addAction(tr("Escalation &summary to PDF…"), this, [this, saveDocument] {
        saveDocument(tr("Save the escalation summary"), tr("escalation-summary.pdf"),
            [this](
                int patient, const QString& path, QString* error) { return exportCaseSummary(patient, path, error); });
    });
    m_unlockedOnly << strip << summary;
    file->addSeparator();
    m_lockAction = file->addAction(tr("&Lock"), this, [this] { lock(LockReason::User); });
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    // From any window of the application (the detail view too), not just the main window.
    m_lockAction->setShortcutContext(Qt::ApplicationShortcut);
    file->addSeparator();
    QAction* quit = file->addAction(tr("Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* clinical = menuBar()->addMenu(tr("&Clinical"));
    QAction* observe = clinical->addAction(tr("Record &observations…"), this, [this] {
        const int patient = m_worklistDock->currentPatient();
        recordObservations(patient >= 0 ? patient : m_scene->tile(m_scene->currentTile()).patient);
    });
    observe->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    QAction* acknowledge = clinical->addAction(tr("&Acknowledge the patient's alarms"), this, [this] {
        const int patient = m_worklistDock->currentPatient();
        acknowledgeAlarms(patient >= 0 ? patient : m_scene->tile(m_scene->currentTile()).patient);
    });
    acknowledge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    clinical->addAction(tr("Pause alarm &audio (2 minutes)"), this, [this] {
        m_ward->alarms().pauseAudio(core::nowUtc());
        audit(QStringLiteral("alarm.audio-paused"), QStringLiteral("120 s"));
    });
    clinical->addAction(tr("Pause all alar&ms (2 minutes)"), this, &MainWindow::pauseAlarms);
    clinical->addAction(tr("Alarm &reset"), this, &MainWindow::resetAlarms);
    m_audioOffAction = clinical->addAction(tr("Alarm audio o&ff…"), this, [this] {
        if (m_ward->alarms().signalState(core::nowUtc()) == clinical::AlarmEngine::SignalState::AudioOff)
            setAlarmAudioOff(false);
        else
            requestAlarmAudioOff();
    });
    m_audioOffAction->setObjectName(QStringLiteral("audioOffAction"));
    QAction* limits = clinical->addAction(tr("Alarm &limits for the patient…"), this, [this] {
        const int patient = m_worklistDock->currentPatient();
        editAlarmLimits(patient >= 0 ? patient : m_scene->tile(m_scene->currentTile()).patient);
    });
    limits->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    QAction* review = clinical->addAction(tr("&Review the patient's recording…"), this, [this] {
        const int patient = m_worklistDock->currentPatient();
        openReview(patient >= 0 ? patient : m_scene->tile(m_scene->currentTile()).patient);
    });
    review->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_unlockedOnly << review;
    m_unlockedOnly << limits << m_audioOffAction;
    QAction* escalate = clinical->addAction(tr("&Escalate or act on the case…"), this, [this] {
        const int patient = m_worklistDock->currentPatient();
        openCase(patient >= 0 ? patient : m_scene->tile(m_scene->currentTile()).patient);
    });
    escalate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_unlockedOnly << escalate;
    clinical->addSeparator();
    QAction* worklist = m_worklistDock->toggleViewAction();
    worklist->setText(tr("&Worklist"));
    worklist->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    clinical->addAction(worklist);
    m_unlockedOnly << observe << acknowledge << worklist;

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_rendererGroup = new QActionGroup(this);
    QAction* gl = view->addAction(tr("GPU renderer"));
    gl->setCheckable(true);
    gl->setData(static_cast<int>(WaveformRenderer::Kind::Gl));
    QAction* software = view->addAction(tr("Software renderer"));
    software->setCheckable(true);
    software->setData(static_cast<int>(WaveformRenderer::Kind::Software));
    m_rendererGroup->addAction(gl);
    m_rendererGroup->addAction(software);
    connect(m_rendererGroup, &QActionGroup::triggered, this,
        [this](QAction* a) { setRenderer(static_cast<WaveformRenderer::Kind>(a->data().toInt())); });
    view->addSeparator();

    QMenu* gain = view->addMenu(tr("ECG gain"));
    auto* gainGroup = new QActionGroup(this);
    for (double mmPerMv : {2.5, 5.0, 10.0, 20.0}) {
        QAction* a = gain->addAction(tr("%1 mm/mV").arg(mmPerMv));
        a->setCheckable(true);
        a->setChecked(mmPerMv == 10.0);
        gainGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, mmPerMv] {
            DisplaySettings s = m_scene->displaySettings();
            s.ecgGainMmPerMv = mmPerMv;
            setDisplaySettings(s);
        });
    }
    QMenu* speed = view->addMenu(tr("Sweep speed"));
    auto* speedGroup = new QActionGroup(this);
    for (double mmPerS : {12.5, 25.0, 50.0}) {
        QAction* a = speed->addAction(tr("%1 mm/s").arg(mmPerS));
        a->setCheckable(true);
        a->setChecked(mmPerS == 25.0);
        speedGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, mmPerS] {
            DisplaySettings s = m_scene->displaySettings();
            s.sweepMmPerSecond = mmPerS;
            setDisplaySettings(s);
        });
    }
    view->addSeparator();
    QAction* next = view->addAction(tr("Next page of patients"), this, [this] { setPage(m_page + 1); });
    next->setShortcut(QKeySequence(Qt::Key_PageDown));
    QAction* previous = view->addAction(tr("Previous page of patients"), this, [this] { setPage(m_page - 1); });
    previous->setShortcut(QKeySequence(Qt::Key_PageUp));
    view->addSeparator();
    QAction* list = m_patientDock->toggleViewAction();
    list->setText(tr("Patient list"));
    list->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    view->addAction(list);
    // Everything in the View menu shows, pages through or rearranges patient data.
    m_unlockedOnly = view->actions();
    m_unlockedOnly << gain->menuAction() << speed->menuAction();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    m_diagnosticsAction = help->addAction(tr("&Diagnostics…"), this, &MainWindow::showDiagnostics);
    m_diagnosticsAction->setObjectName(QStringLiteral("diagnosticsAction"));
    // It shows transports, not patients; still, nothing opens from a locked session.
    m_unlockedOnly << m_diagnosticsAction << m_importAction;
    help->addSeparator();
    help->addAction(tr("About Vigil"), this, [this] {
        QMessageBox::about(this, tr("About Vigil"),
            tr("<p><b>Vigil</b> %1 — remote patient monitoring workstation.</p>"
               "<p>Physiological alarms raised by a remote workstation are advisory: "
               "they do not replace the alarms of the device at the patient.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

int MainWindow::pageCount() const
{
    return std::max(1, (m_hub.patientCount() + kTilesPerPage - 1) / kTilesPerPage);
}

void MainWindow::setPage(int page)
{
    m_page = std::clamp(page, 0, pageCount() - 1);
    const int first = m_page * kTilesPerPage;
    const int last = std::min(m_hub.patientCount(), first + kTilesPerPage);
    std::vector<int> patients;
    for (int i = first; i < last; ++i)
        patients.push_back(i);
    m_shownPatients = static_cast<int>(patients.size());
    m_scene->setPatients(std::move(patients));
    updatePageLabel();
}

void MainWindow::onPatientAdded()
{
    // Patients are only appended: the current page changes only when it has room for the newcomer.
    // Several additions queued together are handled by the first (it reads the count then).
    const int shown = m_shownPatients;
    const int wanted = std::clamp(m_hub.patientCount() - m_page * kTilesPerPage, 0, kTilesPerPage);
    if (wanted != shown) {
        const int current = m_scene->currentTile();
        setPage(m_page);
        if (shown > 0)
            m_scene->setCurrentTile(current);
    } else {
        updatePageLabel();
    }
}

void MainWindow::updatePageLabel()
{
    const int first = m_page * kTilesPerPage;
    const int last = std::min(m_hub.patientCount(), first + kTilesPerPage);
    if (pageCount() == 1) {
        m_pageLabel->setText(tr("%n patient(s)", nullptr, m_hub.patientCount()));
    } else {
        m_pageLabel->setText(tr("Patients %1–%2 of %3 (page %4 of %5, Page Up/Page Down)")
                                 .arg(first + 1)
                                 .arg(last)
                                 .arg(m_hub.patientCount())
                                 .arg(m_page + 1)
                                 .arg(pageCount()));
    }
}

WaveformRenderer::Kind MainWindow::automaticRenderer(QString* why)
{
    const GlSelfTest::Result test = GlSelfTest::run();
    if (!test.ok) {
        *why = tr("OpenGL unavailable: %1").arg(test.reason);
        return WaveformRenderer::Kind::Software;
    }
    if (test.softwareRasterizer) {
        // Every frame of a QOpenGLWidget is composed through the CPU-emulated GL: far slower than
        // drawing with QPainter (measured by `vigilctl bench render`).
        *why = tr("OpenGL here is emulated on the CPU (%1)").arg(test.renderer);
        return WaveformRenderer::Kind::Software;
    }
    why->clear();
    return WaveformRenderer::Kind::Gl;
}

void MainWindow::setRenderer(WaveformRenderer::Kind kind)
{
    if (m_renderer && m_renderer->kind() == kind)
        return;
    if (kind == WaveformRenderer::Kind::Gl) {
        const GlSelfTest::Result test = GlSelfTest::run();
        if (!test.ok) {
            fallBackToSoftware(test.reason);
            return;
        }
        qCInfo(lcUi) << "GPU renderer self-test passed on" << test.renderer;
    }
    auto* layout = static_cast<QVBoxLayout*>(m_livePage->layout());
    if (m_renderer) {
        QWidget* old = m_renderer->widget();
        m_renderer = nullptr;
        layout->removeWidget(old);
        old->deleteLater();
    }
    m_renderer = RendererFactory::create(kind, *m_scene, m_livePage);
    if (auto* gl = qobject_cast<GlWaveformView*>(m_renderer->widget()))
        connect(gl, &GlWaveformView::renderFailed, this, &MainWindow::onRendererFailed);
    layout->addWidget(m_renderer->widget(), 1);
    m_renderer->widget()->setFocus();
    if (kind == WaveformRenderer::Kind::Gl) {
        m_fallbackReason.clear();
        m_automaticNote.clear();
        m_banner->hide();
    }
    for (QAction* a : m_rendererGroup->actions())
        a->setChecked(a->data().toInt() == static_cast<int>(kind));
    updateStatus();
}

void MainWindow::fallBackToSoftware(const QString& reason)
{
    qCWarning(lcUi) << "GPU renderer unavailable, using software:" << reason;
    m_fallbackReason = reason;
    setRenderer(WaveformRenderer::Kind::Software);
    m_banner->setText(
        tr("The GPU renderer is not available (%1). Waveforms are drawn by the software renderer.").arg(reason));
    m_banner->show();
    updateStatus();
}

void MainWindow::onRendererFailed(const QString& reason)
{
    fallBackToSoftware(reason);
}

void MainWindow::setDisplaySettings(const DisplaySettings& settings)
{
    m_scene->setDisplaySettings(settings);
    if (m_detail)
        m_detail->scene().setDisplaySettings(settings);
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_renderer)
        return;
    QString text =
        m_renderer->kind() == WaveformRenderer::Kind::Gl ? tr("Renderer: GPU (OpenGL)") : tr("Renderer: software");
    if (!m_fallbackReason.isEmpty())
        text += tr(" — GPU unavailable: %1").arg(m_fallbackReason);
    else if (!m_automaticNote.isEmpty() && m_renderer->kind() == WaveformRenderer::Kind::Software)
        text += tr(" (chosen automatically: %1)").arg(m_automaticNote);
    m_rendererLabel->setText(text);
    const DisplaySettings& s = m_scene->displaySettings();
    m_gainLabel->setText(tr("%1 mm/s  ·  ECG %2 mm/mV").arg(s.sweepMmPerSecond).arg(s.ecgGainMmPerMv));
}

void MainWindow::openPatient(int patient)
{
    if (m_locked || patient < 0 || patient >= m_hub.patientCount())
        return;
    if (m_detail)
        m_detail->close();
    m_detail = new PatientDetailView(m_hub, patient, m_renderer ? m_renderer->kind() : WaveformRenderer::Kind::Software,
        m_scene->displaySettings(), this);
    m_detail->setAttribute(Qt::WA_DeleteOnClose);
    m_detail->setWard(m_ward.get());
    if (patient < m_ward->patientCount())
        m_detail->setCase(caseState(patient), QSysInfo::machineHostName());
    m_detail->show();
}

void MainWindow::renderFrame()
{
    if (!m_renderer)
        return;
    m_scene->advance();
    // Each tile's numerics are re-read once a second (as a bedside monitor updates them), spread
    // over the frames so text painting never piles up in one frame.
    m_renderer->frame(m_scene->refreshInfo(WaveformScene::refreshBudget(m_scene->tileCount())));
}

} // namespace vigil::ui

namespace vigil::ui {

void MainWindow::setCache(store::StoreWriter* writer, const QString& keyFilePath)
{
    if (writer != m_writer) {
        delete m_import.data(); // cancels a running import and waits for it: it writes into m_writer
        m_importStatus->hide();
    }
    m_writer = writer;
    m_lockScreen->setKeyFilePath(keyFilePath);
    m_keyFilePath = keyFilePath;
    if (m_writer) {
        pollStore();
        m_storeTimer->start();
    } else {
        m_storeTimer->stop();
        m_technicalAlarm->setCondition(TechnicalAlarmBanner::Condition::Store, QString());
        m_storeStatus->clear();
    }
}

void MainWindow::storeAlarmChange(const clinical::AlarmEngine::Change& change)
{
    if (!m_writer)
        return;
    // Every change of an episode rewrites its row, so review can show it; by the change's own
    // patient (evaluating one patient can escalate another's alarm).
    const bool workstation = change.alarm.patientKey.isEmpty();
    const int index = workstation ? -1 : m_ward->indexOf(change.alarm.patientKey);
    if (!workstation && index < 0)
        return;
    const int handle = workstation ? 0 : m_writer->registerPatient(m_hub.feed(index).identity());
    m_writer->appendAlarm(handle, ingest::StoredAlarms::record(change));
}

void MainWindow::updateClinical()
{
    const core::Timestamp now = core::nowUtc();
    const bool linkDown = m_ingestStatus->linkDownSince() != 0;
    bool storeBehind = false;
    if (m_writer) {
        const auto state = m_writer->stats().state;
        storeBehind = state == store::StoreWriter::State::Behind || state == store::StoreWriter::State::DiskFull
            || state == store::StoreWriter::State::Failed;
    }
    using Kind = clinical::AlarmEngine::Change::Kind;
    for (const auto& change : m_ward->update(now, linkDown, storeBehind)) {
        const QString who = change.alarm.patientKey.isEmpty() ? QStringLiteral("workstation") : change.alarm.patientKey;
        const QString what = who + QStringLiteral(": ") + change.alarm.conditionKey() + QLatin1Char(' ')
            + clinical::AlarmPriority::key(change.alarm.priority);
        storeAlarmChange(change);
        switch (change.kind) {
        case Kind::Raised:
            audit(QStringLiteral("alarm.raised"), what);
            break;
        case Kind::Escalated:
            audit(QStringLiteral("alarm.escalated"), what);
            break;
        case Kind::Ended:
            audit(QStringLiteral("alarm.ended"), what);
            break;
        default:
            break;
        }
    }
    m_worklist->refresh(now);
    m_worklistDock->updateTeams();
    const auto& engine = m_ward->alarms();
    m_alarmBanner->setAlarms(engine.alarms(), engine.signalState(now), engine.signalStateEndsAt(), now);
    m_tone->setLevel(engine.audibleLevel(now));
    updateOfflineBanner();
    const bool audioOff = engine.signalState(now) == clinical::AlarmEngine::SignalState::AudioOff;
    m_audioOffAction->setText(audioOff ? tr("Alarm audio back o&n") : tr("Alarm audio o&ff…"));
    if (m_detail)
        m_detail->refreshClinical();
}

void MainWindow::recordObservations(int patient)
{
    if (m_locked || patient < 0 || patient >= m_ward->patientCount())
        return;
    auto* dialog = new ObservationDialog(m_ward->assessor(patient).scale(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Record observations — %1").arg(m_hub.feed(patient).identity().displayName()));
    connect(dialog, &QDialog::accepted, this,
        [this, dialog, patient] { applyObservations(patient, dialog->observations()); });
    dialog->open();
}

void MainWindow::applyObservations(int patient, const ObservationDialog::Observations& entry)
{
    if (patient < 0 || patient >= m_ward->patientCount())
        return;
    using clinical::News2;
    using clinical::Provenance;
    clinical::News2Assessor& a = m_ward->assessor(patient);
    const core::Timestamp now = core::nowUtc();
    QStringList recorded;
    const auto number = [&](News2::Parameter p, const std::optional<double>& v) {
        if (v && a.record(p, *v, now, Provenance::Clinician))
            recorded << News2::key(p);
    };
    number(News2::Parameter::RespirationRate, entry.respirationRate);
    number(News2::Parameter::SpO2, entry.spo2);
    number(News2::Parameter::SystolicBp, entry.systolicBp);
    number(News2::Parameter::Pulse, entry.pulse);
    number(News2::Parameter::Temperature, entry.temperature);
    if (entry.onOxygen && a.recordOxygen(*entry.onOxygen, now, Provenance::Clinician))
        recorded << News2::key(News2::Parameter::AirOrOxygen);
    if (entry.consciousness && a.recordConsciousness(*entry.consciousness, now, Provenance::Clinician))
        recorded << News2::key(News2::Parameter::Consciousness);
    const QString key = m_ward->patient(patient).key;
    if (!recorded.isEmpty())
        audit(QStringLiteral("observation.entered"), key + QStringLiteral(": ") + recorded.join(u','));
    if (entry.scaleChanged) {
        a.setScale(entry.scale);
        // The reason is free text: it goes to the audit log (encrypted), never to the log output.
        audit(QStringLiteral("news2.scale"),
            key
                + QStringLiteral(": scale %1; reason: %2")
                      .arg(entry.scale == News2::Scale::Two ? 2 : 1)
                      .arg(entry.scaleReason));
    }
    updateClinical();
}

void MainWindow::pauseAlarms()
{
    m_ward->alarms().pauseAlarms(core::nowUtc());
    audit(QStringLiteral("alarm.paused"), QStringLiteral("%1 s").arg(m_ward->alarms().config().alarmPauseSeconds));
    updateClinical();
}

void MainWindow::resetAlarms()
{
    const auto changes = m_ward->alarms().reset(osUserName(), core::nowUtc());
    int ended = 0;
    for (const auto& change : changes) {
        storeAlarmChange(change);
        ended += change.kind == clinical::AlarmEngine::Change::Kind::Ended ? 1 : 0;
    }
    audit(QStringLiteral("alarm.reset"),
        QStringLiteral("%1 ended, %2 acknowledged").arg(ended).arg(changes.size() - ended));
    updateClinical();
}

void MainWindow::requestAlarmAudioOff()
{
    if (m_locked)
        return;
    // IEC 60601-1-8: switching every alarm sound off needs authority, so the clinician proves who
    // they are again (the cache passphrase; in the demo, typed words).
    auto* dialog = new ReauthDialog(m_keyFilePath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReauthDialog::refused, this,
        [this] { audit(QStringLiteral("alarm.audio-off-refused"), QStringLiteral("re-authentication failed")); });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->isVerified())
            setAlarmAudioOff(true, dialog->verifiedByPassphrase());
    });
    m_reauth = dialog;
    dialog->open();
}

bool MainWindow::setAlarmAudioOff(bool off, bool byPassphrase)
{
    if (!m_ward->alarms().setAudioOff(off, off, core::nowUtc()))
        return false;
    audit(off ? QStringLiteral("alarm.audio-off") : QStringLiteral("alarm.audio-on"),
        off ? (byPassphrase ? QStringLiteral("re-authenticated with the passphrase")
                            : QStringLiteral("confirmed (no passphrase on this cache)"))
            : QString());
    updateClinical();
    return true;
}

void MainWindow::editAlarmLimits(int patient)
{
    if (m_locked || patient < 0 || patient >= m_ward->patientCount())
        return;
    const QString key = m_ward->patient(patient).key;
    auto* dialog =
        new AlarmLimitsDialog(m_ward->alarms().limits(key), m_hub.feed(patient).identity().displayName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, patient, dialog] { setAlarmLimits(patient, dialog->limits(), dialog->reason()); });
    m_limitsDialog = dialog;
    dialog->open();
}

bool MainWindow::setAlarmLimits(int patient, const clinical::AlarmLimits& limits, const QString& reason)
{
    if (patient < 0 || patient >= m_ward->patientCount() || !limits.problems().isEmpty() || reason.trimmed().isEmpty())
        return false;
    const QString key = m_ward->patient(patient).key;
    const clinical::AlarmLimits before = m_ward->alarms().limits(key);
    m_ward->alarms().setLimits(key, limits);
    // Kept in the cache (encrypted) so a restart never silently returns to the defaults; the reason
    // is free text: to the audit log (encrypted), never to the log output.
    if (m_writer)
        ingest::StoredAlarmLimits::save(*m_writer, key, limits);
    audit(QStringLiteral("alarm.limits"),
        key + QStringLiteral(": ") + clinical::AlarmLimits::describeChanges(before, limits)
            + QStringLiteral("; reason: ") + reason.trimmed());
    updateClinical();
    return true;
}

bool MainWindow::openReview(int patient)
{
    if (m_locked || !m_writer || patient < 0 || patient >= m_hub.patientCount())
        return false;
    store::StoreError error;
    auto reader = store::StoreReader::open(m_writer->cache(), &error);
    const core::PatientIdentity identity = m_hub.feed(patient).identity();
    const auto row = reader ? reader->patientBySourceKey(identity.id) : std::nullopt;
    if (!row) {
        QMessageBox::information(this, tr("Review"), tr("Nothing of this patient is stored yet."));
        return false;
    }
    if (m_review)
        m_review->close();
    auto* window = new ReviewWindow(
        m_writer->cache(), [this](const QString& action, const QString& detail) { audit(action, detail); }, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    // Annotations and bookmarks are notes on the case about a time in the recording: stored,
    // audited and published like any other case action.
    window->setAnnotate([this](const QString& key, core::Timestamp at, const QString& text) {
        const int index = m_ward->indexOf(key);
        if (index < 0)
            return false;
        clinical::CaseEvent event;
        event.id = clinical::CaseEvent::newId();
        event.patientKey = key;
        event.workstation = QSysInfo::machineHostName();
        event.actor = osUserName();
        event.role = QStringLiteral("clinician");
        event.time = core::nowUtc();
        event.kind = clinical::CaseEvent::Kind::Note;
        event.text = text;
        event.recordingTime = at;
        event.parents = caseState(index).parentsForNewEvent();
        return recordCaseEvent(index, event);
    });
    window->addPatient(row->id, identity.displayName());
    m_review = window;
    window->resize(1400, 960);
    window->show();
    return true;
}

bool MainWindow::exportEcgStrip(int patient, const QString& path, int seconds, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_writer || patient < 0 || patient >= m_hub.patientCount())
        return fail(tr("No cache is open."));
    store::StoreError storeError;
    auto reader = store::StoreReader::open(m_writer->cache(), &storeError);
    if (!reader)
        return fail(storeError.message);
    const core::PatientIdentity identity = m_hub.feed(patient).identity();
    const auto row = reader->patientBySourceKey(identity.id);
    if (!row)
        return fail(tr("Nothing of this patient is stored yet."));
    for (const auto& stream : reader->streams(row->id)) {
        if (core::ClinicalCodes::streamFromMdc(stream.descriptor.code) != core::StreamKind::Ecg)
            continue;
        const core::Timestamp to = reader->streamRange(stream.id).last + 1;
        const core::Timestamp from = to - core::Timestamp{seconds} * core::kMicrosPerSecond;
        std::vector<store::StoreReader::SampleRun> runs;
        if (!reader->samples(stream.id, from, to, runs, &storeError))
            return fail(storeError.message);
        EcgStripReport::Input input;
        input.displayName = identity.displayName();
        input.nhsNumber = identity.nhsNumber;
        input.start = from;
        input.lanes.push_back(
            EcgStripReport::laneFromRuns(stream.descriptor.label.isEmpty() ? tr("ECG") : stream.descriptor.label,
                stream.descriptor, runs, from, to));
        input.printedBy = osUserName();
        QString why;
        if (!EcgStripReport::writePdf(input, path, &why))
            return fail(why);
        audit(QStringLiteral("export.ecg-strip"), identity.id + QStringLiteral(": %1 s, pdf").arg(seconds));
        return true;
    }
    return fail(tr("No ECG of this patient is stored."));
}

bool MainWindow::exportCaseSummary(int patient, const QString& path, QString* error)
{
    if (patient < 0 || patient >= m_ward->patientCount()) {
        if (error)
            *error = tr("No such patient.");
        return false;
    }
    const core::PatientIdentity identity = m_hub.feed(patient).identity();
    EscalationSummaryReport::Input input;
    input.displayName = identity.displayName();
    input.nhsNumber = identity.nhsNumber;
    input.caseState = caseState(patient);
    input.thisWorkstation = QSysInfo::machineHostName();
    input.news2 = m_ward->patient(patient).news2;
    input.news2Time = core::nowUtc();
    input.printedBy = osUserName();
    if (!EscalationSummaryReport::writePdf(input, path, error))
        return false;
    audit(QStringLiteral("export.case-summary"), identity.id + QStringLiteral(": pdf"));
    return true;
}

void MainWindow::restoreAlarmLimits(const std::map<QString, clinical::AlarmLimits>& limits)
{
    for (const auto& [key, patientLimits] : limits)
        m_ward->alarms().setLimits(key, patientLimits);
}

void MainWindow::acknowledgeAlarms(int patient)
{
    if (m_locked || patient < 0 || patient >= m_ward->patientCount())
        return;
    const QString key = m_ward->patient(patient).key;
    for (const auto& change : m_ward->alarms().acknowledgePatient(key, osUserName(), core::nowUtc())) {
        storeAlarmChange(change);
        if (change.kind == clinical::AlarmEngine::Change::Kind::Acknowledged)
            audit(QStringLiteral("alarm.acknowledged"),
                key + QStringLiteral(": ") + change.alarm.conditionKey() + QLatin1Char(' ')
                    + clinical::AlarmPriority::key(change.alarm.priority));
    }
    m_worklist->refresh(core::nowUtc());
}

void MainWindow::restoreCases(const std::map<QString, clinical::CaseState>& cases)
{
    for (const auto& [key, state] : cases) {
        auto it = m_cases.try_emplace(key, key).first;
        it->second.merge(state.events());
    }
    m_worklist->refresh(core::nowUtc());
}

bool MainWindow::mergeCaseEvent(const clinical::CaseEvent& event)
{
    auto it = m_cases.try_emplace(event.patientKey, event.patientKey).first;
    const clinical::CaseState before = it->second;
    if (it->second.add(event) != clinical::CaseState::AddResult::Added)
        return false;
    const clinical::CaseState::Changes changes = it->second.changesSince(before);
    // Said in the status bar without the patient's name (the worklist row shows who); a level
    // raised elsewhere is what a clinician here must not miss.
    if (!m_locked && event.workstation != QSysInfo::machineHostName()) {
        const QString what = changes.levelRaised()
            ? tr("Another workstation escalated a case to %1.").arg(clinical::escalationLevelName(changes.levelAfter))
            : tr("A case was updated on another workstation (%1).").arg(clinical::CaseEvent::kindName(event.kind));
        statusBar()->showMessage(what, 15'000);
    }
    // An open case dialog keeps the case as it was opened: its event names the heads its author saw,
    // so it can never lower a level raised meanwhile (CaseState).
    showCaseInDetail(event.patientKey);
    m_worklist->refresh(core::nowUtc());
    return true;
}

void MainWindow::showCaseInDetail(const QString& patientKey)
{
    if (!m_detail || m_detail->patient() < 0 || m_detail->patient() >= m_ward->patientCount()
        || m_ward->patient(m_detail->patient()).key != patientKey)
        return;
    m_detail->setCase(caseState(m_detail->patient()), QSysInfo::machineHostName());
}

clinical::CaseState MainWindow::caseState(int patient) const
{
    if (patient < 0 || patient >= m_ward->patientCount())
        return clinical::CaseState();
    const QString key = m_ward->patient(patient).key;
    const auto it = m_cases.find(key);
    return it != m_cases.end() ? it->second : clinical::CaseState(key);
}

EscalationDialog* MainWindow::caseDialog() const
{
    return m_caseDialog;
}

void MainWindow::openCase(int patient)
{
    if (m_locked || patient < 0 || patient >= m_ward->patientCount())
        return;
    if (m_caseDialog)
        m_caseDialog->reject();
    const auto& p = m_ward->patient(patient);
    EscalationDialog::Context context;
    context.state = caseState(patient);
    context.prefill.news2 = p.news2.result;
    context.prefill.vitals = m_hub.feed(patient).snapshot().vitals;
    for (const auto& alarm : m_ward->alarms().alarmsFor(p.key))
        context.prefill.activeAlarms << clinical::AlarmPriority::marker(alarm.priority) + QLatin1Char(' ')
                + clinical::AlarmPriority::name(alarm.priority) + QStringLiteral(": ") + alarm.text();
    context.prefill.now = core::nowUtc();
    context.patientTitle = m_hub.feed(patient).identity().displayName();
    context.actor = osUserName();
    context.role = QStringLiteral("clinician");
    context.workstation = QSysInfo::machineHostName();
    m_caseDialog = new EscalationDialog(std::move(context), this);
    m_caseDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_caseDialog, &QDialog::accepted, this, [this, patient, dialog = m_caseDialog.data()] {
        const clinical::CaseEvent event = dialog->event();
        if (!recordCaseEvent(patient, event))
            QMessageBox::warning(this, tr("Case"), tr("The action could not be recorded."));
    });
    m_caseDialog->open();
}

bool MainWindow::recordCaseEvent(int patient, const clinical::CaseEvent& event)
{
    if (patient < 0 || patient >= m_ward->patientCount() || !event.isValid())
        return false;
    const QString key = m_ward->patient(patient).key;
    auto it = m_cases.try_emplace(key, key).first;
    const auto added = it->second.add(event);
    if (added != clinical::CaseState::AddResult::Added)
        return false;
    if (m_writer) {
        const int handle = m_writer->registerPatient(m_hub.feed(patient).identity());
        m_writer->appendCaseEvent(
            handle, ingest::StoredCases::record(event), true, QStringLiteral("vigil/v1/%1/events").arg(m_site));
        if (m_links.outbox)
            m_links.outbox->poke();
    }
    // Acting on the case acknowledges the patient's alarms only when the action says so.
    if (event.kind == clinical::CaseEvent::Kind::Acknowledge)
        acknowledgeAlarms(patient);
    showCaseInDetail(key);
    m_worklist->refresh(core::nowUtc());
    return true;
}

void MainWindow::chooseFilesToImport()
{
    if (m_locked)
        return;
    if (m_import && m_import->isRunning()) {
        importFiles({}); // raises the dialog
        return;
    }
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import recordings and messages"), QString(),
        tr("Recordings and messages (*.hea *.edf *.bdf *.json *.ndjson *.jsonl *.hl7 *.hl7v2 *.er7 *.txt);;"
           "WFDB records (*.hea);;EDF / EDF+ (*.edf *.bdf);;FHIR R4 (*.json *.ndjson *.jsonl);;"
           "HL7 v2 (*.hl7 *.hl7v2 *.er7 *.txt);;All files (*)"));
    if (!paths.isEmpty())
        importFiles(paths);
}

bool MainWindow::importFiles(const QStringList& paths)
{
    if (m_locked)
        return false;
    if (!m_writer) {
        QMessageBox::warning(this, tr("Import files"), tr("No cache is open, so nothing can be imported."));
        return false;
    }
    if (!m_import) {
        m_import = new ImportDialog(*m_writer, osUserName(), QStringLiteral("clinician"), this);
        connect(m_import, &ImportDialog::importFinished, m_importStatus, &QWidget::hide);
    }
    m_import->show();
    m_import->raise();
    m_import->activateWindow();
    if (m_import->isRunning() || paths.isEmpty())
        return false;
    if (!m_import->start(paths))
        return false;
    m_importStatus->show();
    return true;
}

ImportDialog* MainWindow::importDialog() const
{
    return m_import;
}

void MainWindow::setAutoLockInterval(int milliseconds)
{
    m_inactivity->setTimeout(milliseconds);
    if (m_locked)
        m_inactivity->suspend();
}

int MainWindow::autoLockInterval() const
{
    return m_inactivity->timeout();
}

void MainWindow::setLiveSourceConnected(bool connected)
{
    m_sourceBanner->setText(tr("No live source is connected; showing stored data."));
    m_sourceBanner->setVisible(!connected);
    // Nothing can arrive, so silence is not a stale-feed alarm for every patient.
    m_ward->setDataExpected(connected);
}

void MainWindow::setOfflineReview(core::Timestamp newestData)
{
    m_offlineReview = true;
    m_newestStoredData = newestData;
    m_ward->setDataExpected(false);
    setWindowTitle(tr("Vigil — offline review"));
    updateOfflineBanner();
    m_sourceBanner->show();
}

void MainWindow::updateOfflineBanner()
{
    if (!m_offlineReview) {
        // Live, but every link down: what is on screen is the stored past, and the banner says since
        // when; it goes when a link returns.
        const core::Timestamp since = m_ingestStatus->linkAlarm() ? m_ingestStatus->linkDownSince() : 0;
        if (since == 0) {
            if (m_linkReview) {
                m_linkReview = false;
                m_sourceBanner->hide();
            }
            return;
        }
        const double age = static_cast<double>(core::nowUtc() - since) / core::kMicrosPerSecond;
        const QString text = tr("No live data since %1 (%2 ago): every link is down, so this is a review of the "
                                "stored data. Case actions are kept and sent when a link returns.")
                                 .arg(IngestStatus::clockTime(since), itemmodels::DataAge::format(age));
        if (m_sourceBanner->text() != text)
            m_sourceBanner->setText(text);
        m_sourceBanner->show();
        m_linkReview = true;
        return;
    }
    QString text;
    if (m_newestStoredData == 0) {
        text = tr("Offline review: no live data, and the cache holds none yet.");
    } else {
        const double age = static_cast<double>(core::nowUtc() - m_newestStoredData) / core::kMicrosPerSecond;
        text = tr("Offline review: no live data. The newest stored data is from %1 (%2 ago).")
                   .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_newestStoredData / core::kMicrosPerMilli),
                            QLocale::ShortFormat),
                       itemmodels::DataAge::format(age));
    }
    text += QLatin1Char(' ')
        + tr("Case actions are kept and sent to other workstations when Vigil next runs with a broker.");
    if (m_sourceBanner->text() != text)
        m_sourceBanner->setText(text);
}

QString MainWindow::sourceBannerText() const
{
    return m_sourceBanner->isHidden() ? QString() : m_sourceBanner->text();
}

void MainWindow::lock(LockReason reason)
{
    if (m_locked)
        return;
    m_locked = true;
    m_inactivity->suspend();
    // Every view of patient data goes: the detail window, the patient list (docked or floating),
    // the tiles (the stack shows the lock screen instead), and the actions that would bring them back.
    if (m_detail)
        m_detail->close();
    if (m_review)
        m_review->close();
    if (m_limitsDialog)
        m_limitsDialog->close();
    if (m_diagnostics)
        m_diagnostics->close();
    if (m_caseDialog)
        m_caseDialog->reject(); // nothing recorded: the clinician starts again after unlocking
    // The import carries on; its window (file names can name patients) comes back on unlock.
    m_importWasVisible = m_import && m_import->isVisible();
    if (m_import)
        m_import->hide();
    m_dockWasVisible = m_patientDock->isVisible();
    m_patientDock->hide();
    m_worklistWasVisible = m_worklistDock->isVisible();
    m_worklistDock->hide();
    m_alarmBanner->setLocked(true);
    for (QAction* action : std::as_const(m_unlockedOnly))
        action->setEnabled(false);
    m_lockScreen->reset();
    m_stack->setCurrentWidget(m_lockScreen);
    setWindowTitle(tr("Vigil — locked"));
    qCInfo(lcUi) << "session locked" << (reason == LockReason::Inactivity ? "after inactivity" : "by the user");
    audit(QStringLiteral("session.lock"),
        reason == LockReason::Inactivity ? QStringLiteral("inactivity") : QStringLiteral("user"));
    Q_EMIT lockedChanged(true);
}

void MainWindow::unlock()
{
    if (!m_locked)
        return;
    m_locked = false;
    for (QAction* action : std::as_const(m_unlockedOnly))
        action->setEnabled(true);
    m_stack->setCurrentWidget(m_livePage);
    if (m_dockWasVisible)
        m_patientDock->show();
    if (m_worklistWasVisible)
        m_worklistDock->show();
    m_alarmBanner->setLocked(false);
    if (m_import && m_importWasVisible)
        m_import->show();
    setWindowTitle(tr("Vigil — virtual ward"));
    if (m_renderer)
        m_renderer->widget()->setFocus();
    m_inactivity->resume();
    qCInfo(lcUi) << "session unlocked";
    audit(QStringLiteral("session.unlock"),
        m_lockScreen->needsPassphrase() ? QStringLiteral("passphrase") : QStringLiteral("demo, no passphrase"));
    Q_EMIT lockedChanged(false);
}

void MainWindow::audit(const QString& action, const QString& detail)
{
    if (!m_writer)
        return;
    store::AuditEntry entry;
    entry.time = 0; // now
    entry.actor = osUserName();
    entry.role = QStringLiteral("clinician");
    entry.action = action;
    entry.detail = detail;
    m_writer->appendAudit(entry);
}

void MainWindow::pollStore()
{
    if (!m_writer)
        return;
    const QString alarm = m_technicalAlarm->showStats(m_writer->stats());
    m_storeStatus->setText(alarm.isEmpty() ? tr("Cache: saving") : alarm);
    m_storeStatus->setStyleSheet(alarm.isEmpty() ? QString() : technicalStyle());
    // Case actions not yet acknowledged by a broker: kept in the cache and sent when the link
    // returns, but other workstations do not know of them yet.
    const int unsent = m_links.outbox ? static_cast<int>(m_links.outbox->inFlight()) : 0;
    const QString outbox = unsent == 0 ? QString()
        : m_links.outbox->isConnected()
        ? tr("Sending %n case action(s)", nullptr, unsent)
        : tr("%n case action(s) not yet sent to other workstations (no link)", nullptr, unsent);
    m_outboxStatus->setText(outbox);
    m_outboxStatus->setVisible(!outbox.isEmpty());
}

void MainWindow::setIngest(const IngestLinks& links)
{
    // The dialog reads the parts being replaced: it goes now, not at the next event loop turn.
    delete m_diagnostics.data();
    if (m_links.router && m_links.router != links.router)
        m_links.router->setCaseEventObserver({}); // waits for a call in progress
    m_links = links;
    if (links.router) {
        // On the source's thread: queued to this window. setIngest({}) (before the window goes)
        // clears the observer, so no call can outlive it.
        links.router->setCaseEventObserver([this](const clinical::CaseEvent& event) {
            QMetaObject::invokeMethod(
                this, [this, event] { mergeCaseEvent(event); }, Qt::QueuedConnection);
        });
    }
    m_ingestStatus->setLinks(links);
}

IngestDiagnosticsDialog* MainWindow::diagnostics() const
{
    return m_diagnostics;
}

void MainWindow::showDiagnostics()
{
    if (m_locked)
        return;
    if (!m_diagnostics) {
        m_diagnostics = new IngestDiagnosticsDialog(*m_ingestStatus, this);
        m_diagnostics->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_diagnostics->show();
    m_diagnostics->raise();
    m_diagnostics->activateWindow();
}

void MainWindow::onIngestChanged()
{
    const QString mqtt = m_ingestStatus->mqttText();
    if (m_mqttStatus->text() != mqtt)
        m_mqttStatus->setText(mqtt);
    m_mqttStatus->setToolTip(m_ingestStatus->lastReason());
    m_mqttStatus->setVisible(!mqtt.isEmpty());
    const bool linkAlarm = m_ingestStatus->linkAlarm();
    if (const QString style = linkAlarm ? technicalStyle() : QString(); m_mqttStatus->styleSheet() != style)
        m_mqttStatus->setStyleSheet(style);
    const QString mllp = m_ingestStatus->mllpText();
    if (m_mllpStatus->text() != mllp)
        m_mllpStatus->setText(mllp);
    m_mllpStatus->setVisible(!mllp.isEmpty());

    const QString alarm = m_ingestStatus->linkAlarmText();
    if (linkAlarm != !m_technicalAlarm->condition(TechnicalAlarmBanner::Condition::Link).isEmpty()) {
        if (linkAlarm)
            qCWarning(lcUi).noquote() << "technical alarm raised: MQTT link down since"
                                      << IngestStatus::clockTime(m_ingestStatus->linkDownSince());
        else
            qCInfo(lcUi) << "technical alarm cleared: MQTT link";
    }
    m_technicalAlarm->setCondition(TechnicalAlarmBanner::Condition::Link, alarm);
    updateOfflineBanner();
}

QString MainWindow::technicalStyle()
{
    return QStringLiteral("background:#4dd0e1; color:#06181b; font-weight:bold;");
}

} // namespace vigil::ui
