#pragma once

#include "clinical/news2assessor.h"
#include "core/timestamp.h"
#include "core/vitalsigns.h"
#include "live/wardmonitor.h"

#include <array>
#include <atomic>
#include <deque>
#include <vector>

namespace vigil::store {
class StoreReader;
}

namespace vigil::review {

// The trends of the review window (issue 6): a patient's stored vitals over a range, and NEWS2 over
// the same range, worked out again from those vitals the way the ward monitor scores live (the
// latest reading of each parameter within the freshness window, clinical::News2Assessor).
//
// Vitals: at most `maxPoints` per kind; a longer run is thinned to the first, lowest and highest
// reading of each of maxPoints / 3 equal slices, so no extreme reading disappears from the chart.
// NEWS2: one point per step (a minute, or longer so there are at most `maxNews2Points`); a set that
// is not complete has no total, only the range of totals its missing parameters allow (CLINICAL.md
// NEWS2 rule 5). The cache keeps device and derived readings; consciousness and air/oxygen are
// clinician entries, so a review of a device-only recording shows incomplete sets with their range.
class TrendHistory final
{
public:
    struct Config
    {
        int maxPoints = 3000;
        int maxNews2Points = 1440;
        clinical::News2Assessor::Config news2;
        clinical::News2::Scale scale = clinical::News2::Scale::One;
        // Set from another thread to stop early (read() then returns what it has: discard it).
        const std::atomic<bool>* cancel = nullptr;
    };

    std::array<std::vector<core::Measurement>, core::kVitalKindCount> vitals;
    std::deque<live::WardMonitor::HistoryPoint> news2;
    qint64 vitalsRead = 0; // rows read from the cache (before thinning)

    [[nodiscard]] static TrendHistory read(
        store::StoreReader& reader, qint64 patientId, core::Timestamp from, core::Timestamp to, const Config& config);
    [[nodiscard]] static TrendHistory read(
        store::StoreReader& reader, qint64 patientId, core::Timestamp from, core::Timestamp to);

    // The thinning rule (tests): `points` in time order to at most `maxPoints`.
    [[nodiscard]] static std::vector<core::Measurement> thin(
        const std::vector<core::Measurement>& points, int maxPoints);
};

} // namespace vigil::review
