#pragma once

#include "core/devicestatus.h"
#include "core/patientidentity.h"
#include "core/streamkind.h"
#include "core/timestamp.h"
#include "core/vitalsigns.h"
#include "scenario.h"

#include <memory>
#include <vector>

namespace vigil::sim {

// What one advanceTo() call produced.
struct SimulationBatch
{
    struct Samples
    {
        core::Timestamp firstSampleTime = 0; // time of samples[0]; later ones are one period apart
        std::vector<float> samples; // ECG in mV (NaN while the lead is off); pleth, resp relative
    };
    // Indexed by core::streamIndex(). A stream may produce several runs when the device
    // went offline in the middle of the interval (a gap in time between runs).
    std::array<std::vector<Samples>, core::kStreamCount> streams;

    struct VitalUpdate
    {
        core::VitalKind kind;
        core::Measurement measurement;
    };
    std::vector<VitalUpdate> vitals; // in time order

    std::vector<core::DeviceStatus> statusChanges; // in time order; one whenever lead-off/online changes
    std::vector<core::Timestamp> rPeaks; // R-wave times of beats generated in this interval
};

// Deterministic physiological simulator for one patient: the same (seed, patientIndex, scenario,
// startTime) always gives bit-identical output on every platform (own PRNG distributions, no
// std::normal_distribution). Not thread-safe; one instance per patient, used from one thread.
class PatientSimulator final
{
public:
    PatientSimulator(quint64 seed, int patientIndex, Scenario scenario, core::Timestamp startTime);
    ~PatientSimulator();
    PatientSimulator(const PatientSimulator&) = delete;
    PatientSimulator& operator=(const PatientSimulator&) = delete;

    // Generates every sample with time in [previous until, until) and the vitals/status events due.
    [[nodiscard]] SimulationBatch advanceTo(core::Timestamp until);

    [[nodiscard]] const core::PatientIdentity& identity() const;
    [[nodiscard]] Scenario scenario() const;
    // Heart rate the scenario targets at `time` (/min), before heart-rate variability.
    [[nodiscard]] double configuredHeartRate(core::Timestamp time) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vigil::sim
