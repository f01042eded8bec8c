// CaseState, rule by rule, on hand-made histories: the causal order, "no last-writer-wins", the
// escalation level (highest in force; lowered only by a de-escalation or resolution that saw the
// escalation), escalated-while-resolving, reopening, acknowledgements, hand-over, reviews, notes,
// repeats and conflicting copies, missing parents, and "what changed since I last looked".
// The merge under shuffled orders is tst_casestatemerge.
#include "caseeventbuilder.h"
#include "clinical/casestate.h"

#include <QTest>

#include <algorithm>

using vigil::clinical::CaseEvent;
using vigil::clinical::CaseState;
using vigil::clinical::EscalationLevel;
using vigil::clinical::test::CaseEventBuilder;
using vigil::clinical::test::eventId;
using Kind = CaseEvent::Kind;
using Level = EscalationLevel;

namespace {

const QString A = QStringLiteral("nurse.a");
const QString B = QStringLiteral("nurse.b");
const QString C = QStringLiteral("gp.c");

QStringList ids(std::initializer_list<int> numbers)
{
    QStringList out;
    for (const int n : numbers)
        out << eventId(n);
    return out;
}

QStringList order(const CaseState& state)
{
    QStringList out;
    for (const CaseEvent& e : state.events())
        out << e.id;
    return out;
}

CaseState fold(const std::vector<CaseEvent>& events)
{
    return CaseState::fold(events);
}

} // namespace

class TestCaseState : public QObject
{
    Q_OBJECT

private:
    CaseEventBuilder m_b;

private Q_SLOTS:
    void emptyCase()
    {
        const CaseState s;
        QVERIFY(s.isEmpty());
        QVERIFY(!s.isOpen());
        QVERIFY(!s.isResolved());
        QCOMPARE(s.level(), Level::None);
        QVERIFY(s.heads().isEmpty());
        QCOMPARE(s.lastNote(), nullptr);
    }

    // Causal order first, whatever the clocks say; concurrent events by (time, id).
    void orderIsCausalThenByTimeAndId()
    {
        // 2 follows 1 but its clock is 10 minutes behind; 3 and 4 are concurrent at the same minute.
        const CaseState s = fold({m_b.make(4, Kind::Note, B, 20, {2}), m_b.make(3, Kind::Acknowledge, A, 20, {2}),
            m_b.make(2, Kind::Acknowledge, B, 0, {1}), m_b.make(1, Kind::Note, A, 10)});
        QCOMPARE(order(s), ids({1, 2, 3, 4}));
        QCOMPARE(s.heads(), ids({3, 4}));
        QVERIFY(s.seen(eventId(4), eventId(1)));
        QVERIFY(!s.seen(eventId(4), eventId(3)));
        QVERIFY(!s.seen(eventId(1), eventId(4)));
    }

    // No last-writer-wins: both clinicians' actions stay.
    void twoCliniciansBothKeepTheirActions()
    {
        const CaseState s = fold({m_b.make(1, Kind::Acknowledge, A, 1), m_b.make(2, Kind::Acknowledge, B, 1),
            m_b.make(3, Kind::Note, A, 2, {1}), m_b.make(4, Kind::Note, B, 3, {2})});
        QCOMPARE(s.size(), 4);
        QCOMPARE(s.acknowledgedBy(), QStringList({A, B}));
        QCOMPARE(s.acknowledgements().size(), 2u);
        QCOMPARE(s.lastNote()->id, eventId(4));
        QCOMPARE(s.heads(), ids({3, 4}));
        QVERIFY(s.isOpen());
    }

    void levelIsTheHighestEscalation()
    {
        const CaseState s =
            fold({m_b.escalate(1, Level::UrgentClinicalReview, A, 0), m_b.escalate(2, Level::OutOfHours111, B, 5, {1}),
                m_b.escalate(3, Level::UrgentCommunityResponse, A, 9, {2})});
        QCOMPARE(s.level(), Level::OutOfHours111);
        QCOMPARE(s.levelEvents(), ids({2}));
        QCOMPARE(s.highestLevel(), Level::OutOfHours111);
        QCOMPARE(s.levelSeenBy(eventId(3)), Level::OutOfHours111);
        QCOMPARE(s.levelSetBy(eventId(3)), Level::UrgentCommunityResponse);
        QVERIFY(s.isOpen());
    }

    void escalatingLowerNeverLowers()
    {
        const CaseState s =
            fold({m_b.escalate(1, Level::Emergency999, A, 0), m_b.escalate(2, Level::RoutineReview, B, 1, {1})});
        QCOMPARE(s.level(), Level::Emergency999);
    }

