#include "benchworkload.h"

#include "sim/patientsimulator.h"
#include "store/streamdescriptor.h"

#include <algorithm>
#include <cmath>

namespace vigil::app {

BenchWorkload BenchWorkload::simulateMinute(int patients)
{
    BenchWorkload minute;
    minute.samples.resize(static_cast<std::size_t>(patients));
    minute.vitals.resize(static_cast<std::size_t>(patients));
    for (int p = 0; p < patients; ++p) {
        sim::PatientSimulator simulator(7, p, sim::Scenario::Stable, kStart);
        const sim::SimulationBatch batch = simulator.advanceTo(kStart + 60 * core::kMicrosPerSecond);
        for (core::StreamKind kind : core::kAllStreams) {
            const auto s = static_cast<std::size_t>(core::streamIndex(kind));
            const store::StreamDescriptor d = store::StreamDescriptor::forLiveStream(kind);
            for (const auto& run : batch.streams[s])
                for (float v : run.samples)
                    minute.samples[static_cast<std::size_t>(p)][s].push_back(d.toDigital(v));
        }
        for (const auto& v : batch.vitals)
            minute.vitals[static_cast<std::size_t>(p)].emplace_back(
                v.measurement.time - kStart, v.kind, v.measurement.value);
    }
    return minute;
}

double BenchWorkload::percentile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size()))) - 1;
    return values[std::min(index, values.size() - 1)];
}

} // namespace vigil::app
