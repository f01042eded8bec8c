#include "alarmlimits.h"

#include <algorithm>

namespace vigil::clinical {

namespace {

using core::VitalKind;
using Direction = AlarmLimits::Direction;
constexpr auto H = AlarmPriority::High;
constexpr auto M = AlarmPriority::Medium;

} // namespace

AlarmLimits AlarmLimits::defaults(Programme programme)
{
    AlarmLimits l;
    l.m_programme = programme;
    l.m_rules = {
        {VitalKind::SpO2, Direction::Below, 88, H, 0},
        {VitalKind::SpO2, Direction::Below, 92, M, 30},
        {VitalKind::HeartRate, Direction::Below, 40, H, 0},
        {VitalKind::HeartRate, Direction::Below, 50, M, 30},
        {VitalKind::HeartRate, Direction::Above, 140, H, 0},
        {VitalKind::HeartRate, Direction::Above, 130, M, 30},
        {VitalKind::RespRate, Direction::Below, 8, H, 0},
        {VitalKind::RespRate, Direction::Above, 30, H, 0},
        {VitalKind::RespRate, Direction::Above, 24, M, 30},
        {VitalKind::SystolicBp, Direction::Below, 90, H, 0},
        {VitalKind::SystolicBp, Direction::Below, 100, M, 60},
        {VitalKind::SystolicBp, Direction::Above, 220, H, 0},
        {VitalKind::Temperature, Direction::Below, 35.0, M, 60},
        {VitalKind::Temperature, Direction::Above, 39.0, M, 60},
    };
    switch (programme) {
    case Programme::General:
        break;
    case Programme::Copd:
        l.setRules(VitalKind::SpO2, Direction::Below,
            {{VitalKind::SpO2, Direction::Below, 84, H, 0}, {VitalKind::SpO2, Direction::Below, 86, M, 30}});
        l.setRules(VitalKind::RespRate, Direction::Above,
            {{VitalKind::RespRate, Direction::Above, 30, H, 0}, {VitalKind::RespRate, Direction::Above, 28, M, 30}});
        break;
    case Programme::HeartFailure:
        l.setRules(VitalKind::SystolicBp, Direction::Below,
            {{VitalKind::SystolicBp, Direction::Below, 85, H, 0},
                {VitalKind::SystolicBp, Direction::Below, 95, M, 60}});
        l.setRules(VitalKind::HeartRate, Direction::Above,
            {{VitalKind::HeartRate, Direction::Above, 140, H, 0},
                {VitalKind::HeartRate, Direction::Above, 120, M, 30}});
        break;
    }
    return l;
}

void AlarmLimits::setRules(core::VitalKind kind, Direction direction, std::vector<Rule> rules)
{
    std::erase_if(m_rules, [&](const Rule& r) { return r.kind == kind && r.direction == direction; });
    for (Rule& r : rules) {
        r.kind = kind;
        r.direction = direction;
        m_rules.push_back(r);
    }
}

QString AlarmLimits::programmeName(Programme programme)
{
    switch (programme) {
    case Programme::General:
        return tr("General");
    case Programme::Copd:
        return tr("COPD");
    case Programme::HeartFailure:
        return tr("Heart failure");
    }
    return {};
}

QString AlarmLimits::programmeKey(Programme programme)
{
    switch (programme) {
    case Programme::General:
        return QStringLiteral("general");
    case Programme::Copd:
        return QStringLiteral("copd");
    case Programme::HeartFailure:
        return QStringLiteral("heart-failure");
    }
    return {};
}

} // namespace vigil::clinical
