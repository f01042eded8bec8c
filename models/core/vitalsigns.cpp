#include "vitalsigns.h"

namespace vigil::core {

QString vitalUnit(VitalKind kind)
{
    switch (kind) {
    case VitalKind::HeartRate:
    case VitalKind::RespRate:
        return QStringLiteral("/min");
    case VitalKind::SpO2:
        return QStringLiteral("%");
    case VitalKind::SystolicBp:
    case VitalKind::DiastolicBp:
        return QStringLiteral("mmHg");
    case VitalKind::Temperature:
        return QStringLiteral("\u00B0C");
    }
    return {};
}

QString vitalLoinc(VitalKind kind)
{
    switch (kind) {
    case VitalKind::HeartRate:
        return QStringLiteral("8867-4");
    case VitalKind::SpO2:
        return QStringLiteral("2708-6");
    case VitalKind::RespRate:
        return QStringLiteral("9279-1");
    case VitalKind::SystolicBp:
        return QStringLiteral("8480-6");
    case VitalKind::DiastolicBp:
        return QStringLiteral("8462-4");
    case VitalKind::Temperature:
        return QStringLiteral("8310-5");
    }
    return {};
}

} // namespace vigil::core
