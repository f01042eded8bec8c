#pragma once

#include "beat.h"
#include "core/timestamp.h"

#include <array>
#include <deque>

namespace vigil::sim {

struct PatientParameters;

// ECG lead II (mV) as a sum of Gaussian waves per beat, after McSharry et al., "A dynamical model
// for generating synthetic electrocardiogram signals" (IEEE TBME 2003), written in time offsets
// from the R wave rather than angles. The T wave scales with the square root of the preceding RR
// (Bazett). Adds baseline wander, noise and, in atrial fibrillation, fibrillatory waves.
// Only the beats within kLookAheadUs / kLookBehindUs of a sample are evaluated.
class EcgModel final
{
public:
    EcgModel(const PatientParameters& parameters, bool atrialFibrillation, quint64 noiseKey);

    // Value at sample `index` (time relUs = index * period). `cursor` indexes `beats` and only
    // moves forward: start it at beats.firstAtOrAfter(relUs - kLookBehindUs) and reuse it for
    // the following samples of the same run.
    [[nodiscard]] float sample(
        const std::deque<Beat>& beats, size_t& cursor, qint64 index, core::Timestamp relUs) const;

    // A beat influences the ECG from kLookAheadUs before its R wave to kLookBehindUs after it.
    static constexpr core::Timestamp kLookAheadUs = 350 * core::kMicrosPerMilli;
    static constexpr core::Timestamp kLookBehindUs = 750 * core::kMicrosPerMilli;

private:
    [[nodiscard]] double beatValue(const Beat& beat, double dt) const;

    double m_pCentre;
    double m_pAmplitude;
    double m_qAmplitude;
    double m_rAmplitude;
    double m_sAmplitude;
    double m_tAmplitude;
    double m_wanderAmplitude;
    double m_wanderFrequency;
    double m_wanderPhase;
    std::array<double, 3> m_fibrillationPhase;
    bool m_atrialFibrillation;
    quint64 m_noiseKey;
};

} // namespace vigil::sim
