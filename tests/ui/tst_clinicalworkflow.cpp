// The triage workflow end to end in the live window (issue 5): the simulator lets a patient
// deteriorate (sepsis) beside stable ones; the alarm shows in the banner and the patient rises to the
// top of the worklist; the clinician acknowledges the alarm, records consciousness and air, and
// escalates with the SBAR drafted from the data; the event is in the encrypted cache with its audit
// row and in the outbox for vigil/v1/<site>/events, and decodes back to the same event; the worklist
// shows the escalation. A screenshot of the worklist with the active escalation is saved.
#include "casetimeline.h"
#include "clinical/casestate.h"
#include "clinicalalarmbanner.h"
#include "codec/caseeventfhir.h"
#include "escalationdialog.h"
#include "ingest/simulatorsource.h"
#include "ingest/storedalarmlimits.h"
#include "ingest/storedcases.h"
#include "ingest/storerecorder.h"
#include "itemmodels/caseeventlistmodel.h"
#include "itemmodels/worklistmodel.h"
#include "live/livehub.h"
#include "live/wardmonitor.h"
#include "livesimulation.h"
#include "mainwindow.h"
#include "patientdetailview.h"
#include "reauthdialog.h"
#include "reviewlanesview.h"
#include "reviewtrendsview.h"
#include "reviewwindow.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "worklistdock.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vigil;
using clinical::CaseEvent;
using clinical::EscalationLevel;
using itemmodels::WorklistModel;

