#include "alarmlimits.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace vigil::clinical {

namespace {

using core::VitalKind;
using Direction = AlarmLimits::Direction;
using Rule = AlarmLimits::Rule;
constexpr auto H = AlarmPriority::High;
constexpr auto M = AlarmPriority::Medium;

const QString kFormat = QStringLiteral("vigil-alarm-limits");

constexpr VitalKind kKinds[] = {VitalKind::HeartRate, VitalKind::SpO2, VitalKind::RespRate, VitalKind::SystolicBp,
    VitalKind::DiastolicBp, VitalKind::Temperature};
constexpr AlarmPriority::Level kLevels[] = {AlarmPriority::High, AlarmPriority::Medium, AlarmPriority::Low};

// A threshold as an integer count of the vital sign's smallest step (tenths of a degree, whole
// beats...), so that comparisons never depend on binary floating point.
qint64 steps(VitalKind kind, double value)
{
    return std::llround(value * std::pow(10.0, AlarmLimits::decimals(kind)));
}

QString number(VitalKind kind, double value)
{
    return QString::number(value, 'f', AlarmLimits::decimals(kind));
}

// Rules of one vital sign and direction, the most urgent first: the order an editor shows them in
// and the audit line lists them in.
using RuleKey = std::tuple<int, int, int>; // kind, direction, -priority
RuleKey keyOf(const Rule& r)
{
    return {static_cast<int>(r.kind), static_cast<int>(r.direction), -static_cast<int>(r.priority)};
}

std::vector<Rule> sorted(std::vector<Rule> rules)
{
    std::stable_sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) {
        if (keyOf(a) != keyOf(b))
            return keyOf(a) < keyOf(b);
        return steps(a.kind, a.threshold) < steps(b.kind, b.threshold);
    });
    return rules;
}

std::optional<AlarmPriority::Level> levelFromKey(const QString& key)
{
    for (AlarmPriority::Level level : kLevels) {
        if (AlarmPriority::key(level) == key)
            return level;
    }
    return std::nullopt;
}

std::optional<VitalKind> kindFromKey(const QString& key)
{
    for (VitalKind kind : kKinds) {
        if (AlarmLimits::vitalKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

bool onlyKeys(const QJsonObject& object, const QStringList& allowed, QString* unknown)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            *unknown = it.key();
            return false;
        }
    }
    return true;
}

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

