#pragma once

#include "timestamp.h"

#include <QString>

#include <array>

namespace vigil::core {

// The live waveform streams a patient tile shows, in display order.
enum class StreamKind : quint8 {
    Ecg = 0,
    Pleth = 1,
    Resp = 2
};

inline constexpr std::array<StreamKind, 3> kAllStreams{StreamKind::Ecg, StreamKind::Pleth, StreamKind::Resp};
inline constexpr int kStreamCount = 3;

[[nodiscard]] constexpr int streamIndex(StreamKind kind)
{
    return static_cast<int>(kind);
}

// Nominal sample rate in Hz: ECG lead II 500, pleth 125, respiration 50.
[[nodiscard]] constexpr int sampleRateHz(StreamKind kind)
{
    switch (kind) {
    case StreamKind::Ecg:
        return 500;
    case StreamKind::Pleth:
        return 125;
    case StreamKind::Resp:
        return 50;
    }
    return 1;
}

// Sample period in microseconds (exact for all nominal rates).
[[nodiscard]] constexpr Timestamp samplePeriodUs(StreamKind kind)
{
    return kMicrosPerSecond / sampleRateHz(kind);
}

// IEEE 11073 MDC code of the stream (ECG lead II 131330, pleth 150452, resp 151780).
[[nodiscard]] int mdcCode(StreamKind kind);

// Short label for display ("II", "Pleth", "Resp"); not translated: these are clinical conventions.
[[nodiscard]] QString streamLabel(StreamKind kind);

// Unit of the samples: ECG in mV; pleth and respiration are relative (dimensionless).
[[nodiscard]] QString streamUnit(StreamKind kind);

} // namespace vigil::core
