// libFuzzer target: WaveCodec::decode on arbitrary bytes must fail cleanly or return samples that
// re-encode to the same samples; any input whose size is a multiple of 4, read as int32 samples, must
// round-trip through encode and decode. Aborts on any violation (and ASan/UBSan abort on memory
// errors and undefined behaviour in the fuzzing build).
#include "codec/wavecodec.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

using vigil::codec::WaveCodec;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    std::vector<qint32> decoded;
    QString error;
    if (WaveCodec::decode(bytes, decoded, &error)) {
        const auto count = WaveCodec::sampleCount(bytes);
        if (qsizetype(decoded.size()) > WaveCodec::kMaxSamples || !count || *count != qsizetype(decoded.size()))
            std::abort();
        std::vector<qint32> again;
        if (!WaveCodec::decode(WaveCodec::encode(decoded), again) || again != decoded)
            std::abort();
    } else if (error.isEmpty() || !decoded.empty()) {
        std::abort();
    }

    if (size % 4 == 0 && qsizetype(size / 4) <= WaveCodec::kMaxSamples) {
        std::vector<qint32> samples(size / 4);
        if (size > 0)
            std::memcpy(samples.data(), data, size);
        const QByteArray encoded = WaveCodec::encode(samples);
        std::vector<qint32> roundTrip;
        if (!WaveCodec::decode(encoded, roundTrip, &error) || roundTrip != samples)
            std::abort();
    }
    return 0;
}
