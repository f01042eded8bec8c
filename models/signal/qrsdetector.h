#pragma once

#include <span>
#include <vector>

namespace vigil::signal {

// QRS detection after Pan and Tompkins (IEEE Trans Biomed Eng 1985;32:230-6), for a whole stretch
// of one ECG lead in mV (a recording, or the last seconds of a live feed):
//  1. band-pass 5-15 Hz (second-order Butterworth high- and low-pass, run forwards and backwards, so
//     nothing is delayed), the five-point derivative, squaring, and a 150 ms moving-window
//     integration (centred);
//  2. peaks of the integrated signal at least 200 ms apart (the refractory period) are classified
//     with two adaptive thresholds (signal and noise levels, 1/8 update); a peak within 360 ms of the
//     last QRS whose steepest slope is under half that QRS's is a T wave; when no QRS came for 1.66
//     times the average RR, the largest skipped peak above the second threshold is taken (search back);
//  3. each beat is placed on the largest deflection of the band-passed ECG within 100 ms of its
//     integrated peak (the R wave, or the S wave when that is larger).
// Invalid samples (NaN: lead off, gaps) are flattened to the baseline. Not thread-safe; cheap to
// construct.
class QrsDetector final
{
public:
    struct Config
    {
        double sampleRateHz = 360;
        double refractoryS = 0.200;
        double tWaveWindowS = 0.360;
        double searchBackFactor = 1.66;
        double integrationWindowS = 0.150;
        double learningS = 2.0; // thresholds are primed from the first seconds
    };

    explicit QrsDetector(Config config);

    // Sample indices of the detected beats, in order.
    [[nodiscard]] std::vector<long long> detect(std::span<const double> millivolts) const;

private:
    Config m_config;
};

} // namespace vigil::signal