class TestClinicalWorkflow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Cache> m_cache;
    std::unique_ptr<store::StoreWriter> m_writer;
    live::LiveHub m_hub;
    std::unique_ptr<test::LiveSimulation> m_live;
    int m_septic = -1;

    std::unique_ptr<store::StoreReader> reader()
    {
        if (!m_writer->waitCommitted(m_writer->stats().submitted, 20000))
            qFatal("the writer did not commit");
        store::StoreError error;
        auto r = store::StoreReader::open(*m_cache, &error);
        if (!r)
            qFatal("cannot open a reader: %s", qPrintable(error.message));
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
        store::StoreError error;
        m_cache = store::Cache::createEphemeral(m_dir.filePath(QStringLiteral("ward.vigil")), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
        m_writer = std::make_unique<store::StoreWriter>(*m_cache);
        QVERIFY(m_writer->start(&error));
        // The demo mix's first three (stable, septic, atrial fibrillation), 40 minutes in: by now the
        // septic patient is clearly deteriorating.
        ingest::SimulatorSource::Config config;
        config.patients = 3;
        config.seed = 21;
        config.startTime = core::nowUtc() - 40 * 60 * core::kMicrosPerSecond;
        m_live = std::make_unique<test::LiveSimulation>(m_hub, *m_writer, config);
        for (int i = 0; i < m_hub.patientCount(); ++i) {
            if (m_live->scenario(i) == sim::Scenario::Sepsis)
                m_septic = i;
        }
        QVERIFY(m_septic >= 0);
    }

    void cleanupTestCase()
    {
        m_live->stop();
        QVERIFY(m_writer->stop());
    }

    void deteriorationAlarmAcknowledgeEscalate()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        window.setCache(m_writer.get(), QString());
        window.setSite(QStringLiteral("northward"));
        window.resize(1700, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString key = m_hub.feed(m_septic).identity().id;
        const QString name = m_hub.feed(m_septic).identity().displayName();

        // The alarm: in the banner (with the patient's name) and at the top of the worklist.
        QTRY_VERIFY_WITH_TIMEOUT(
            (window.updateClinical(), window.ward().alarms().highestFor(key) == clinical::AlarmPriority::High), 20000);
        ui::ClinicalAlarmBanner* banner = window.alarmBanner();
        QVERIFY(banner->isVisible());
        bool named = false;
        for (QLabel* label : banner->findChildren<QLabel*>())
            named = named || (label->isVisible() && label->text().contains(name));
        QVERIFY2(named, "the banner names the patient of the top alarm");
        WorklistModel* worklist = window.worklist();
        QCOMPARE(worklist->patientAt(0), m_septic);
        QVERIFY(worklist->index(0, WorklistModel::PriorityColumn).data().toString().contains(QStringLiteral("HIGH")));

        // Acknowledge from the worklist (Ctrl+K on the selected row).
        window.worklistDock()->selectPatient(m_septic);
        QCOMPARE(window.worklistDock()->currentPatient(), m_septic);
        window.acknowledgeAlarms(m_septic);
        for (const auto& alarm : window.ward().alarms().alarmsFor(key))
            QVERIFY(alarm.acknowledged);

        // A clinician's observations complete the NEWS2.
        ui::ObservationDialog::Observations obs;
        obs.consciousness = clinical::News2::Acvpu::Alert;
        obs.onOxygen = false;
        window.applyObservations(m_septic, obs);
        const auto& news2 = window.ward().patient(m_septic).news2.result;
        QVERIFY(news2 && news2->complete);
        QVERIFY2(news2->total >= 5, qPrintable(QString::number(news2->total)));

        // Escalate: the dialog drafts the SBAR from the data.
        window.openCase(m_septic);
        ui::EscalationDialog* dialog = window.caseDialog();
        QVERIFY(dialog && dialog->isVisible());
        dialog->setKind(CaseEvent::Kind::Escalate);
        dialog->setLevel(EscalationLevel::UrgentCommunityResponse);
        QVERIFY(dialog->sbarEdit(0)->toPlainText().contains(QStringLiteral("NEWS2")));
        QVERIFY(!dialog->sbarEdit(3)->toPlainText().isEmpty());
        QVERIFY2(dialog->problems().isEmpty(), qPrintable(dialog->problems().join(u' ')));
        QTest::keyClicks(dialog->textEdit(), QStringLiteral("Deteriorating on remote monitoring"));
        QVERIFY(dialog->grab().toImage().save(
            QDir::current().absoluteFilePath(QStringLiteral("tst_clinicalworkflow_dialog.png"))));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        const clinical::CaseState state = window.caseState(m_septic);
        QCOMPARE(state.size(), 1);
        QCOMPARE(state.level(), EscalationLevel::UrgentCommunityResponse);
        const CaseEvent escalation = state.events().front();
        QCOMPARE(escalation.kind, CaseEvent::Kind::Escalate);
        QVERIFY(!escalation.sbar.situation.isEmpty());

        // The worklist shows it.
        window.updateClinical();
        const int row = worklist->rowOfPatient(m_septic);
        QCOMPARE(worklist->index(row, WorklistModel::EscalationColumn).data().toString(),
            clinical::escalationLevelName(EscalationLevel::UrgentCommunityResponse));
        for (int i = 0; i < 5; ++i) {
            window.renderFrame();
            QTest::qWait(30);
        }
        const QImage shot = window.grab().toImage();
        QVERIFY(shot.save(QDir::current().absoluteFilePath(QStringLiteral("tst_clinicalworkflow.png"))));
        if (qEnvironmentVariableIsSet("VIGIL_UPDATE_SCREENSHOTS"))
            QVERIFY(shot.save(QStringLiteral(VIGIL_SOURCE_DIR "/docs/screenshot-worklist.png")));

        // In the encrypted cache: the event, its audit row, and the outbox row to publish it.
        auto r = reader();
        const auto patient = r->patientBySourceKey(key);
        QVERIFY(patient);
        const auto stored = r->caseEvents(patient->id);
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(stored.front().uuid, escalation.id);
        QCOMPARE(stored.front().kind, QStringLiteral("escalate"));
        const auto decoded = codec::CaseEventFhir::decode(stored.front().payload);
        QVERIFY(decoded);
        QCOMPARE(*decoded, escalation);
        QCOMPARE(r->database().queryText("SELECT count(*) FROM audit_log WHERE action = 'case.escalate'"),
            QStringLiteral("1"));
        QCOMPARE(
            r->database().queryText("SELECT count(*) FROM audit_log WHERE action = 'alarm.acknowledged'").toInt() > 0,
            true);
        // The alarm episodes themselves, for review: at least one of this patient's, acknowledged,
        // with what happened in words and no name.
        const auto episodes = r->alarms(patient->id, 0, std::numeric_limits<core::Timestamp>::max());
        QVERIFY(!episodes.empty());
        QVERIFY(std::any_of(episodes.begin(), episodes.end(), [](const store::AlarmRecord& a) {
            return a.state == QStringLiteral("acknowledged") || a.state == QStringLiteral("ended");
        }));
        for (const auto& a : episodes) {
            QVERIFY(!a.code.isEmpty());
            QVERIFY(!a.text.contains(name));
        }
        QCOMPARE(r->database().queryText("SELECT topic FROM outbox ORDER BY id DESC LIMIT 1"),
            QStringLiteral("vigil/v1/northward/events"));
        QCOMPARE(
            r->database().queryText("SELECT count(*) FROM outbox WHERE published_us IS NULL"), QStringLiteral("1"));
        r.reset();

        // The patient detail lists the case: the escalation on this workstation's timeline.
        window.openPatient(m_septic);
        QVERIFY(window.detailView() && window.detailView()->caseTimeline());
        itemmodels::CaseEventListModel* timeline = window.detailView()->caseTimeline()->model();
        QCOMPARE(timeline->rowCount(), 1);
        QVERIFY2(timeline->index(0, 1).data().toString().startsWith(QStringLiteral("Escalated to")),
            qPrintable(timeline->index(0, 1).data().toString()));
        QCOMPARE(timeline->index(0, 3).data().toString(), QStringLiteral("this workstation"));
        // A note made while the detail is open appears at once.
        CaseEvent note;
        note.id = CaseEvent::newId();
        note.patientKey = key;
        note.workstation = QSysInfo::machineHostName();
        note.actor = QStringLiteral("nurse1");
        note.role = QStringLiteral("community nurse");
        note.time = core::nowUtc();
        note.kind = CaseEvent::Kind::Note;
        note.text = QStringLiteral("Family informed");
        note.parents = window.caseState(m_septic).parentsForNewEvent();
        QVERIFY(window.recordCaseEvent(m_septic, note));
        QCOMPARE(timeline->rowCount(), 2);
        window.detailView()->close();

        // Documents from the File menu: the ECG strip and the escalation summary as PDF, audited.
        const QString stripPath = m_dir.filePath(QStringLiteral("strip.pdf"));
        const QString summaryPath = m_dir.filePath(QStringLiteral("summary.pdf"));
        QString exportError;
        QVERIFY(m_writer->waitCommitted(m_writer->stats().submitted, 20000));
        QVERIFY2(window.exportEcgStrip(m_septic, stripPath, 30, &exportError), qPrintable(exportError));
        QVERIFY2(window.exportCaseSummary(m_septic, summaryPath, &exportError), qPrintable(exportError));
        for (const QString& pdf : {stripPath, summaryPath}) {
            QFile file(pdf);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.read(5) == "%PDF-");
            QVERIFY(file.size() > 2000);
        }
        {
            auto audits = reader();
            QCOMPARE(audits->database().queryText(
                         "SELECT count(*) FROM audit_log WHERE action IN ('export.ecg-strip', 'export.case-summary')"),
                QStringLiteral("2"));
            QVERIFY(!audits->database()
                         .queryText("SELECT group_concat(detail) FROM audit_log WHERE action LIKE 'export.%'")
                         .contains(name));
        }

        // The patient's recording in the review window, audited; the lock closes it.
        QVERIFY(window.openReview(m_septic));
        QVERIFY(window.reviewWindow() && window.reviewWindow()->isVisible());
        {
            auto audits = reader();
            QCOMPARE(audits->database().queryText(
                         "SELECT detail FROM audit_log WHERE action = 'review.open' ORDER BY seq DESC LIMIT 1"),
                key);
        }
        // An annotation made in review is a note on the case about that time in the recording:
        // in the case at once, and in the cache with its audit row and an outbox row.
        auto* review = qobject_cast<ui::ReviewWindow*>(window.reviewWindow());
        QVERIFY(review);
        QCOMPARE(review->trends()->patientId(), review->views().front()->patientId());
        const auto [reviewFrom, reviewTo] = review->range();
        const core::Timestamp annotated = reviewFrom + (reviewTo - reviewFrom) / 2;
        QVERIFY(review->addAnnotation(QStringLiteral("  Ectopic run  ")));
        const auto reviewNotes = window.caseState(m_septic).events();
        const auto reviewNote = std::find_if(
            reviewNotes.begin(), reviewNotes.end(), [](const clinical::CaseEvent& e) { return e.recordingTime != 0; });
        QVERIFY(reviewNote != reviewNotes.end());
        QCOMPARE(reviewNote->kind, clinical::CaseEvent::Kind::Note);
        QCOMPARE(reviewNote->recordingTime, annotated);
        QCOMPARE(reviewNote->text, QStringLiteral("Ectopic run"));
        const auto& markers = review->views().front()->markers();
        QVERIFY(std::any_of(markers.begin(), markers.end(),
            [&](const auto& m) { return m.time == annotated && m.text == QStringLiteral("Ectopic run"); }));
        QVERIFY(m_writer->waitCommitted(m_writer->stats().submitted, 20000));
        {
            auto cached = reader();
            const auto patientRow = cached->patientBySourceKey(key);
            QVERIFY(patientRow);
            const auto events = cached->caseEvents(patientRow->id);
            const auto it = std::find_if(events.begin(), events.end(),
                [&](const store::CaseEventRecord& e) { return e.uuid == reviewNote->id; });
            QVERIFY(it != events.end());
            QCOMPARE(codec::CaseEventFhir::decode(it->payload)->recordingTime, annotated);
            QCOMPARE(cached->database().queryText(
                         "SELECT action FROM audit_log WHERE action LIKE 'case.%' ORDER BY seq DESC LIMIT 1"),
                QStringLiteral("case.note"));
            QCOMPARE(cached->database().queryText("SELECT count(*) FROM outbox WHERE payload LIKE '%recording-time%'"),
                QStringLiteral("1"));
        }

        // The lock hides the case dialog, the review and the worklist; the banner names nobody.
        window.openCase(m_septic);
        QVERIFY(window.caseDialog());
        window.lockAction()->trigger();
        QTRY_VERIFY(!window.caseDialog());
        QTRY_VERIFY(!window.reviewWindow());
        QVERIFY(!window.worklistDock()->isVisible());
        for (QLabel* label : banner->findChildren<QLabel*>())
            QVERIFY(!(label->isVisible() && label->text().contains(name)));

        // A restart: a new window reads the cases back from the cache; the escalation stands.
        std::map<QString, clinical::CaseState> cases;
        store::StoreError error;
        QVERIFY(reader()); // everything committed
        QVERIFY(ingest::StoredCases::load(*m_cache, cases, nullptr, &error));
        ui::MainWindow restarted(m_hub, ui::WaveformRenderer::Kind::Software);
        restarted.setCache(m_writer.get(), QString());
        restarted.restoreCases(cases);
        restarted.updateClinical();
        QCOMPARE(restarted.caseState(m_septic).level(), EscalationLevel::UrgentCommunityResponse);
        QCOMPARE(restarted.caseState(m_septic).size(), 3); // escalation, note, review annotation
        QCOMPARE(restarted.caseState(m_septic).events().front(), escalation);
        const int again = restarted.worklist()->rowOfPatient(m_septic);
        QCOMPARE(restarted.worklist()->index(again, WorklistModel::EscalationColumn).data().toString(),
            clinical::escalationLevelName(EscalationLevel::UrgentCommunityResponse));
    }

    // The ward's alarm signal states from the window, each audited: ALARM PAUSED, AUDIO OFF only
    // after re-authentication (here the demo's typed words: this cache has no passphrase) and back
    // on, ALARM RESET; and a patient's programme and limits changed with a reason, applied, kept in
    // the cache and audited with what changed.
    void alarmStatesAndLimitsFromTheWindow()
    {
        ui::MainWindow window(m_hub, ui::WaveformRenderer::Kind::Software);
        window.setCache(m_writer.get(), QString());
        window.resize(1700, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.updateClinical();
        clinical::AlarmEngine& engine = window.ward().alarms();
        using State = clinical::AlarmEngine::SignalState;

        window.pauseAlarms();
        QCOMPARE(engine.signalState(core::nowUtc()), State::AlarmPaused);
        QVERIFY(window.alarmBanner()->isVisible());
        QVERIFY2(window.alarmBanner()->signalStateText().startsWith(QStringLiteral("ALARM PAUSED")),
            qPrintable(window.alarmBanner()->signalStateText()));
        engine.resumeSignals();

        auto* audioOff = window.findChild<QAction*>(QStringLiteral("audioOffAction"));
        QVERIFY(audioOff);
        audioOff->trigger();
        auto* reauth = qobject_cast<ui::ReauthDialog*>(window.reauthDialog());
        QVERIFY(reauth && reauth->isVisible());
        QVERIFY(!reauth->needsPassphrase());
        QCOMPARE(engine.signalState(core::nowUtc()), State::Normal); // nothing until verified
        QTest::keyClicks(reauth->inputField(), ui::ReauthDialog::confirmationWords());
        reauth->confirmButton()->click();
        QCOMPARE(engine.signalState(core::nowUtc()), State::AudioOff);
        QCOMPARE(
            engine.audibleLevel(core::nowUtc() + 10 * core::kMicrosPerSecond), clinical::AlarmPriority::Level::None);
        QCOMPARE(audioOff->text(), QStringLiteral("Alarm audio back o&n"));
        QVERIFY(window.alarmBanner()->signalStateText().startsWith(QStringLiteral("AUDIO OFF")));
        audioOff->trigger(); // back on: no re-authentication needed to make things louder
        QCOMPARE(engine.signalState(core::nowUtc()), State::Normal);
        window.resetAlarms();

        // COPD limits for the stable patient, with a reason.
        const int patient = m_septic == 0 ? 1 : 0;
        const QString key = m_hub.feed(patient).identity().id;
        QCOMPARE(engine.limits(key).programme(), clinical::AlarmLimits::Programme::General);
        const auto copd = clinical::AlarmLimits::defaults(clinical::AlarmLimits::Programme::Copd);
        QVERIFY(!window.setAlarmLimits(patient, copd, QStringLiteral("  "))); // a reason is mandatory
        QVERIFY(window.setAlarmLimits(patient, copd, QStringLiteral("Known COPD, target 88-92 %")));
        QCOMPARE(engine.limits(key).programme(), clinical::AlarmLimits::Programme::Copd);

        auto r = reader();
        const auto stored = ingest::StoredAlarmLimits::load(*r);
        QVERIFY(stored.count(key) == 1 && stored.at(key) == copd);
        QCOMPARE(r->database().queryText("SELECT count(*) FROM audit_log WHERE action = 'alarm.paused'"),
            QStringLiteral("1"));
        QCOMPARE(r->database().queryText("SELECT count(*) FROM audit_log WHERE action = 'alarm.audio-off'"),
            QStringLiteral("1"));
        QCOMPARE(r->database().queryText("SELECT count(*) FROM audit_log WHERE action = 'alarm.audio-on'"),
            QStringLiteral("1"));
        QCOMPARE(r->database().queryText("SELECT count(*) FROM audit_log WHERE action = 'alarm.reset'"),
            QStringLiteral("1"));
        const QString detail =
            r->database().queryText("SELECT detail FROM audit_log WHERE action = 'alarm.limits' ORDER BY seq DESC");
        QVERIFY2(detail.startsWith(key + QStringLiteral(": programme general->copd")), qPrintable(detail));
        QVERIFY2(detail.endsWith(QStringLiteral("reason: Known COPD, target 88-92 %")), qPrintable(detail));

        // A restarted window gets the limits back.
        ui::MainWindow restarted(m_hub, ui::WaveformRenderer::Kind::Software);
        restarted.restoreAlarmLimits(stored);
        QCOMPARE(restarted.ward().alarms().limits(key).programme(), clinical::AlarmLimits::Programme::Copd);

        // The dialog from the Clinical menu opens for the patient and is hidden by the lock.
        window.editAlarmLimits(patient);
        QVERIFY(window.alarmLimitsDialog() && window.alarmLimitsDialog()->isVisible());
        QVERIFY(window.alarmLimitsDialog()->windowTitle().contains(m_hub.feed(patient).identity().displayName()));
        window.alarmLimitsDialog()->reject();
    }
};

QTEST_MAIN(TestClinicalWorkflow)
#include "tst_clinicalworkflow.moc"
