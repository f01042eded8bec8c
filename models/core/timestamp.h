#pragma once

#include <QtGlobal>

namespace vigil::core {

// Time is int64 microseconds since the Unix epoch, UTC, everywhere in Vigil.
using Timestamp = qint64;

inline constexpr Timestamp kMicrosPerSecond = 1'000'000;
inline constexpr Timestamp kMicrosPerMilli = 1'000;

// Wall-clock time now, as a Timestamp.
[[nodiscard]] Timestamp nowUtc();

} // namespace vigil::core
