#include "alarm.h"

namespace vigil::clinical {

namespace {

QString vitalKey(core::VitalKind kind)
{
    switch (kind) {
    case core::VitalKind::HeartRate:
        return QStringLiteral("hr");
    case core::VitalKind::SpO2:
        return QStringLiteral("spo2");
    case core::VitalKind::RespRate:
        return QStringLiteral("rr");
    case core::VitalKind::SystolicBp:
        return QStringLiteral("sbp");
    case core::VitalKind::DiastolicBp:
        return QStringLiteral("dbp");
    case core::VitalKind::Temperature:
        return QStringLiteral("temp");
    }
    return QStringLiteral("vital");
}

QString vitalName(core::VitalKind kind)
{
    switch (kind) {
    case core::VitalKind::HeartRate:
        return Alarm::tr("Heart rate");
    case core::VitalKind::SpO2:
        return Alarm::tr("SpO₂");
    case core::VitalKind::RespRate:
        return Alarm::tr("Respiration rate");
    case core::VitalKind::SystolicBp:
        return Alarm::tr("Systolic BP");
    case core::VitalKind::DiastolicBp:
        return Alarm::tr("Diastolic BP");
    case core::VitalKind::Temperature:
        return Alarm::tr("Temperature");
    }
    return {};
}

QString number(core::VitalKind kind, double v)
{
    return QString::number(v, 'f', kind == core::VitalKind::Temperature ? 1 : 0);
}

} // namespace

QString Alarm::conditionKey() const
{
    switch (condition) {
    case Condition::VitalLow:
        return vitalKey(kind) + QStringLiteral("-low");
    case Condition::VitalHigh:
        return vitalKey(kind) + QStringLiteral("-high");
    case Condition::StaleFeed:
        return QStringLiteral("stale-feed");
    case Condition::LeadOff:
        return QStringLiteral("lead-off");
    case Condition::LowBattery:
        return QStringLiteral("low-battery");
    case Condition::LinkDown:
        return QStringLiteral("link-down");
    case Condition::StoreBehind:
        return QStringLiteral("store-behind");
    }
    return {};
}

QString Alarm::text() const
{
    const QString unit = core::vitalUnit(kind);
    switch (condition) {
    case Condition::VitalLow:
        return tr("%1 low: %2 %3 (limit %4 %3)")
            .arg(vitalName(kind), number(kind, value), unit, number(kind, threshold));
    case Condition::VitalHigh:
        return tr("%1 high: %2 %3 (limit %4 %3)")
            .arg(vitalName(kind), number(kind, value), unit, number(kind, threshold));
    case Condition::StaleFeed:
        return tr("No data from the patient's devices");
    case Condition::LeadOff:
        return tr("ECG lead off");
    case Condition::LowBattery:
        return tr("Device battery low");
    case Condition::LinkDown:
        return tr("Live data link down");
    case Condition::StoreBehind:
        return tr("Cache writer behind");
    }
    return {};
}

} // namespace vigil::clinical
