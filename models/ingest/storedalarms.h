#pragma once

#include "clinical/alarmengine.h"
#include "store/alarmrecord.h"

namespace vigil::ingest {

// Alarm episodes as the cache keeps them (store::AlarmRecord, one row per episode, rewritten at
// each change): the live workstation (ui::MainWindow) and `vigilctl record` write every
// clinical::AlarmEngine change through record(), so the review window can show and jump to them.
class StoredAlarms final
{
public:
    // The episode after `change`: raised at, ended at (0 while it lasts), priority 0 low .. 2 high,
    // the condition key ("spo2-low"), the words without identity (clinical::Alarm::text()), and its
    // state ("active", "escalated", "acknowledged", "latched", "ended").
    [[nodiscard]] static store::AlarmRecord record(const clinical::AlarmEngine::Change& change);
};

} // namespace vigil::ingest
