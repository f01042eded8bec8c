#pragma once

#include "core/streamkind.h"

#include <QString>

namespace vigil::store {

// What the store keeps about a waveform stream. Samples are stored as int32 digital values;
// physical = (digital - baseline) / gain in `unit`.
struct StreamDescriptor
{
    int code = 0; // IEEE 11073 MDC code
    QString label;
    QString unit;
    double rateHz = 0;
    double gain = 1;
    double baseline = 0; // may be fractional: FHIR origin / factor (physical = origin + factor × digital)

    // The resolution the live view's streams are kept at: ECG 5 µV (200 per mV, as MIT-BIH and most
    // ambulatory ECG), pleth and respiration 1/1000 of their relative unit.
    [[nodiscard]] static StreamDescriptor forLiveStream(core::StreamKind kind);
    // float → digital (rounded; NaN → codec::WaveCodec::kInvalid) and back.
    [[nodiscard]] qint32 toDigital(float physical) const;
    [[nodiscard]] double toPhysical(qint32 digital) const;
};

} // namespace vigil::store
