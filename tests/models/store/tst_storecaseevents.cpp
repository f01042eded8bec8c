// Clinical case events in the encrypted cache (store::Cache::createEphemeral): StoreWriter::
// appendCaseEvent writes the event, its audit row and (for local events only) its outbox row in one
// transaction; a repeated uuid adds nothing; StoreReader::caseEvents reads them back, and the stored
// FHIR payloads decode to the same events and fold to the same case. The audit chain stays valid and
// its details carry no identifying data. Retention keeps open cases whole.
#include "../clinical/caseeventbuilder.h"
#include "clinical/casestate.h"
#include "codec/caseeventfhir.h"
#include "store/auditlog.h"
#include "store/cache.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace vigil;
using clinical::CaseEvent;
using clinical::CaseState;
using clinical::EscalationLevel;
using clinical::test::CaseEventBuilder;
using store::CaseEventRecord;
using store::StoreReader;
using store::StoreWriter;
using Kind = CaseEvent::Kind;

namespace {

const QString kTopic = QStringLiteral("vigil/v1/test-site/events");
const QString kPatientKey = QStringLiteral("case-patient");

CaseEventRecord record(const CaseEvent& e)
{
    CaseEventRecord r;
    r.uuid = e.id;
    r.time = e.time;
    r.kind = CaseEvent::kindKey(e.kind);
    r.actor = e.actor;
    r.role = e.role;
    r.payload = codec::CaseEventFhir::encode(e);
    r.origin = e.workstation;
    r.auditSummary = e.auditSummary();
    return r;
}

core::PatientIdentity patient(const QString& key)
{
    core::PatientIdentity p;
    p.id = key;
    return p;
}

struct AuditRow
{
    QString action;
    QString actor;
    QString role;
    qint64 patientId = 0;
    QString detail;
    core::Timestamp time = 0;
};

std::vector<AuditRow> auditRows(store::Database& db)
{
    std::vector<AuditRow> rows;
    store::Statement s = db.prepare("SELECT action, actor, role, patient_id, detail, t_us FROM audit_log ORDER BY seq");
    while (s.step() == SQLITE_ROW)
        rows.push_back({s.text(0), s.text(1), s.text(2), s.int64(3), s.text(4), s.int64(5)});
    return rows;
}

} // namespace

