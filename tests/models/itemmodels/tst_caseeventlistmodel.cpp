// The case timeline model over real CaseStates (hand-made histories, as tst_casestate): one row per
// event in causal order, everything in words (the level, the clinician and role, this workstation
// or the other one, the SBAR on one line), local time shown in the workstation's time zone
// (Europe/London here), the "needs attention" flags (escalated while being resolved, concurrent
// level changes, unacknowledged escalations, conflicting copies), and insertions rather than resets
// when events arrive; QAbstractItemModelTester watches every change.
#include "../clinical/caseeventbuilder.h"
#include "clinical/casestate.h"
#include "itemmodels/caseeventlistmodel.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QLocale>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>

using vigil::clinical::CaseEvent;
using vigil::clinical::CaseState;
using vigil::clinical::EscalationLevel;
using vigil::clinical::test::CaseEventBuilder;
using vigil::clinical::test::eventId;
using vigil::itemmodels::CaseEventListModel;
using Kind = CaseEvent::Kind;
using Level = EscalationLevel;

namespace {

const QString A = QStringLiteral("nurse.a"); // on ws-nurse.a: this workstation
const QString B = QStringLiteral("gp.b"); // on ws-gp.b: another workstation
const QString Here = QStringLiteral("ws-nurse.a");

QString text(const CaseEventListModel& model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestCaseEventListModel : public QObject
{
    Q_OBJECT

private:
    CaseEventBuilder m_b;

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        // The fixture's time zone (set in main() before anything reads the local zone).
        QCOMPARE(QDateTime::fromSecsSinceEpoch(1'760'000'000, Qt::LocalTime).offsetFromUtc(), 3600);
    }

    void emptyModel()
    {
        CaseEventListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(CaseEventListModel::ColumnCount));
        model.setCase(CaseState(QStringLiteral("case-patient")), Here);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.headerData(CaseEventListModel::TimeColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Time (local)"));
        QCOMPARE(model.headerData(CaseEventListModel::WorkstationColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Workstation"));
    }

    // A whole case in words: a local escalation, a remote note, the remote clinician acknowledging,
    // a hand-over, a de-escalation, a resolution.
    void rowsInWords()
    {
        CaseEvent escalate = m_b.escalate(1, Level::UrgentClinicalReview, A, 0);
        escalate.sbar.situation = QStringLiteral("NEWS2 7,\nrising");
        escalate.sbar.recommendation = QStringLiteral("review   within 1 h");
        CaseEvent note = m_b.make(2, Kind::Note, B, 3, {1});
        note.role = QStringLiteral("GP");
        note.text = QStringLiteral("Seen the SBAR;\ncalling the patient");
        CaseEvent ack = m_b.make(3, Kind::Acknowledge, B, 4, {2});
        ack.role = QStringLiteral("GP");
        const CaseEvent handOver = m_b.handOver(4, QStringLiteral("Night team"), A, 10, {3});
        const CaseEvent deEscalate = m_b.deEscalate(5, Level::RoutineReview, A, 20, {4});
        const CaseEvent resolve = m_b.make(6, Kind::Resolve, A, 30, {5});
        const std::vector<CaseEvent> events{escalate, note, ack, handOver, deEscalate, resolve};
        const CaseState state = CaseState::fold(events);
        QCOMPARE(state.size(), 6);

        CaseEventListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(state, Here);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.patientKey(), QStringLiteral("case-patient"));

        // kT0 is 08:53:20 UTC on 9 October 2025: 09:53:20 in London (BST).
        QCOMPARE(text(model, 0, CaseEventListModel::TimeColumn), QStringLiteral("09:53:20, 9 Oct 2025"));
        QCOMPARE(text(model, 1, CaseEventListModel::TimeColumn), QStringLiteral("09:56:20, 9 Oct 2025"));
        QVERIFY(text(model, 0, CaseEventListModel::TimeColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("2025-10-09T08:53:20Z UTC")));

        QCOMPARE(text(model, 0, CaseEventListModel::ActionColumn),
            QStringLiteral("Escalated to Urgent clinical review (GP / virtual-ward clinician)"));
        QCOMPARE(text(model, 0, CaseEventListModel::ClinicianColumn), QStringLiteral("nurse.a (community nurse)"));
        QCOMPARE(text(model, 0, CaseEventListModel::WorkstationColumn), QStringLiteral("this workstation"));
        QCOMPARE(text(model, 0, CaseEventListModel::DetailColumn),
            QStringLiteral("S: NEWS2 7, rising B: background A: assessment R: review within 1 h"));
        QVERIFY(text(model, 0, CaseEventListModel::DetailColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("Situation: NEWS2 7,\nrising\nBackground: background")));
        QCOMPARE(model.index(0, 0).data(CaseEventListModel::IsRemoteRole).toBool(), false);
        QCOMPARE(model.index(0, 0).data(CaseEventListModel::EventIdRole).toString(), eventId(1));
        QCOMPARE(model.index(0, 0).data(CaseEventListModel::KindRole).toInt(), int(Kind::Escalate));
        QCOMPARE(model.index(0, 0).data(CaseEventListModel::TimestampRole).toLongLong(), CaseEventBuilder::kT0);

        QCOMPARE(text(model, 1, CaseEventListModel::ActionColumn), QStringLiteral("Note"));
        QCOMPARE(text(model, 1, CaseEventListModel::ClinicianColumn), QStringLiteral("gp.b (GP)"));
        QCOMPARE(text(model, 1, CaseEventListModel::WorkstationColumn), QStringLiteral("ws-gp.b (remote)"));
        QCOMPARE(
            text(model, 1, CaseEventListModel::DetailColumn), QStringLiteral("Seen the SBAR; calling the patient"));
        QCOMPARE(model.index(1, 0).data(CaseEventListModel::IsRemoteRole).toBool(), true);

        QCOMPARE(text(model, 2, CaseEventListModel::ActionColumn), QStringLiteral("Acknowledged"));
        QCOMPARE(text(model, 3, CaseEventListModel::ActionColumn), QStringLiteral("Handed over to Night team"));
        QCOMPARE(text(model, 4, CaseEventListModel::ActionColumn), QStringLiteral("De-escalated to Routine review"));
        QCOMPARE(text(model, 4, CaseEventListModel::DetailColumn), QStringLiteral("reason 5"));
        QCOMPARE(text(model, 5, CaseEventListModel::ActionColumn), QStringLiteral("Resolved"));
        QCOMPARE(text(model, 5, CaseEventListModel::WorkstationColumn), QStringLiteral("this workstation"));

        // Acknowledged, not concurrent, resolved: nothing needs attention.
        for (int row = 0; row < model.rowCount(); ++row) {
            QVERIFY2(!model.index(row, 0).data(CaseEventListModel::NeedsAttentionRole).toBool(),
                qPrintable(QString::number(row)));
            QVERIFY(!text(model, row, CaseEventListModel::ActionColumn).contains(QStringLiteral("needs attention")));
        }
        QCOMPARE(model.rowOfEvent(eventId(4)), 3);
        QCOMPARE(model.eventAt(3)->handOverTo, QStringLiteral("Night team"));
        QVERIFY(model.eventAt(6) == nullptr);
    }

    // Review kinds, and a de-escalation "upwards" (above what its author saw), which raises nothing.
    void reviewsAndCappedDeEscalation()
    {
        const std::vector<CaseEvent> events{m_b.make(1, Kind::RequestReview, A, 0),
            m_b.make(2, Kind::ReviewNeeded, B, 1), m_b.escalate(3, Level::RoutineReview, A, 2, {1, 2}),
            m_b.deEscalate(4, Level::OutOfHours111, B, 3, {3})};
        const CaseState state = CaseState::fold(events);
        CaseEventListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(state, Here);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(text(model, 0, CaseEventListModel::ActionColumn), QStringLiteral("Review requested"));
        QCOMPARE(text(model, 1, CaseEventListModel::ActionColumn), QStringLiteral("Review needed"));
        QCOMPARE(text(model, 1, CaseEventListModel::DetailColumn), QStringLiteral("needs review 2"));
        QCOMPARE(text(model, 3, CaseEventListModel::ActionColumn),
            QStringLiteral("De-escalated to 111 / out-of-hours (as applied: Routine review)"));
    }

    // Escalated while being resolved: B escalates while A, not having seen it, resolves.
    void escalationDuringResolveIsFlagged()
    {
        const std::vector<CaseEvent> events{m_b.escalate(1, Level::RoutineReview, A, 0),
            m_b.make(2, Kind::Acknowledge, B, 1, {1}), m_b.make(3, Kind::Resolve, A, 5, {2}),
            m_b.escalate(4, Level::UrgentCommunityResponse, B, 5, {2})};
        const CaseState state = CaseState::fold(events);
        QVERIFY(state.escalatedWhileResolving());
        QCOMPARE(state.escalationsDuringResolve(), QStringList{eventId(4)});

        CaseEventListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(state, Here);
        const int row = model.rowOfEvent(eventId(4));
        QVERIFY(row >= 0);
        const QModelIndex flagged = model.index(row, CaseEventListModel::ActionColumn);
        QVERIFY(flagged.data(CaseEventListModel::NeedsAttentionRole).toBool());
        QCOMPARE(flagged.data().toString(),
            QStringLiteral("Escalated to Urgent community response (2-hour) \u2014 needs attention"));
        const QStringList reasons = flagged.data(CaseEventListModel::AttentionReasonsRole).toStringList();
        QVERIFY(reasons.contains(
            QStringLiteral("escalated while the case was being resolved \u2014 check with the other clinician")));
        // Nobody acknowledged the second escalation either.
        QVERIFY(reasons.contains(QStringLiteral("escalation not acknowledged yet")));
        QVERIFY(
            flagged.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Needs attention: escalated while")));
        QCOMPARE(model.index(row, 0).data(CaseEventListModel::IsRemoteRole).toBool(), true);

        // The resolution is flagged only as a concurrent level change (it set "no escalation" while
        // B set another level); the acknowledged first escalation, which it overrode, not at all.
        QCOMPARE(
            model.index(model.rowOfEvent(eventId(3)), 0).data(CaseEventListModel::AttentionReasonsRole).toStringList(),
            QStringList{QStringLiteral(
                "changed the level at the same time as another clinician changed it to a different level")});
        for (const int n : {1, 2}) {
            const int r = model.rowOfEvent(eventId(n));
            QVERIFY(!model.index(r, 0).data(CaseEventListModel::NeedsAttentionRole).toBool());
            QVERIFY(model.index(r, CaseEventListModel::ActionColumn).data(Qt::ToolTipRole).isNull());
        }
    }

    // Two clinicians escalate to different levels without seeing each other's action.
    void concurrentLevelsAreFlagged()
    {
        const std::vector<CaseEvent> events{
            m_b.escalate(1, Level::RoutineReview, A, 0), m_b.escalate(2, Level::Emergency999, B, 0)};
        const CaseState state = CaseState::fold(events);
        QCOMPARE(state.levelConflictEvents().size(), 2);
        CaseEventListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(state, Here);
        for (int row = 0; row < 2; ++row) {
            const QStringList reasons =
                model.index(row, 0).data(CaseEventListModel::AttentionReasonsRole).toStringList();
            QVERIFY(reasons.contains(QStringLiteral(
                "changed the level at the same time as another clinician changed it to a different level")));
        }
    }

    void conflictingDuplicateIsFlagged()
    {
        CaseState state;
        const CaseEvent note = m_b.make(1, Kind::Note, B, 0);
        CaseEvent forged = note;
        forged.text = QStringLiteral("a different text under the same id");
        QCOMPARE(state.add(note), CaseState::AddResult::Added);
        QCOMPARE(state.add(forged), CaseState::AddResult::ConflictingDuplicate);
        CaseEventListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(state, Here);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, 0).data(CaseEventListModel::NeedsAttentionRole).toBool());
        QVERIFY(model.index(0, 0)
                    .data(CaseEventListModel::AttentionReasonsRole)
                    .toStringList()
                    .contains(QStringLiteral(
                        "arrived twice with different contents; every workstation shows the same copy")));
    }

    // With no workstation name nothing counts as "this workstation".
    void unnamedWorkstationShowsEverythingRemote()
    {
        const std::vector<CaseEvent> events{m_b.make(1, Kind::Note, A, 0)};
        CaseEventListModel model;
        model.setCase(CaseState::fold(events), QString());
        QCOMPARE(text(model, 0, CaseEventListModel::WorkstationColumn), QStringLiteral("ws-nurse.a (remote)"));
        QVERIFY(model.index(0, 0).data(CaseEventListModel::IsRemoteRole).toBool());
    }

    // Events arriving (a remote one in the middle of the causal order, one at the end) are inserted:
    // no reset, selections follow their event, and flags are refreshed (an acknowledgement clears
    // "not acknowledged"). Another patient's case resets the model.
    void arrivalsAreInsertions()
    {
        const CaseEvent e1 = m_b.escalate(1, Level::RoutineReview, A, 0);
        const CaseEvent e3 = m_b.make(3, Kind::Note, A, 10, {1});
        CaseState state = CaseState::fold(std::vector<CaseEvent>{e1, e3});

        CaseEventListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCase(state, Here);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.index(0, 0).data(CaseEventListModel::NeedsAttentionRole).toBool()); // not acknowledged
        const QPersistentModelIndex note(model.index(1, CaseEventListModel::DetailColumn));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // B acknowledged the escalation (before A's note, by time, and concurrent with it), then
        // A acknowledged both.
        const CaseEvent e2 = m_b.make(2, Kind::Acknowledge, B, 5, {1});
        const CaseEvent e4 = m_b.make(4, Kind::Acknowledge, A, 11, {2, 3});
        QCOMPARE(state.add(e2), CaseState::AddResult::Added);
        QCOMPARE(state.add(e4), CaseState::AddResult::Added);
        model.setCase(state, Here);
        QCOMPARE(reset.count(), 0);
        QVERIFY(inserted.count() >= 1);
        QCOMPARE(model.rowCount(), 4);
        QStringList order;
        for (int row = 0; row < model.rowCount(); ++row)
            order << model.index(row, 0).data(CaseEventListModel::EventIdRole).toString();
        QCOMPARE(order, (QStringList{eventId(1), eventId(2), eventId(3), eventId(4)}));
        QVERIFY(note.isValid());
        QCOMPARE(note.row(), 2);
        QCOMPARE(note.data().toString(), QStringLiteral("note 3"));
        QVERIFY(!model.index(0, 0).data(CaseEventListModel::NeedsAttentionRole).toBool());
        QCOMPARE(text(model, 1, CaseEventListModel::WorkstationColumn), QStringLiteral("ws-gp.b (remote)"));

        // The same case again: nothing inserted, nothing reset.
        inserted.clear();
        model.setCase(state, Here);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(reset.count(), 0);

        // Another patient: a reset, and none of the first patient's rows remain.
        CaseEventBuilder other(QStringLiteral("other-patient"));
        model.setCase(CaseState::fold(std::vector<CaseEvent>{other.make(9, Kind::Note, B, 0)}), Here);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.patientKey(), QStringLiteral("other-patient"));
        QVERIFY(!note.isValid());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

int main(int argc, char** argv)
{
    // Local times are checked in a zone with daylight saving; set before Qt reads the local zone.
    qputenv("TZ", "Europe/London");
    QCoreApplication app(argc, argv);
    TestCaseEventListModel test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_caseeventlistmodel.moc"
