#pragma once

#include <QString>

namespace vigil::codec {

// One ordinary (not annotation) signal of an EDF / BDF file, as its header describes it.
// physical = physicalMin + (digital - digitalMin) x (physicalMax - physicalMin) / (digitalMax - digitalMin),
// the same as (digital - baseline()) / gain().
struct EdfSignal
{
    QString label; // e.g. "EEG Fpz-Cz", "ECG"
    QString transducer;
    QString unit; // the physical dimension, e.g. "uV" (non-ASCII bytes read as Latin-1)
    QString prefilter;
    double physicalMin = 0;
    double physicalMax = 0;
    qint32 digitalMin = 0;
    qint32 digitalMax = 0;
    int samplesPerRecord = 0;
    double rateHz = 0; // samplesPerRecord / the data-record duration
    qint64 sampleCount = 0; // in the file

    // Digital units per physical unit: (digitalMax - digitalMin) / (physicalMax - physicalMin).
    [[nodiscard]] double gain() const;
    // The digital value of physical zero (may be fractional).
    [[nodiscard]] double baseline() const;
    [[nodiscard]] double physical(qint32 digital) const;
};

} // namespace vigil::codec
