// Property test of the event merge (issue 5: "event merge under shuffled orders"). Random
// multi-workstation histories (several clinicians on several workstations, each acting on what it
// has received so far: concurrent escalations, resolutions, hand-overs, de-escalations, reviews,
// notes, partial and out-of-order synchronisation) are delivered to fresh replicas in many shuffled
// orders, with repeats, one by one or in batches. Checked:
//  - every replica converges to the identical state (events, order and every derived field);
//  - no event is lost (each generated id is there, exactly once);
//  - at every step of every delivery, the level is never below an escalation that no de-escalation
//    or resolution in the replica saw (an independent oracle over the parents graph), and it equals
//    the level of a naive reference fold;
//  - the workstations' own replicas, once fully synchronised, agree with the rest.
// Seeds are fixed, so a failure names a reproducible history.
#include "clinical/casestate.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using vigil::clinical::CaseEvent;
using vigil::clinical::CaseState;
using vigil::clinical::EscalationLevel;
using Kind = CaseEvent::Kind;

namespace {

constexpr vigil::core::Timestamp kT0 = 1'760'000'000'000'000;

QString idFor(quint32 seed, int n)
{
    return QStringLiteral("%1-0000-4000-8000-%2").arg(seed, 8, 16, QLatin1Char('0')).arg(n, 12, 10, QLatin1Char('0'));
}

struct History
{
    std::vector<CaseEvent> events; // every event created, each once
    std::vector<CaseState> replicas; // what each workstation had when the history ended
};

// Workstations act on their own replica: an event's parents are that replica's heads, so
// concurrency comes from what has not been synchronised yet.
History generate(quint32 seed, int steps, int workstations)
{
    QRandomGenerator rng(seed);
    History h;
    h.replicas.resize(static_cast<std::size_t>(workstations));
    std::vector<vigil::core::Timestamp> skew; // each workstation's clock error, up to ±5 min
    for (int w = 0; w < workstations; ++w)
        skew.push_back(static_cast<vigil::core::Timestamp>(rng.bounded(600)) * 1'000'000 - 300'000'000);
    const QStringList people{QStringLiteral("nurse.a"), QStringLiteral("nurse.b"), QStringLiteral("gp.c"),
        QStringLiteral("nurse.d"), QStringLiteral("paramedic.e")};
    vigil::core::Timestamp clock = kT0;
    int n = 0;
    for (int step = 0; step < steps; ++step) {
        clock += static_cast<vigil::core::Timestamp>(rng.bounded(1, 120)) * 1'000'000;
        const auto w = static_cast<std::size_t>(rng.bounded(workstations));
        CaseState& replica = h.replicas[w];
        if (!h.events.empty() && rng.bounded(100) < 30) {
            // Synchronise: w receives a random part (or all) of another workstation's events, in a
            // random order, possibly without their parents.
            const CaseState& from = h.replicas[static_cast<std::size_t>(rng.bounded(workstations))];
            std::vector<CaseEvent> part;
            const bool all = rng.bounded(3) == 0;
            for (const CaseEvent& e : from.events()) {
                if (all || rng.bounded(2) == 0)
                    part.push_back(e);
            }
            std::shuffle(part.begin(), part.end(), rng);
            replica.merge(part);
            continue;
        }
        CaseEvent e;
        e.id = idFor(seed, ++n);
        e.patientKey = QStringLiteral("case-patient");
        e.workstation = QStringLiteral("ws-%1").arg(w);
        e.actor = people[static_cast<qsizetype>(rng.bounded(people.size()))];
        e.role = QStringLiteral("clinician");
        e.time = clock + skew[w];
        e.parents = replica.parentsForNewEvent();
        const quint32 pick = rng.bounded(100);
        if (pick < 22) {
            e.kind = Kind::Escalate;
            e.level = static_cast<EscalationLevel>(rng.bounded(1, 6));
            e.sbar = {QStringLiteral("s"), QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("r")};
        } else if (pick < 34) {
            e.kind = Kind::DeEscalate;
            // Usually below what this workstation sees; sometimes not (capped by the fold).
            const int seen = static_cast<int>(replica.level());
            e.level =
                static_cast<EscalationLevel>(seen > 0 && rng.bounded(4) != 0 ? rng.bounded(seen) : rng.bounded(5));
            e.text = QStringLiteral("reason");
        } else if (pick < 46) {
            e.kind = Kind::Resolve;
        } else if (pick < 58) {
            e.kind = Kind::Acknowledge;
        } else if (pick < 70) {
            e.kind = Kind::Note;
            e.text = QStringLiteral("note %1").arg(n);
        } else if (pick < 82) {
            e.kind = Kind::HandOver;
            e.handOverTo = people[static_cast<qsizetype>(rng.bounded(people.size()))];
        } else if (pick < 91) {
            e.kind = Kind::RequestReview;
        } else {
            e.kind = Kind::ReviewNeeded;
            e.text = QStringLiteral("why");
        }
        if (!e.isValid())
            qFatal("generated an invalid event: %s", qPrintable(e.problems().join(QLatin1Char(' '))));
        replica.add(e);
        h.events.push_back(e);
    }
    return h;
}

// Every observable of a state, as text, to compare replicas.
QStringList snapshot(const CaseState& s)
{
    QStringList out;
    for (const CaseEvent& e : s.events()) {
        QString line = e.id + QLatin1Char(' ') + CaseEvent::kindKey(e.kind)
            + QStringLiteral(" seen=%1").arg(static_cast<int>(s.levelSeenBy(e.id)));
        if (const auto set = s.levelSetBy(e.id))
            line += QStringLiteral(" set=%1").arg(static_cast<int>(*set));
        out << line;
    }
    const auto list = [&](const char* name, const QStringList& values) {
        out << QString::fromLatin1(name) + QLatin1Char('=') + values.join(QLatin1Char(','));
    };
    out << QStringLiteral("level=%1 highest=%2 resolved=%3 open=%4")
               .arg(static_cast<int>(s.level()))
               .arg(static_cast<int>(s.highestLevel()))
               .arg(s.isResolved())
               .arg(s.isOpen());
    list("levelEvents", s.levelEvents());
    list("duringResolve", s.escalationsDuringResolve());
    list("levelConflict", s.levelConflictEvents());
    list("unacknowledged", s.unacknowledgedEscalations());
    list("acknowledgedBy", s.acknowledgedBy());
    list("holders", s.holders());
    list("requests", s.outstandingReviewRequests());
    list("needed", s.outstandingReviewNeeded());
    list("heads", s.heads());
    list("missing", s.missingParents());
    list("conflicting", s.conflictingDuplicates());
    out << QStringLiteral("lastNote=") + (s.lastNote() ? s.lastNote()->id : QString());
    return out;
}

// The oracle: ancestors by walking the parents graph of the events the replica holds.
std::map<QString, std::set<QString>> ancestors(const std::vector<CaseEvent>& events)
{
    std::map<QString, const CaseEvent*> byId;
    for (const CaseEvent& e : events)
        byId[e.id] = &e;
    std::map<QString, std::set<QString>> out;
    for (const CaseEvent& e : events) {
        std::set<QString>& seen = out[e.id];
        std::vector<QString> stack(e.parents.begin(), e.parents.end());
        while (!stack.empty()) {
            const QString p = stack.back();
            stack.pop_back();
            const auto it = byId.find(p);
            if (it == byId.end() || !seen.insert(p).second)
                continue;
            stack.insert(stack.end(), it->second->parents.begin(), it->second->parents.end());
        }
    }
    return out;
}

bool overrides(Kind k)
{
    return k == Kind::DeEscalate || k == Kind::Resolve;
}

bool setsLevel(Kind k)
{
    return k == Kind::Escalate || overrides(k);
}

// A naive reference fold of the level rule, by recursion over ancestor sets.
EscalationLevel referenceLevel(const std::vector<CaseEvent>& events, const std::map<QString, std::set<QString>>& anc,
    const std::set<QString>& within, std::map<QString, EscalationLevel>& deEscalateMemo)
{
    std::map<QString, const CaseEvent*> byId;
    for (const CaseEvent& e : events)
        byId[e.id] = &e;
    EscalationLevel level = EscalationLevel::None;
    for (const QString& id : within) {
        const CaseEvent& w = *byId.at(id);
        if (!setsLevel(w.kind))
            continue;
        bool overridden = false;
        for (const QString& other : within) {
            const CaseEvent& d = *byId.at(other);
            if (overrides(d.kind) && anc.at(d.id).count(w.id)) {
                overridden = true;
                break;
            }
        }
        if (overridden)
            continue;
        EscalationLevel value = EscalationLevel::None;
        if (w.kind == Kind::Escalate) {
            value = w.level;
        } else if (w.kind == Kind::DeEscalate) {
            auto memo = deEscalateMemo.find(w.id);
            if (memo == deEscalateMemo.end()) {
                const EscalationLevel seen = referenceLevel(events, anc, anc.at(w.id), deEscalateMemo);
                memo = deEscalateMemo.emplace(w.id, std::min(w.level, seen)).first;
            }
            value = memo->second;
        }
        level = std::max(level, value);
    }
    return level;
}

// The safety property at one moment: no escalation above the current level is left that no
// de-escalation or resolution saw; and the level is what the reference fold says.
void checkLevel(const CaseState& s, const char* context, quint32 seed)
{
    const std::vector<CaseEvent>& events = s.events();
    const auto anc = ancestors(events);
    for (const CaseEvent& e : events) {
        if (e.kind != Kind::Escalate || e.level <= s.level())
            continue;
        const bool loweredKnowingly = std::any_of(events.begin(), events.end(),
            [&](const CaseEvent& d) { return overrides(d.kind) && anc.at(d.id).count(e.id); });
        QVERIFY2(loweredKnowingly,
            qPrintable(QStringLiteral("seed %1 (%2): escalation %3 to %4 lowered to %5 silently")
                           .arg(seed)
                           .arg(QString::fromLatin1(context), e.id)
                           .arg(static_cast<int>(e.level))
                           .arg(static_cast<int>(s.level()))));
    }
    std::set<QString> all;
    for (const CaseEvent& e : events)
        all.insert(e.id);
    std::map<QString, EscalationLevel> memo;
    QCOMPARE(s.level(), referenceLevel(events, anc, all, memo));
}

} // namespace

