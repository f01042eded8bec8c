#pragma once

#include "core/timestamp.h"

#include <QString>

namespace vigil::store {

// One alarm episode (clinical::Alarm) as the cache keeps it in `alarm`: one row per episode,
// identified by (patient, code, raisedAt); StoreWriter::appendAlarm inserts it the first time and
// updates its end, priority, text and state after that. The store does not know the clinical model:
// the caller maps its alarm onto these fields.
struct AlarmRecord
{
    qint64 patientId = 0; // patient row id (0: a workstation alarm); filled in by StoreReader
    core::Timestamp raisedAt = 0; // µs UTC
    core::Timestamp endedAt = 0; // µs UTC; 0 while the episode is still active
    int priority = 0; // 0 low, 1 medium, 2 high (what it signals now)
    QString code; // the condition, e.g. "spo2-low", "stale-feed" (clinical::Alarm::conditionKey())
    QString text; // what happened, without patient identity (clinical::Alarm::text())
    QString state; // "active", "acknowledged", "latched", "escalated", "ended"

    bool operator==(const AlarmRecord&) const = default;
};

} // namespace vigil::store
