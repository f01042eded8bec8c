// Cases come back from the cache after a restart (issue 5: "no action is lost"): events from two
// workstations stored through the writer, read back by StoredCases into CaseStates equal to the
// fold of the same events; an escalation in force stays in force; a stored payload that no longer
// decodes is counted, and the rest is kept.
#include "clinical/casestate.h"
#include "codec/caseeventfhir.h"
#include "ingest/storedcases.h"
#include "store/cache.h"
#include "store/storewriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using clinical::CaseEvent;
using clinical::CaseState;
using clinical::EscalationLevel;

namespace {

constexpr core::Timestamp kT0 = 1'800'000'000LL * core::kMicrosPerSecond;

CaseEvent makeEvent(const QString& patient, CaseEvent::Kind kind, core::Timestamp t, const QString& workstation,
    const QStringList& parents)
{
    CaseEvent e;
    e.id = CaseEvent::newId();
    e.patientKey = patient;
    e.workstation = workstation;
    e.actor = QStringLiteral("nurse.%1").arg(workstation);
    e.role = QStringLiteral("community nurse");
    e.time = t;
    e.kind = kind;
    e.parents = parents;
    if (kind == CaseEvent::Kind::Escalate) {
        e.level = EscalationLevel::UrgentClinicalReview;
        e.sbar = {QStringLiteral("S"), QStringLiteral("B"), QStringLiteral("A"), QStringLiteral("R")};
    }
    if (kind == CaseEvent::Kind::Note)
        e.text = QStringLiteral("Seen on video call");
    return e;
}

// The record as the window and the router store it.
store::CaseEventRecord record(const CaseEvent& e)
{
    return ingest::StoredCases::record(e);
}

} // namespace

class TestStoredCases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void casesComeBackAfterARestart()
    {
        QTemporaryDir dir;
        store::StoreError error;
        auto cache = store::Cache::createEphemeral(dir.filePath(QStringLiteral("cases.vigil")), &error);
        QVERIFY2(cache, qPrintable(error.message));

        // Patient a: escalated on workstation 1, a concurrent note from workstation 2 (received).
        const CaseEvent escalate =
            makeEvent(QStringLiteral("a"), CaseEvent::Kind::Escalate, kT0, QStringLiteral("ws1"), {});
        const CaseEvent note =
            makeEvent(QStringLiteral("a"), CaseEvent::Kind::Note, kT0 + 1, QStringLiteral("ws2"), {});
        const CaseEvent ack = makeEvent(
            QStringLiteral("a"), CaseEvent::Kind::Acknowledge, kT0 + 2, QStringLiteral("ws1"), {escalate.id, note.id});
        // Patient b: a note only; and a payload that no longer decodes.
        const CaseEvent other = makeEvent(QStringLiteral("b"), CaseEvent::Kind::Note, kT0, QStringLiteral("ws1"), {});
        {
            store::StoreWriter writer(*cache);
            QVERIFY(writer.start(&error));
            core::PatientIdentity a;
            a.id = QStringLiteral("a");
            core::PatientIdentity b;
            b.id = QStringLiteral("b");
            const int ha = writer.registerPatient(a);
            const int hb = writer.registerPatient(b);
            const QString topic = QStringLiteral("vigil/v1/demo/events");
            writer.appendCaseEvent(ha, record(escalate), true, topic);
            writer.appendCaseEvent(ha, record(note), false);
            writer.appendCaseEvent(ha, record(ack), true, topic);
            writer.appendCaseEvent(hb, record(other), true, topic);
            store::CaseEventRecord broken =
                record(makeEvent(QStringLiteral("b"), CaseEvent::Kind::Note, kT0 + 5, QStringLiteral("ws1"), {}));
            broken.payload = "{\"resourceType\":\"Communication\"}";
            writer.appendCaseEvent(hb, broken, false);
            QVERIFY(writer.stop());
        }

        std::map<QString, CaseState> cases;
        ingest::StoredCases::Summary summary;
        QVERIFY(ingest::StoredCases::load(*cache, cases, &summary, &error));
        QCOMPARE(summary.cases, 2);
        QCOMPARE(summary.events, 4);
        QCOMPARE(summary.undecodable, 1);
        QCOMPARE(cases.size(), std::size_t(2));
        const CaseState& a = cases.at(QStringLiteral("a"));
        const std::vector<CaseEvent> expected{escalate, note, ack};
        const CaseState fold = CaseState::fold(expected);
        QCOMPARE(a.size(), 3);
        QCOMPARE(a.level(), EscalationLevel::UrgentClinicalReview); // still in force after the restart
        QCOMPARE(a.events(), fold.events());
        QCOMPARE(a.heads(), QStringList{ack.id});
        QCOMPARE(cases.at(QStringLiteral("b")).size(), 1);
    }

    // What the window and the router store for an event: its indexed columns, and its FHIR JSON as the
    // payload (the bytes that are published), which decodes back to the same event.
    void recordCarriesTheEvent()
    {
        const CaseEvent escalate =
            makeEvent(QStringLiteral("a"), CaseEvent::Kind::Escalate, kT0, QStringLiteral("ws1"), {});
        const store::CaseEventRecord r = ingest::StoredCases::record(escalate);
        QCOMPARE(r.uuid, escalate.id);
        QCOMPARE(r.time, escalate.time);
        QCOMPARE(r.kind, QStringLiteral("escalate"));
        QCOMPARE(r.actor, escalate.actor);
        QCOMPARE(r.role, escalate.role);
        QCOMPARE(r.origin, QStringLiteral("ws1"));
        QCOMPARE(r.auditSummary, escalate.auditSummary());
        QCOMPARE(r.payload, codec::CaseEventFhir::encode(escalate));
        QCOMPARE(codec::CaseEventFhir::decode(r.payload), std::optional<CaseEvent>(escalate));
    }
};

QTEST_GUILESS_MAIN(TestStoredCases)
#include "tst_storedcases.moc"
