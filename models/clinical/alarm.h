#pragma once

#include "alarmpriority.h"
#include "core/timestamp.h"
#include "core/vitalsigns.h"

#include <QCoreApplication>
#include <QString>

namespace vigil::clinical {

// One alarm episode, as AlarmEngine keeps it: from the moment its condition was raised (after any
// delay) until it ends (its condition gone, and a latched one acknowledged or reset).
struct Alarm
{
    Q_DECLARE_TR_FUNCTIONS(vigil::clinical::Alarm)
public:
    enum class Condition {
        VitalLow, // physiological: below a limit
        VitalHigh, // physiological: above a limit
        StaleFeed, // technical: no data for a while when data is expected
        LeadOff,
        LowBattery,
        LinkDown, // technical, workstation-wide (no patient)
        StoreBehind, // technical, workstation-wide
    };

    QString id; // unique per episode: "<patient key>/<condition key>/<raised at, µs>"
    QString patientKey; // empty for workstation-wide technical alarms
    Condition condition = Condition::VitalLow;
    core::VitalKind kind = core::VitalKind::HeartRate; // Vital* only
    AlarmPriority::Level priority = AlarmPriority::None; // what it signals now
    AlarmPriority::Level basePriority = AlarmPriority::None; // from the limits, before escalation
    bool conditionPresent = true;
    bool latched = false; // a HIGH physiological alarm whose condition has gone: held until acknowledged
    bool acknowledged = false;
    QString acknowledgedBy;
    core::Timestamp acknowledgedAt = 0;
    bool escalated = false; // left unacknowledged for too long: one priority up
    core::Timestamp raisedAt = 0;
    double value = 0; // the reading that breached (Vital*), in the kind's unit
    double threshold = 0; // the limit it breached

    [[nodiscard]] bool isTechnical() const
    {
        return condition != Condition::VitalLow && condition != Condition::VitalHigh;
    }
    [[nodiscard]] QString conditionKey() const; // "hr-low", "spo2-low", "stale-feed", "link-down" ...
    // What happened, in words, without patient identity: "SpO₂ low: 86 % (limit 88 %)".
    [[nodiscard]] QString text() const;
};

} // namespace vigil::clinical
