#pragma once

#include "core/timestamp.h"

#include <QByteArray>
#include <QString>

namespace vigil::store {

// A clinical case event (clinical::CaseEvent) as the cache keeps it in `clinical_event`: the columns
// the store indexes and audits, and the event itself as an opaque payload (its FHIR JSON,
// codec::CaseEventFhir, the same bytes that are published). The store does not read the payload, so
// it needs neither the clinical model nor its wire format: the caller encodes and decodes.
struct CaseEventRecord
{
    QString uuid; // the event's id: the idempotency key across workstations
    qint64 patientId = 0; // patient row id; filled in by StoreReader (ignored when writing)
    core::Timestamp time = 0; // the event's time (µs UTC, on the workstation that created it)
    QString kind; // CaseEvent::kindKey(), e.g. "escalate"; the audit action is "case.<kind>"
    QString actor;
    QString role;
    QByteArray payload; // UTF-8 JSON
    QString origin; // the workstation that created the event
    // For the audit log's detail (CaseEvent::auditSummary(), e.g. "escalate to emergency-999"): no
    // free text, no names. Not stored in clinical_event (empty when read back).
    QString auditSummary;

    bool operator==(const CaseEventRecord&) const = default;
};

} // namespace vigil::store
