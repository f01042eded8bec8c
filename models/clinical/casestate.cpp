#include "casestate.h"

#include <QSet>
#include <queue>

#include <algorithm>
#include <functional>
#include <tuple>

namespace vigil::clinical {

namespace {

using Kind = CaseEvent::Kind;
using Bits = std::vector<quint64>;

Bits emptyBits(std::size_t n)
{
    return Bits((n + 63) / 64, 0);
}

void setBit(Bits& bits, std::size_t i)
{
    bits[i / 64] |= quint64(1) << (i % 64);
}

bool testBit(const Bits& bits, std::size_t i)
{
    return (bits[i / 64] >> (i % 64)) & 1;
}

bool intersects(const Bits& a, const Bits& b)
{
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] & b[i])
            return true;
    }
    return false;
}

void unite(Bits& into, const Bits& from)
{
    for (std::size_t i = 0; i < into.size(); ++i)
        into[i] |= from[i];
}

bool setsLevel(Kind kind)
{
    return kind == Kind::Escalate || kind == Kind::DeEscalate || kind == Kind::Resolve;
}

bool overridesLevel(Kind kind)
{
    return kind == Kind::DeEscalate || kind == Kind::Resolve;
}

bool opensCase(Kind kind)
{
    return kind == Kind::Escalate || kind == Kind::RequestReview || kind == Kind::ReviewNeeded;
}

bool answersReview(Kind kind)
{
    return kind == Kind::Acknowledge || kind == Kind::Note || kind == Kind::Escalate || kind == Kind::DeEscalate
        || kind == Kind::HandOver;
}

// A fixed ordering of events with the same id but different contents, so every workstation keeps the
// same copy. Parents compare as sets.
bool canonicalLess(const CaseEvent& a, const CaseEvent& b)
{
    QStringList pa = a.parents;
    QStringList pb = b.parents;
    pa.sort();
    pb.sort();
    const auto key = [](const CaseEvent& e, const QStringList& parents) {
        return std::make_tuple(e.patientKey, e.workstation, e.actor, e.role, e.time, static_cast<int>(e.kind), e.text,
            static_cast<int>(e.level), e.sbar.situation, e.sbar.background, e.sbar.assessment, e.sbar.recommendation,
            e.handOverTo, parents, e.parents);
    };
    return key(a, pa) < key(b, pb);
}

// Ready events are taken earliest (time, id) first.
struct ReadyOrder
{
    const std::vector<const CaseEvent*>* events;
    bool operator()(int a, int b) const
    {
        const CaseEvent& x = *(*events)[static_cast<std::size_t>(a)];
        const CaseEvent& y = *(*events)[static_cast<std::size_t>(b)];
        // std::priority_queue puts the greatest on top: invert.
        return std::tie(x.time, x.id) > std::tie(y.time, y.id);
    }
};

} // namespace

CaseState::CaseState(QString patientKey)
    : m_patientKey(std::move(patientKey))
{ }

CaseState CaseState::fold(std::span<const CaseEvent> events, QString patientKey)
{
    CaseState state(std::move(patientKey));
    state.merge(events);
    return state;
}

CaseState::AddResult CaseState::insert(const CaseEvent& event)
{
    if (!event.isValid())
        return AddResult::Invalid;
    if (m_patientKey.isEmpty())
        m_patientKey = event.patientKey;
    else if (event.patientKey != m_patientKey)
        return AddResult::OtherPatient;
    const auto it = m_byId.find(event.id);
    if (it == m_byId.end()) {
        m_byId.emplace(event.id, event);
        return AddResult::Added;
    }
    if (it->second == event)
        return AddResult::Duplicate;
    if (!m_conflictingDuplicates.contains(event.id)) {
        m_conflictingDuplicates.append(event.id);
        m_conflictingDuplicates.sort();
    }
    if (canonicalLess(event, it->second))
        it->second = event;
    return AddResult::ConflictingDuplicate;
}

CaseState::AddResult CaseState::add(const CaseEvent& event)
{
    const AddResult result = insert(event);
    if (result == AddResult::Added || result == AddResult::ConflictingDuplicate)
        refold();
    return result;
}

int CaseState::merge(std::span<const CaseEvent> events)
{
    int added = 0;
    bool changed = false;
    for (const CaseEvent& e : events) {
        const AddResult result = insert(e);
        added += result == AddResult::Added ? 1 : 0;
        changed = changed || result == AddResult::Added || result == AddResult::ConflictingDuplicate;
    }
    if (changed)
        refold();
    return added;
}

