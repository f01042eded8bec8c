#pragma once

#include "caseevent.h"
#include "escalationlevel.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <map>
#include <span>
#include <vector>

namespace vigil::clinical {

// The state of one patient's case: the deterministic fold of a *set* of CaseEvents.
//
// Events are merged by id (a repeat is ignored), so every workstation that has received the same
// events, in whatever order and however often, has the identical state. Nothing is last-writer-wins:
// every event is kept and listed (events()), and two clinicians acting on the same case both keep
// their actions.
//
// Order. events() lists the events in one total order that depends only on the set: a topological
// order of the causal graph (an event comes after the parents it names), ties broken by (time, id).
// A parent that has not arrived is ignored until it does (missingParents()). A cycle of parents (only
// a forged or corrupt history can have one) is broken at its earliest (time, id) event.
//
// Causality. Event a "saw" event b when b is a parent of a, or a parent of a parent, and so on
// (seen()). Two events neither of which saw the other are concurrent.
//
// Level (never goes down silently). Escalate, DeEscalate and Resolve events set the level. One of
// them stays in force until a DeEscalate or Resolve event that saw it overrides it; an Escalate
// never overrides anything (an escalation to a lower level than the one in force is kept and listed
// but lowers nothing). The current level is the highest level in force: an escalation is lowered
// only by a de-escalation or resolution whose author had seen it. A DeEscalate's level is at most the
// level its author saw (a "de-escalation" upwards raises nothing), and a Resolve's is None.
// Consequences: a Resolve concurrent with an Escalate leaves that escalation in force and the case
// open, and escalatedWhileResolving() says so; concurrent changes to different levels are listed by
// levelConflictEvents(); a late event can only lower the level if it is a DeEscalate or Resolve that
// saw what it lowers.
//
// Open / resolved. Escalate, RequestReview and ReviewNeeded open a case; the case is resolved when it
// has a Resolve event and every such event was seen by a Resolve. A note, acknowledgement or hand-over
// after a resolution does not reopen it; an escalation or a review request does.
//
// Reviews. A RequestReview or ReviewNeeded is outstanding until a Resolve saw it, or another
// clinician (a different actor) acknowledged, wrote a note, escalated, de-escalated or handed over
// after seeing it.
//
// Hand-over. A HandOver stays in force until a later HandOver saw it; holders() are the targets of
// those in force (more than one after concurrent hand-overs: both are kept, and shown).
//
// Cost: adding events refolds the whole set, O(n^2) bits of memory and O(n^3 / 64) time in the
// worst case; a case has tens to hundreds of events. Not thread-safe; a value type.
class CaseState final
{
public:
    enum class AddResult {
        Added,
        Duplicate, // same id and same content: ignored
        ConflictingDuplicate, // same id, different content: one copy is kept (the same on every
                              // workstation, see conflictingDuplicates()), the event is flagged
        Invalid, // CaseEvent::problems() is not empty: not added
        OtherPatient, // the event is for another patient: not added
    };

    // What changed between an earlier state of the same case and this one ("what changed since I
    // last looked").
    struct Changes
    {
        std::vector<CaseEvent> newEvents; // in this state's order
        EscalationLevel levelBefore = EscalationLevel::None;
        EscalationLevel levelAfter = EscalationLevel::None;
        bool resolvedBefore = false;
        bool resolvedAfter = false;
        QStringList holdersBefore;
        QStringList holdersAfter;
        bool reviewOutstandingBefore = false;
        bool reviewOutstandingAfter = false;
        bool escalatedWhileResolvingBefore = false;
        bool escalatedWhileResolvingAfter = false;

        [[nodiscard]] bool isEmpty() const { return newEvents.empty(); }
        [[nodiscard]] bool levelRaised() const { return levelAfter > levelBefore; }
        [[nodiscard]] bool levelLowered() const { return levelAfter < levelBefore; }
    };

    // An empty case; the first event added sets the patient unless `patientKey` is given.
    explicit CaseState(QString patientKey = {});
    // The fold of `events` (any order, repeats allowed); events CaseState would refuse are skipped.
    [[nodiscard]] static CaseState fold(std::span<const CaseEvent> events, QString patientKey = {});

    AddResult add(const CaseEvent& event);
    // Adds several events and folds once; returns how many were new (Added).
    int merge(std::span<const CaseEvent> events);

