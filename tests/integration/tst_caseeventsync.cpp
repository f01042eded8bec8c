// Clinical case events between workstations (issue 5, escalation workflow; issue 6, offline actions
// published later): two workstations, each with its own encrypted cache, writer, IngestRouter +
// MqttIngest (subscribed to vigil/v1/<site>/events) and OutboxPublisher, through a real Mosquitto.
// Checks that every action reaches the other workstation and its cache exactly once, that the
// outbox is drained and marked, that actions taken while the broker is down are published when it
// returns, that bad messages on the events topic are quarantined, and that both caches fold to the
// same case.
#include "clinical/caseevent.h"
#include "clinical/casestate.h"
#include "codec/caseeventfhir.h"
#include "ingest/ingestrouter.h"
#include "ingest/mqttingest.h"
#include "ingest/mqttpublisher.h"
#include "ingest/outboxpublisher.h"
#include "ingest/storedcases.h"
#include "live/livehub.h"
#include "mosquittobroker.h"
#include "store/cache.h"
#include "store/storeerror.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>
#include <mutex>

using namespace vigil;

namespace {

const QString kSite = QStringLiteral("ward7");
const QString kPatient = QStringLiteral("patient-sync-1");

QString eventsTopic()
{
    return QStringLiteral("vigil/v1/%1/events").arg(kSite);
}

// One workstation: cache, writer, router, MQTT subscriber and outbox publisher.
class Workstation
{
public:
    Workstation(const QString& name, const QString& directory, const QString& brokerUri)
        : m_name(name)
    {
        store::StoreError error;
        m_cache = store::Cache::createEphemeral(directory + QLatin1Char('/') + name + QStringLiteral(".vigil"), &error);
        if (!m_cache)
            qFatal("cache: %s", qPrintable(error.message));
        m_writer = std::make_unique<store::StoreWriter>(*m_cache);
        if (!m_writer->start(&error))
            qFatal("writer: %s", qPrintable(error.message));
        m_router = std::make_unique<ingest::IngestRouter>(&m_hub, m_writer.get());
        m_router->setCaseEventObserver([this](const clinical::CaseEvent& event) {
            std::lock_guard lock(m_mutex);
            m_received.push_back(event);
        });
        ingest::MqttSource::Config source;
        source.connection.brokers = {brokerUri};
        source.connection.clientId =
            QStringLiteral("tst-caseeventsync-%1-%2").arg(name).arg(QCoreApplication::applicationPid());
        source.site = kSite;
        source.minBackoffMs = 100;
        source.maxBackoffMs = 500;
        m_ingest = std::make_unique<ingest::MqttIngest>(source, *m_router);
        newOutbox(brokerUri);
    }

    ~Workstation()
    {
        m_outbox->stop(0);
        m_ingest->source().stop();
        m_router->setCaseEventObserver({});
        m_writer->stop();
    }

    // A new OutboxPublisher, as after a restart of the application.
    void newOutbox(const QString& brokerUri)
    {
        if (m_outbox)
            m_outbox->stop(0);
        ingest::OutboxPublisher::Config config;
        config.publisher.connection.brokers = {brokerUri};
        config.publisher.connection.clientId =
            QStringLiteral("tst-caseeventsync-out-%1-%2").arg(m_name).arg(QCoreApplication::applicationPid());
        config.publisher.minBackoffMs = 100;
        config.publisher.maxBackoffMs = 500;
        config.pollMs = 200;
        m_outbox = std::make_unique<ingest::OutboxPublisher>(*m_cache, *m_writer, config);
    }

    void start()
    {
        m_ingest->source().start();
        store::StoreError error;
        QVERIFY2(m_outbox->start(&error), qPrintable(error.message));
    }