void CaseState::refold()
{
    const std::size_t n = m_byId.size();
    std::vector<const CaseEvent*> byId; // index: rank in id order
    byId.reserve(n);
    QHash<QString, int> idIndex;
    for (const auto& [id, e] : m_byId) {
        idIndex.insert(id, static_cast<int>(byId.size()));
        byId.push_back(&e);
    }

    // Known parents (indexes into byId) and children; parents that have not arrived.
    std::vector<std::vector<int>> parents(n);
    std::vector<std::vector<int>> children(n);
    QSet<QString> missing;
    for (std::size_t i = 0; i < n; ++i) {
        for (const QString& p : byId[i]->parents) {
            const auto it = idIndex.constFind(p);
            if (it == idIndex.constEnd()) {
                missing.insert(p);
                continue;
            }
            parents[i].push_back(*it);
            children[static_cast<std::size_t>(*it)].push_back(static_cast<int>(i));
        }
    }

    // Kahn's algorithm, earliest (time, id) first among the ready events. When none is ready but
    // events remain, they form cycles: release the earliest remaining one.
    std::vector<int> pending(n);
    for (std::size_t i = 0; i < n; ++i)
        pending[i] = static_cast<int>(parents[i].size());
    std::priority_queue<int, std::vector<int>, ReadyOrder> ready(ReadyOrder{&byId});
    std::vector<bool> placed(n, false);
    std::vector<bool> queued(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (pending[i] == 0) {
            ready.push(static_cast<int>(i));
            queued[i] = true;
        }
    }
    std::vector<int> order; // byId indexes in the total order
    order.reserve(n);
    while (order.size() < n) {
        if (ready.empty()) {
            int earliest = -1;
            for (std::size_t i = 0; i < n; ++i) {
                if (!queued[i] && (earliest < 0 || ReadyOrder{&byId}(earliest, static_cast<int>(i))))
                    earliest = static_cast<int>(i);
            }
            ready.push(earliest);
            queued[static_cast<std::size_t>(earliest)] = true;
        }
        const int next = ready.top();
        ready.pop();
        placed[static_cast<std::size_t>(next)] = true;
        order.push_back(next);
        for (const int c : children[static_cast<std::size_t>(next)]) {
            const auto ci = static_cast<std::size_t>(c);
            if (--pending[ci] == 0 && !queued[ci]) {
                ready.push(c);
                queued[ci] = true;
            }
        }
    }

    std::vector<int> positionOf(n);
    for (std::size_t pos = 0; pos < n; ++pos)
        positionOf[static_cast<std::size_t>(order[pos])] = static_cast<int>(pos);

    m_events.clear();
    m_events.reserve(n);
    m_position.clear();
    for (std::size_t pos = 0; pos < n; ++pos) {
        m_events.push_back(*byId[static_cast<std::size_t>(order[pos])]);
        m_position.insert(m_events.back().id, static_cast<int>(pos));
    }

    // Ancestors, by position. In a causal order every parent is already done; in a (corrupt) cycle
    // a parent placed later contributes only itself. Either way the result depends on the set only.
    m_ancestors.assign(n, emptyBits(n));
    std::vector<bool> hasChild(n, false);
    for (std::size_t pos = 0; pos < n; ++pos) {
        for (const int p : parents[static_cast<std::size_t>(order[pos])]) {
            const auto pp = static_cast<std::size_t>(positionOf[static_cast<std::size_t>(p)]);
            setBit(m_ancestors[pos], pp);
            if (pp < pos)
                unite(m_ancestors[pos], m_ancestors[pp]);
            hasChild[pp] = true;
        }
    }

    // overriddenBy[w]: the DeEscalate / Resolve events that saw level event w.
    std::vector<Bits> overriddenBy(n, emptyBits(n));
    Bits resolvesSeen = emptyBits(n); // everything some Resolve saw
    bool anyResolve = false;
    for (std::size_t d = 0; d < n; ++d) {
        const Kind kind = m_events[d].kind;
        if (!overridesLevel(kind))
            continue;
        for (std::size_t w = 0; w < n; ++w) {
            if (testBit(m_ancestors[d], w) && setsLevel(m_events[w].kind))
                setBit(overriddenBy[w], d);
        }
        if (kind == Kind::Resolve) {
            unite(resolvesSeen, m_ancestors[d]);
            anyResolve = true;
        }
    }

    // The level each event set (as applied) and the level in force among the events it saw.
    m_levelSet.assign(n, EscalationLevel::None);
    for (std::size_t pos = 0; pos < n; ++pos) {
        if (m_events[pos].kind != Kind::Resolve)
            m_levelSet[pos] = m_events[pos].level;
    }
    const auto levelIn = [&](const Bits& set) {
        EscalationLevel level = EscalationLevel::None;
        for (std::size_t w = 0; w < n; ++w) {
            if (testBit(set, w) && setsLevel(m_events[w].kind) && !intersects(overriddenBy[w], set))
                level = std::max(level, m_levelSet[w]);
        }
        return level;
    };
    m_levelSeen.assign(n, EscalationLevel::None);
    for (std::size_t pos = 0; pos < n; ++pos) {
        m_levelSeen[pos] = levelIn(m_ancestors[pos]);
        if (m_events[pos].kind == Kind::DeEscalate)
            m_levelSet[pos] = std::min(m_events[pos].level, m_levelSeen[pos]);
    }

    // In force: level events no DeEscalate / Resolve saw.
    std::vector<std::size_t> inForce;
    m_level = EscalationLevel::None;
    m_highestLevel = EscalationLevel::None;
    for (std::size_t w = 0; w < n; ++w) {
        if (m_events[w].kind == Kind::Escalate)
            m_highestLevel = std::max(m_highestLevel, m_events[w].level);
        if (setsLevel(m_events[w].kind)
            && std::all_of(overriddenBy[w].begin(), overriddenBy[w].end(), [](quint64 b) { return b == 0; })) {
            inForce.push_back(w);
            m_level = std::max(m_level, m_levelSet[w]);
        }
    }
    const auto concurrent = [&](std::size_t a, std::size_t b) {
        return !testBit(m_ancestors[a], b) && !testBit(m_ancestors[b], a);
    };
    QStringList levelEvents;
    QStringList duringResolve;
    QSet<QString> conflict;
    QStringList unacknowledged;
    for (const std::size_t w : inForce) {
        const CaseEvent& e = m_events[w];
        if (m_level != EscalationLevel::None && m_levelSet[w] == m_level)
            levelEvents << e.id;
        for (const std::size_t v : inForce) {
            if (v != w && m_levelSet[v] != m_levelSet[w] && concurrent(v, w))
                conflict.insert(e.id);
        }
        if (e.kind != Kind::Escalate)
            continue;
        bool acknowledged = false;
        for (std::size_t r = 0; r < n; ++r) {
            if (m_events[r].kind == Kind::Resolve && !testBit(m_ancestors[w], r) && !duringResolve.contains(e.id))
                duringResolve << e.id;
            if (m_events[r].kind == Kind::Acknowledge && testBit(m_ancestors[r], w))
                acknowledged = true;
        }
        if (!acknowledged)
            unacknowledged << e.id;
    }
    m_levelEvents = levelEvents;
    m_escalationsDuringResolve = duringResolve;
    m_levelConflictEvents = QStringList(conflict.begin(), conflict.end());
    m_levelConflictEvents.sort();
    m_unacknowledgedEscalations = unacknowledged;

    // Open / resolved.
    m_resolved = anyResolve;
    for (std::size_t pos = 0; m_resolved && pos < n; ++pos) {
        if (opensCase(m_events[pos].kind) && !testBit(resolvesSeen, pos))
            m_resolved = false;
    }

    // Acknowledgements, hand-overs, reviews, notes, heads.
    m_acknowledgements.clear();
    m_acknowledgedBy.clear();
    QSet<QString> holders;
    m_outstandingRequests.clear();
    m_outstandingNeeded.clear();
    m_lastNote = -1;
    m_heads.clear();
    for (std::size_t pos = 0; pos < n; ++pos) {
        const CaseEvent& e = m_events[pos];
        if (!hasChild[pos])
            m_heads << e.id;
        switch (e.kind) {
        case Kind::Acknowledge:
            m_acknowledgements.push_back(static_cast<int>(pos));
            if (!m_acknowledgedBy.contains(e.actor))
                m_acknowledgedBy << e.actor;
            break;
        case Kind::Note:
            m_lastNote = static_cast<int>(pos);
            break;
        case Kind::HandOver: {
            bool superseded = false;
            for (std::size_t later = 0; later < n && !superseded; ++later)
                superseded = m_events[later].kind == Kind::HandOver && testBit(m_ancestors[later], pos);
            if (!superseded)
                holders.insert(e.handOverTo);
            break;
        }
        case Kind::RequestReview:
        case Kind::ReviewNeeded: {
            bool answered = false;
            for (std::size_t later = 0; later < n && !answered; ++later) {
                const CaseEvent& a = m_events[later];
                answered = testBit(m_ancestors[later], pos)
                    && (a.kind == Kind::Resolve || (answersReview(a.kind) && a.actor != e.actor));
            }
            if (!answered)
                (e.kind == Kind::RequestReview ? m_outstandingRequests : m_outstandingNeeded) << e.id;
            break;
        }
        case Kind::Escalate:
        case Kind::Resolve:
        case Kind::DeEscalate:
            break;
        }
    }
    m_heads.sort();
    m_holders = QStringList(holders.begin(), holders.end());
    m_holders.sort();
    m_missingParents = QStringList(missing.begin(), missing.end());
    m_missingParents.sort();
}

