#pragma once

#include <optional>
#include <span>

namespace vigil::signal {

// Rates derived from waveforms (issue 5: vital signs "derived from waveforms"), over a stretch of
// recent signal (e.g. the last 10 s of ECG or pleth, the last 30-60 s of resp):
// - heart rate from the ECG: beats by QrsDetector, 60 / the median RR interval;
// - pulse rate from the pleth: systolic peaks of the 0.5-8 Hz band (at least 0.27 s apart, above
//   half the band's robust amplitude), 60 / the median interval;
// - respiration rate from the resp (impedance) wave: breath peaks of the 0.05-1 Hz band (at least
//   1.5 s apart, above half its robust amplitude), 60 / the median interval.
// nullopt when the stretch holds too few events (fewer than 4 beats, 3 breaths) or is mostly
// invalid (NaN): a derived value is only offered when it can be trusted.
class RateEstimator final
{
public:
    [[nodiscard]] static std::optional<double> heartRate(std::span<const double> ecgMillivolts, double sampleRateHz);
    [[nodiscard]] static std::optional<double> pulseRate(std::span<const double> pleth, double sampleRateHz);
    [[nodiscard]] static std::optional<double> respirationRate(std::span<const double> resp, double sampleRateHz);
};

} // namespace vigil::signal