    void deEscalationThatSawTheEscalationLowersIt()
    {
        const CaseState s = fold(
            {m_b.escalate(1, Level::OutOfHours111, A, 0), m_b.deEscalate(2, Level::UrgentClinicalReview, C, 30, {1})});
        QCOMPARE(s.level(), Level::UrgentClinicalReview);
        QCOMPARE(s.levelEvents(), ids({2}));
        QCOMPARE(s.levelSeenBy(eventId(2)), Level::OutOfHours111);
        QCOMPARE(s.highestLevel(), Level::OutOfHours111);
        QVERIFY(s.levelConflictEvents().isEmpty());
        QVERIFY(s.isOpen());
    }

    // A de-escalation lowers only what it saw: a concurrent escalation stays in force.
    void concurrentEscalationSurvivesDeEscalation()
    {
        const CaseState s = fold({m_b.escalate(1, Level::UrgentCommunityResponse, A, 0),
            m_b.deEscalate(2, Level::RoutineReview, C, 10, {1}), m_b.escalate(3, Level::Emergency999, B, 11, {1})});
        QCOMPARE(s.level(), Level::Emergency999);
        QCOMPARE(s.levelEvents(), ids({3}));
        QCOMPARE(s.levelConflictEvents(), ids({2, 3}));
        QVERIFY(!s.escalatedWhileResolving());
        // A de-escalation that saw both settles it.
        CaseState t = s;
        QCOMPARE(t.add(m_b.deEscalate(4, Level::UrgentClinicalReview, C, 20, {2, 3})), CaseState::AddResult::Added);
        QCOMPARE(t.level(), Level::UrgentClinicalReview);
        QVERIFY(t.levelConflictEvents().isEmpty());
    }

    // A "de-escalation" to a level above the one its author saw raises nothing.
    void deEscalationIsCappedAtTheLevelSeen()
    {
        const CaseState s = fold(
            {m_b.escalate(1, Level::UrgentClinicalReview, A, 0), m_b.deEscalate(2, Level::OutOfHours111, A, 1, {1})});
        QCOMPARE(s.level(), Level::UrgentClinicalReview);
        QCOMPARE(s.levelSetBy(eventId(2)), Level::UrgentClinicalReview);
    }

    // An escalation after a de-escalation raises again; one lower than the de-escalated level does not
    // lower it.
    void escalationAfterDeEscalation()
    {
        const CaseState s = fold(
            {m_b.escalate(1, Level::Emergency999, A, 0), m_b.deEscalate(2, Level::UrgentCommunityResponse, C, 10, {1}),
                m_b.escalate(3, Level::RoutineReview, A, 20, {2})});
        QCOMPARE(s.level(), Level::UrgentCommunityResponse);
        CaseState t = s;
        t.add(m_b.escalate(4, Level::OutOfHours111, B, 30, {3}));
        QCOMPARE(t.level(), Level::OutOfHours111);
    }

    void resolutionThatSawEverythingClosesTheCase()
    {
        const CaseState s = fold({m_b.make(1, Kind::Acknowledge, A, 0),
            m_b.escalate(2, Level::OutOfHours111, A, 1, {1}), m_b.make(3, Kind::Resolve, C, 60, {2})});
        QCOMPARE(s.level(), Level::None);
        QVERIFY(s.levelEvents().isEmpty());
        QVERIFY(s.isResolved());
        QVERIFY(!s.isOpen());
        QVERIFY(!s.escalatedWhileResolving());
        QCOMPARE(s.highestLevel(), Level::OutOfHours111);
        QCOMPARE(s.levelSetBy(eventId(3)), Level::None);
    }

    // The case of the issue: B resolves while A escalates, neither having seen the other. The
    // escalation is not cancelled, the case stays open at its level, and the state says so.
    void concurrentResolutionDoesNotCancelEscalation()
    {
        const CaseState s = fold({m_b.make(1, Kind::Acknowledge, A, 0), m_b.escalate(2, Level::Emergency999, A, 5, {1}),
            m_b.make(3, Kind::Resolve, B, 5, {1})});
        QCOMPARE(s.level(), Level::Emergency999);
        QVERIFY(s.isOpen());
        QVERIFY(!s.isResolved());
        QVERIFY(s.escalatedWhileResolving());
        QCOMPARE(s.escalationsDuringResolve(), ids({2}));
        QCOMPARE(s.levelConflictEvents(), ids({2, 3}));
        // Somebody who saw both resolves it: the conflict is settled.
        CaseState t = s;
        t.add(m_b.make(4, Kind::Resolve, C, 15, {2, 3}));
        QCOMPARE(t.level(), Level::None);
        QVERIFY(t.isResolved());
        QVERIFY(!t.escalatedWhileResolving());
    }

