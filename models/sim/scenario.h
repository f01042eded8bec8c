#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace vigil::sim {

// Scripted clinical courses for simulated patients.
enum class Scenario : quint8 {
    Stable, // normal sinus rhythm with HRV, normal vitals
    Sepsis, // gradual deterioration over minutes: HR, RR, temperature up; SBP, SpO2 down
    AtrialFibrillation, // irregularly irregular RR intervals, no P waves
    Bradycardia, // sinus bradycardia around 42 /min
    Desaturation, // recurrent desaturation episodes (SpO2 to the mid 80s)
    LeadOff, // ECG lead comes off periodically (ECG samples NaN, status says lead off)
    DeviceOffline, // the device stops sending entirely for periods (no samples, no vitals)
};

// Machine names used on the command line: stable, sepsis, af, brady, desat, leadoff, offline.
[[nodiscard]] QString scenarioName(Scenario scenario);
[[nodiscard]] std::optional<Scenario> scenarioFromName(QStringView name);
[[nodiscard]] QStringList scenarioNames();

} // namespace vigil::sim