const CaseEvent* CaseState::event(const QString& id) const
{
    const auto it = m_position.constFind(id);
    return it == m_position.constEnd() ? nullptr : &m_events[static_cast<std::size_t>(*it)];
}

bool CaseState::seen(const QString& later, const QString& earlier) const
{
    const auto l = m_position.constFind(later);
    const auto e = m_position.constFind(earlier);
    if (l == m_position.constEnd() || e == m_position.constEnd())
        return false;
    return testBit(m_ancestors[static_cast<std::size_t>(*l)], static_cast<std::size_t>(*e));
}

QStringList CaseState::parentsForNewEvent() const
{
    if (m_heads.size() <= CaseEvent::kMaxParents)
        return m_heads;
    std::vector<int> positions;
    for (const QString& head : m_heads)
        positions.push_back(m_position.value(head));
    std::sort(positions.begin(), positions.end(), std::greater<>());
    QStringList latest;
    for (std::size_t i = 0; i < static_cast<std::size_t>(CaseEvent::kMaxParents); ++i)
        latest << m_events[static_cast<std::size_t>(positions[i])].id;
    latest.sort();
    return latest;
}

EscalationLevel CaseState::levelSeenBy(const QString& id) const
{
    const auto it = m_position.constFind(id);
    return it == m_position.constEnd() ? EscalationLevel::None : m_levelSeen[static_cast<std::size_t>(*it)];
}