AlarmLimits AlarmLimits::withRules(Programme programme, std::vector<Rule> rules)
{
    AlarmLimits l;
    l.m_programme = programme;
    l.m_rules = std::move(rules);
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

std::optional<AlarmLimits::Programme> AlarmLimits::programmeFromKey(const QString& key)
{
    for (Programme p : {Programme::General, Programme::Copd, Programme::HeartFailure}) {
        if (programmeKey(p) == key)
            return p;
    }
    return std::nullopt;
}

AlarmLimits::Range AlarmLimits::thresholdRange(core::VitalKind kind)
{
    // Wide enough for any deliberate per-patient limit, narrow enough that a slip of the keyboard
    // (SpO2 below 9, heart rate above 1400) is caught.
    switch (kind) {
    case VitalKind::HeartRate:
        return {20, 250};
    case VitalKind::SpO2:
        return {50, 100};
    case VitalKind::RespRate:
        return {3, 60};
    case VitalKind::SystolicBp:
        return {50, 260};
    case VitalKind::DiastolicBp:
        return {20, 160};
    case VitalKind::Temperature:
        return {30.0, 43.0};
    }
    return {0, 0};
}

int AlarmLimits::decimals(core::VitalKind kind)
{
    return kind == VitalKind::Temperature ? 1 : 0;
}

QString AlarmLimits::vitalName(core::VitalKind kind)
{
    switch (kind) {
    case VitalKind::HeartRate:
        return tr("Heart rate");
    case VitalKind::SpO2:
        return tr("SpO₂");
    case VitalKind::RespRate:
        return tr("Respiration rate");
    case VitalKind::SystolicBp:
        return tr("Systolic BP");
    case VitalKind::DiastolicBp:
        return tr("Diastolic BP");
    case VitalKind::Temperature:
        return tr("Temperature");
    }
    return {};
}

QString AlarmLimits::vitalKey(core::VitalKind kind)
{
    switch (kind) {
    case VitalKind::HeartRate:
        return QStringLiteral("hr");
    case VitalKind::SpO2:
        return QStringLiteral("spo2");
    case VitalKind::RespRate:
        return QStringLiteral("rr");
    case VitalKind::SystolicBp:
        return QStringLiteral("sbp");
    case VitalKind::DiastolicBp:
        return QStringLiteral("dbp");
    case VitalKind::Temperature:
        return QStringLiteral("temp");
    }
    return QStringLiteral("vital");
}

QString AlarmLimits::directionName(Direction direction)
{
    return direction == Direction::Below ? tr("below") : tr("above");
}

QString AlarmLimits::directionKey(Direction direction)
{
    return direction == Direction::Below ? QStringLiteral("below") : QStringLiteral("above");
}

bool AlarmLimits::Rule::operator==(const Rule& other) const
{
    return kind == other.kind && direction == other.direction && priority == other.priority
        && delaySeconds == other.delaySeconds && steps(kind, threshold) == steps(other.kind, other.threshold);
}

bool AlarmLimits::operator==(const AlarmLimits& other) const
{
    return m_programme == other.m_programme && sorted(m_rules) == sorted(other.m_rules);
}

QStringList AlarmLimits::problems() const
{
    QStringList out;
    const auto valueText = [](VitalKind kind, double value) {
        return tr("%1 %2").arg(number(kind, value), core::vitalUnit(kind));
    };
    for (const Rule& r : m_rules) {
        const QString what = tr("%1 %2").arg(vitalName(r.kind), directionName(r.direction));
        if (r.priority != AlarmPriority::High && r.priority != AlarmPriority::Medium
            && r.priority != AlarmPriority::Low) {
            out << tr("%1: a rule has no priority.").arg(what);
        }
        const Range range = thresholdRange(r.kind);
        if (!std::isfinite(r.threshold) || r.threshold < range.low || r.threshold > range.high) {
            out << tr("%1: the threshold %2 is outside %3 to %4.")
                       .arg(what, std::isfinite(r.threshold) ? valueText(r.kind, r.threshold) : tr("(not a number)"),
                           number(r.kind, range.low), valueText(r.kind, range.high));
        }
        if (r.delaySeconds < 0 || r.delaySeconds > kMaxDelaySeconds) {
            out << tr("%1, %2: the delay of %3 s is outside 0 to %4 s.")
                       .arg(what, AlarmPriority::name(r.priority))
                       .arg(r.delaySeconds)
                       .arg(kMaxDelaySeconds);
        }
    }

    for (VitalKind kind : kKinds) {
        std::optional<double> highestBelow;
        std::optional<double> lowestAbove;
        for (Direction direction : {Direction::Below, Direction::Above}) {
            const QString what = tr("%1 %2").arg(vitalName(kind), directionName(direction));
            // The rules of this sign and direction by priority, most urgent first.
            std::vector<const Rule*> byLevel;
            for (AlarmPriority::Level level : kLevels) {
                int count = 0;
                for (const Rule& r : m_rules) {
                    if (r.kind != kind || r.direction != direction || r.priority != level)
                        continue;
                    if (++count == 1)
                        byLevel.push_back(&r);
                }
                if (count > 1) {
                    out << tr("%1: %2 rules are %3; keep one rule per priority.")
                               .arg(what, QString::number(count), AlarmPriority::name(level));
                }
            }
            for (std::size_t i = 1; i < byLevel.size(); ++i) {
                const Rule& urgent = *byLevel[i - 1];
                const Rule& lesser = *byLevel[i];
                const qint64 u = steps(kind, urgent.threshold);
                const qint64 l = steps(kind, lesser.threshold);
                const bool inverted = direction == Direction::Below ? u > l : u < l;
                if (!inverted)
                    continue;
                out << (direction == Direction::Below
                        ? tr("%1: the %2 threshold (%3) must be at or below the %4 threshold (%5).")
                        : tr("%1: the %2 threshold (%3) must be at or above the %4 threshold (%5)."))
                           .arg(what, AlarmPriority::name(urgent.priority), valueText(kind, urgent.threshold),
                               AlarmPriority::name(lesser.priority), valueText(kind, lesser.threshold));
            }
            for (const Rule& r : m_rules) {
                if (r.kind != kind || r.direction != direction || !std::isfinite(r.threshold))
                    continue;
                if (direction == Direction::Below)
                    highestBelow = std::max(highestBelow.value_or(r.threshold), r.threshold);
                else
                    lowestAbove = std::min(lowestAbove.value_or(r.threshold), r.threshold);
            }
        }
        if (highestBelow && lowestAbove && steps(kind, *highestBelow) >= steps(kind, *lowestAbove)) {
            out << tr("%1: the “below” threshold %2 must be lower than the “above” threshold %3, "
                      "or every reading would alarm.")
                       .arg(vitalName(kind), valueText(kind, *highestBelow), valueText(kind, *lowestAbove));
        }
    }
    return out;
}

QJsonObject AlarmLimits::toJson() const
{
    QJsonArray rules;
    for (const Rule& r : sorted(m_rules)) {
        // At the sign's decimals, so that the stored text is what the clinician saw.
        const double threshold = double(steps(r.kind, r.threshold)) / std::pow(10.0, decimals(r.kind));
        rules.append(QJsonObject{
            {QStringLiteral("vital"), vitalKey(r.kind)},
            {QStringLiteral("direction"), directionKey(r.direction)},
            {QStringLiteral("threshold"), threshold},
            {QStringLiteral("priority"), AlarmPriority::key(r.priority)},
            {QStringLiteral("delay_s"), r.delaySeconds},
        });
    }
    return QJsonObject{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kJsonVersion},
        {QStringLiteral("programme"), programmeKey(m_programme)},
        {QStringLiteral("rules"), rules},
    };
}

