#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace vigil::clinical {

// The escalation levels of a community / virtual-ward case (CLINICAL.md, "Escalation"), in order:
// each is more urgent than the one before, so levels compare with <. None is a case that is not
// escalated (no escalation yet, or resolved / de-escalated all the way).
enum class EscalationLevel : quint8 {
    None = 0,
    RoutineReview = 1,
    UrgentClinicalReview = 2, // GP / virtual-ward clinician
    UrgentCommunityResponse = 3, // 2-hour urgent community response
    OutOfHours111 = 4, // 111 / out-of-hours
    Emergency999 = 5, // 999 / emergency department
};

inline constexpr EscalationLevel kLowestEscalation = EscalationLevel::RoutineReview;
inline constexpr EscalationLevel kHighestEscalation = EscalationLevel::Emergency999;

// Machine names, stable on the wire and in the store: "none", "routine-review",
// "urgent-clinical-review", "urgent-community-response", "out-of-hours-111", "emergency-999".
[[nodiscard]] QString escalationLevelKey(EscalationLevel level);
[[nodiscard]] std::optional<EscalationLevel> escalationLevelFromKey(QStringView key);
// Translated names for people ("999 / emergency department").
[[nodiscard]] QString escalationLevelName(EscalationLevel level);
// The level for a number 0-5, nullopt outside that range.
[[nodiscard]] std::optional<EscalationLevel> escalationLevelFromRank(int rank);
[[nodiscard]] constexpr int escalationRank(EscalationLevel level)
{
    return static_cast<int>(level);
}

} // namespace vigil::clinical
