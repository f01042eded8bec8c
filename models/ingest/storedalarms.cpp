#include "storedalarms.h"

#include <algorithm>

namespace vigil::ingest {

store::AlarmRecord StoredAlarms::record(const clinical::AlarmEngine::Change& change)
{
    using Kind = clinical::AlarmEngine::Change::Kind;
    const clinical::Alarm& a = change.alarm;
    store::AlarmRecord r;
    r.raisedAt = a.raisedAt;
    r.endedAt = change.kind == Kind::Ended ? change.at : 0;
    r.priority = std::clamp(static_cast<int>(a.priority) - static_cast<int>(clinical::AlarmPriority::Low), 0, 2);
    r.code = a.conditionKey();
    r.text = a.text();
    if (change.kind == Kind::Ended)
        r.state = QStringLiteral("ended");
    else if (a.latched)
        r.state = QStringLiteral("latched");
    else if (a.acknowledged)
        r.state = QStringLiteral("acknowledged");
    else if (a.escalated)
        r.state = QStringLiteral("escalated");
    else
        r.state = QStringLiteral("active");
    return r;
}

} // namespace vigil::ingest