std::optional<AlarmLimits> AlarmLimits::fromJson(const QJsonObject& json, QString* error)
{
    const auto fail = [error](const QString& why) -> std::optional<AlarmLimits> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QString unknown;
    if (json.value(QStringLiteral("format")).toString() != kFormat)
        return fail(tr("The alarm limits are not in Vigil's format."));
    const QJsonValue version = json.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()))
        return fail(tr("The alarm limits have no valid version."));
    if (version.toInt() != kJsonVersion)
        return fail(
            tr("The alarm limits were written by a newer or unknown version (%1) of Vigil.").arg(version.toInt()));
    if (!onlyKeys(json,
            {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("programme"), QStringLiteral("rules")},
            &unknown))
        return fail(tr("The alarm limits have an unknown field “%1”.").arg(unknown));
    const std::optional<Programme> programme = programmeFromKey(json.value(QStringLiteral("programme")).toString());
    if (!programme)
        return fail(tr("The alarm limits name no known programme."));
    const QJsonValue rulesValue = json.value(QStringLiteral("rules"));
    if (!rulesValue.isArray())
        return fail(tr("The alarm limits have no list of rules."));

    std::vector<Rule> rules;
    const QJsonArray array = rulesValue.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const int n = int(i) + 1;
        if (!array.at(i).isObject())
            return fail(tr("Rule %1 of the alarm limits is not an object.").arg(n));
        const QJsonObject o = array.at(i).toObject();
        if (!onlyKeys(o,
                {QStringLiteral("vital"), QStringLiteral("direction"), QStringLiteral("threshold"),
                    QStringLiteral("priority"), QStringLiteral("delay_s")},
                &unknown))
            return fail(tr("Rule %1 of the alarm limits has an unknown field “%2”.").arg(QString::number(n), unknown));
        const std::optional<VitalKind> kind = kindFromKey(o.value(QStringLiteral("vital")).toString());
        if (!kind)
            return fail(tr("Rule %1 of the alarm limits names no known vital sign.").arg(n));
        const QString direction = o.value(QStringLiteral("direction")).toString();
        if (direction != directionKey(Direction::Below) && direction != directionKey(Direction::Above))
            return fail(tr("Rule %1 of the alarm limits has no direction (below or above).").arg(n));
        const QJsonValue threshold = o.value(QStringLiteral("threshold"));
        if (!threshold.isDouble() || !std::isfinite(threshold.toDouble()))
            return fail(tr("Rule %1 of the alarm limits has no numeric threshold.").arg(n));
        const double scaled = threshold.toDouble() * std::pow(10.0, decimals(*kind));
        if (std::abs(scaled - std::round(scaled)) > 1e-6)
            return fail(tr("Rule %1 of the alarm limits has a threshold with more than %2 decimals.")
                            .arg(n)
                            .arg(decimals(*kind)));
        const std::optional<AlarmPriority::Level> priority =
            levelFromKey(o.value(QStringLiteral("priority")).toString());
        if (!priority)
            return fail(tr("Rule %1 of the alarm limits has no known priority.").arg(n));
        const QJsonValue delay = o.value(QStringLiteral("delay_s"));
        if (!delay.isDouble() || delay.toDouble() != std::floor(delay.toDouble()))
            return fail(tr("Rule %1 of the alarm limits has no whole number of seconds of delay.").arg(n));
        rules.push_back({*kind, direction == directionKey(Direction::Below) ? Direction::Below : Direction::Above,
            threshold.toDouble(), *priority, int(std::clamp(delay.toDouble(), -1.0, double(kMaxDelaySeconds + 1)))});
    }
    AlarmLimits limits = withRules(*programme, std::move(rules));
    const QStringList problems = limits.problems();
    if (!problems.isEmpty())
        return fail(tr("The alarm limits are not usable: %1").arg(problems.join(QLatin1Char(' '))));
    return limits;
}

