#include "caseevent.h"

#include <QSet>
#include <QUuid>

#include <array>

namespace vigil::clinical {

namespace {

constexpr std::array<const char*, CaseEvent::kKindCount> kKindKeys{
    "acknowledge", "note", "request-review", "review-needed", "escalate", "hand-over", "resolve", "de-escalate"};

bool blank(const QString& s)
{
    return s.trimmed().isEmpty();
}

} // namespace

QString CaseEvent::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool CaseEvent::isCanonicalId(QStringView id)
{
    if (id.size() != 36)
        return false;
    const QUuid uuid = QUuid::fromString(id);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == id;
}

QString CaseEvent::kindKey(Kind kind)
{
    const auto i = static_cast<std::size_t>(kind);
    return i < kKindKeys.size() ? QString::fromLatin1(kKindKeys[i]) : QString();
}

std::optional<CaseEvent::Kind> CaseEvent::kindFromKey(QStringView key)
{
    for (std::size_t i = 0; i < kKindKeys.size(); ++i) {
        if (key == QLatin1String(kKindKeys[i]))
            return static_cast<Kind>(i);
    }
    return std::nullopt;
}

QString CaseEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Acknowledge:
        return tr("Acknowledged");
    case Kind::Note:
        return tr("Note");
    case Kind::RequestReview:
        return tr("Review requested");
    case Kind::ReviewNeeded:
        return tr("Needs review");
    case Kind::Escalate:
        return tr("Escalated");
    case Kind::HandOver:
        return tr("Handed over");
    case Kind::Resolve:
        return tr("Resolved");
    case Kind::DeEscalate:
        return tr("De-escalated");
    }
    return {};
}

QString CaseEvent::auditSummary() const
{
    QString summary = kindKey(kind);
    if (kind == Kind::Escalate || kind == Kind::DeEscalate)
        summary += QStringLiteral(" to ") + escalationLevelKey(level);
    return summary;
}

QStringList CaseEvent::problems() const
{
    QStringList out;
    if (!isCanonicalId(id))
        out << tr("The event has no valid id (a UUID in lower case, without braces).");
    if (blank(patientKey))
        out << tr("The event names no patient.");
    if (blank(workstation))
        out << tr("The event does not say which workstation created it.");
    if (blank(actor))
        out << tr("The event does not say who acted.");
    if (blank(role))
        out << tr("The event does not give the role of the clinician who acted.");
    for (const QString* name : {&patientKey, &workstation, &actor, &role, &handOverTo}) {
        if (name->size() > kMaxNameLength) {
            out << tr("A name or key of the event is longer than %1 characters.").arg(kMaxNameLength);
            break;
        }
    }
    if (time <= 0 || time > kMaxTime)
        out << tr("The event's time is not a valid date and time.");
    if (static_cast<int>(kind) >= kKindCount)
        out << tr("The event is of an unknown kind.");

    for (const QString* t : {&text, &sbar.situation, &sbar.background, &sbar.assessment, &sbar.recommendation}) {
        if (t->size() > kMaxTextLength) {
            out << tr("A text of the event is longer than %1 characters.").arg(kMaxTextLength);
            break;
        }
    }

    switch (kind) {
    case Kind::Note:
        if (blank(text))
            out << tr("A note needs some text.");
        break;
    case Kind::ReviewNeeded:
        if (blank(text))
            out << tr("Marking a case as needing review needs a note saying why.");
        break;
    case Kind::Escalate:
        if (level < kLowestEscalation || level > kHighestEscalation)
            out << tr("An escalation needs a level, from routine review to 999 / emergency department.");
        if (blank(sbar.situation))
            out << tr("An escalation needs the SBAR situation.");
        if (blank(sbar.background))
            out << tr("An escalation needs the SBAR background.");
        if (blank(sbar.assessment))
            out << tr("An escalation needs the SBAR assessment.");
        if (blank(sbar.recommendation))
            out << tr("An escalation needs the SBAR recommendation.");
        break;
    case Kind::DeEscalate:
        if (level >= kHighestEscalation)
            out << tr("A de-escalation goes to a lower level: no escalation, or routine review up to 111 / "
                      "out-of-hours.");
        if (blank(text))
            out << tr("A de-escalation needs a reason.");
        break;
    case Kind::HandOver:
        if (blank(handOverTo))
            out << tr("A hand-over needs the clinician or team the case is handed to.");
        break;
    case Kind::Acknowledge:
    case Kind::RequestReview:
    case Kind::Resolve:
        break;
    }
    if (kind != Kind::Escalate && kind != Kind::DeEscalate && level != EscalationLevel::None)
        out << tr("Only an escalation or a de-escalation has a level.");
    if (kind != Kind::Escalate && !sbar.isEmpty())
        out << tr("Only an escalation has an SBAR.");
    if (kind != Kind::HandOver && !handOverTo.isEmpty())
        out << tr("Only a hand-over names whom the case is handed to.");
    if (recordingTime != 0 && kind != Kind::Note)
        out << tr("Only a note refers to a time in the recording.");
    if (recordingTime < 0 || recordingTime > kMaxTime)
        out << tr("The recording time the note refers to is not a valid date and time.");

    if (parents.size() > kMaxParents)
        out << tr("The event lists more than %1 earlier events.").arg(kMaxParents);
    QSet<QString> seen;
    for (const QString& parent : parents) {
        if (!isCanonicalId(parent)) {
            out << tr("An earlier event the event refers to has no valid id.");
            break;
        }
        if (parent == id) {
            out << tr("An event cannot follow itself.");
            break;
        }
        if (seen.contains(parent)) {
            out << tr("The event lists an earlier event twice.");
            break;
        }
        seen.insert(parent);
    }
    return out;
}

} // namespace vigil::clinical
