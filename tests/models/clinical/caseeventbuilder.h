#pragma once

// Hand-made case histories for the tests: events with readable, deterministic ids
// ("00000000-0000-4000-8000-000000000017" for 17) and every mandatory field filled.
#include "clinical/caseevent.h"

#include <QStringList>

namespace vigil::clinical::test {

inline QString eventId(int n)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
}

class CaseEventBuilder
{
public:
    explicit CaseEventBuilder(QString patientKey = QStringLiteral("case-patient"))
        : m_patientKey(std::move(patientKey))
    { }

    static constexpr core::Timestamp kT0 = 1'760'000'000'000'000;

    // An event `n` of `kind` by `actor` at kT0 + `minute` minutes, after `parents` (event numbers).
    CaseEvent make(
        int n, CaseEvent::Kind kind, const QString& actor, int minute, std::initializer_list<int> parents = {}) const
    {
        CaseEvent e;
        e.id = eventId(n);
        e.patientKey = m_patientKey;
        e.workstation = QStringLiteral("ws-") + actor;
        e.actor = actor;
        e.role = QStringLiteral("community nurse");
        e.time = kT0 + core::Timestamp(minute) * 60 * core::kMicrosPerSecond;
        e.kind = kind;
        for (const int p : parents)
            e.parents << eventId(p);
        switch (kind) {
        case CaseEvent::Kind::Note:
            e.text = QStringLiteral("note %1").arg(n);
            break;
        case CaseEvent::Kind::ReviewNeeded:
            e.text = QStringLiteral("needs review %1").arg(n);
            break;
        case CaseEvent::Kind::DeEscalate:
            e.text = QStringLiteral("reason %1").arg(n);
            break;
        case CaseEvent::Kind::HandOver:
            e.handOverTo = QStringLiteral("team");
            break;
        case CaseEvent::Kind::Escalate:
            e.level = EscalationLevel::RoutineReview;
            e.sbar = {QStringLiteral("situation"), QStringLiteral("background"), QStringLiteral("assessment"),
                QStringLiteral("recommendation")};
            break;
        case CaseEvent::Kind::Acknowledge:
        case CaseEvent::Kind::RequestReview:
        case CaseEvent::Kind::Resolve:
            break;
        }
        return e;
    }

    CaseEvent escalate(
        int n, EscalationLevel level, const QString& actor, int minute, std::initializer_list<int> parents = {}) const
    {
        CaseEvent e = make(n, CaseEvent::Kind::Escalate, actor, minute, parents);
        e.level = level;
        return e;
    }
    CaseEvent deEscalate(
        int n, EscalationLevel level, const QString& actor, int minute, std::initializer_list<int> parents = {}) const
    {
        CaseEvent e = make(n, CaseEvent::Kind::DeEscalate, actor, minute, parents);
        e.level = level;
        return e;
    }
    CaseEvent handOver(
        int n, const QString& to, const QString& actor, int minute, std::initializer_list<int> parents = {}) const
    {
        CaseEvent e = make(n, CaseEvent::Kind::HandOver, actor, minute, parents);
        e.handOverTo = to;
        return e;
    }

private:
    QString m_patientKey;
};

} // namespace vigil::clinical::test
