#include "news2assessor.h"

#include <cmath>

namespace vigil::clinical {

namespace {

using Parameter = News2::Parameter;

std::size_t at(Parameter p)
{
    return static_cast<std::size_t>(p);
}

bool isNumeric(Parameter p)
{
    return p != Parameter::Consciousness && p != Parameter::AirOrOxygen;
}

} // namespace

News2Assessor::News2Assessor()
    : News2Assessor(Config{})
{ }

News2Assessor::News2Assessor(Config config)
    : m_config(config)
{ }

bool News2Assessor::record(Parameter parameter, double value, core::Timestamp time, Provenance::Source provenance)
{
    if (!isNumeric(parameter) || !std::isfinite(value) || time == 0)
        return false;
    auto& slot = m_latest[at(parameter)];
    if (!slot || time >= slot->time)
        slot = Reading{value, time, provenance};
    return true;
}

bool News2Assessor::recordConsciousness(
    News2::Acvpu acvpu, core::Timestamp time, Provenance::Source provenance, QString* why)
{
    if (provenance != Provenance::Clinician) {
        if (why)
            *why = tr("Consciousness (ACVPU) can only be assessed by a clinician.");
        return false;
    }
    auto& slot = m_latest[at(Parameter::Consciousness)];
    if (!slot || time >= slot->time)
        slot = Reading{static_cast<double>(acvpu), time, provenance};
    return true;
}

bool News2Assessor::recordOxygen(bool onOxygen, core::Timestamp time, Provenance::Source provenance, QString* why)
{
    if (provenance == Provenance::Device || provenance == Provenance::Derived) {
        if (why)
            *why = tr("Air or oxygen is recorded by a clinician or the patient.");
        return false;
    }
    auto& slot = m_latest[at(Parameter::AirOrOxygen)];
    if (!slot || time >= slot->time)
        slot = Reading{onOxygen ? 1.0 : 0.0, time, provenance};
    return true;
}

void News2Assessor::recordDevice(const core::VitalSigns& vitals)
{
    const auto take = [&](core::VitalKind kind, Parameter p) {
        const core::Measurement& m = vitals[kind];
        if (m.isValid())
            record(p, m.value, m.time, Provenance::Device);
    };
    take(core::VitalKind::RespRate, Parameter::RespirationRate);
    take(core::VitalKind::SpO2, Parameter::SpO2);
    take(core::VitalKind::SystolicBp, Parameter::SystolicBp);
    take(core::VitalKind::HeartRate, Parameter::Pulse);
    take(core::VitalKind::Temperature, Parameter::Temperature);
}

News2Assessor::Assessment News2Assessor::assess(core::Timestamp now) const
{
    Assessment a;
    a.scale = m_scale;
    const core::Timestamp window = core::Timestamp{m_config.freshnessMinutes} * 60 * core::kMicrosPerSecond;
    News2::Input in;
    in.scale = m_scale;
    for (std::size_t i = 0; i < m_latest.size(); ++i) {
        const auto& r = m_latest[i];
        if (!r)
            continue;
        a.readings[i] = r;
        if (now - r->time > window) {
            a.stale[i] = true;
            continue;
        }
        if (a.oldestUsed == 0 || r->time < a.oldestUsed)
            a.oldestUsed = r->time;
        switch (static_cast<Parameter>(i)) {
        case Parameter::RespirationRate:
            in.respirationRate = r->value;
            break;
        case Parameter::SpO2:
            in.spo2 = r->value;
            break;
        case Parameter::AirOrOxygen:
            in.onOxygen = r->value != 0;
            break;
        case Parameter::SystolicBp:
            in.systolicBp = r->value;
            break;
        case Parameter::Pulse:
            in.pulse = r->value;
            break;
        case Parameter::Consciousness:
            in.consciousness = static_cast<News2::Acvpu>(static_cast<int>(r->value));
            break;
        case Parameter::Temperature:
            in.temperature = r->value;
            break;
        }
    }
    a.result = News2::score(in, &a.error);
    return a;
}

} // namespace vigil::clinical
