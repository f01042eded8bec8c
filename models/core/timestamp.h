#pragma once

#include <QtGlobal>

namespace vigil::core {

// Time is int64 microseconds since the Unix epoch, UTC, everywhere in Vigil.
using Timestamp = qint64;

inline constexpr Timestamp kMicrosPerSecond = 1'000'000;
inline constexpr Timestamp kMicrosPerMilli = 1'000;

// The multiple of `unit` (> 0) at or before `t`, for times before 1970 as well.
[[nodiscard]] constexpr Timestamp floorTo(Timestamp t, Timestamp unit)
{
    const Timestamp q = (t / unit) * unit;
    return q > t ? q - unit : q;
}

// Wall-clock time now, as a Timestamp.
[[nodiscard]] Timestamp nowUtc();
// Microseconds on the steady (monotonic) clock: for durations and deadlines, never for data times.
[[nodiscard]] Timestamp steadyMicros();

} // namespace vigil::core