QString AlarmLimits::describeChanges(const AlarmLimits& before, const AlarmLimits& after)
{
    QStringList parts;
    if (before.m_programme == after.m_programme) {
        parts << QStringLiteral("programme %1").arg(programmeKey(after.m_programme));
    } else {
        parts << QStringLiteral("programme %1->%2")
                     .arg(programmeKey(before.m_programme), programmeKey(after.m_programme));
    }
    // Rules matched by vital sign, direction and priority (problems() allows one of each); a
    // duplicate, should there be one, is matched by its place among its kind.
    using Slot = std::tuple<int, int, int, int>;
    const auto index = [](const AlarmLimits& limits) {
        std::map<Slot, Rule> out;
        std::map<RuleKey, int> seen;
        for (const Rule& r : sorted(limits.m_rules)) {
            const RuleKey key = keyOf(r);
            out.emplace(Slot{std::get<0>(key), std::get<1>(key), std::get<2>(key), seen[key]++}, r);
        }
        return out;
    };
    const std::map<Slot, Rule> old = index(before);
    const std::map<Slot, Rule> now = index(after);
    std::vector<Slot> slots;
    for (const auto& [slot, rule] : old)
        slots.push_back(slot);
    for (const auto& [slot, rule] : now) {
        if (!old.contains(slot))
            slots.push_back(slot);
    }
    std::sort(slots.begin(), slots.end());
    const qsizetype before0 = parts.size();
    for (const Slot& slot : slots) {
        const auto o = old.find(slot);
        const auto n = now.find(slot);
        const Rule& any = o != old.end() ? o->second : n->second;
        const QString name =
            QStringLiteral("%1 %2 %3")
                .arg(vitalKey(any.kind), directionKey(any.direction), AlarmPriority::key(any.priority));
        if (n == now.end()) {
            parts << QStringLiteral("%1 removed").arg(name);
        } else if (o == old.end()) {
            parts << QStringLiteral("%1 added %2 delay %3s")
                         .arg(name, number(any.kind, n->second.threshold))
                         .arg(n->second.delaySeconds);
        } else if (!(o->second == n->second)) {
            QString line = name;
            if (steps(any.kind, o->second.threshold) != steps(any.kind, n->second.threshold))
                line += QStringLiteral(" %1->%2").arg(
                    number(any.kind, o->second.threshold), number(any.kind, n->second.threshold));
            if (o->second.delaySeconds != n->second.delaySeconds)
                line += QStringLiteral(" delay %1->%2s").arg(o->second.delaySeconds).arg(n->second.delaySeconds);
            parts << line;
        }
    }
    if (parts.size() == before0 && before.m_programme == after.m_programme)
        parts << QStringLiteral("no change");
    return parts.join(QStringLiteral("; "));
}

} // namespace vigil::clinical
