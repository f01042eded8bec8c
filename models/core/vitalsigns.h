#pragma once

#include "timestamp.h"

#include <QString>

#include <array>
#include <cmath>
#include <limits>

namespace vigil::core {

enum class VitalKind : quint8 {
    HeartRate = 0, // /min
    SpO2, // %
    RespRate, // /min
    SystolicBp, // mmHg
    DiastolicBp, // mmHg
    Temperature, // degrees Celsius
};
inline constexpr int kVitalKindCount = 6;

// One reading: a value in the kind's canonical unit and the device time it refers to.
struct Measurement
{
    double value = std::numeric_limits<double>::quiet_NaN();
    Timestamp time = 0;

    [[nodiscard]] bool isValid() const { return time != 0 && std::isfinite(value); }
};

// The latest value of each vital sign for one patient.
struct VitalSigns
{
    std::array<Measurement, kVitalKindCount> values{};

    [[nodiscard]] const Measurement& operator[](VitalKind kind) const { return values[static_cast<size_t>(kind)]; }
    [[nodiscard]] Measurement& operator[](VitalKind kind) { return values[static_cast<size_t>(kind)]; }
};

// Canonical unit ("/min", "%", "mmHg", "°C").
[[nodiscard]] QString vitalUnit(VitalKind kind);
// LOINC code for the kind (CLINICAL.md).
[[nodiscard]] QString vitalLoinc(VitalKind kind);

} // namespace vigil::core
