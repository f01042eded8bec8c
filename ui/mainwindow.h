#pragma once

#include "clinical/alarmengine.h"
#include "clinical/alarmlimits.h"
#include "clinical/casestate.h"
#include "displaysettings.h"
#include "ingestlinks.h"
#include "observationdialog.h"
#include "patientdetailview.h"
#include "waveformrenderer.h"

#include <QMainWindow>
#include <QPointer>

#include <map>
#include <memory>
#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace vigil::live {
class LiveHub;
class WardMonitor;
} // namespace vigil::live
namespace vigil::itemmodels {
class PatientListModel;
class WorklistModel;
} // namespace vigil::itemmodels
namespace vigil::store {
class StoreWriter;
}

namespace vigil::ui {

class InactivityWatcher;
class ImportDialog;
class IngestDiagnosticsDialog;
class IngestStatus;
class LockScreen;
class TechnicalAlarmBanner;
class WaveformScene;
class WorklistDock;
class EscalationDialog;
class AlarmTone;
class ClinicalAlarmBanner;

// The live view: a grid of patient tiles drawn by the GPU or software renderer (switchable from the
// View menu), a patient list, and a status bar that says which renderer runs and why.
//
// Locking (File > Lock, Ctrl+L, or no input for autoLockInterval()): a lock screen replaces every
// view of patient data (tiles, patient list, detail view; the title never names anyone) while the
// sources and the store writer carry on. Unlocking asks for the cache passphrase again (see
// LockScreen). Lock and unlock are written to the cache's audit log.
//
// Technical alarms (one cyan banner, several conditions at once; no patient data, so it stays while
// locked): the store writer's state, polled once a second, while it is not running normally; the
// MQTT link while it is down (IngestStatus). The status bar shows the cache, the MQTT connection and
// the MLLP listener. Help > Diagnostics shows the ingest sources and the quarantine.
//
// File > Import brings recordings and messages into the cache for review (ImportDialog, in the
// background; hidden while locked, cancelled and waited for when the cache is let go).
//
// Patients that appear in the hub at run time (a live source's first message for them; LiveHub
// emits patientAdded, queued from the source's thread) get a tile and a row at once.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // requested: nullopt chooses automatically: the GPU renderer when OpenGL passes the self-test on
    // real hardware, the software renderer when OpenGL is missing, broken or emulated on the CPU.
    MainWindow(live::LiveHub& hub, std::optional<WaveformRenderer::Kind> requested, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] WaveformRenderer* renderer() const { return m_renderer; }
    [[nodiscard]] WaveformScene& scene() { return *m_scene; }
    [[nodiscard]] PatientDetailView* detailView() const { return m_detail; }
    // Why the GPU renderer is not in use, when it was requested or chosen automatically; empty otherwise.
    [[nodiscard]] QString fallbackReason() const { return m_fallbackReason; }

    // Switches renderer; a GL request runs the self-test first and falls back to software, visibly.
    void setRenderer(WaveformRenderer::Kind kind);
    // The automatic choice (see the constructor); *why says why software was chosen.
    [[nodiscard]] static WaveformRenderer::Kind automaticRenderer(QString* why);
    void setDisplaySettings(const DisplaySettings& settings);
    void openPatient(int patient);
    // The open patient detail view, if it shows this patient, gets the case as it stands.
    void showCaseInDetail(const QString& patientKey);
    void updateOfflineBanner();
    // Advances the scene and draws one frame now (tests and benchmarks drive frames themselves).
    void renderFrame();

    // The cache the session records into: `writer` (not owned, may be null) receives the audit
    // entries and its state is shown as a technical alarm; `keyFilePath` is the key file whose
    // passphrase unlocks the session (empty: a throwaway cache without passphrase, the demo).
    void setCache(store::StoreWriter* writer, const QString& keyFilePath);
    // Lock after this long without input; 0 never locks by itself. Default kDefaultAutoLockMs.
    static constexpr int kDefaultAutoLockMs = 10 * 60 * 1000;
    void setAutoLockInterval(int milliseconds);
    [[nodiscard]] int autoLockInterval() const;
    // False: no live source is connected; a banner says the view shows stored data.
    void setLiveSourceConnected(bool connected);
    // Review only (vigil --offline): no live source; the banner says how old the newest stored data is
    // (`newestData`, 0: none) and that case actions are kept and sent later; no stale-feed alarms.
    void setOfflineReview(core::Timestamp newestData);
    [[nodiscard]] bool isOfflineReview() const { return m_offlineReview; }
    [[nodiscard]] QString sourceBannerText() const;
    // The live-ingest parts to watch (status bar, link alarm, diagnostics; none owned). Hand back an
    // empty IngestLinks before stopping or destroying them: that also closes the diagnostics.
    void setIngest(const IngestLinks& links);
    [[nodiscard]] IngestStatus* ingestStatus() const { return m_ingestStatus; }
    // Opens (or raises) the diagnostics dialog; nothing while locked.
    void showDiagnostics();
    [[nodiscard]] IngestDiagnosticsDialog* diagnostics() const;
    [[nodiscard]] QAction* diagnosticsAction() const { return m_diagnosticsAction; }

