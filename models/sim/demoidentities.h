#pragma once

#include "core/patientidentity.h"

#include <QDate>
#include <QtGlobal>

namespace vigil::sim {

// Realistic but fictitious demo identities. NHS Numbers are in the 999 range that the NHS never
// issues (reserved for testing) and pass the Modulus 11 check. Deterministic for (seed, index).
class DemoIdentities final
{
public:
    // Ages are kMinimumAge..kMaximumAge on defaultReferenceDate(), so the identity never depends
    // on today's date. NHS Numbers are unique per seed for indices 0..99999; ids are "demo-007".
    [[nodiscard]] static core::PatientIdentity make(quint64 seed, int index);
    // Same names and NHS Number, with birth dates chosen so the ages hold on `referenceDate`
    // (e.g. today, for a demo that should stay plausible over the years).
    [[nodiscard]] static core::PatientIdentity make(quint64 seed, int index, QDate referenceDate);

    [[nodiscard]] static QDate defaultReferenceDate();

    static constexpr int kMinimumAge = 45;
    static constexpr int kMaximumAge = 95;
};

} // namespace vigil::sim
