#pragma once

#include "core/timestamp.h"

namespace vigil::store {

// How long the cache keeps data (defaults: 72 h of waveforms, 30 days of vitals and events), and
// how pruning is paced: at most `rowsPerStep` rows per step, a step every `stepIntervalUs`, each in
// its own short transaction on the writer's thread, so ingest never waits long. The audit log and
// unpublished outbox rows are never pruned. Clinical (case) events go a whole case at a time, and
// only once the case's last event is a resolution older than `vitalsAndEventsUs`: an open case, and
// the escalation in force in it, is never pruned.
struct RetentionPolicy
{
    core::Timestamp waveformsUs = 72LL * 3600 * core::kMicrosPerSecond;
    core::Timestamp vitalsAndEventsUs = 30LL * 24 * 3600 * core::kMicrosPerSecond;
    int rowsPerStep = 2000;
    core::Timestamp stepIntervalUs = 5 * core::kMicrosPerSecond;
};

} // namespace vigil::store