    // File > Import: asks for files, then importFiles(). importFiles() imports them in the background
    // into the session's cache (ImportDialog shows what happened); while one import runs, another
    // only raises the dialog (false). Nothing while locked or without a cache.
    void chooseFilesToImport();
    bool importFiles(const QStringList& paths);
    [[nodiscard]] ImportDialog* importDialog() const;
    [[nodiscard]] QAction* importAction() const { return m_importAction; }

    // The clinical watch (issue 5): every second the ward monitor judges each patient (NEWS2, alarms),
    // the worklist re-ranks, and alarm changes are audited. updateClinical() does one step now.
    void updateClinical();
    [[nodiscard]] live::WardMonitor& ward() { return *m_ward; }
    [[nodiscard]] itemmodels::WorklistModel* worklist() const { return m_worklist; }
    [[nodiscard]] WorklistDock* worklistDock() const { return m_worklistDock; }
    [[nodiscard]] ClinicalAlarmBanner* alarmBanner() const { return m_alarmBanner; }
    [[nodiscard]] AlarmTone* alarmTone() const { return m_tone; }
    // Opens the observation dialog for the patient (hub index); applyObservations() records what it
    // returns (clinician provenance; a scale change audited with its reason).
    void recordObservations(int patient);
    void applyObservations(int patient, const ObservationDialog::Observations& entry);
    void acknowledgeAlarms(int patient);
    // Alarm signal states for the whole ward (IEC 60601-1-8), each audited: ALARM PAUSED (2 min),
    // ALARM RESET, AUDIO OFF (only after re-authentication: requestAlarmAudioOff() asks for it;
    // setAlarmAudioOff(true) is what a verified request does) and audio on again.
    void pauseAlarms();
    void resetAlarms();
    void requestAlarmAudioOff();
    bool setAlarmAudioOff(bool off, bool byPassphrase = false);
    // A patient's alarm programme and limits (AlarmLimitsDialog): applied, kept in the cache
    // ("alarm-limits/<key>") and audited with what changed and the clinician's reason.
    void editAlarmLimits(int patient);
    bool setAlarmLimits(int patient, const clinical::AlarmLimits& limits, const QString& reason);
    // Documents for the patient (File menu), each audited without identifiers in the detail:
    // the last `seconds` of ECG as a strip at 25 mm/s and 10 mm/mV, and the case's escalation summary,
    // to PDF. False with *error when there is no cache, no ECG, or the file cannot be written.
    bool exportEcgStrip(int patient, const QString& path, int seconds = 30, QString* error = nullptr);
    bool exportCaseSummary(int patient, const QString& path, QString* error = nullptr);
    // The patient's recording in the review window (issue 6): everything cached, zoom and pan,
    // markers, calipers; opening it is audited (review.open). Closed by the lock.
    bool openReview(int patient);
    [[nodiscard]] QDialog* reviewWindow() const { return m_review; }
    // Limits read back from the cache at start.
    void restoreAlarmLimits(const std::map<QString, clinical::AlarmLimits>& limits);
    [[nodiscard]] QDialog* alarmLimitsDialog() const { return m_limitsDialog; }
    [[nodiscard]] QDialog* reauthDialog() const { return m_reauth; }
    // The case of the patient (escalation workflow): openCase() shows EscalationDialog; recordCaseEvent()
    // adds an event to the case, stores it with its audit row and queues it in the outbox to publish
    // on vigil/v1/<site>/events. caseState() is the case as it stands (empty when none).
    void openCase(int patient);
    bool recordCaseEvent(int patient, const clinical::CaseEvent& event);
    [[nodiscard]] clinical::CaseState caseState(int patient) const;
    [[nodiscard]] EscalationDialog* caseDialog() const;
    // Cases read back from the cache at start (ingest::StoredCases), merged into what the window holds.
    void restoreCases(const std::map<QString, clinical::CaseState>& cases);
    // An event of a case from another workstation (or our own back from the broker; the router has
    // stored it): merged into the patient's case (a repeat changes nothing). Returns whether it was new.
    bool mergeCaseEvent(const clinical::CaseEvent& event);
    // The site in the MQTT topics (vigil/v1/<site>/...), for the events this workstation publishes.
    void setSite(const QString& site) { m_site = site; }

