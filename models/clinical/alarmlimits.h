#pragma once

#include "alarmpriority.h"
#include "core/vitalsigns.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
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
//
// A clinician's edit is checked with problems() (in words, for the editor) before it is used, kept
// as JSON (toJson()/fromJson(), strict: a stored set that does not pass problems() is refused, so a
// damaged setting never silently widens a patient's limits) and audited with describeChanges(), a
// fixed-vocabulary line with no free text. Thresholds are compared at the vital sign's decimals
// (decimals()), never as raw binary doubles.
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

        // Equal at the vital sign's decimals (88 and 88.0000001 are the same SpO2 threshold).
        [[nodiscard]] bool operator==(const Rule& other) const;
    };

    // The range a threshold of a vital sign may be set to: beyond it a limit is not physiological,
    // or could never (or would always) alarm.
    struct Range
    {
        double low;
        double high;
    };
    static constexpr int kMaxDelaySeconds = 600;
    static constexpr int kJsonVersion = 1;

    [[nodiscard]] static AlarmLimits defaults(Programme programme);
    [[nodiscard]] static QString programmeName(Programme programme);
    [[nodiscard]] static QString programmeKey(Programme programme); // "general", "copd", "heart-failure"
    [[nodiscard]] static std::optional<Programme> programmeFromKey(const QString& key);
    // A programme with rules of the clinician's choosing (an editor's result), in any order.
    [[nodiscard]] static AlarmLimits withRules(Programme programme, std::vector<Rule> rules);

    [[nodiscard]] static Range thresholdRange(core::VitalKind kind);
    [[nodiscard]] static int decimals(core::VitalKind kind); // 1 for temperature, 0 otherwise
    [[nodiscard]] static QString vitalName(core::VitalKind kind); // "SpO₂" (translated)
    [[nodiscard]] static QString vitalKey(core::VitalKind kind); // "spo2", as Alarm::conditionKey()
    [[nodiscard]] static QString directionName(Direction direction); // "below", "above" (translated)
    [[nodiscard]] static QString directionKey(Direction direction); // "below", "above"

    [[nodiscard]] Programme programme() const { return m_programme; }
    [[nodiscard]] const std::vector<Rule>& rules() const { return m_rules; }
    // Replaces the rules of one vital sign and direction (a clinician's per-patient limits).
    void setRules(core::VitalKind kind, Direction direction, std::vector<Rule> rules);

    [[nodiscard]] static bool breaches(const Rule& rule, double value)
    {
        return rule.direction == Direction::Below ? value < rule.threshold : value > rule.threshold;
    }

    // What is wrong with these limits, one sentence each (empty: usable). For each vital sign and
    // direction: at most one rule per priority, a HIGH threshold at least as extreme as the MEDIUM
    // one and a MEDIUM one at least as extreme as the LOW one (below: lower or equal; above: higher
    // or equal), every "below" threshold under every "above" one (or the sign would always alarm);
    // thresholds within thresholdRange() at decimals(); delays 0..kMaxDelaySeconds; a priority.
    [[nodiscard]] QStringList problems() const;

    // {"format":"vigil-alarm-limits","version":1,"programme":"copd","rules":[{"vital":"spo2",
    //  "direction":"below","threshold":84,"priority":"high","delay_s":0}, ...]}
    [[nodiscard]] QJsonObject toJson() const;
    // Strict: every field present with its type, no unknown field, known keys only, a threshold at
    // most at the vital sign's decimals, and problems() empty. nullopt with a sentence in *error.
    [[nodiscard]] static std::optional<AlarmLimits> fromJson(const QJsonObject& json, QString* error = nullptr);

    // One line for the audit log, untranslated and from a fixed vocabulary (keys and numbers only):
    // "programme copd; spo2 below medium 92->86", "programme general->copd; ...",
    // "... ; hr above low added 110 delay 60s", "... ; temp below medium removed",
    // "programme general; no change".
    [[nodiscard]] static QString describeChanges(const AlarmLimits& before, const AlarmLimits& after);

    // The same programme and the same rules, in any order.
    [[nodiscard]] bool operator==(const AlarmLimits& other) const;

private:
    Programme m_programme = Programme::General;
    std::vector<Rule> m_rules;
};

} // namespace vigil::clinical