    void escalationAfterResolutionReopens()
    {
        const CaseState s = fold({m_b.escalate(1, Level::UrgentClinicalReview, A, 0),
            m_b.make(2, Kind::Resolve, A, 5, {1}), m_b.escalate(3, Level::UrgentCommunityResponse, B, 90, {2})});
        QVERIFY(s.isOpen());
        QCOMPARE(s.level(), Level::UrgentCommunityResponse);
        QVERIFY(!s.escalatedWhileResolving()); // the escalation came after, knowingly
    }

    void noteAcknowledgementOrHandOverAfterResolutionDoNotReopen()
    {
        const CaseState s = fold({m_b.make(1, Kind::RequestReview, A, 0), m_b.make(2, Kind::Resolve, A, 5, {1}),
            m_b.make(3, Kind::Note, B, 6, {2}), m_b.make(4, Kind::Acknowledge, B, 7, {3}),
            m_b.handOver(5, QStringLiteral("day team"), B, 8, {4})});
        QVERIFY(s.isResolved());
        QCOMPARE(s.lastNote()->id, eventId(3));
    }

    void reviewRequestIsOpenUntilAnotherClinicianActsOrItIsResolved()
    {
        CaseState s = fold({m_b.make(1, Kind::RequestReview, A, 0)});
        QVERIFY(s.reviewRequested());
        QVERIFY(s.isOpen());
        s.add(m_b.make(2, Kind::Note, A, 1, {1})); // the requester's own note does not answer it
        QVERIFY(s.reviewRequested());
        s.add(m_b.make(3, Kind::Acknowledge, B, 2)); // concurrent: B had not seen the request
        QVERIFY(s.reviewRequested());
        s.add(m_b.make(4, Kind::Note, B, 3, {2, 3}));
        QVERIFY(!s.reviewRequested());

        CaseState needed = fold({m_b.make(10, Kind::ReviewNeeded, A, 0)});
        QVERIFY(needed.reviewNeeded());
        QCOMPARE(needed.outstandingReviewNeeded(), ids({10}));
        QVERIFY(!needed.reviewRequested());
        needed.add(m_b.make(11, Kind::Resolve, A, 1, {10}));
        QVERIFY(!needed.reviewNeeded());
        QVERIFY(needed.isResolved());
    }

    void handOverHolders()
    {
        CaseState s = fold({m_b.handOver(1, QStringLiteral("gp.c"), A, 0)});
        QCOMPARE(s.holders(), QStringList({QStringLiteral("gp.c")}));
        s.add(m_b.handOver(2, QStringLiteral("night team"), C, 10, {1}));
        QCOMPARE(s.holders(), QStringList({QStringLiteral("night team")}));
        // A concurrent hand-over (A had not seen C's): both hold it until someone hands over knowing both.
        s.add(m_b.handOver(3, QStringLiteral("day team"), A, 11, {1}));
        QCOMPARE(s.holders(), QStringList({QStringLiteral("day team"), QStringLiteral("night team")}));
        s.add(m_b.handOver(4, QStringLiteral("day team"), C, 12, {2, 3}));
        QCOMPARE(s.holders(), QStringList({QStringLiteral("day team")}));
    }

    void unacknowledgedEscalations()
    {
        CaseState s = fold({m_b.escalate(1, Level::Emergency999, A, 0)});
        QCOMPARE(s.unacknowledgedEscalations(), ids({1}));
        s.add(m_b.make(2, Kind::Acknowledge, B, 1)); // had not seen it
        QCOMPARE(s.unacknowledgedEscalations(), ids({1}));
        s.add(m_b.make(3, Kind::Acknowledge, B, 2, {1, 2}));
        QVERIFY(s.unacknowledgedEscalations().isEmpty());
    }

    void repeatsAreIgnored()
    {
        CaseState s;
        const CaseEvent e = m_b.escalate(1, Level::OutOfHours111, A, 0);
        QCOMPARE(s.add(e), CaseState::AddResult::Added);
        QCOMPARE(s.add(e), CaseState::AddResult::Duplicate);
        QCOMPARE(s.merge(std::vector<CaseEvent>{e, e, m_b.make(2, Kind::Note, A, 1, {1})}), 1);
        QCOMPARE(s.size(), 2);
        QVERIFY(s.conflictingDuplicates().isEmpty());
    }

    // The same id with other contents (a corrupt or forged copy): every workstation keeps the same
    // copy, whatever the order, and the id is flagged.
    void conflictingCopiesResolveTheSameEverywhere()
    {
        const CaseEvent first = m_b.make(1, Kind::Note, A, 0);
        CaseEvent other = first;
        other.text = QStringLiteral("altered");
        CaseState x;
        x.add(first);
        QCOMPARE(x.add(other), CaseState::AddResult::ConflictingDuplicate);
        CaseState y;
        y.add(other);
        QCOMPARE(y.add(first), CaseState::AddResult::ConflictingDuplicate);
        QCOMPARE(x.events(), y.events());
        QCOMPARE(x.conflictingDuplicates(), ids({1}));
        QCOMPARE(y.conflictingDuplicates(), ids({1}));
        QCOMPARE(x.size(), 1);
    }

