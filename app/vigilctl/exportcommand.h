#pragma once

#include <QStringList>

namespace vigil::app {

// `vigilctl export --patient ID --from TIME --to TIME --format csv|fhir [--output FILE]`: one
// patient's waveforms and vitals over an interval, as CSV (one row per sample or reading, physical
// units) or as a FHIR R4 Bundle (Patient, vital-signs Observations, and one Observation with
// valueSampledData per stored second of each waveform). Every export is written to the audit log.
class ExportCommand final
{
public:
    [[nodiscard]] static int run(const QStringList& arguments);
};

} // namespace vigil::app