class TestStoreCaseEvents : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Cache> m_cache;
    CaseEventBuilder m_b{kPatientKey};

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        store::StoreError error;
        m_cache = store::Cache::createEphemeral(m_dir->filePath(QStringLiteral("events.vigil")), &error);
        QVERIFY2(m_cache, qPrintable(error.message));
    }

    void cleanup() { m_cache.reset(); }

    void eventsRoundTripWithAuditAndOutbox()
    {
        const core::Timestamp now = CaseEventBuilder::kT0 + 3600LL * core::kMicrosPerSecond;
        StoreWriter::Config config;
        config.clock = [now] { return now; };
        StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start());
        const int ph = writer.registerPatient(patient(kPatientKey));

        CaseEvent escalate = m_b.escalate(1, EscalationLevel::Emergency999, QStringLiteral("nurse.a"), 0);
        escalate.sbar.situation = QStringLiteral("Confidential situation text");
        const CaseEvent note = m_b.make(2, Kind::Note, QStringLiteral("gp.b"), 5, {1}); // from another workstation
        const CaseEvent ack = m_b.make(3, Kind::Acknowledge, QStringLiteral("nurse.a"), 6, {2});

        QVERIFY(writer.appendCaseEvent(ph, record(escalate), true, kTopic) > 0);
        QVERIFY(writer.appendCaseEvent(ph, record(note), false) > 0);
        QVERIFY(writer.appendCaseEvent(ph, record(ack), true, kTopic) > 0);
        // Repeats: our own event again, and coming back from the broker; the remote one twice.
        writer.appendCaseEvent(ph, record(escalate), true, kTopic);
        writer.appendCaseEvent(ph, record(escalate), false);
        writer.appendCaseEvent(ph, record(note), false);
        // A repeat with other contents keeps the first copy.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("arrived again with different contents")));
        CaseEvent altered = note;
        altered.text = QStringLiteral("altered");
        const quint64 last = writer.appendCaseEvent(ph, record(altered), false);
        QVERIFY(writer.waitCommitted(last, 10000));
        QVERIFY(writer.stop());

        auto reader = StoreReader::open(*m_cache, nullptr);
        QVERIFY(reader);
        const qint64 pid = reader->patientBySourceKey(kPatientKey)->id;
        const std::vector<CaseEventRecord> rows = reader->caseEvents(pid);
        QCOMPARE(rows.size(), 3u);
        const std::vector<CaseEvent> originals{escalate, note, ack};
        std::vector<CaseEvent> decoded;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CaseEventRecord expected = record(originals[i]);
            expected.patientId = pid;
            expected.auditSummary.clear(); // not stored
            QCOMPARE(rows[i], expected);
            QString error;
            const auto e = codec::CaseEventFhir::decode(rows[i].payload, &error);
            QVERIFY2(e, qPrintable(error));
            QCOMPARE(*e, originals[i]);
            decoded.push_back(*e);
        }
        const CaseState state = CaseState::fold(decoded);
        QCOMPARE(state.level(), EscalationLevel::Emergency999);
        QCOMPARE(state.heads(), QStringList({ack.id}));
        QVERIFY(state.unacknowledgedEscalations().isEmpty());

        // By time range, and by uuid.
        const auto ranged = reader->caseEvents(pid, note.time, ack.time);
        QCOMPARE(ranged.size(), 1u);
        QCOMPARE(ranged[0].uuid, note.id);
        QVERIFY(reader->hasCaseEvent(ack.id));
        QVERIFY(!reader->hasCaseEvent(clinical::test::eventId(99)));
        QVERIFY(reader->caseEvents(pid + 1).empty());

        // One audit row per stored event, in a valid chain, with no identifying data.
        const std::vector<AuditRow> audit = auditRows(reader->database());
        QCOMPARE(audit.size(), 3u);
        QCOMPARE(audit[0].action, QStringLiteral("case.escalate"));
        QCOMPARE(audit[1].action, QStringLiteral("case.note"));
        QCOMPARE(audit[2].action, QStringLiteral("case.acknowledge"));
        QCOMPARE(audit[0].actor, QStringLiteral("nurse.a"));
        QCOMPARE(audit[1].actor, QStringLiteral("gp.b"));
        QCOMPARE(audit[0].role, QStringLiteral("community nurse"));
        QCOMPARE(audit[0].time, escalate.time); // a local action: when it was taken
        QCOMPARE(audit[1].time, now); // received: when it was recorded here
        QCOMPARE(audit[0].detail,
            QStringLiteral("event %1 created on ws-nurse.a: escalate to emergency-999").arg(escalate.id));
        QCOMPARE(audit[1].detail,
            QStringLiteral("event %1 received from ws-gp.b, created 2025-10-09T08:58:20.000Z: note").arg(note.id));
        for (const AuditRow& row : audit) {
            QCOMPARE(row.patientId, pid);
            QVERIFY(!row.detail.contains(kPatientKey));
            QVERIFY(!row.detail.contains(QStringLiteral("Confidential")));
            QVERIFY(!row.detail.contains(note.text));
        }
        const store::AuditLog::Verification verification = store::AuditLog::verify(reader->database());
        QVERIFY2(verification.ok, qPrintable(verification.problem));
        QCOMPARE(verification.rows, 3);

        // The outbox holds the local events only, as published bytes.
        QCOMPARE(reader->counts().outboxPending, 2);
        QCOMPARE(reader->counts().events, 3);
        store::Statement outbox = reader->database().prepare("SELECT topic, payload FROM outbox ORDER BY id");
        QList<QByteArray> payloads;
        while (outbox.step() == SQLITE_ROW) {
            QCOMPARE(outbox.text(0), kTopic);
            payloads << outbox.blob(1).toByteArray();
        }
        QCOMPARE(
            payloads, QList<QByteArray>({codec::CaseEventFhir::encode(escalate), codec::CaseEventFhir::encode(ack)}));
    }

    void eventsSurviveReopening()
    {
        const CaseEvent e = m_b.make(1, Kind::RequestReview, QStringLiteral("nurse.a"), 0);
        {
            StoreWriter writer(*m_cache);
            QVERIFY(writer.start());
            writer.appendCaseEvent(writer.registerPatient(patient(kPatientKey)), record(e), true, kTopic);
            QVERIFY(writer.stop());
        }
        {
            // A new writer (a restart) receiving the same event again stores nothing more.
            StoreWriter writer(*m_cache);
            QVERIFY(writer.start());
            writer.appendCaseEvent(writer.registerPatient(patient(kPatientKey)), record(e), false);
            QVERIFY(writer.stop());
        }
        auto reader = StoreReader::open(*m_cache, nullptr);
        const auto rows = reader->caseEvents(reader->patientBySourceKey(kPatientKey)->id);
        QCOMPARE(rows.size(), 1u);
        QCOMPARE(reader->counts().audit, 1);
        QCOMPARE(reader->counts().outboxPending, 1);
        QVERIFY(store::AuditLog::verify(reader->database()).ok);
    }

    void localEventNeedsATopic()
    {
        StoreWriter writer(*m_cache);
        QVERIFY(writer.start());
        const int ph = writer.registerPatient(patient(kPatientKey));
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("without an outbox topic")));
        QCOMPARE(writer.appendCaseEvent(ph, record(m_b.make(1, Kind::Resolve, QStringLiteral("a"), 0)), true), 0u);
        QVERIFY(writer.stop());
        auto reader = StoreReader::open(*m_cache, nullptr);
        QCOMPARE(reader->counts().events, 0);
    }

    // Retention prunes a case only whole, once its last event is a resolution older than the cutoff:
    // an old open escalation is never pruned (its level would drop silently).
    void retentionKeepsOpenCases()
    {
        const core::Timestamp now = CaseEventBuilder::kT0 + 40LL * 86400 * core::kMicrosPerSecond;
        StoreWriter::Config config;
        config.clock = [now] { return now; };
        config.retention.stepIntervalUs = 0;
        config.commitIntervalMs = 50;
        StoreWriter writer(*m_cache, config);
        QVERIFY(writer.start());
        const CaseEventBuilder openCase(QStringLiteral("open"));
        const CaseEventBuilder closedCase(QStringLiteral("closed"));
        const CaseEventBuilder reopened(QStringLiteral("reopened"));
        const int open = writer.registerPatient(patient(QStringLiteral("open")));
        const int closed = writer.registerPatient(patient(QStringLiteral("closed")));
        const int again = writer.registerPatient(patient(QStringLiteral("reopened")));
        // All 40 days old, except the reopened case's last escalation (now).
        writer.appendCaseEvent(
            open, record(openCase.escalate(1, EscalationLevel::OutOfHours111, QStringLiteral("a"), 0)), false);
        writer.appendCaseEvent(
            closed, record(closedCase.escalate(2, EscalationLevel::OutOfHours111, QStringLiteral("a"), 0)), false);
        writer.appendCaseEvent(closed, record(closedCase.make(3, Kind::Resolve, QStringLiteral("a"), 10, {2})), false);
        writer.appendCaseEvent(again, record(reopened.make(4, Kind::Resolve, QStringLiteral("a"), 0)), false);
        writer.appendCaseEvent(again,
            record(reopened.escalate(5, EscalationLevel::RoutineReview, QStringLiteral("a"), 40 * 24 * 60, {4})),
            false);
        auto reader = StoreReader::open(*m_cache, nullptr);
        const auto eventsOf = [&](const QString& key) {
            const auto p = reader->patientBySourceKey(key);
            return p ? reader->caseEvents(p->id).size() : 0u;
        };
        QTRY_VERIFY_WITH_TIMEOUT((writer.appendStatus(open, {}, now), reader->counts().events == 3), 10000);
        QVERIFY(writer.stop());
        QCOMPARE(eventsOf(QStringLiteral("open")), 1u);
        QCOMPARE(eventsOf(QStringLiteral("closed")), 0u);
        QCOMPARE(eventsOf(QStringLiteral("reopened")), 2u);
        QCOMPARE(reader->counts().audit, 5); // the audit log is never pruned
        QVERIFY(store::AuditLog::verify(reader->database()).ok);
    }

    // The outbox as OutboxPublisher reads it: pending rows in id order after a given id, until a
    // broker's acknowledgement marks them (the first time kept); marking is idempotent.
    void outboxRowsArePendingUntilMarked()
    {
        StoreWriter writer(*m_cache);
        QVERIFY(writer.start());
        const int ph = writer.registerPatient(patient(kPatientKey));
        const CaseEvent e1 = m_b.escalate(1, EscalationLevel::RoutineReview, QStringLiteral("nurse.a"), 0);
        const CaseEvent e2 = m_b.make(2, Kind::Note, QStringLiteral("nurse.a"), 1, {1});
        const CaseEvent e3 = m_b.make(3, Kind::Acknowledge, QStringLiteral("nurse.a"), 2, {2});
        for (const CaseEvent& e : {e1, e2, e3})
            writer.appendCaseEvent(ph, record(e), true, kTopic);
        QVERIFY(writer.waitCommitted(writer.appendAudit({}), 10000));

        auto reader = StoreReader::open(*m_cache, nullptr);
        QVERIFY(reader);
        std::vector<store::OutboxRow> pending = reader->pendingOutbox(0, 10);
        QCOMPARE(pending.size(), 3u);
        QVERIFY(pending[0].id < pending[1].id && pending[1].id < pending[2].id);
        QCOMPARE(pending[0].topic, kTopic);
        QCOMPARE(pending[1].payload, record(e2).payload);
        QCOMPARE(reader->pendingOutbox(pending[0].id, 10).size(), 2u);
        QCOMPARE(reader->pendingOutbox(0, 1).size(), 1u);

        const std::vector<qint64> first{pending[0].id, pending[2].id};
        const core::Timestamp t1 = CaseEventBuilder::kT0 + 100;
        writer.markOutboxPublished(first, t1);
        const std::vector<qint64> again{pending[0].id};
        QVERIFY(writer.waitCommitted(writer.markOutboxPublished(again, t1 + 999), 10000));
        const std::vector<store::OutboxRow> left = reader->pendingOutbox(0, 10);
        QCOMPARE(left.size(), 1u);
        QCOMPARE(left[0].id, pending[1].id);
        QCOMPARE(reader->counts().outboxPending, qint64{1});
        store::Statement s = reader->database().prepare("SELECT published_us FROM outbox WHERE id = ?");
        s.bind(1, pending[0].id);
        QCOMPARE(s.step(), SQLITE_ROW);
        QCOMPARE(s.int64(0), t1); // the first acknowledgement's time is kept
        QVERIFY(writer.stop());
    }

    // Workstation settings (a patient's alarm limits): replaced by key, read by prefix, kept across
    // reopening the cache.
    void settingsReplaceAndSurviveReopening()
    {
        {
            StoreWriter writer(*m_cache);
            QVERIFY(writer.start());
            writer.setSetting(QStringLiteral("alarm-limits/p1"), QStringLiteral("{\"v\":1}"));
            writer.setSetting(QStringLiteral("alarm-limits/p2"), QStringLiteral("{\"v\":2}"));
            writer.setSetting(QStringLiteral("other"), QStringLiteral("x"));
            writer.setSetting(QStringLiteral("alarm-limits/p1"), QStringLiteral("{\"v\":3}"));
            QVERIFY(writer.stop());
        }
        auto reader = StoreReader::open(*m_cache, nullptr);
        QVERIFY(reader);
        const std::map<QString, QString> limits = reader->settings(QStringLiteral("alarm-limits/"));
        QCOMPARE(limits.size(), 2u);
        QCOMPARE(limits.at(QStringLiteral("alarm-limits/p1")), QStringLiteral("{\"v\":3}"));
        QCOMPARE(limits.at(QStringLiteral("alarm-limits/p2")), QStringLiteral("{\"v\":2}"));
        QCOMPARE(reader->settings(QStringLiteral("oth")).size(), 1u);
        QCOMPARE(reader->settings(QStringLiteral("none/")).size(), 0u);
    }
};

QTEST_GUILESS_MAIN(TestStoreCaseEvents)
#include "tst_storecaseevents.moc"
