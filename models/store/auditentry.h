#pragma once

#include "core/timestamp.h"

#include <QString>

namespace vigil::store {

// One audit log row: who did what, to which patient, when. `detail` must not repeat identifying
// data (the patient is referenced by id); the audit log itself is inside the encrypted cache.
struct AuditEntry
{
    core::Timestamp time = 0;
    QString actor; // user name, or "system"
    QString role; // e.g. "community nurse", "system"
    QString action; // e.g. "cache.unlock", "cache.rekey", "export", "review.open"
    qint64 patientId = 0; // 0: none
    QString detail;
};

} // namespace vigil::store
