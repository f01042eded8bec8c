#include "patientparameters.h"

#include "rng.h"

#include <numbers>

namespace vigil::sim {

PatientParameters PatientParameters::make(quint64 seed, int patientIndex)
{
    // Never reorder or insert draws: each value is tied to its position in the sequence. Append new ones
    // at the end so existing patients keep their physiology.
    Rng rng(Rng::mix(Rng::mix(seed, static_cast<quint64>(patientIndex)), 0x5041524D)); // "PARM"
    PatientParameters p;
    p.heartRate = rng.uniform(60.0, 90.0);
    p.respRate = rng.uniform(12.0, 18.0);
    p.spo2 = rng.uniform(96.5, 98.5);
    p.systolic = rng.uniform(110.0, 140.0);
    p.temperature = rng.uniform(36.5, 37.3);

    p.sepsisHeartRate = rng.uniform(120.0, 130.0);
    p.sepsisRespRate = rng.uniform(26.0, 30.0);
    p.sepsisTemperature = rng.uniform(39.0, 39.4);
    p.sepsisSystolic = rng.uniform(85.0, 91.0);
    p.sepsisSpo2 = rng.uniform(90.0, 92.0);
    p.afHeartRate = rng.uniform(100.0, 120.0);
    p.bradyHeartRate = rng.uniform(40.0, 44.0);
    p.desatNadir = rng.uniform(83.0, 86.0);
    p.desatFirstOnset = rng.uniform(15.0, 50.0);

    p.pAmplitude = rng.uniform(0.12, 0.18);
    p.qAmplitude = -rng.uniform(0.07, 0.12);
    p.rAmplitude = rng.uniform(1.1, 1.3);
    p.sAmplitude = -rng.uniform(0.2, 0.3);
    p.tAmplitude = rng.uniform(0.25, 0.35);
    p.prInterval = rng.uniform(0.14, 0.18);
    p.rsaDepth = rng.uniform(0.025, 0.05);
    p.hrvSd = rng.uniform(0.008, 0.015);
    p.wanderAmplitude = rng.uniform(0.02, 0.05);
    p.wanderFrequency = rng.uniform(0.05, 0.12);
    p.wanderPhase = rng.uniform(0.0, 2.0 * std::numbers::pi);
    for (double& phase : p.fibrillationPhase)
        phase = rng.uniform(0.0, 2.0 * std::numbers::pi);

    p.pulseTransitTime = rng.uniform(0.18, 0.25);
    p.plethAmplitude = rng.uniform(0.85, 1.0);

    p.respAmplitude = rng.uniform(0.75, 0.9);
    p.inspiratoryFraction = rng.uniform(0.36, 0.44);

    p.batteryPercent = 40 + static_cast<int>(rng.below(61));
    return p;
}

} // namespace vigil::sim
