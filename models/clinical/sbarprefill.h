#pragma once

#include "core/timestamp.h"
#include "core/vitalsigns.h"
#include "escalationlevel.h"
#include "news2.h"
#include "sbar.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace vigil::clinical {

// Drafts the SBAR of an escalation from the data the workstation holds, for the clinician to edit
// before sending (the draft is never sent as it is: the Escalate event carries what the clinician
// confirmed). No patient-identifying data goes in; the patient is the case's.
//
// - Situation: the NEWS2 total and band (or, for an incomplete set, what is missing and the range of
//   totals), the parameters scoring 3, and the active alarms.
// - Background: remote monitoring, and the latest reading of each vital sign with its age; readings
//   older than `staleAfterUs` are marked as not recent.
// - Assessment: each NEWS2 parameter with its reading and score.
// - Recommendation: the level being escalated to, and the RCP clinical response and monitoring for
//   the NEWS2 band.
class SbarPrefill final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::clinical::SbarPrefill)
public:
    struct Input
    {
        std::optional<News2::Result> news2; // the latest NEWS2, complete or not
        core::VitalSigns vitals; // the latest reading of each vital sign (invalid: none)
        QStringList activeAlarms; // the active alarms' texts, as the alarm list shows them
        EscalationLevel level = EscalationLevel::None; // the level being escalated to
        core::Timestamp now = 0; // for the readings' ages
        core::Timestamp staleAfterUs = core::Timestamp(15) * 60 * core::kMicrosPerSecond;
    };

    [[nodiscard]] static Sbar build(const Input& input);
    // A reading's age for people: "40 s", "12 min", "3 h 5 min", "2 d 4 h" (negative ages, a clock
    // ahead of ours, are shown as 0 s).
    [[nodiscard]] static QString age(core::Timestamp ageUs);
};

} // namespace vigil::clinical
