#include "plethmodel.h"

#include "rng.h"

#include <algorithm>
#include <cmath>

namespace vigil::sim {

namespace {

// Pulse shape (s, relative amplitudes); the arrival (tau = 0) is the steepest upstroke point,
// which for the rising half-Gaussian is one sigma before the peak.
constexpr double kSystolicPeak = 0.06;
constexpr double kSystolicRise = 0.06;
constexpr double kSystolicFall = 0.09;
constexpr double kDiastolicPeak = 0.32;
constexpr double kDiastolicSigma = 0.06;
constexpr double kDiastolicAmplitude = 0.45;
constexpr double kRunOffAmplitude = 0.3;
constexpr double kRunOffTime = 0.5;

// Output scaling to about 0..1.
constexpr double kOffset = 0.05;
constexpr double kGain = 0.72;
constexpr double kNoise = 0.003;

// Window of tau where a pulse is evaluated.
constexpr double kEarliest = -0.3;
constexpr double kLatest = 3.0;

} // namespace

PlethModel::PlethModel(quint64 noiseKey)
    : m_noiseKey(noiseKey)
{ }

double PlethModel::pulse(double tau)
{
    if (tau < kEarliest || tau > kLatest)
        return 0.0;
    const double sigma = tau < kSystolicPeak ? kSystolicRise : kSystolicFall;
    const double zs = (tau - kSystolicPeak) / sigma;
    const double zd = (tau - kDiastolicPeak) / kDiastolicSigma;
    double v = 0.0;
    if (zs > -6.0 && zs < 6.0)
        v += std::exp(-0.5 * zs * zs);
    if (zd > -6.0 && zd < 6.0)
        v += kDiastolicAmplitude * std::exp(-0.5 * zd * zd);
    // Run-off: switched on smoothly with the upstroke, then decays exponentially.
    const double onset = 1.0 / (1.0 + std::exp(-tau / 0.025));
    v += kRunOffAmplitude * onset * std::exp(-std::max(tau, 0.0) / kRunOffTime);
    return v;
}

float PlethModel::sample(const std::deque<Beat>& beats, size_t& cursor, qint64 index, core::Timestamp relUs) const
{
    while (cursor < beats.size() && beats[cursor].rTime < relUs - kLookBehindUs)
        ++cursor;
    const double t = static_cast<double>(relUs) * 1e-6;
    double v = 0.0;
    for (size_t i = cursor; i < beats.size(); ++i) {
        const Beat& beat = beats[i];
        const double tau = t - static_cast<double>(beat.rTime) * 1e-6 - beat.pulseTransit;
        if (tau < kEarliest)
            break;
        v += beat.pulseAmplitude * pulse(tau);
    }
    v = kOffset + kGain * v + kNoise * Rng::hashNormal(m_noiseKey, static_cast<quint64>(index));
    return static_cast<float>(v);
}

} // namespace vigil::sim
