#pragma once

#include "alarm.h"
#include "alarmlimits.h"
#include "core/devicestatus.h"
#include "core/vitalsigns.h"

#include <QHash>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace vigil::clinical {

// The alarm system of one workstation, to IEC 60601-1-8 conventions (CLINICAL.md). Pure logic: the
// caller feeds it each patient's latest vitals and device status, and the workstation's technical
// state, with the current time, and shows and sounds what it says; every change comes back as a
// Change for the audit and event logs. Not thread-safe (the GUI thread owns it).
//
// Physiological alarms: per patient limits (AlarmLimits, by programme). A breach raises an alarm
// once it has lasted the rule's delay; one alarm per vital sign and direction, at the priority of
// the worst rule breached. Readings older than `staleAfterSeconds` are not judged (the stale-feed
// alarm says why). HIGH alarms latch: when the condition goes, the alarm stays (latched) until
// acknowledged or reset. A condition that worsens to a higher priority re-alerts even if
// acknowledged.
// Technical alarms (cyan): stale feed (MEDIUM: a silent patient may be deteriorating), lead off
// (LOW), low battery (LOW), link down and store behind (MEDIUM, no patient). They do not latch.
// States (their standard names): ACKNOWLEDGED (per alarm: audio stops, the visual signal stays
// while the condition lasts); AUDIO PAUSED (all audio, `audioPauseSeconds`); ALARM PAUSED (all
// alarm signals, `alarmPauseSeconds`; conditions are still tracked and shown as paused); AUDIO OFF
// (indefinite; turning it on needs re-authentication; a reminder every `audioOffReminderSeconds`);
// ALARM RESET (ends latched alarms whose condition has gone, acknowledges the others).
// Escalation: an alarm left unacknowledged for `escalateAfterSeconds` goes one priority up (once),
// and a Change says so.
class AlarmEngine final
{
public:
    struct Config
    {
        int staleAfterSeconds = 120;
        int lowBatteryPercent = 15;
        int escalateAfterSeconds = 300;
        int audioPauseSeconds = 120;
        int alarmPauseSeconds = 120;
        int audioOffReminderSeconds = 300;
        AlarmLimits::Programme defaultProgramme = AlarmLimits::Programme::General;
    };

    struct PatientInput
    {
        QString key;
        core::VitalSigns vitals;
        core::DeviceStatus status;
        core::Timestamp lastDataAt = 0; // the latest sample or reading of any kind (0: none yet)
        bool dataExpected = true; // false: the patient is not meant to be sending (e.g. off the ward)
    };

    struct Change
    {
        enum class Kind {
            Raised,
            PriorityChanged,
            Escalated,
            ConditionEnded, // condition gone; a latched alarm stays
            Ended,
            Acknowledged,
        };
        Kind kind = Kind::Raised;
        Alarm alarm; // as it is after the change
        core::Timestamp at = 0;
        QString actor; // Acknowledged, or an Ended by ALARM RESET
    };

    enum class SignalState {
        Normal,
        AudioPaused,
        AlarmPaused,
        AudioOff,
    };

    AlarmEngine();
    explicit AlarmEngine(Config config);

    [[nodiscard]] const Config& config() const { return m_config; }
    // A patient's limits (defaults of the config's programme until set).
    void setLimits(const QString& patientKey, const AlarmLimits& limits);
    [[nodiscard]] AlarmLimits limits(const QString& patientKey) const;

    std::vector<Change> evaluate(const PatientInput& input, core::Timestamp now);
    std::vector<Change> setWorkstationState(bool linkDown, bool storeBehind, core::Timestamp now);
    // Escalates alarms left unacknowledged (evaluate() and setWorkstationState() do it too).
    std::vector<Change> tick(core::Timestamp now);
    // A patient no longer monitored: its alarms end.
    std::vector<Change> removePatient(const QString& patientKey, core::Timestamp now);

    std::vector<Change> acknowledge(const QString& alarmId, const QString& actor, core::Timestamp now);
    std::vector<Change> acknowledgePatient(const QString& patientKey, const QString& actor, core::Timestamp now);
    std::vector<Change> reset(const QString& actor, core::Timestamp now);
    void pauseAudio(core::Timestamp now);
    void pauseAlarms(core::Timestamp now);
    void resumeSignals(); // ends AUDIO PAUSED / ALARM PAUSED early
    // AUDIO OFF on, or off again; switching it on is refused (false) unless the user has just
    // re-authenticated.
    bool setAudioOff(bool off, bool reauthenticated, core::Timestamp now);

    [[nodiscard]] SignalState signalState(core::Timestamp now) const;
    [[nodiscard]] core::Timestamp signalStateEndsAt() const; // AUDIO/ALARM PAUSED: when it ends
    // The priority the audio should sound now: the highest unacknowledged alarm, None while paused
    // or off (AUDIO OFF: Low for a moment every reminder period, as a reminder).
    [[nodiscard]] AlarmPriority::Level audibleLevel(core::Timestamp now) const;

    [[nodiscard]] std::vector<Alarm> alarms() const; // every current alarm, highest priority first
    [[nodiscard]] std::vector<Alarm> alarmsFor(const QString& patientKey) const;
    [[nodiscard]] std::optional<Alarm> alarm(const QString& alarmId) const;
    [[nodiscard]] AlarmPriority::Level highestFor(const QString& patientKey) const;
    // The oldest raise time of an unacknowledged alarm of the patient (0: none).
    [[nodiscard]] core::Timestamp unacknowledgedSince(const QString& patientKey) const;

private:
    void raiseOrUpdate(const QString& patientKey, Alarm::Condition condition, core::VitalKind kind,
        AlarmPriority::Level level, double value, double threshold, core::Timestamp now, std::vector<Change>& out);
    void conditionGone(const QString& slotKey, core::Timestamp now, std::vector<Change>& out);
    void escalate(core::Timestamp now, std::vector<Change>& out);
    [[nodiscard]] static QString slotKey(const QString& patientKey, Alarm::Condition condition, core::VitalKind kind);

    Config m_config;
    QHash<QString, AlarmLimits> m_limits;
    std::map<QString, Alarm> m_alarms; // by slot key: at most one current episode per condition
    std::map<QString, core::Timestamp> m_breachSince; // by slot key + rule index: when the breach began
    SignalState m_signal = SignalState::Normal;
    core::Timestamp m_signalUntil = 0;
    bool m_audioOff = false;
    core::Timestamp m_audioOffSince = 0;
};

} // namespace vigil::clinical