    // An action taken here: stored with its audit row and an outbox row, as MainWindow does.
    clinical::CaseEvent act(clinical::CaseEvent::Kind kind, const QStringList& parents,
        clinical::EscalationLevel level = clinical::EscalationLevel::None)
    {
        clinical::CaseEvent e;
        e.id = clinical::CaseEvent::newId();
        e.patientKey = kPatient;
        e.workstation = m_name;
        e.actor = m_name + QStringLiteral("-nurse");
        e.role = QStringLiteral("community nurse");
        e.time = core::nowUtc();
        e.kind = kind;
        e.parents = parents;
        e.level = level;
        if (kind == clinical::CaseEvent::Kind::Escalate)
            e.sbar = {QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("r")};
        if (kind == clinical::CaseEvent::Kind::Note || kind == clinical::CaseEvent::Kind::DeEscalate)
            e.text = QStringLiteral("text from ") + m_name;
        if (!e.isValid())
            qFatal("invalid test event: %s", qPrintable(e.problems().join(QStringLiteral("; "))));
        core::PatientIdentity identity;
        identity.id = kPatient;
        const int handle = m_writer->registerPatient(identity);
        const quint64 seq = m_writer->appendCaseEvent(handle, ingest::StoredCases::record(e), true, eventsTopic());
        if (seq == 0 || !m_writer->waitCommitted(seq, 10'000))
            qFatal("the event was not committed");
        m_outbox->poke();
        return e;
    }

    [[nodiscard]] std::vector<clinical::CaseEvent> received()
    {
        std::lock_guard lock(m_mutex);
        return m_received;
    }
    [[nodiscard]] store::StoreReader::Counts counts()
    {
        store::StoreError error;
        auto reader = store::StoreReader::open(*m_cache, &error);
        return reader ? reader->counts() : store::StoreReader::Counts{};
    }
    // The case as this workstation's cache holds it.
    [[nodiscard]] clinical::CaseState storedCase()
    {
        std::map<QString, clinical::CaseState> cases;
        ingest::StoredCases::Summary summary;
        if (!ingest::StoredCases::load(*m_cache, cases, &summary) || summary.undecodable != 0)
            return clinical::CaseState();
        const auto it = cases.find(kPatient);
        return it != cases.end() ? it->second : clinical::CaseState();
    }
    [[nodiscard]] bool subscribed() const { return m_ingest->source().state() == ingest::MqttSource::State::Connected; }

    ingest::OutboxPublisher& outbox() { return *m_outbox; }
    ingest::IngestRouter& router() { return *m_router; }

private:
    QString m_name;
    std::unique_ptr<store::Cache> m_cache;
    std::unique_ptr<store::StoreWriter> m_writer;
    live::LiveHub m_hub;
    std::unique_ptr<ingest::IngestRouter> m_router;
    std::unique_ptr<ingest::MqttIngest> m_ingest;
    std::unique_ptr<ingest::OutboxPublisher> m_outbox;
    std::mutex m_mutex;
    std::vector<clinical::CaseEvent> m_received; // guarded
};

// A folder for the caches and a broker running in it.
struct Site
{
    QTemporaryDir dir;
    test::MosquittoBroker broker{dir.filePath(QStringLiteral("broker"))};

    bool start(QString* error) { return dir.isValid() && broker.start(error); }
};

QStringList ids(const std::vector<clinical::CaseEvent>& events)
{
    QStringList out;
    for (const auto& e : events)
        out << e.id;
    out.sort();
    return out;
}

} // namespace

class TestCaseEventSync final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!test::MosquittoBroker::isAvailable())
            QFAIL("Mosquitto (/usr/sbin/mosquitto) is not installed: packaging/dev.sh deps installs it");
    }

    // A escalates and writes a note; B sees both, acknowledges and de-escalates after seeing them;
    // A sees B's actions. Both caches hold the same four events once each and fold to the same case;
    // each outbox held only its own events and all of them are marked published.
    void actionsReachTheOtherWorkstationAndMerge()
    {
        Site site;
        QString error;
        QVERIFY2(site.start(&error), qPrintable(error));
        test::MosquittoBroker& broker = site.broker;
        const QString dir = site.dir.path();
        Workstation a(QStringLiteral("wsa"), dir, broker.uri());
        Workstation b(QStringLiteral("wsb"), dir, broker.uri());
        a.start();
        b.start();
        QTRY_VERIFY_WITH_TIMEOUT(a.subscribed() && b.subscribed(), 20'000);

        const auto e1 = a.act(clinical::CaseEvent::Kind::Escalate, {}, clinical::EscalationLevel::UrgentClinicalReview);
        const auto e2 = a.act(clinical::CaseEvent::Kind::Note, {e1.id});
        QTRY_COMPARE_WITH_TIMEOUT(b.received().size(), std::size_t{2}, 20'000);
        QCOMPARE(ids(b.received()), ids({e1, e2}));
        QCOMPARE(b.received().front(), e1); // decoded exactly as created

        const auto e3 = b.act(clinical::CaseEvent::Kind::Acknowledge, {e2.id});
        const auto e4 = b.act(clinical::CaseEvent::Kind::DeEscalate, {e3.id}, clinical::EscalationLevel::RoutineReview);
        // A gets B's events, and its own back from the broker (ignored by the store as repeats).
        QTRY_VERIFY_WITH_TIMEOUT(ids(a.received()).contains(e4.id), 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(b.received().size(), std::size_t{4}, 20'000);

        QTRY_COMPARE_WITH_TIMEOUT(a.counts().outboxPending, qint64{0}, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(b.counts().outboxPending, qint64{0}, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(a.counts().events, qint64{4}, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(b.counts().events, qint64{4}, 10'000);
        QCOMPARE(a.outbox().acknowledged(), quint64{2});
        QCOMPARE(b.outbox().acknowledged(), quint64{2});
        QCOMPARE(a.outbox().inFlight(), qint64{0});

        const clinical::CaseState caseA = a.storedCase();
        const clinical::CaseState caseB = b.storedCase();
        QCOMPARE(caseA.size(), qsizetype{4});
        QCOMPARE(caseB.size(), qsizetype{4});
        QCOMPARE(ids(caseA.events()), ids(caseB.events()));
        QCOMPARE(caseA.level(), clinical::EscalationLevel::RoutineReview); // B saw the escalation it lowered
        QCOMPARE(caseB.level(), caseA.level());
        QCOMPARE(caseA.acknowledgedBy(), QStringList{QStringLiteral("wsb-nurse")});
        // Every event was received once per workstation it did not come from (plus our own echo).
        QCOMPARE(b.router().stats()[QStringLiteral("mqtt")].rejected, quint64{0});
    }

    // Actions taken while the broker is down wait in the encrypted outbox, survive a restart of the
    // publisher, and are published when the broker returns; B, whose persistent session the broker
    // kept, gets every one.
    void offlineActionsArePublishedWhenTheLinkReturns()
    {
        Site site;
        QString error;
        QVERIFY2(site.start(&error), qPrintable(error));
        test::MosquittoBroker& broker = site.broker;
        const QString dir = site.dir.path();
        Workstation a(QStringLiteral("wsa"), dir, broker.uri());
        Workstation b(QStringLiteral("wsb"), dir, broker.uri());
        b.start();
        QTRY_VERIFY_WITH_TIMEOUT(b.subscribed(), 20'000);
        broker.stop();
        a.start();

        const auto e1 = a.act(clinical::CaseEvent::Kind::Escalate, {}, clinical::EscalationLevel::Emergency999);
        const auto e2 = a.act(clinical::CaseEvent::Kind::Note, {e1.id});
        QTest::qWait(1000);
        QCOMPARE(a.counts().outboxPending, qint64{2});
        QVERIFY(!a.outbox().isConnected());
        QCOMPARE(a.outbox().acknowledged(), quint64{0});

        // "Restart": a new publisher reads the pending rows again from the cache.
        a.newOutbox(broker.uri());
        QVERIFY2(a.outbox().start(), "the outbox publisher did not start");
        const auto e3 = a.act(clinical::CaseEvent::Kind::Note, {e2.id});
        QCOMPARE(a.counts().outboxPending, qint64{3});

        QVERIFY2(broker.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(a.counts().outboxPending, qint64{0}, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(b.received().size(), std::size_t{3}, 30'000);
        QCOMPARE(ids(b.received()), ids({e1, e2, e3}));
        QTRY_COMPARE_WITH_TIMEOUT(b.counts().events, qint64{3}, 10'000);
        QCOMPARE(b.storedCase().level(), clinical::EscalationLevel::Emergency999);
        QCOMPARE(b.counts().outboxPending, qint64{0}); // received events are not published again
    }

    // Bad messages on the events topic are quarantined with their source and counted; repeats and
    // reordering add nothing; the good events still land.
    void badAndRepeatedMessagesOnTheEventsTopic()
    {
        Site site;
        QString error;
        QVERIFY2(site.start(&error), qPrintable(error));
        test::MosquittoBroker& broker = site.broker;
        const QString dir = site.dir.path();
        Workstation b(QStringLiteral("wsb"), dir, broker.uri());
        b.start();
        QTRY_VERIFY_WITH_TIMEOUT(b.subscribed(), 20'000);

        clinical::CaseEvent escalate;
        escalate.id = clinical::CaseEvent::newId();
        escalate.patientKey = kPatient;
        escalate.workstation = QStringLiteral("elsewhere");
        escalate.actor = QStringLiteral("gp1");
        escalate.role = QStringLiteral("GP");
        escalate.time = core::nowUtc();
        escalate.kind = clinical::CaseEvent::Kind::Escalate;
        escalate.level = clinical::EscalationLevel::UrgentCommunityResponse;
        escalate.sbar = {QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("r")};
        clinical::CaseEvent note = escalate;
        note.id = clinical::CaseEvent::newId();
        note.kind = clinical::CaseEvent::Kind::Note;
        note.level = clinical::EscalationLevel::None;
        note.sbar = {};
        note.text = QStringLiteral("seen");
        note.parents = {escalate.id};
        note.time += core::kMicrosPerSecond;
        QVERIFY(escalate.isValid() && note.isValid());

        ingest::MqttPublisher::Config config;
        config.connection.brokers = {broker.uri()};
        config.connection.clientId = QStringLiteral("tst-caseeventsync-raw-%1").arg(QCoreApplication::applicationPid());
        ingest::MqttPublisher raw(config);
        raw.start();
        // The note before the escalation it follows, each twice, and three bad messages.
        raw.publish(eventsTopic(), codec::CaseEventFhir::encode(note));
        raw.publish(eventsTopic(), QByteArrayLiteral("{not json"));
        raw.publish(eventsTopic(), codec::CaseEventFhir::encode(escalate));
        raw.publish(eventsTopic(), QByteArrayLiteral(R"({"resourceType":"Patient","id":"x"})"));
        raw.publish(eventsTopic(), codec::CaseEventFhir::encode(note));
        raw.publish(eventsTopic(), codec::CaseEventFhir::encode(escalate).replace("escalate", "escalat3"));
        raw.publish(eventsTopic(), codec::CaseEventFhir::encode(escalate));
        QVERIFY(raw.stop(10'000));

        QTRY_COMPARE_WITH_TIMEOUT(b.received().size(), std::size_t{4}, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(b.counts().quarantine, qint64{3}, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(b.counts().events, qint64{2}, 10'000);
        const auto stats = b.router().stats()[QStringLiteral("mqtt")];
        QCOMPARE(stats.rejected, quint64{3});
        QCOMPARE(stats.caseEvents, quint64{4});
        QCOMPARE(stats.messages, quint64{7});
        QVERIFY2(
            stats.lastProblem.startsWith(QStringLiteral("Not a readable case event")), qPrintable(stats.lastProblem));

        const clinical::CaseState stored = b.storedCase();
        QCOMPARE(stored.size(), qsizetype{2});
        QCOMPARE(stored.events().front().id, escalate.id); // causal order, whatever the arrival order
        QCOMPARE(stored.level(), clinical::EscalationLevel::UrgentCommunityResponse);
        QCOMPARE(b.counts().outboxPending, qint64{0});
    }
};

QTEST_GUILESS_MAIN(TestCaseEventSync)
#include "tst_caseeventsync.moc"