    [[nodiscard]] const QString& patientKey() const { return m_patientKey; }
    [[nodiscard]] bool isEmpty() const { return m_events.empty(); }
    [[nodiscard]] qsizetype size() const { return static_cast<qsizetype>(m_events.size()); }
    // Every event, in the total order described above.
    [[nodiscard]] const std::vector<CaseEvent>& events() const { return m_events; }
    [[nodiscard]] bool contains(const QString& id) const { return m_position.contains(id); }
    [[nodiscard]] const CaseEvent* event(const QString& id) const;
    // Whether event `later` saw event `earlier` (transitively); false when either is unknown.
    [[nodiscard]] bool seen(const QString& later, const QString& earlier) const;
    // The events no known event follows (sorted).
    [[nodiscard]] const QStringList& heads() const { return m_heads; }
    // The parents of the next event created here: the heads, or, in the unlikely case of more than
    // CaseEvent::kMaxParents concurrent heads, the latest kMaxParents of them in the order above. An
    // event that does not name a head counts as not having seen it, which can keep a level up but
    // never lower it.
    [[nodiscard]] QStringList parentsForNewEvent() const;
    // Parents named by known events that have not arrived (sorted).
    [[nodiscard]] const QStringList& missingParents() const { return m_missingParents; }
    // Ids that arrived with different contents (sorted). The copy kept is the least in a fixed
    // ordering of the fields, so every workstation keeps the same one.
    [[nodiscard]] const QStringList& conflictingDuplicates() const { return m_conflictingDuplicates; }

    [[nodiscard]] EscalationLevel level() const { return m_level; }
    // The events that set the current level (those in force at that level; empty at None).
    [[nodiscard]] const QStringList& levelEvents() const { return m_levelEvents; }
    // The highest level the case was ever escalated to.
    [[nodiscard]] EscalationLevel highestLevel() const { return m_highestLevel; }
    // The level in force among the events the given event's author had seen (before the event).
    [[nodiscard]] EscalationLevel levelSeenBy(const QString& id) const;
    // The level the given event set, as applied (a DeEscalate's is capped at levelSeenBy(); a
    // Resolve's is None); nullopt for an event that sets no level.
    [[nodiscard]] std::optional<EscalationLevel> levelSetBy(const QString& id) const;
    // Escalations still in force that a concurrent Resolve did not see: the case was escalated while
    // it was being resolved. The UI must show this.
    [[nodiscard]] bool escalatedWhileResolving() const { return !m_escalationsDuringResolve.isEmpty(); }
    [[nodiscard]] const QStringList& escalationsDuringResolve() const { return m_escalationsDuringResolve; }
    // Level changes in force that were concurrent with another in force at a different level.
    [[nodiscard]] const QStringList& levelConflictEvents() const { return m_levelConflictEvents; }
    // Escalations in force that no acknowledgement saw.
    [[nodiscard]] const QStringList& unacknowledgedEscalations() const { return m_unacknowledgedEscalations; }

    [[nodiscard]] bool isResolved() const { return m_resolved; }
    [[nodiscard]] bool isOpen() const { return !m_events.empty() && !m_resolved; }
    // Acknowledge events in order, and their actors (each once, in order of first acknowledgement).
    [[nodiscard]] std::vector<const CaseEvent*> acknowledgements() const;
    [[nodiscard]] const QStringList& acknowledgedBy() const { return m_acknowledgedBy; }
    // Who holds the case after hand-overs (sorted; empty when it was never handed over).
    [[nodiscard]] const QStringList& holders() const { return m_holders; }
    // Outstanding RequestReview and ReviewNeeded events.
    [[nodiscard]] bool reviewRequested() const { return !m_outstandingRequests.isEmpty(); }
    [[nodiscard]] bool reviewNeeded() const { return !m_outstandingNeeded.isEmpty(); }
    [[nodiscard]] const QStringList& outstandingReviewRequests() const { return m_outstandingRequests; }
    [[nodiscard]] const QStringList& outstandingReviewNeeded() const { return m_outstandingNeeded; }
    // The last Note in the order above, or nullptr.
    [[nodiscard]] const CaseEvent* lastNote() const;

    [[nodiscard]] Changes changesSince(const CaseState& earlier) const;

private:
    AddResult insert(const CaseEvent& event);
    void refold();

    QString m_patientKey;
    std::map<QString, CaseEvent> m_byId; // the set
    QStringList m_conflictingDuplicates;

    // Derived by refold().
    std::vector<CaseEvent> m_events;
    QHash<QString, int> m_position;
    std::vector<std::vector<quint64>> m_ancestors; // by position: bit p set when the event saw position p
    std::vector<EscalationLevel> m_levelSeen; // by position
    std::vector<EscalationLevel> m_levelSet; // by position (None for events that set no level)
    QStringList m_heads;
    QStringList m_missingParents;
    EscalationLevel m_level = EscalationLevel::None;
    EscalationLevel m_highestLevel = EscalationLevel::None;
    QStringList m_levelEvents;
    QStringList m_escalationsDuringResolve;
    QStringList m_levelConflictEvents;
    QStringList m_unacknowledgedEscalations;
    bool m_resolved = false;
    std::vector<int> m_acknowledgements;
    QStringList m_acknowledgedBy;
    QStringList m_holders;
    QStringList m_outstandingRequests;
    QStringList m_outstandingNeeded;
    int m_lastNote = -1;
};

} // namespace vigil::clinical