    enum class LockReason {
        User,
        Inactivity
    };
    void lock(LockReason reason = LockReason::User);
    [[nodiscard]] bool isLocked() const { return m_locked; }
    [[nodiscard]] LockScreen* lockScreen() const { return m_lockScreen; }
    [[nodiscard]] QAction* lockAction() const { return m_lockAction; }
    // Reads the store writer's state now (the window does so every second).
    void pollStore();
    [[nodiscard]] TechnicalAlarmBanner* technicalAlarm() const { return m_technicalAlarm; }

    // More than kTilesPerPage patients are shown a page at a time (Page Up / Page Down): beyond
    // 64 tiles on one screen, traces and numerics become too small to read safely.
    static constexpr int kTilesPerPage = 64;
    [[nodiscard]] int page() const { return m_page; }
    [[nodiscard]] int pageCount() const;
    void setPage(int page);

Q_SIGNALS:
    void lockedChanged(bool locked);

private:
    // An alarm episode's change to the cache (ingest::StoredAlarms), when there is one.
    void storeAlarmChange(const clinical::AlarmEngine::Change& change);
    void buildMenus();
    void unlock();
    void audit(const QString& action, const QString& detail);
    void onRendererFailed(const QString& reason);
    void fallBackToSoftware(const QString& reason);
    void updateStatus();
    void updatePageLabel();
    void onPatientAdded();
    void onIngestChanged();
    // Cyan with dark bold text: a status bar field that is a technical alarm (with words saying so).
    [[nodiscard]] static QString technicalStyle();

    live::LiveHub& m_hub;
    WaveformScene* m_scene = nullptr;
    WaveformRenderer* m_renderer = nullptr;
    itemmodels::PatientListModel* m_patients = nullptr;
    QTableView* m_patientTable = nullptr;
    QDockWidget* m_patientDock = nullptr;
    QTimer* m_frameTimer = nullptr;
    QTimer* m_modelTimer = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_rendererLabel = nullptr;
    QLabel* m_gainLabel = nullptr;
    QActionGroup* m_rendererGroup = nullptr;
    QPointer<PatientDetailView> m_detail;
    QString m_fallbackReason;
    QString m_automaticNote;
    int m_page = 0;
    int m_shownPatients = 0; // patients on the current page (tiles exist only once the view has a size)
    QLabel* m_pageLabel = nullptr;

    QStackedWidget* m_stack = nullptr;
    QWidget* m_livePage = nullptr;
    LockScreen* m_lockScreen = nullptr;
    QLabel* m_sourceBanner = nullptr;
    TechnicalAlarmBanner* m_technicalAlarm = nullptr;
    QLabel* m_storeStatus = nullptr;
    QLabel* m_mqttStatus = nullptr;
    QLabel* m_mllpStatus = nullptr;
    IngestStatus* m_ingestStatus = nullptr;
    QPointer<IngestDiagnosticsDialog> m_diagnostics;
    QAction* m_diagnosticsAction = nullptr;
    QTimer* m_storeTimer = nullptr;
    InactivityWatcher* m_inactivity = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_importAction = nullptr;
    QPointer<ImportDialog> m_import;
    QLabel* m_importStatus = nullptr;
    bool m_importWasVisible = false;
    std::unique_ptr<live::WardMonitor> m_ward;
    itemmodels::WorklistModel* m_worklist = nullptr;
    WorklistDock* m_worklistDock = nullptr;
    QTimer* m_clinicalTimer = nullptr;
    bool m_worklistWasVisible = false;
    std::map<QString, clinical::CaseState> m_cases; // by patient key
    QPointer<EscalationDialog> m_caseDialog;
    ClinicalAlarmBanner* m_alarmBanner = nullptr;
    AlarmTone* m_tone = nullptr;
    QString m_site = QStringLiteral("demo");
    IngestLinks m_links;
    bool m_offlineReview = false;
    bool m_linkReview = false; // live, every link down: the source banner says since when
    core::Timestamp m_newestStoredData = 0;
    QString m_keyFilePath;
    QAction* m_audioOffAction = nullptr;
    QPointer<QDialog> m_limitsDialog;
    QPointer<QDialog> m_reauth;
    QPointer<QDialog> m_review;
    QLabel* m_outboxStatus = nullptr;
    QList<QAction*> m_unlockedOnly; // actions that would show patient data: disabled while locked
    store::StoreWriter* m_writer = nullptr;
    bool m_locked = false;
    bool m_dockWasVisible = false;
};

} // namespace vigil::ui
