#pragma once

#include "core/timestamp.h"
#include "escalationlevel.h"
#include "sbar.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil::clinical {

// One action on a patient's case (CLINICAL.md, "Escalation": every step is an event: who, role,
// when, what, to whom, why). Events are append-only and are never edited: a correction is another
// event. They are created on one workstation and exchanged with the others (the FHIR mapping is
// codec::CaseEventFhir), so each carries a globally unique id and the workstation that created it.
//
// Causal context: `parents` are the ids of the latest events of this case its author had seen
// (CaseState::heads() when the action was taken). They tell which actions were taken knowing of
// which others; CaseState uses them to order events and to decide what an action overrides (a
// de-escalation lowers only the escalations it had seen). Their order carries no meaning, but is
// kept as given so that an event survives encoding unchanged.
//
// Plain value type; validate() before storing or publishing.
class CaseEvent final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::clinical::CaseEvent)
public:
    enum class Kind : quint8 {
        Acknowledge, // "I have seen this case"
        Note, // free text (mandatory)
        RequestReview, // asks another clinician to review the case
        ReviewNeeded, // flags the case as needing review; the note saying why is mandatory
        Escalate, // to `level`, with an SBAR (all four parts mandatory)
        HandOver, // the case is handed to `handOverTo`
        Resolve, // closes the case (and its escalation, as far as its author had seen)
        DeEscalate, // explicitly lowers the level to `level`; the reason is mandatory
    };
    static constexpr int kKindCount = 8;

    // Bounds for untrusted input (events arrive from other workstations).
    static constexpr qsizetype kMaxTextLength = 20'000; // characters of any one text field
    static constexpr qsizetype kMaxNameLength = 200; // patient key, workstation, actor, role, hand-over target
    static constexpr qsizetype kMaxParents = 64;
    // The times a FHIR dateTime can carry: 1970-01-01 (exclusive) to the end of 9999, in µs UTC.
    static constexpr core::Timestamp kMaxTime = 253'402'300'799'999'999;

    QString id; // UUID, lower case, without braces (newId())
    QString patientKey; // the patient's source key (as in the store and on the wire)
    QString workstation; // the workstation that created the event
    QString actor; // the clinician (user name)
    QString role; // e.g. "community nurse", "GP"
    core::Timestamp time = 0; // wall-clock time on the creating workstation, µs UTC
    Kind kind = Kind::Note;
    QString text; // the note, reason or comment (mandatory for Note, ReviewNeeded, DeEscalate)
    EscalationLevel level = EscalationLevel::None; // Escalate: RoutineReview..Emergency999;
                                                   // DeEscalate: None..OutOfHours111; else None
    Sbar sbar; // Escalate only
    QString handOverTo; // HandOver only: to whom
    QStringList parents; // ids of the latest events of the case the author had seen
    // Note only: the time in the patient's recording the note is about (an annotation or bookmark made
    // in review, issue 6), µs UTC; 0: none (the note is about the case as a whole).
    core::Timestamp recordingTime = 0;

    // Every rule the event breaks, in English for people (translated); empty when valid. Text that
    // is only white space counts as missing.
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] bool isValid() const { return problems().isEmpty(); }

    // A short description for the audit log: the kind and, where there is one, the level; never the
    // free text, the SBAR or names (the audit detail must not carry identifying data).
    [[nodiscard]] QString auditSummary() const;

    // A fresh id (random UUID, version 4).
    [[nodiscard]] static QString newId();
    // Whether `id` is a UUID written the way newId() writes it (lower case, no braces).
    [[nodiscard]] static bool isCanonicalId(QStringView id);

    // Machine names, stable on the wire and in the store ("acknowledge", "note", "request-review",
    // "review-needed", "escalate", "hand-over", "resolve", "de-escalate"), and names for people.
    [[nodiscard]] static QString kindKey(Kind kind);
    [[nodiscard]] static std::optional<Kind> kindFromKey(QStringView key);
    [[nodiscard]] static QString kindName(Kind kind);

    bool operator==(const CaseEvent&) const = default;
};

} // namespace vigil::clinical
