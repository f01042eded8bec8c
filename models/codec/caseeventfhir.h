#pragma once

#include "clinical/caseevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace vigil::codec {

// A clinical::CaseEvent as FHIR R4 JSON, as published on `vigil/v1/<site>/events` and read back
// from other workstations (ARCHITECTURE.md, "Wire contract"; CLINICAL.md: alerts -> Flag, actions ->
// Task / CommunicationRequest).
//
//   Escalate, ReviewNeeded          Bundle (type "collection") of a Flag (status active; code: the
//                                   escalation level, or review-needed) and a Task (status requested)
//   RequestReview                   Task, status requested, businessStatus review-requested
//   Acknowledge, HandOver, Resolve,
//   DeEscalate                      Task, status completed, businessStatus acknowledged / handed-over /
//                                   resolved / de-escalated; HandOver's target is Task.owner
//   Note                            Communication, status completed, the note as payload.contentString
//
// Every field of the event is carried, so decode(encode(e)) == e:
//   id           identifier {system "urn:ietf:rfc:3986", value "urn:uuid:<id>"}, and the resource id
//   patient      Task.for / Communication.subject / Flag.subject: "Patient/<patient key>"
//   time         Task.authoredOn / Communication.sent / Flag.period.start, UTC with microseconds
//   actor        Task.requester / Communication.sender / Flag.author: identifier (system
//                https://vigil.example.nhs.uk/fhir/Id/user) and display
//   text         Task.note[0].text (Communication: the payload)
//   Vigil extensions (https://vigil.example.nhs.uk/fhir/StructureDefinition/...):
//     case-event-kind (valueCode: CaseEvent::kindKey), case-event-workstation (valueString),
//     case-event-role (valueString), case-event-parent (valueUri "urn:uuid:<id>", one per parent, in
//     order), escalation-level (valueCoding, system .../CodeSystem/escalation-level; Escalate and
//     DeEscalate), sbar (complex: situation, background, assessment, recommendation as valueString;
//     Escalate).
// The Task (or Communication) is what decode() reads; a Flag beside it must carry the same id.
//
// decode() is strict: the input is untrusted (another workstation, a broker). Anything that is not
// such a resource, a missing or repeated field, a status that does not match the kind, or an event
// that breaks CaseEvent's rules is refused with a reason in English, and the caller quarantines the
// message. Unknown extensions are ignored. Thread-safe (no state).
class CaseEventFhir final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::CaseEventFhir)
public:
    static constexpr qsizetype kMaxPayloadBytes = 1 << 20;

    [[nodiscard]] static QByteArray encode(const clinical::CaseEvent& event);
    [[nodiscard]] static std::optional<clinical::CaseEvent> decode(QByteArrayView json, QString* error = nullptr);

    // The dateTime form used: "2026-01-01T08:30:00.123456Z" (UTC, six fraction digits).
    [[nodiscard]] static QString dateTime(core::Timestamp t);
};

} // namespace vigil::codec
