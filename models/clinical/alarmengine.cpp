#include "alarmengine.h"

#include <algorithm>
#include <set>

namespace vigil::clinical {

namespace {

constexpr core::Timestamp kSecond = core::kMicrosPerSecond;

bool byPriority(const Alarm& a, const Alarm& b)
{
    if (a.priority != b.priority)
        return a.priority > b.priority;
    if (a.raisedAt != b.raisedAt)
        return a.raisedAt < b.raisedAt;
    return a.id < b.id;
}

} // namespace

AlarmEngine::AlarmEngine()
    : AlarmEngine(Config{})
{ }

AlarmEngine::AlarmEngine(Config config)
    : m_config(config)
{ }

void AlarmEngine::setLimits(const QString& patientKey, const AlarmLimits& limits)
{
    m_limits.insert(patientKey, limits);
}

AlarmLimits AlarmEngine::limits(const QString& patientKey) const
{
    const auto it = m_limits.constFind(patientKey);
    return it != m_limits.cend() ? *it : AlarmLimits::defaults(m_config.defaultProgramme);
}

QString AlarmEngine::slotKey(const QString& patientKey, Alarm::Condition condition, core::VitalKind kind)
{
    Alarm probe;
    probe.condition = condition;
    probe.kind = kind;
    return patientKey + QLatin1Char('/') + probe.conditionKey();
}

std::vector<AlarmEngine::Change> AlarmEngine::evaluate(const PatientInput& in, core::Timestamp now)
{
    std::vector<Change> out;
    const AlarmLimits lim = limits(in.key);
    const core::Timestamp staleAfter = core::Timestamp{m_config.staleAfterSeconds} * kSecond;

    // Physiological: one alarm per vital sign and direction, at the worst rule whose delay has run.
    std::set<std::pair<int, int>> groups;
    for (const AlarmLimits::Rule& r : lim.rules())
        groups.insert({static_cast<int>(r.kind), static_cast<int>(r.direction)});
    std::set<QString> judged;
    for (const auto& [kindInt, directionInt] : groups) {
        const auto kind = static_cast<core::VitalKind>(kindInt);
        const auto direction = static_cast<AlarmLimits::Direction>(directionInt);
        const auto condition =
            direction == AlarmLimits::Direction::Below ? Alarm::Condition::VitalLow : Alarm::Condition::VitalHigh;
        const QString slot = slotKey(in.key, condition, kind);
        judged.insert(slot);
        const core::Measurement& m = in.vitals[kind];
        const bool fresh = m.isValid() && now - m.time <= staleAfter;
        const AlarmLimits::Rule* worst = nullptr;
        for (std::size_t i = 0; i < lim.rules().size(); ++i) {
            const AlarmLimits::Rule& rule = lim.rules()[i];
            if (rule.kind != kind || rule.direction != direction)
                continue;
            const QString breachKey = slot + QLatin1Char('#') + QString::number(i);
            if (fresh && AlarmLimits::breaches(rule, m.value)) {
                const core::Timestamp since = m_breachSince.try_emplace(breachKey, now).first->second;
                if (now - since >= core::Timestamp{rule.delaySeconds} * kSecond
                    && (!worst || rule.priority > worst->priority))
                    worst = &rule;
            } else {
                m_breachSince.erase(breachKey);
            }
        }
        if (worst)
            raiseOrUpdate(in.key, condition, kind, worst->priority, m.value, worst->threshold, now, out);
        else if (fresh)
            conditionGone(slot, now, out);
        // A stale reading is not judged: an alarm stays as it was (the stale-feed alarm says why).
    }
    // Vital-sign alarms of limits that no longer exist.
    const QString prefix = in.key + QLatin1Char('/');
    std::vector<QString> orphans;
    for (const auto& [slot, alarm] : m_alarms) {
        if (slot.startsWith(prefix) && !alarm.isTechnical() && !judged.contains(slot))
            orphans.push_back(slot);
    }
    for (const QString& slot : orphans)
        conditionGone(slot, now, out);

    // Technical.
    const auto technical = [&](Alarm::Condition condition, bool present, AlarmPriority::Level level) {
        if (present)
            raiseOrUpdate(in.key, condition, core::VitalKind::HeartRate, level, 0, 0, now, out);
        else
            conditionGone(slotKey(in.key, condition, core::VitalKind::HeartRate), now, out);
    };
    technical(Alarm::Condition::StaleFeed, in.dataExpected && in.lastDataAt != 0 && now - in.lastDataAt > staleAfter,
        AlarmPriority::Medium);
    const bool statusFresh = in.status.time != 0 && now - in.status.time <= staleAfter;
    technical(Alarm::Condition::LeadOff, statusFresh && in.status.ecgLeadOff, AlarmPriority::Low);
    technical(Alarm::Condition::LowBattery,
        statusFresh && in.status.batteryPercent >= 0 && in.status.batteryPercent < m_config.lowBatteryPercent,
        AlarmPriority::Low);

    escalate(now, out);
    return out;
}

std::vector<AlarmEngine::Change> AlarmEngine::setWorkstationState(bool linkDown, bool storeBehind, core::Timestamp now)
{
    std::vector<Change> out;
    const auto technical = [&](Alarm::Condition condition, bool present) {
        if (present)
            raiseOrUpdate(QString(), condition, core::VitalKind::HeartRate, AlarmPriority::Medium, 0, 0, now, out);
        else
            conditionGone(slotKey(QString(), condition, core::VitalKind::HeartRate), now, out);
    };
    technical(Alarm::Condition::LinkDown, linkDown);
    technical(Alarm::Condition::StoreBehind, storeBehind);
    escalate(now, out);
    return out;
}

std::vector<AlarmEngine::Change> AlarmEngine::tick(core::Timestamp now)
{
    std::vector<Change> out;
    escalate(now, out);
    return out;
}

std::vector<AlarmEngine::Change> AlarmEngine::removePatient(const QString& patientKey, core::Timestamp now)
{
    std::vector<Change> out;
    const QString prefix = patientKey + QLatin1Char('/');
    for (auto it = m_alarms.begin(); it != m_alarms.end();) {
        if (it->first.startsWith(prefix)) {
            it->second.conditionPresent = false;
            out.push_back({Change::Kind::Ended, it->second, now, {}});
            it = m_alarms.erase(it);
        } else {
            ++it;
        }
    }
    std::erase_if(m_breachSince, [&](const auto& entry) { return entry.first.startsWith(prefix); });
    m_limits.remove(patientKey);
    return out;
}

void AlarmEngine::raiseOrUpdate(const QString& patientKey, Alarm::Condition condition, core::VitalKind kind,
    AlarmPriority::Level level, double value, double threshold, core::Timestamp now, std::vector<Change>& out)
{
    const QString slot = slotKey(patientKey, condition, kind);
    auto it = m_alarms.find(slot);
    if (it == m_alarms.end()) {
        Alarm a;
        a.id = slot + QLatin1Char('/') + QString::number(now);
        a.patientKey = patientKey;
        a.condition = condition;
        a.kind = kind;
        a.priority = a.basePriority = level;
        a.raisedAt = now;
        a.value = value;
        a.threshold = threshold;
        out.push_back({Change::Kind::Raised, a, now, {}});
        m_alarms.emplace(slot, a);
        return;
    }
    Alarm& a = it->second;
    a.value = value;
    a.threshold = threshold;
    a.conditionPresent = true;
    a.latched = false;
    if (level > a.basePriority) {
        // Worse: re-alert, even if it was acknowledged.
        a.basePriority = level;
        a.priority = std::max(a.priority, level);
        a.acknowledged = false;
        a.acknowledgedBy.clear();
        a.acknowledgedAt = 0;
        out.push_back({Change::Kind::PriorityChanged, a, now, {}});
    } else if (level < a.basePriority) {
        // Better. A HIGH alarm not yet acknowledged stays HIGH (it latches).
        if (a.priority == AlarmPriority::High && !a.acknowledged && !a.isTechnical())
            return;
        a.basePriority = level;
        a.priority = a.escalated ? AlarmPriority::raised(level) : level;
        out.push_back({Change::Kind::PriorityChanged, a, now, {}});
    }
}

void AlarmEngine::conditionGone(const QString& slot, core::Timestamp now, std::vector<Change>& out)
{
    const auto it = m_alarms.find(slot);
    if (it == m_alarms.end())
        return;
    Alarm& a = it->second;
    if (!a.conditionPresent)
        return; // already latched
    a.conditionPresent = false;
    const bool latch = !a.isTechnical() && a.priority == AlarmPriority::High && !a.acknowledged;
    if (latch) {
        a.latched = true;
        out.push_back({Change::Kind::ConditionEnded, a, now, {}});
        return;
    }
    out.push_back({Change::Kind::Ended, a, now, {}});
    m_alarms.erase(it);
}

void AlarmEngine::escalate(core::Timestamp now, std::vector<Change>& out)
{
    const core::Timestamp after = core::Timestamp{m_config.escalateAfterSeconds} * kSecond;
    for (auto& [slot, a] : m_alarms) {
        if (!a.acknowledged && !a.escalated && now - a.raisedAt >= after) {
            a.escalated = true;
            a.priority = AlarmPriority::raised(a.priority);
            out.push_back({Change::Kind::Escalated, a, now, {}});
        }
    }
}

std::vector<AlarmEngine::Change> AlarmEngine::acknowledge(
    const QString& alarmId, const QString& actor, core::Timestamp now)
{
    std::vector<Change> out;
    for (auto it = m_alarms.begin(); it != m_alarms.end(); ++it) {
        Alarm& a = it->second;
        if (a.id != alarmId || a.acknowledged)
            continue;
        a.acknowledged = true;
        a.acknowledgedBy = actor;
        a.acknowledgedAt = now;
        out.push_back({Change::Kind::Acknowledged, a, now, actor});
        if (a.latched) { // its condition has gone: acknowledging ends it
            out.push_back({Change::Kind::Ended, a, now, actor});
            m_alarms.erase(it);
        }
        break;
    }
    return out;
}

std::vector<AlarmEngine::Change> AlarmEngine::acknowledgePatient(
    const QString& patientKey, const QString& actor, core::Timestamp now)
{
    std::vector<Change> out;
    for (const Alarm& a : alarmsFor(patientKey)) {
        auto changes = acknowledge(a.id, actor, now);
        out.insert(out.end(), changes.begin(), changes.end());
    }
    return out;
}

std::vector<AlarmEngine::Change> AlarmEngine::reset(const QString& actor, core::Timestamp now)
{
    std::vector<Change> out;
    for (auto it = m_alarms.begin(); it != m_alarms.end();) {
        Alarm& a = it->second;
        if (a.latched) {
            out.push_back({Change::Kind::Ended, a, now, actor});
            it = m_alarms.erase(it);
            continue;
        }
        if (!a.acknowledged) {
            a.acknowledged = true;
            a.acknowledgedBy = actor;
            a.acknowledgedAt = now;
            out.push_back({Change::Kind::Acknowledged, a, now, actor});
        }
        ++it;
    }
    return out;
}

void AlarmEngine::pauseAudio(core::Timestamp now)
{
    m_signal = SignalState::AudioPaused;
    m_signalUntil = now + core::Timestamp{m_config.audioPauseSeconds} * kSecond;
}

void AlarmEngine::pauseAlarms(core::Timestamp now)
{
    m_signal = SignalState::AlarmPaused;
    m_signalUntil = now + core::Timestamp{m_config.alarmPauseSeconds} * kSecond;
}

void AlarmEngine::resumeSignals()
{
    m_signal = SignalState::Normal;
    m_signalUntil = 0;
}

bool AlarmEngine::setAudioOff(bool off, bool reauthenticated, core::Timestamp now)
{
    if (off && !reauthenticated)
        return false;
    if (off && !m_audioOff)
        m_audioOffSince = now;
    m_audioOff = off;
    return true;
}

AlarmEngine::SignalState AlarmEngine::signalState(core::Timestamp now) const
{
    if (m_signal != SignalState::Normal && now < m_signalUntil)
        return m_signal;
    return m_audioOff ? SignalState::AudioOff : SignalState::Normal;
}

core::Timestamp AlarmEngine::signalStateEndsAt() const
{
    return m_signal != SignalState::Normal ? m_signalUntil : 0;
}

AlarmPriority::Level AlarmEngine::audibleLevel(core::Timestamp now) const
{
    AlarmPriority::Level level = AlarmPriority::None;
    for (const auto& [slot, a] : m_alarms) {
        if (!a.acknowledged)
            level = std::max(level, a.priority);
    }
    switch (signalState(now)) {
    case SignalState::Normal:
        return level;
    case SignalState::AudioPaused:
    case SignalState::AlarmPaused:
        return AlarmPriority::None;
    case SignalState::AudioOff: {
        // A short reminder at the start of every period while something is unacknowledged.
        const core::Timestamp period = core::Timestamp{std::max(1, m_config.audioOffReminderSeconds)} * kSecond;
        const bool remind =
            now >= m_audioOffSince && (now - m_audioOffSince) % period < kSecond && now - m_audioOffSince >= period;
        return level != AlarmPriority::None && remind ? AlarmPriority::Low : AlarmPriority::None;
    }
    }
    return AlarmPriority::None;
}

std::vector<Alarm> AlarmEngine::alarms() const
{
    std::vector<Alarm> out;
    out.reserve(m_alarms.size());
    for (const auto& [slot, a] : m_alarms)
        out.push_back(a);
    std::sort(out.begin(), out.end(), byPriority);
    return out;
}

std::vector<Alarm> AlarmEngine::alarmsFor(const QString& patientKey) const
{
    std::vector<Alarm> out;
    for (const auto& [slot, a] : m_alarms) {
        if (a.patientKey == patientKey)
            out.push_back(a);
    }
    std::sort(out.begin(), out.end(), byPriority);
    return out;
}

std::optional<Alarm> AlarmEngine::alarm(const QString& alarmId) const
{
    for (const auto& [slot, a] : m_alarms) {
        if (a.id == alarmId)
            return a;
    }
    return std::nullopt;
}

AlarmPriority::Level AlarmEngine::highestFor(const QString& patientKey) const
{
    AlarmPriority::Level level = AlarmPriority::None;
    for (const auto& [slot, a] : m_alarms) {
        if (a.patientKey == patientKey)
            level = std::max(level, a.priority);
    }
    return level;
}

core::Timestamp AlarmEngine::unacknowledgedSince(const QString& patientKey) const
{
    core::Timestamp since = 0;
    for (const auto& [slot, a] : m_alarms) {
        if (a.patientKey == patientKey && !a.acknowledged && (since == 0 || a.raisedAt < since))
            since = a.raisedAt;
    }
    return since;
}

} // namespace vigil::clinical
