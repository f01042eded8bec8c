#include "ecgmodel.h"

#include "patientparameters.h"
#include "rng.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace vigil::sim {

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

// exp(-x^2 / (2 sigma^2)), skipped beyond 5 sigma where it is below 4e-6.
inline double gaussian(double x, double sigma)
{
    const double z = x / sigma;
    if (z > 5.0 || z < -5.0)
        return 0.0;
    return std::exp(-0.5 * z * z);
}

// Wave widths (s). QRS about 90 ms, P about 100 ms.
constexpr double kPSigma = 0.022;
constexpr double kQCentre = -0.028;
constexpr double kQSigma = 0.008;
constexpr double kRSigma = 0.010;
constexpr double kSCentre = 0.028;
constexpr double kSSigma = 0.009;
// T wave at RR = 1 s: peak 250 ms after R, slower upslope than downslope; QT about 400 ms.
constexpr double kTCentre = 0.25;
constexpr double kTSigmaRise = 0.06;
constexpr double kTSigmaFall = 0.04;

constexpr double kNoiseMv = 0.008;
constexpr double kFibrillationMv = 0.045;

} // namespace

EcgModel::EcgModel(const PatientParameters& parameters, bool atrialFibrillation, quint64 noiseKey)
    : m_pCentre(-(parameters.prInterval - 0.01)) // P onset to QRS onset is the PR interval
    , m_pAmplitude(parameters.pAmplitude)
    , m_qAmplitude(parameters.qAmplitude)
    , m_rAmplitude(parameters.rAmplitude)
    , m_sAmplitude(parameters.sAmplitude)
    , m_tAmplitude(parameters.tAmplitude)
    , m_wanderAmplitude(parameters.wanderAmplitude)
    , m_wanderFrequency(parameters.wanderFrequency)
    , m_wanderPhase(parameters.wanderPhase)
    , m_fibrillationPhase(parameters.fibrillationPhase)
    , m_atrialFibrillation(atrialFibrillation)
    , m_noiseKey(noiseKey)
{ }

double EcgModel::beatValue(const Beat& beat, double dt) const
{
    double v = 0.0;
    if (beat.hasPWave)
        v += m_pAmplitude * gaussian(dt - m_pCentre, kPSigma);
    if (dt > -0.08 && dt < 0.08) {
        v += m_qAmplitude * gaussian(dt - kQCentre, kQSigma);
        v += m_rAmplitude * beat.amplitude * gaussian(dt, kRSigma);
        v += m_sAmplitude * gaussian(dt - kSCentre, kSSigma);
    }
    const double tCentre = kTCentre * beat.qtScale;
    const double tSigma = (dt < tCentre ? kTSigmaRise : kTSigmaFall) * beat.qtScale;
    v += m_tAmplitude * gaussian(dt - tCentre, tSigma);
    return v;
}

float EcgModel::sample(const std::deque<Beat>& beats, size_t& cursor, qint64 index, core::Timestamp relUs) const
{
    while (cursor < beats.size() && beats[cursor].rTime < relUs - kLookBehindUs)
        ++cursor;
    double v = 0.0;
    for (size_t i = cursor; i < beats.size() && beats[i].rTime <= relUs + kLookAheadUs; ++i)
        v += beatValue(beats[i], static_cast<double>(relUs - beats[i].rTime) * 1e-6);

    const double t = static_cast<double>(relUs) * 1e-6;
    v += m_wanderAmplitude * std::sin(kTwoPi * m_wanderFrequency * t + m_wanderPhase);
    v += 0.5 * m_wanderAmplitude * std::sin(kTwoPi * 0.23 * t + 2.0 * m_wanderPhase);
    if (m_atrialFibrillation) {
        // Coarse fibrillatory waves at 4-7 Hz with a slowly varying envelope.
        const double f = std::sin(kTwoPi * 5.7 * t + m_fibrillationPhase[0])
            + 0.6 * std::sin(kTwoPi * 6.8 * t + m_fibrillationPhase[1])
            + 0.4 * std::sin(kTwoPi * 4.4 * t + m_fibrillationPhase[2]);
        v += kFibrillationMv * f * (0.75 + 0.25 * std::sin(kTwoPi * 0.13 * t));
    }
    v += kNoiseMv * Rng::hashNormal(m_noiseKey, static_cast<quint64>(index));
    return static_cast<float>(v);
}

} // namespace vigil::sim
