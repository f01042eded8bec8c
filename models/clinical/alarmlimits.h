#pragma once

#include "alarmpriority.h"
#include "core/vitalsigns.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace vigil::clinical {

// One patient's physiological alarm limits: for each vital sign, thresholds below or above which
// an alarm of a priority is raised once the breach has lasted `delaySeconds` (short delays for
// marginal breaches, none for dangerous ones: alarm fatigue, CLINICAL.md). Defaults come by
// programme; a clinician may change a patient's limits (the caller audits that).
//
// The defaults are deliberately close to NEWS2's 3-point thresholds for HIGH and its 2-point ones
// for MEDIUM, so an alarm and the score agree on what is dangerous:
// - General:        SpO2 < 88 H, < 92 M (30 s); HR < 40 H, < 50 M (30 s), > 140 H, > 130 M (30 s);
//                   RR < 8 H, > 30 H, > 24 M (30 s); SBP < 90 H, < 100 M (60 s), > 220 H;
//                   temperature < 35.0 M, > 39.0 M (both 60 s).
// - COPD:           as General, but SpO2 (target 88-92 %) < 84 H, < 86 M (30 s), and RR > 28 M.
// - Heart failure:  as General, but SBP < 85 H, < 95 M (60 s), HR > 120 M (30 s).
class AlarmLimits final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::clinical::AlarmLimits)
public:
    enum class Programme {
        General,
        Copd,
        HeartFailure,
    };
    enum class Direction {
        Below,
        Above,
    };

    struct Rule
    {
        core::VitalKind kind;
        Direction direction;
        double threshold; // strictly below / above
        AlarmPriority::Level priority;
        int delaySeconds;
    };

    [[nodiscard]] static AlarmLimits defaults(Programme programme);
    [[nodiscard]] static QString programmeName(Programme programme);
    [[nodiscard]] static QString programmeKey(Programme programme); // "general", "copd", "heart-failure"

    [[nodiscard]] Programme programme() const { return m_programme; }
    [[nodiscard]] const std::vector<Rule>& rules() const { return m_rules; }
    // Replaces the rules of one vital sign and direction (a clinician's per-patient limits).
    void setRules(core::VitalKind kind, Direction direction, std::vector<Rule> rules);

    [[nodiscard]] static bool breaches(const Rule& rule, double value)
    {
        return rule.direction == Direction::Below ? value < rule.threshold : value > rule.threshold;
    }

private:
    Programme m_programme = Programme::General;
    std::vector<Rule> m_rules;
};

} // namespace vigil::clinical
