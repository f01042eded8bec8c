// libFuzzer target: WfdbRecord::decodeFormat on arbitrary signal-file bytes in every format.
//
// Input layout (so seeds are real signal-file excerpts behind a short prefix):
//   u8  format selector: kFormats[value % 12] (the last two are unsupported and must fail)
//   u8  signals in the file: 1 + value % 8
//   u8  per signal: samples per frame, 1 + value % 4
//   u8  flags: bit 0 = initial values follow (format 8)
//   u8  frame limit: 255 = none, else at most that many frames
//   4 x signals bytes of little-endian initial values, if flag bit 0
//   the signal-file bytes
// Oracle: the frames decoded as several signals must be the single-signal sample stream dealt out
// frame by frame (format 8 excepted: its differences accumulate per signal).
#include "codec/wfdbrecord.h"

#include <QtEndian>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

using vigil::codec::WfdbRecord;

namespace {
constexpr int kFormats[] = {8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 0, 516};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::size_t pos = 0;
    const auto next = [&]() -> int { return pos < size ? data[pos++] : -1; };
    const int selector = next();
    const int signalsByte = next();
    if (selector < 0 || signalsByte < 0)
        return 0;
    const int format = kFormats[selector % 12];
    const int signalCount = 1 + signalsByte % 8;
    std::vector<int> samplesPerFrame;
    for (int j = 0; j < signalCount; ++j) {
        const int b = next();
        if (b < 0)
            return 0;
        samplesPerFrame.push_back(1 + b % 4);
    }
    const int flags = next();
    const int limit = next();
    if (flags < 0 || limit < 0)
        return 0;
    std::vector<qint32> initialValues;
    if (flags & 1) {
        for (int j = 0; j < signalCount; ++j) {
            if (size - pos < 4)
                return 0;
            initialValues.push_back(qFromLittleEndian<qint32>(data + pos));
            pos += 4;
        }
    }
    const qint64 maxFrames = limit == 255 ? -1 : limit;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data + pos), static_cast<qsizetype>(size - pos));

    std::vector<std::vector<qint32>> out;
    QString error;
    const bool ok = WfdbRecord::decodeFormat(format, bytes, samplesPerFrame, initialValues, maxFrames, out, &error);
    if (ok != WfdbRecord::isSupportedFormat(format))
        std::abort();
    if (!ok) {
        if (error.isEmpty() || !out.empty())
            std::abort();
        return 0;
    }
    if (out.size() != samplesPerFrame.size())
        std::abort();
    const std::size_t frames = out[0].size() / std::size_t(samplesPerFrame[0]);
    if (maxFrames >= 0 && qint64(frames) > maxFrames)
        std::abort();
    for (std::size_t j = 0; j < out.size(); ++j) {
        if (out[j].size() != frames * std::size_t(samplesPerFrame[j]))
            std::abort();
    }
    if (format == 8)
        return 0;

    const int one[] = {1};
    std::vector<std::vector<qint32>> flat;
    if (!WfdbRecord::decodeFormat(format, bytes, one, {}, -1, flat) || flat.size() != 1)
        std::abort();
    std::size_t s = 0;
    for (std::size_t f = 0; f < frames; ++f) {
        for (std::size_t j = 0; j < out.size(); ++j) {
            const std::size_t perFrame = std::size_t(samplesPerFrame[j]);
            for (std::size_t k = 0; k < perFrame; ++k) {
                if (s >= flat[0].size() || out[j][f * perFrame + k] != flat[0][s++])
                    std::abort();
            }
        }
    }
    return 0;
}
