#include "escalationlevel.h"

#include <QCoreApplication>

#include <array>

namespace vigil::clinical {

namespace {

struct LevelInfo
{
    EscalationLevel level;
    const char* key;
    const char* name;
};

constexpr std::array<LevelInfo, 6> kLevels{{
    {EscalationLevel::None, "none", QT_TRANSLATE_NOOP("vigil::clinical::EscalationLevel", "No escalation")},
    {EscalationLevel::RoutineReview, "routine-review",
        QT_TRANSLATE_NOOP("vigil::clinical::EscalationLevel", "Routine review")},
    {EscalationLevel::UrgentClinicalReview, "urgent-clinical-review",
        QT_TRANSLATE_NOOP("vigil::clinical::EscalationLevel", "Urgent clinical review (GP / virtual-ward clinician)")},
    {EscalationLevel::UrgentCommunityResponse, "urgent-community-response",
        QT_TRANSLATE_NOOP("vigil::clinical::EscalationLevel", "Urgent community response (2-hour)")},
    {EscalationLevel::OutOfHours111, "out-of-hours-111",
        QT_TRANSLATE_NOOP("vigil::clinical::EscalationLevel", "111 / out-of-hours")},
    {EscalationLevel::Emergency999, "emergency-999",
        QT_TRANSLATE_NOOP("vigil::clinical::EscalationLevel", "999 / emergency department")},
}};

} // namespace

QString escalationLevelKey(EscalationLevel level)
{
    const auto rank = static_cast<std::size_t>(level);
    return rank < kLevels.size() ? QString::fromLatin1(kLevels[rank].key) : QString();
}

std::optional<EscalationLevel> escalationLevelFromKey(QStringView key)
{
    for (const LevelInfo& info : kLevels) {
        if (key == QLatin1String(info.key))
            return info.level;
    }
    return std::nullopt;
}

QString escalationLevelName(EscalationLevel level)
{
    const auto rank = static_cast<std::size_t>(level);
    if (rank >= kLevels.size())
        return {};
    return QCoreApplication::translate("vigil::clinical::EscalationLevel", kLevels[rank].name);
}

std::optional<EscalationLevel> escalationLevelFromRank(int rank)
{
    if (rank < 0 || rank >= static_cast<int>(kLevels.size()))
        return std::nullopt;
    return kLevels[static_cast<std::size_t>(rank)].level;
}

} // namespace vigil::clinical
