#pragma once

#include <QString>

namespace vigil::clinical {

// The four parts of an SBAR escalation message (Situation, Background, Assessment,
// Recommendation; CLINICAL.md, "Escalation"). Plain text written, or confirmed, by the clinician
// (SbarPrefill drafts it from the data).
struct Sbar
{
    QString situation;
    QString background;
    QString assessment;
    QString recommendation;

    [[nodiscard]] bool isEmpty() const
    {
        return situation.isEmpty() && background.isEmpty() && assessment.isEmpty() && recommendation.isEmpty();
    }
    bool operator==(const Sbar&) const = default;
};

} // namespace vigil::clinical