std::optional<EscalationLevel> CaseState::levelSetBy(const QString& id) const
{
    const auto it = m_position.constFind(id);
    if (it == m_position.constEnd() || !setsLevel(m_events[static_cast<std::size_t>(*it)].kind))
        return std::nullopt;
    return m_levelSet[static_cast<std::size_t>(*it)];
}

std::vector<const CaseEvent*> CaseState::acknowledgements() const
{
    std::vector<const CaseEvent*> out;
    out.reserve(m_acknowledgements.size());
    for (const int pos : m_acknowledgements)
        out.push_back(&m_events[static_cast<std::size_t>(pos)]);
    return out;
}

const CaseEvent* CaseState::lastNote() const
{
    return m_lastNote < 0 ? nullptr : &m_events[static_cast<std::size_t>(m_lastNote)];
}

CaseState::Changes CaseState::changesSince(const CaseState& earlier) const
{
    Changes c;
    for (const CaseEvent& e : m_events) {
        if (!earlier.contains(e.id))
            c.newEvents.push_back(e);
    }
    c.levelBefore = earlier.level();
    c.levelAfter = level();
    c.resolvedBefore = earlier.isResolved();
    c.resolvedAfter = isResolved();
    c.holdersBefore = earlier.holders();
    c.holdersAfter = holders();
    c.reviewOutstandingBefore = earlier.reviewRequested() || earlier.reviewNeeded();
    c.reviewOutstandingAfter = reviewRequested() || reviewNeeded();
    c.escalatedWhileResolvingBefore = earlier.escalatedWhileResolving();
    c.escalatedWhileResolvingAfter = escalatedWhileResolving();
    return c;
}

} // namespace vigil::clinical