    void invalidAndOtherPatientsEventsAreRefused()
    {
        CaseState s;
        CaseEvent bad = m_b.make(1, Kind::Note, A, 0);
        bad.text.clear();
        QCOMPARE(s.add(bad), CaseState::AddResult::Invalid);
        QVERIFY(s.isEmpty());
        QCOMPARE(s.add(m_b.make(2, Kind::Note, A, 0)), CaseState::AddResult::Added);
        const CaseEventBuilder other(QStringLiteral("another-patient"));
        QCOMPARE(s.add(other.make(3, Kind::Note, A, 0)), CaseState::AddResult::OtherPatient);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.patientKey(), QStringLiteral("case-patient"));
    }

    // A de-escalation whose link to the escalation passes through an event that has not arrived
    // does not lower anything until that event arrives.
    void missingParentsNeverLowerTheLevel()
    {
        CaseState s =
            fold({m_b.escalate(1, Level::Emergency999, A, 0), m_b.deEscalate(3, Level::RoutineReview, C, 20, {2})});
        QCOMPARE(s.missingParents(), ids({2}));
        QCOMPARE(s.level(), Level::Emergency999);
        QCOMPARE(s.add(m_b.make(2, Kind::Note, B, 10, {1})), CaseState::AddResult::Added);
        QVERIFY(s.missingParents().isEmpty());
        QCOMPARE(s.level(), Level::RoutineReview);
    }

    // A forged cycle of parents still folds the same way in any order.
    void cyclesAreBrokenDeterministically()
    {
        const CaseEvent x = m_b.escalate(1, Level::OutOfHours111, A, 5, {2});
        const CaseEvent y = m_b.deEscalate(2, Level::RoutineReview, B, 3, {1});
        const CaseState s = fold({x, y});
        const CaseState t = fold({y, x});
        QCOMPARE(order(s), order(t));
        QCOMPARE(s.level(), t.level());
        QCOMPARE(order(s), ids({2, 1}));
    }

    void parentsOfANewEventAreTheHeadsUpToTheLimit()
    {
        std::vector<CaseEvent> events;
        for (int i = 1; i <= CaseEvent::kMaxParents + 6; ++i)
            events.push_back(m_b.make(i, Kind::Acknowledge, A, i)); // all concurrent
        const CaseState s = fold(events);
        QCOMPARE(s.heads().size(), CaseEvent::kMaxParents + 6);
        const QStringList parents = s.parentsForNewEvent();
        QCOMPARE(parents.size(), CaseEvent::kMaxParents);
        QVERIFY(!parents.contains(eventId(6))); // the oldest are left out
        QVERIFY(parents.contains(eventId(7)));
        QVERIFY(parents.contains(eventId(CaseEvent::kMaxParents + 6)));
        QCOMPARE(fold({m_b.make(1, Kind::Note, A, 0)}).parentsForNewEvent(), ids({1}));
    }

    void changesSinceLastLook()
    {
        const CaseState before = fold({m_b.make(1, Kind::Acknowledge, A, 0),
            m_b.escalate(2, Level::OutOfHours111, A, 1, {1}), m_b.make(3, Kind::RequestReview, A, 2, {2})});
        CaseState after = before;
        after.merge(std::vector<CaseEvent>{
            m_b.deEscalate(4, Level::RoutineReview, C, 30, {3}), m_b.handOver(5, QStringLiteral("gp.c"), C, 31, {4})});
        const CaseState::Changes c = after.changesSince(before);
        QVERIFY(!c.isEmpty());
        QCOMPARE(c.newEvents.size(), 2u);
        QCOMPARE(c.newEvents[0].id, eventId(4));
        QCOMPARE(c.newEvents[1].id, eventId(5));
        QCOMPARE(c.levelBefore, Level::OutOfHours111);
        QCOMPARE(c.levelAfter, Level::RoutineReview);
        QVERIFY(c.levelLowered());
        QVERIFY(!c.levelRaised());
        QVERIFY(c.reviewOutstandingBefore);
        QVERIFY(!c.reviewOutstandingAfter); // C de-escalated after seeing the request
        QVERIFY(c.holdersBefore.isEmpty());
        QCOMPARE(c.holdersAfter, QStringList({QStringLiteral("gp.c")}));
        QVERIFY(!c.resolvedBefore);
        QVERIFY(!c.resolvedAfter);
        QVERIFY(after.changesSince(after).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCaseState)
#include "tst_casestate.moc"
