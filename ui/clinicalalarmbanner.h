#pragma once

#include "clinical/alarm.h"
#include "clinical/alarmengine.h"
#include "core/timestamp.h"

#include <QElapsedTimer>
#include <QFrame>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QTimer;

namespace vigil::ui {

// The ward's alarms (AlarmEngine::alarms(): physiological and per-patient technical ones, and the
// workstation-wide technical ones) in one banner above the live grid, to IEC 60601-1-8 conventions
// (CLINICAL.md). It shows one alarm, the top one: the highest-priority unacknowledged alarm, or the
// highest if all are acknowledged, so that Acknowledge always acts on the alarm in view. For it:
// the priority as a word, a marker ("***") and a shape (triangle HIGH, diamond MEDIUM, circle LOW),
// never colour alone; the patient's display name; the alarm text; how many more alarms there are;
// and the alarm signal state in words (AUDIO PAUSED 1:45, ALARM PAUSED, AUDIO OFF).
//
// Colours: HIGH red, MEDIUM yellow, LOW yellow, technical alarms cyan. The visual signal (the
// indicator at the left: shape and priority) flashes at AlarmPriority::flashHz() with a 50 % duty
// cycle; it is steady for LOW, when the alarm shown is acknowledged and while ALARM PAUSED. The
// rest of the banner stays steady, so it can be read while it flashes.
//
// Physiological alarms on a remote workstation are advisory (a secondary alarm system): the banner
// says so in its tooltip and accessible description.
//
// Buttons, each with a shortcut (window-wide, so they work wherever the focus is in the window):
// Acknowledge Ctrl+Shift+A, Audio pause 2 min (AUDIO PAUSED) Ctrl+Shift+P, Open patient
// Ctrl+Shift+O, Pause alarms 2 min (ALARM PAUSED) Ctrl+Shift+L, Alarm reset (ALARM RESET)
// Ctrl+Shift+R. The banner only asks (signals); the caller acts on the AlarmEngine and audits.
//
// Locked (the session lock hides patient data): only "<PRIORITY> alarm active — unlock to see" with
// the marker and shape, no buttons.
//
// With no alarm the banner hides itself, except while AUDIO OFF or ALARM PAUSED is in force: a
// clinician must see that the next alarm will not sound (or flash), so a compact cyan line stays
// ("AUDIO OFF — alarms will not sound", "ALARM PAUSED 1:45 — new alarms will not sound or flash until
// then"), with no indicator and no buttons.
// AUDIO PAUSED with no alarm ends with the alarms it paused, as far as the banner is concerned.
class ClinicalAlarmBanner final : public QFrame
{
    Q_OBJECT
public:
    // The patient's display name for a patient key (empty: unknown).
    using NameProvider = std::function<QString(const QString& patientKey)>;

    explicit ClinicalAlarmBanner(QWidget* parent = nullptr);

    void setNameProvider(NameProvider provider);

    // The current alarms, the signal state and, for AUDIO PAUSED / ALARM PAUSED, when it ends
    // (AlarmEngine::signalStateEndsAt()); `now` is the engine's clock. The countdown keeps running
    // between calls (on a monotonic clock from `now`).
    void setAlarms(std::vector<clinical::Alarm> alarms, clinical::AlarmEngine::SignalState state,
        core::Timestamp endsAt, core::Timestamp now);
    // While locked no patient data is shown, only that an alarm is active and its priority.
    void setLocked(bool locked);
    [[nodiscard]] bool isLocked() const { return m_locked; }

    // The alarm in view (none while there is no alarm).
    [[nodiscard]] std::optional<clinical::Alarm> topAlarm() const;
    [[nodiscard]] int alarmCount() const { return static_cast<int>(m_alarms.size()); }
    // The signal state in words ("AUDIO PAUSED 1:45"); empty in the normal state.
    [[nodiscard]] QString signalStateText() const;
    // Everything the banner shows, one line ("HIGH *** — TEST, Alpha — SpO₂ low: ... — +1 more alarm");
    // empty when hidden.
    [[nodiscard]] QString text() const;
    // Showing only the signal state (no alarm, but AUDIO OFF or ALARM PAUSED).
    [[nodiscard]] bool isShowingStateOnly() const;

    // The visual signal: flashing (the timer runs) or steady; its period in ms (0: steady); whether
    // it is in its "on" (full colour) phase now.
    [[nodiscard]] bool isFlashing() const;
    [[nodiscard]] int flashIntervalMs() const; // half the period: the time between toggles
    [[nodiscard]] bool isFlashOn() const { return m_flashOn; }

Q_SIGNALS:
    // The user asked to acknowledge the alarm in view.
    void acknowledgeRequested(const QString& alarmId);
    // The user asked for AUDIO PAUSED (AlarmEngine::pauseAudio(), 120 s).
    void audioPauseRequested();
    // The user asked for ALARM PAUSED (AlarmEngine::pauseAlarms(), 120 s).
    void alarmPauseRequested();
    // The user asked for ALARM RESET (AlarmEngine::reset()).
    void alarmResetRequested();
    // The user asked to open the patient of the alarm in view.
    void openPatientRequested(const QString& patientKey);
    // The flashing visual signal toggled (on: full colour): other views can flash in step with it.
    void flashPhaseChanged(bool on);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void refresh();
    void refreshSignalState();
    void showStateOnly();
    [[nodiscard]] bool stateOnly() const; // no alarm, but a signal state the user must see
    void onFlashTimeout();
    void updateIndicator();
    [[nodiscard]] QColor colour() const;
    [[nodiscard]] std::optional<std::size_t> topIndex() const;

    NameProvider m_nameProvider;
    std::vector<clinical::Alarm> m_alarms; // highest priority first
    clinical::AlarmEngine::SignalState m_state = clinical::AlarmEngine::SignalState::Normal;
    core::Timestamp m_endsAt = 0;
    core::Timestamp m_now = 0;
    QElapsedTimer m_sinceNow; // time since m_now, for the countdown
    bool m_locked = false;
    bool m_flashOn = true;

    QWidget* m_indicator = nullptr; // the flashing part: shape and priority
    QLabel* m_shape = nullptr;
    QLabel* m_priority = nullptr;
    QLabel* m_patient = nullptr;
    QLabel* m_alarmText = nullptr;
    QLabel* m_more = nullptr;
    QLabel* m_lockedText = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_stateOnly = nullptr; // the compact line with no alarm
    QPushButton* m_acknowledge = nullptr;
    QPushButton* m_audioPause = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_alarmPause = nullptr;
    QPushButton* m_reset = nullptr;
    QTimer* m_flashTimer = nullptr;
    QTimer* m_countdownTimer = nullptr;
};

} // namespace vigil::ui
