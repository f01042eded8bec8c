// Live ingest in the GUI, end to end with real parts: a real Mosquitto broker, FHIR Observations
// published by MqttPublisher, MqttIngest + IngestRouter feeding the live hub and a real encrypted
// (ephemeral) cache, and the MainWindow watching them. New patients appear as tiles; the status bar
// says connected; stopping the broker raises the link-down technical alarm (cyan, worded and
// marked), restarting clears it; the diagnostics view counts what the router counted and lists the
// quarantined message without its payload; locking closes it.
//
// Software renderer: runs offscreen (no OpenGL needed). Patient identities are the simulator's
// fictitious ones; nothing identifying is printed.

#include "clinical/caseevent.h"
#include "codec/caseeventfhir.h"
#include "codec/fhirencoder.h"
#include "ingest/ingestrouter.h"
#include "ingest/mqttingest.h"
#include "ingest/mqttpublisher.h"
#include "ingest/outboxpublisher.h"
#include "ingest/simulatorsource.h"
#include "ingestdiagnosticsdialog.h"
#include "ingestquarantinemodel.h"
#include "ingestsourcemodel.h"
#include "ingeststatus.h"
#include "itemmodels/worklistmodel.h"
#include "live/livehub.h"
#include "live/wardmonitor.h"
#include "mainwindow.h"
#include "mosquittobroker.h"
#include "sim/demoidentities.h"
#include "sim/patientsimulator.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "store/streamdescriptor.h"
#include "technicalalarmbanner.h"
#include "waveformscene.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QStatusBar>
#include <QSysInfo>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace vigil;

namespace {

constexpr int kPatients = 3;

// A folder with a running broker and an encrypted cache with its writer started.
struct Site
{
    QTemporaryDir dir;
    test::MosquittoBroker broker{dir.filePath(QStringLiteral("broker"))};
    std::unique_ptr<store::Cache> cache;
    std::unique_ptr<store::StoreWriter> writer;

    bool start(QString* error)
    {
        if (!dir.isValid() || !broker.start(error))
            return false;
        store::StoreError storeError;
        cache = store::Cache::createEphemeral(dir.filePath(QStringLiteral("ward.vigil")), &storeError);
        if (cache) {
            writer = std::make_unique<store::StoreWriter>(*cache);
            if (writer->start(&storeError))
                return true;
        }
        *error = storeError.message;
        return false;
    }
};

store::StoreReader::Counts storeCounts(const store::Cache& cache)
{
    store::StoreError error;
    auto reader = store::StoreReader::open(cache, &error);
    return reader ? reader->counts() : store::StoreReader::Counts{};
}
const QString kSite = QStringLiteral("test");

// Simulated patients published as vigil-sim does: a Patient resource first, then every second's
// waveform runs (one Observation with valueSampledData per stream) and vital signs. Counts what it
// published, so the router's counts can be checked against it.
struct Ward
{
    struct Patient
    {
        core::PatientIdentity identity;
        std::unique_ptr<sim::PatientSimulator> simulator;
    };

    ingest::MqttPublisher& publisher;
    std::vector<Patient> patients;
    core::Timestamp until = 0;
    quint64 messages = 0;
    quint64 samples = 0;
    quint64 vitals = 0;
    QByteArray lastPayload;
    QString lastTopic;

