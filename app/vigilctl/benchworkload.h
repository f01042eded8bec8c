#pragma once

#include "core/streamkind.h"
#include "core/timestamp.h"
#include "core/vitalsigns.h"

#include <array>
#include <tuple>
#include <vector>

namespace vigil::app {

// One simulated minute per patient, generated once before a benchmark times anything and replayed
// with shifted times, so benchmarks measure the code under test, not the simulator.
struct BenchWorkload
{
    static constexpr core::Timestamp kStart = 1'767'225'600'000'000; // 2026-01-01T00:00:00Z

    // [patient][stream] → one minute of digital samples (store::StreamDescriptor::forLiveStream);
    // vitals as (offset from kStart, kind, value).
    std::vector<std::array<std::vector<qint32>, core::kStreamCount>> samples;
    std::vector<std::vector<std::tuple<core::Timestamp, core::VitalKind, double>>> vitals;

    [[nodiscard]] static BenchWorkload simulateMinute(int patients);
    // The q-quantile (0..1) by the nearest-rank method; 0 for no values.
    [[nodiscard]] static double percentile(std::vector<double> values, double q);
};

} // namespace vigil::app
