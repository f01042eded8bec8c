#pragma once

#include <QCoreApplication>
#include <QString>

namespace vigil::clinical {

// Where a reading came from (CLINICAL.md rule 6): measured by a device (ingest), derived by Vigil
// from a waveform (heart rate from the ECG, pulse rate from the pleth, respiration rate from the
// resp wave), entered by a clinician, or entered by the patient (never for consciousness).
class Provenance final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::clinical::Provenance)
public:
    enum Source {
        Device,
        Derived,
        Clinician,
        Patient,
    };
    [[nodiscard]] static QString key(Source source); // "device", "derived", "clinician", "patient"
    [[nodiscard]] static QString name(Source source);
};

} // namespace vigil::clinical
