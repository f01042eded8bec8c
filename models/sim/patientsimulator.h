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

    // In time order: the initial state (at startTime, in the first non-empty batch), then one
    // whenever lead-off/online changes. batteryPercent is the patient's (constant) battery level.
    std::vector<core::DeviceStatus> statusChanges;
    // Ground-truth R-wave times of the beats in this interval (also while the lead is off; none
    // while the device is offline). The HR vital is averaged from exactly these beats.
    std::vector<core::Timestamp> rPeaks;
};

// Deterministic physiological simulator for one patient: the same (seed, patientIndex, scenario,
// startTime) always gives bit-identical output, however advanceTo() calls split the time (own PRNG
// and distributions, no std:: distributions, so the random streams are the same on every platform;
// the waveform maths uses <cmath>, whose last-bit rounding may differ between C libraries).
// Vitals: HR every 1 s (mean of the last 8 RR intervals, reported also while the lead is off, as
// the pulse rate would be), SpO2 every 1 s, RR every 5 s (breaths in the last 30 s), NIBP every
// 5 min and temperature every 60 s, all first at startTime; none while the device is offline.
// Not thread-safe; one instance per patient, used from one thread.
class PatientSimulator final
{
public:
    PatientSimulator(quint64 seed, int patientIndex, Scenario scenario, core::Timestamp startTime);
    ~PatientSimulator();
    PatientSimulator(const PatientSimulator&) = delete;
    PatientSimulator& operator=(const PatientSimulator&) = delete;

    // Generates every sample with time in [previous until, until) and the vitals/status events due.
    // The first call starts at startTime; an `until` at or before the previous one returns nothing.
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
