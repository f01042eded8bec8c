#pragma once

#include "core/timestamp.h"
#include "live/patientfeed.h"

namespace vigil::live {
class LiveHub;
}
namespace vigil::store {
class Cache;
class StoreReader;
struct StoreError;
} // namespace vigil::store

namespace vigil::ingest {

// Fills the LiveHub from the cache when Vigil starts, so reopening shows the recent past: a feed for
// every stored patient (with its stored identity; an existing feed with the same id is reused), the
// last kWaveformSeconds of each waveform into the feed's rings (digital → physical with the stream's
// StreamDescriptor; invalid samples become NaN, "no data"), the last kVitalsHours of vitals into
// the latest values and trends, and the latest device status. "Last" is measured from the patient's
// newest stored datum, not from now: data stored hours ago still comes back, with its true age.
//
// Call on the GUI thread before any source starts writing into the hub (feeds drop samples older
// than what they already hold, and the hub's set of patients is fixed once sources run).
class StoreHistory final
{
public:
    static constexpr int kWaveformSeconds = live::PatientFeed::kRingSeconds;
    static constexpr int kVitalsHours = live::PatientFeed::kTrendHours;

    struct Summary
    {
        int patients = 0; // stored patients, each now in the hub
        int feedsAdded = 0; // of which were not in the hub before
        qint64 samples = 0; // waveform samples loaded
        qint64 vitals = 0; // vital measurements loaded
        core::Timestamp lastData = 0; // newest stored sample or vital over all patients (0: none)
    };

    // Returns false (and *error) when the store could not be read; feeds added until then remain.
    static bool load(
        store::StoreReader& reader, live::LiveHub& hub, Summary* summary = nullptr, store::StoreError* error = nullptr);
    // The same on a reader of its own, closed again before returning.
    static bool load(
        const store::Cache& cache, live::LiveHub& hub, Summary* summary = nullptr, store::StoreError* error = nullptr);
};

} // namespace vigil::ingest