class TestCaseStateMerge : public QObject
{
    Q_OBJECT

private:
    void run(quint32 seed, int steps, int workstations, int orders, bool checkEveryStep)
    {
        const History h = generate(seed, steps, workstations);
        const CaseState reference = CaseState::fold(h.events);
        const QStringList expected = snapshot(reference);
        QCOMPARE(reference.size(), static_cast<qsizetype>(h.events.size()));
        for (const CaseEvent& e : h.events)
            QVERIFY2(reference.contains(e.id), qPrintable(QStringLiteral("seed %1: lost %2").arg(seed).arg(e.id)));
        checkLevel(reference, "all events", seed);

        QRandomGenerator rng(seed ^ 0x5eed);
        for (int k = 0; k < orders; ++k) {
            // Every event once, a third of them again, shuffled.
            std::vector<CaseEvent> delivery = h.events;
            for (const CaseEvent& e : h.events) {
                if (rng.bounded(3) == 0)
                    delivery.push_back(e);
            }
            std::shuffle(delivery.begin(), delivery.end(), rng);
            CaseState replica;
            const bool batches = k % 2 == 1;
            std::size_t i = 0;
            EscalationLevel previous = EscalationLevel::None;
            while (i < delivery.size()) {
                const std::size_t count = batches ? std::min<std::size_t>(rng.bounded(1, 8), delivery.size() - i) : 1;
                if (count == 1) {
                    const CaseState::AddResult r = replica.add(delivery[i]);
                    QVERIFY(r == CaseState::AddResult::Added || r == CaseState::AddResult::Duplicate);
                } else {
                    replica.merge(std::span<const CaseEvent>(delivery).subspan(i, count));
                }
                i += count;
                if (checkEveryStep && k < 4) {
                    checkLevel(replica, "during delivery", seed);
                    if (QTest::currentTestFailed())
                        return;
                }
                if (replica.level() < previous) {
                    // A drop must come with an event that overrides levels, now known.
                    QVERIFY(std::any_of(replica.events().begin(), replica.events().end(),
                        [](const CaseEvent& e) { return overrides(e.kind); }));
                }
                previous = replica.level();
            }
            QCOMPARE(replica.size(), reference.size());
            QCOMPARE(replica.events(), reference.events());
            const QStringList got = snapshot(replica);
            if (got != expected) {
                for (qsizetype line = 0; line < std::min(got.size(), expected.size()); ++line) {
                    if (got[line] != expected[line])
                        qWarning("seed %u order %d: '%s' vs '%s'", seed, k, qPrintable(got[line]),
                            qPrintable(expected[line]));
                }
            }
            QCOMPARE(got, expected);
        }

        // The workstations' own replicas, after a full exchange, agree too.
        for (const CaseState& own : h.replicas) {
            CaseState synced = own;
            synced.merge(h.events);
            QCOMPARE(snapshot(synced), expected);
        }
    }

private Q_SLOTS:
    void convergesWithThreeWorkstations()
    {
        for (quint32 seed = 1; seed <= 150; ++seed) {
            run(seed, 40, 3, 12, seed % 5 == 0);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void convergesWithManyWorkstationsAndLongHistories()
    {
        for (quint32 seed = 1001; seed <= 1030; ++seed) {
            run(seed, 120, 6, 8, seed % 10 == 0);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // Copies of an event with other contents (corruption, forgery) still converge: the same copy is
    // kept everywhere and flagged.
    void convergesWithConflictingCopies()
    {
        for (quint32 seed = 2001; seed <= 2040; ++seed) {
            const History h = generate(seed, 30, 3);
            std::vector<CaseEvent> events = h.events;
            QRandomGenerator rng(seed);
            for (const CaseEvent& e : h.events) {
                if (rng.bounded(5) == 0) {
                    CaseEvent copy = e;
                    copy.actor = QStringLiteral("forged");
                    events.push_back(copy);
                }
            }
            const QStringList expected = snapshot(CaseState::fold(events));
            for (int k = 0; k < 10; ++k) {
                std::shuffle(events.begin(), events.end(), rng);
                QCOMPARE(snapshot(CaseState::fold(events)), expected);
            }
            QCOMPARE(CaseState::fold(events).size(), static_cast<qsizetype>(h.events.size()));
        }
    }
};

QTEST_GUILESS_MAIN(TestCaseStateMerge)
#include "tst_casestatemerge.moc"
