// libFuzzer target: WFDB annotation files in MIT format (codec::WfdbAnnotations::parse).
// Oracle: a failure says why; a parse keeps the format's invariants: no more annotations than words,
// codes 0-58, channel 0-1023, subtype and number within 10-bit two's complement, a time resolution
// only when positive and finite, and symbols for every code.
#include "codec/wfdbannotations.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

using vigil::codec::WfdbAnnotation;
using vigil::codec::WfdbAnnotations;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > (std::size_t(8) << 20))
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    const auto parsed = WfdbAnnotations::parse(bytes, &error);
    if (!parsed) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    if (parsed->annotations().size() > size / 2)
        std::abort();
    for (const WfdbAnnotation& a : parsed->annotations()) {
        if (a.code < 0 || a.code > 58 || a.channel < 0 || a.channel > 1023 || a.subtype < -512 || a.subtype > 511
            || a.number < -512 || a.number > 511 || a.aux.size() > 255 || a.symbol().isEmpty())
            std::abort();
    }
    if (const auto resolution = parsed->timeResolution();
        resolution && !(std::isfinite(*resolution) && *resolution > 0))
        std::abort();
    return 0;
}