    Ward(ingest::MqttPublisher& p, core::Timestamp start)
        : publisher(p)
        , until(start)
    {
        for (int i = 0; i < kPatients; ++i) {
            Patient patient;
            patient.identity = sim::DemoIdentities::make(7, i);
            patient.identity.id = QStringLiteral("ward-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
            patient.simulator = std::make_unique<sim::PatientSimulator>(7, i, sim::Scenario::Stable, start);
            patients.push_back(std::move(patient));
        }
    }

    static QString topic(const QString& key) { return QStringLiteral("vigil/v1/%1/%2/obs").arg(kSite, key); }

    void send(const QString& t, const QByteArray& payload)
    {
        QVERIFY(publisher.publish(t, payload));
        ++messages;
        lastTopic = t;
        lastPayload = payload;
    }

    void introduce()
    {
        for (const Patient& p : patients)
            send(topic(p.identity.id), codec::FhirEncoder::patient(p.identity));
    }

    // Everything simulated up to `to`, whole seconds.
    void publishUntil(core::Timestamp to)
    {
        while (until + core::kMicrosPerSecond <= to) {
            const core::Timestamp next = until + core::kMicrosPerSecond;
            for (Patient& p : patients) {
                const QString& key = p.identity.id;
                const sim::SimulationBatch batch = p.simulator->advanceTo(next);
                for (core::StreamKind kind : core::kAllStreams) {
                    const store::StreamDescriptor d = store::StreamDescriptor::forLiveStream(kind);
                    for (const auto& run : batch.streams[static_cast<std::size_t>(core::streamIndex(kind))]) {
                        std::vector<qint32> digital;
                        for (float v : run.samples)
                            digital.push_back(d.toDigital(v));
                        if (digital.empty())
                            continue;
                        codec::FhirEncoder::Wave wave;
                        wave.id = QStringLiteral("%1-%2-%3").arg(key).arg(d.code).arg(run.firstSampleTime);
                        wave.patientKey = key;
                        wave.mdcCode = d.code;
                        wave.start = run.firstSampleTime;
                        wave.periodMs = 1000.0 / d.rateHz;
                        wave.factor = 1.0 / d.gain;
                        wave.origin = -d.baseline / d.gain;
                        wave.unit = d.unit;
                        wave.digital = digital;
                        send(topic(key), codec::FhirEncoder::waveObservation(wave));
                        samples += digital.size();
                    }
                }
                for (const auto& v : batch.vitals) {
                    send(topic(key),
                        codec::FhirEncoder::vitalObservation(
                            QStringLiteral("%1-v%2-%3").arg(key).arg(static_cast<int>(v.kind)).arg(v.measurement.time),
                            key, v.kind, v.measurement));
                    ++vitals;
                }
            }
            until = next;
        }
    }
};

QString mqttStatusText(ui::MainWindow& window)
{
    auto* label = window.findChild<QLabel*>(QStringLiteral("mqttStatus"));
    return label && label->isVisible() ? label->text() : QString();
}

} // namespace

class TestLiveIngest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!test::MosquittoBroker::isAvailable())
            QFAIL("Mosquitto (/usr/sbin/mosquitto) is not installed: packaging/dev.sh deps installs it");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void liveIngestInTheWindow()
    {
        Site site;
        QString error;
        QVERIFY2(site.start(&error), qPrintable(error));
        QTemporaryDir& dir = site.dir;
        test::MosquittoBroker& broker = site.broker;
        std::unique_ptr<store::Cache>& cache = site.cache;
        store::StoreWriter& writer = *site.writer;
        store::StoreError storeError;

        live::LiveHub hub;
        ingest::IngestRouter router(&hub, &writer);
        ingest::MqttSource::Config config;
        config.connection.brokers = {broker.uri()};
        config.connection.clientId = QStringLiteral("tst-liveingest-%1").arg(QCoreApplication::applicationPid());
        config.site = kSite;
        config.minBackoffMs = 200;
        config.maxBackoffMs = 1000;
        ingest::MqttIngest ingest(config, router);

        ui::MainWindow window(hub, ui::WaveformRenderer::Kind::Software);
        window.setCache(&writer, QString());
        window.setLiveSourceConnected(true);
        window.setIngest({&router, &ingest.source(), nullptr, cache.get()});
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ingest.source().start();

        QTRY_COMPARE_WITH_TIMEOUT(mqttStatusText(window), QStringLiteral("MQTT: connected to ") + broker.uri(), 20'000);
        QCOMPARE(window.scene().tileCount(), 0);

        // Patients arrive at run time: a tile (and a list row) each.
        ingest::MqttPublisher::Config publisherConfig;
        publisherConfig.connection.brokers = {broker.uri()};
        publisherConfig.connection.clientId =
            QStringLiteral("tst-liveingest-pub-%1").arg(QCoreApplication::applicationPid());
        publisherConfig.backfillMs = 0; // no republishing after a reconnect: counts stay exact
        ingest::MqttPublisher publisher(publisherConfig);
        publisher.start();
        const core::Timestamp start = (core::nowUtc() / core::kMicrosPerSecond - 8) * core::kMicrosPerSecond;
        Ward ward(publisher, start);
        ward.introduce();
        ward.publishUntil(core::nowUtc());
        QTimer clock;
        clock.setInterval(250);
        connect(&clock, &QTimer::timeout, this, [&] { ward.publishUntil(core::nowUtc()); });
        clock.start();

        QTRY_COMPARE_WITH_TIMEOUT(hub.patientCount(), kPatients, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(window.scene().tileCount(), kPatients, 5'000);
        auto* table = window.findChild<QTableView*>();
        QVERIFY(table);
        QTRY_COMPARE(table->model()->rowCount(), kPatients);
        QCOMPARE(window.scene().tile(0).patient, 0);
        QCOMPARE(hub.indexOf(QStringLiteral("ward-001")), 0);
        QTRY_VERIFY_WITH_TIMEOUT(router.stats()[QStringLiteral("mqtt")].samples > 0, 20'000);
        // No link alarm (the banner may still say that alarm sounds are unavailable: no sound card here).
        QVERIFY(window.technicalAlarm()->condition(ui::TechnicalAlarmBanner::Condition::Link).isEmpty());
        QTest::qWait(1500); // a little live trace on every tile

        // The broker goes away: the link-down technical alarm within a few seconds.
        clock.stop();
        QTRY_COMPARE_WITH_TIMEOUT(publisher.queued(), qsizetype{0}, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(ingest.source().messagesReceived() >= ward.messages, 20'000);
        QElapsedTimer outage;
        outage.start();
        broker.stop();
        ui::TechnicalAlarmBanner* banner = window.technicalAlarm();
        QTRY_VERIFY_WITH_TIMEOUT(
            banner->isVisible() && !banner->condition(ui::TechnicalAlarmBanner::Condition::Link).isEmpty(), 15'000);
        const qint64 alarmAfterMs = outage.elapsed();
        QVERIFY2(alarmAfterMs < 10'000, qPrintable(QStringLiteral("alarm after %1 ms").arg(alarmAfterMs)));
        const QString since = ui::IngestStatus::clockTime(window.ingestStatus()->linkDownSince());
        const QString expected =
            QStringLiteral("Technical alarm \u2014 Link down: no live data from the broker since %1").arg(since);
        QCOMPARE(banner->condition(ui::TechnicalAlarmBanner::Condition::Link), expected);
        QVERIFY(banner->text().contains(expected));
        bool lineShown = false;
        for (QLabel* label : banner->findChildren<QLabel*>(QStringLiteral("technicalAlarmText")))
            lineShown = lineShown || (label->isVisible() && label->text() == expected);
        QVERIFY(lineShown);
        QVERIFY(mqttStatusText(window).startsWith(QStringLiteral("MQTT: link down since %1").arg(since)));
        // The window says it has fallen back to a review of the stored data, and since when.
        QVERIFY2(window.sourceBannerText().startsWith(QStringLiteral("No live data since %1 (").arg(since)),
            qPrintable(window.sourceBannerText()));
        QVERIFY(window.sourceBannerText().contains(QStringLiteral("review of the stored data")));

        // The window with the alarm showing, for people to look at.
        for (int i = 0; i < 10; ++i) {
            window.renderFrame();
            QTest::qWait(20);
        }
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.save(dir.filePath(QStringLiteral("tst_liveingest_linkdown.png"))));
        QVERIFY(shot.save(QDir::current().absoluteFilePath(QStringLiteral("tst_liveingest_linkdown.png"))));
        // docs/screenshot-ingest.png is refreshed on request only (it is committed).
        if (qEnvironmentVariableIsSet("VIGIL_UPDATE_SCREENSHOTS"))
            QVERIFY(shot.save(QStringLiteral(VIGIL_SOURCE_DIR "/docs/screenshot-ingest.png")));

        // Back again: the alarm clears, data flows again.
        QVERIFY2(broker.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(banner->condition(ui::TechnicalAlarmBanner::Condition::Link).isEmpty(), 30'000);
        // Only a condition other than the link may remain (no sound card here).
        QCOMPARE(banner->isVisible(), !banner->condition(ui::TechnicalAlarmBanner::Condition::Audio).isEmpty());
        QCOMPARE(window.sourceBannerText(), QString()); // live again
        QTRY_COMPARE_WITH_TIMEOUT(mqttStatusText(window), QStringLiteral("MQTT: connected to ") + broker.uri(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(publisher.isConnected(), 20'000);
        ward.publishUntil(core::nowUtc());
        // One repeat (dropped by its Observation.id) and one malformed message (quarantined).
        ward.send(ward.lastTopic, ward.lastPayload);
        const QByteArray malformed = "{\"resourceType\":\"Observation\",\"id\":\"broken-1\",";
        ward.send(Ward::topic(QStringLiteral("ward-002")), malformed);
        // QoS 1 may deliver a message twice around a broker restart: at least every one arrived.
        QTRY_VERIFY_WITH_TIMEOUT(ingest.source().messagesReceived() >= ward.messages, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(router.stats()[QStringLiteral("mqtt")].messages >= ward.messages, 5'000);
        // A repeat counts as a message too, so the count can be reached while the last message is still
        // on its way: wait for every sample and vital (a repeat adds none).
        QTRY_COMPARE_WITH_TIMEOUT(router.stats()[QStringLiteral("mqtt")].samples, ward.samples, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(router.stats()[QStringLiteral("mqtt")].vitals, ward.vitals, 10'000);
        ingest::IngestRouter::SourceStats mqtt = router.stats()[QStringLiteral("mqtt")];
        QCOMPARE(mqtt.samples, ward.samples);
        QCOMPARE(mqtt.vitals, ward.vitals);
        QVERIFY(mqtt.duplicates >= 1);
        QCOMPARE(mqtt.rejected + mqtt.withProblems, quint64{1});

        // Diagnostics: the mqtt row says what the router counted; the quarantine lists the bad one.
        QVERIFY(window.diagnosticsAction()->isEnabled());
        window.diagnosticsAction()->trigger();
        QTRY_VERIFY(window.diagnostics() && window.diagnostics()->isVisible());
        ui::IngestDiagnosticsDialog* diagnostics = window.diagnostics();
        diagnostics->refresh();
        ui::IngestSourceModel* sources = diagnostics->sourceModel();
        const int row = sources->rowOf(QStringLiteral("mqtt"));
        QVERIFY(row >= 0);
        const auto value = [&](int column) {
            return sources->index(row, column).data(ui::IngestSourceModel::ValueRole).toULongLong();
        };
        mqtt = router.stats()[QStringLiteral("mqtt")];
        QCOMPARE(value(ui::IngestSourceModel::MessagesColumn), mqtt.messages);
        QCOMPARE(value(ui::IngestSourceModel::SamplesColumn), ward.samples);
        QCOMPARE(value(ui::IngestSourceModel::VitalsColumn), ward.vitals);
        QCOMPARE(value(ui::IngestSourceModel::RepeatsColumn), mqtt.duplicates);
        QCOMPARE(value(ui::IngestSourceModel::QuarantinedColumn), quint64{1});
        QVERIFY(!sources->index(row, ui::IngestSourceModel::LastProblemColumn).data().toString().isEmpty());
        const QString skew = sources->index(row, ui::IngestSourceModel::ClockSkewColumn).data().toString();
        QVERIFY2(
            skew.endsWith(QStringLiteral(" s")) || skew.startsWith(QStringLiteral("device clock")), qPrintable(skew));
        QVERIFY(diagnostics->mqttLabel()->text().startsWith(QStringLiteral("MQTT: connected to ")));
        // Committed within a second; the dialog refreshes itself every second.
        ui::IngestQuarantineModel* quarantine = diagnostics->quarantineModel();
        QTRY_COMPARE_WITH_TIMEOUT(quarantine->rowCount(), 1, 10'000);
        QCOMPARE(quarantine->index(0, ui::IngestQuarantineModel::SourceColumn).data().toString(),
            QStringLiteral("mqtt:") + Ward::topic(QStringLiteral("ward-002")));
        const QString reason = quarantine->index(0, ui::IngestQuarantineModel::ReasonColumn).data().toString();
        QVERIFY(!reason.isEmpty());
        QVERIFY(!reason.contains(QStringLiteral("broken-1"))); // the reason, not the payload
        QVERIFY(diagnostics->grab().toImage().save(
            QDir::current().absoluteFilePath(QStringLiteral("tst_liveingest_diagnostics.png"))));

        // Locking closes it, and it cannot be opened again until unlocked.
        window.lock();
        QTRY_VERIFY(window.diagnostics() == nullptr);
        QVERIFY(!window.diagnosticsAction()->isEnabled());
        window.showDiagnostics();
        QVERIFY(window.diagnostics() == nullptr);

        // Shutdown as the app does it: the window lets go, the source stops, then the writer.
        window.setIngest({});
        QVERIFY(mqttStatusText(window).isEmpty());
        ingest.source().stop();
        publisher.stop(2000);
        QVERIFY(writer.stop());
    }

    // Case events between workstations in the window (issue 5): an escalation made on another
    // workstation arrives through the broker, lands in this cache and on the worklist row at once,
    // and is said in the status bar; this workstation's acknowledgement is published from the
    // outbox (marked published once the broker has it) and its echo from the broker adds nothing.
    void caseEventsFromAnotherWorkstation()
    {
        Site site;
        QString error;
        QVERIFY2(site.start(&error), qPrintable(error));
        test::MosquittoBroker& broker = site.broker;
        std::unique_ptr<store::Cache>& cache = site.cache;
        store::StoreWriter& writer = *site.writer;
        store::StoreError storeError;
        live::LiveHub hub;
        core::PatientIdentity identity = sim::DemoIdentities::make(7, 0);
        identity.id = QStringLiteral("ward-case-1");
        QVERIFY(hub.findOrAdd(identity));
        ingest::IngestRouter router(&hub, &writer);
        ingest::MqttSource::Config config;
        config.connection.brokers = {broker.uri()};
        config.connection.clientId = QStringLiteral("tst-liveingest-case-%1").arg(QCoreApplication::applicationPid());
        config.site = kSite;
        config.minBackoffMs = 200;
        config.maxBackoffMs = 1000;
        ingest::MqttIngest ingest(config, router);
        ingest::OutboxPublisher::Config outboxConfig;
        outboxConfig.publisher.connection.brokers = {broker.uri()};
        outboxConfig.pollMs = 200;
        ingest::OutboxPublisher outbox(*cache, writer, outboxConfig);

        ui::MainWindow window(hub, ui::WaveformRenderer::Kind::Software);
        window.setCache(&writer, QString());
        window.setSite(kSite);
        window.setLiveSourceConnected(true);
        window.setIngest({&router, &ingest.source(), nullptr, cache.get(), &outbox});
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ingest.source().start();
        QVERIFY(outbox.start(&storeError));
        window.updateClinical();
        QCOMPARE(window.ward().patientCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(ingest.source().state(), ingest::MqttSource::State::Connected, 20'000);

        clinical::CaseEvent remote;
        remote.id = clinical::CaseEvent::newId();
        remote.patientKey = identity.id;
        remote.workstation = QStringLiteral("gp-surgery-ws");
        remote.actor = QStringLiteral("gp1");
        remote.role = QStringLiteral("GP");
        remote.time = core::nowUtc();
        remote.kind = clinical::CaseEvent::Kind::Escalate;
        remote.level = clinical::EscalationLevel::Emergency999;
        remote.sbar = {QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("r")};
        QVERIFY(remote.isValid());
        ingest::MqttPublisher::Config otherConfig;
        otherConfig.connection.brokers = {broker.uri()};
        ingest::MqttPublisher other(otherConfig);
        other.start();
        other.publish(QStringLiteral("vigil/v1/%1/events").arg(kSite), codec::CaseEventFhir::encode(remote));
        QVERIFY(other.stop(10'000));

        QTRY_COMPARE_WITH_TIMEOUT(window.caseState(0).level(), clinical::EscalationLevel::Emergency999, 20'000);
        QVERIFY2(
            window.statusBar()->currentMessage().startsWith(QStringLiteral("Another workstation escalated a case to")),
            qPrintable(window.statusBar()->currentMessage()));
        itemmodels::WorklistModel* worklist = window.worklist();
        const int row = worklist->rowOfPatient(0);
        QVERIFY(row >= 0);
        QCOMPARE(worklist->index(row, itemmodels::WorklistModel::EscalationColumn).data().toString(),
            clinical::escalationLevelName(clinical::EscalationLevel::Emergency999));
        QTRY_COMPARE_WITH_TIMEOUT(storeCounts(*cache).events, qint64{1}, 10'000);

        // This workstation acknowledges: stored, published from the outbox, echo ignored.
        clinical::CaseEvent ack;
        ack.id = clinical::CaseEvent::newId();
        ack.patientKey = identity.id;
        ack.workstation = QSysInfo::machineHostName();
        ack.actor = QStringLiteral("nurse1");
        ack.role = QStringLiteral("community nurse");
        ack.time = core::nowUtc();
        ack.kind = clinical::CaseEvent::Kind::Acknowledge;
        ack.parents = window.caseState(0).parentsForNewEvent();
        QVERIFY(window.recordCaseEvent(0, ack));
        QTRY_COMPARE_WITH_TIMEOUT(outbox.acknowledged(), quint64{1}, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(storeCounts(*cache).outboxPending, qint64{0}, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(router.stats()[QStringLiteral("mqtt")].caseEvents, quint64{2}, 20'000);
        QCoreApplication::processEvents();
        QCOMPARE(window.caseState(0).size(), qsizetype{2});
        QCOMPARE(window.caseState(0).acknowledgedBy(), QStringList{QStringLiteral("nurse1")});
        QCOMPARE(storeCounts(*cache).events, qint64{2});

        // Offline: a note taken while the broker is gone waits in the outbox, and the status bar says so.
        broker.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!outbox.isConnected(), 20'000);
        clinical::CaseEvent note = ack;
        note.id = clinical::CaseEvent::newId();
        note.kind = clinical::CaseEvent::Kind::Note;
        note.text = QStringLiteral("phoned, no answer");
        note.time = core::nowUtc();
        note.parents = window.caseState(0).parentsForNewEvent();
        QVERIFY(window.recordCaseEvent(0, note));
        auto* outboxStatus = window.findChild<QLabel*>(QStringLiteral("outboxStatus"));
        QVERIFY(outboxStatus);
        QTRY_VERIFY_WITH_TIMEOUT(outbox.inFlight() == 1, 10'000);
        window.pollStore();
        QVERIFY(outboxStatus->isVisible());
        QCOMPARE(outboxStatus->text(), QStringLiteral("1 case action(s) not yet sent to other workstations (no link)"));
        QCOMPARE(storeCounts(*cache).outboxPending, qint64{1});
        QVERIFY2(broker.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(outbox.acknowledged(), quint64{2}, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(storeCounts(*cache).outboxPending, qint64{0}, 10'000);
        window.pollStore();
        QVERIFY(!outboxStatus->isVisible());

        window.setIngest({});
        outbox.stop();
        ingest.source().stop();
        window.setCache(nullptr, QString());
        QVERIFY(writer.stop());
    }
};

QTEST_MAIN(TestLiveIngest)
#include "tst_liveingest.moc"
