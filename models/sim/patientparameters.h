#pragma once

#include <QtGlobal>

#include <array>

namespace vigil::sim {

// The fixed physiology of one simulated patient: baseline vital signs, the values each scenario
// drives them towards, and waveform morphology. Drawn once, in a fixed order, from
// (seed, patientIndex), so a patient looks the same in every scenario.
struct PatientParameters
{
    // Baseline (stable) vital signs.
    double heartRate = 75.0; // /min, 60-90
    double respRate = 15.0; // /min, 12-18
    double spo2 = 97.5; // %, 96.5-98.5 (readings 96-99)
    double systolic = 125.0; // mmHg, 110-140
    double temperature = 36.9; // degrees C, 36.5-37.3

    // Where the scenarios take the patient.
    double sepsisHeartRate = 125.0; // /min at 10 min
    double sepsisRespRate = 28.0; // /min
    double sepsisTemperature = 39.2; // degrees C
    double sepsisSystolic = 88.0; // mmHg
    double sepsisSpo2 = 91.0; // %
    double afHeartRate = 110.0; // mean ventricular rate in AF, /min
    double bradyHeartRate = 42.0; // /min
    double desatNadir = 84.0; // % at the bottom of an episode
    double desatFirstOnset = 30.0; // s after start of the first desaturation episode (< 60)

    // ECG lead II morphology: Gaussian wave amplitudes in mV, PR interval in s.
    double pAmplitude = 0.15;
    double qAmplitude = -0.10;
    double rAmplitude = 1.2;
    double sAmplitude = -0.25;
    double tAmplitude = 0.30;
    double prInterval = 0.16;
    double rsaDepth = 0.04; // fractional RR modulation by breathing (respiratory sinus arrhythmia)
    double hrvSd = 0.012; // SD of the random (AR(1)) fractional RR component
    double wanderAmplitude = 0.04; // mV baseline wander
    double wanderFrequency = 0.07; // Hz
    double wanderPhase = 0.0; // rad
    std::array<double, 3> fibrillationPhase{}; // rad, AF f-wave components

    // Pleth: R wave to pulse arrival (steepest upstroke), s; amplitude factor.
    double pulseTransitTime = 0.21;
    double plethAmplitude = 1.0;

    // Respiration waveform: amplitude (relative) and inspiratory fraction of a breath.
    double respAmplitude = 0.8;
    double inspiratoryFraction = 0.4;

    int batteryPercent = 80;

    [[nodiscard]] static PatientParameters make(quint64 seed, int patientIndex);
};

} // namespace vigil::sim
