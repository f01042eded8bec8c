#pragma once

#include "clinical/alarmlimits.h"

#include <QString>

#include <map>

namespace vigil::store {
class StoreReader;
class StoreWriter;
} // namespace vigil::store

namespace vigil::ingest {

// Per-patient alarm limits a clinician set (clinical::AlarmLimits), kept in the cache's settings as
// JSON under "alarm-limits/<patient key>", so a restart never silently returns a patient to the
// programme's defaults. A stored set that does not read back (AlarmLimits::fromJson is strict) is
// counted and logged without its content, and that patient gets the defaults.
class StoredAlarmLimits final
{
public:
    static constexpr QLatin1String kPrefix{"alarm-limits/"};

    static quint64 save(store::StoreWriter& writer, const QString& patientKey, const clinical::AlarmLimits& limits);
    // By patient key; `unreadable` counts the sets that could not be read.
    [[nodiscard]] static std::map<QString, clinical::AlarmLimits> load(
        store::StoreReader& reader, int* unreadable = nullptr);
};

} // namespace vigil::ingest
