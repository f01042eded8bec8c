// libFuzzer target: WfdbRecord::parseHeader on arbitrary text must either fail with a message or
// return a record whose fields respect the documented invariants. No signal file is ever opened
// (the directory does not exist), but readSamples() is exercised on its failure path.
#include "codec/wavecodec.h"
#include "codec/wfdbrecord.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

using vigil::codec::WaveCodec;
using vigil::codec::WfdbRecord;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    const auto record = WfdbRecord::parseHeader(text, QStringLiteral("/nonexistent/vigil-fuzz"), &error);
    if (!record) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    if (!(record->frequency() > 0) || !std::isfinite(record->frequency()) || record->sampleCount() < 0
        || record->signalCount() < 0)
        std::abort();
    for (int i = 0; i < record->signalCount(); ++i) {
        const auto& s = record->signal(i);
        if (!(s.gain > 0) || !std::isfinite(s.gain) || s.samplesPerFrame < 1 || s.skew < 0 || s.byteOffset < 0)
            std::abort();
        if (s.format != 0 && !WfdbRecord::isSupportedFormat(s.format))
            std::abort();
        if (s.fileName.contains(u'/') || s.fileName.contains(u'\\'))
            std::abort();
        (void)record->physical(i, 0);
        (void)record->physical(i, WaveCodec::kInvalid);
        (void)record->signalFrequency(i);
    }
    if (record->signalCount() > 0) {
        std::vector<qint32> samples;
        if (record->readSamples(0, samples, &error) || error.isEmpty())
            std::abort(); // there is no signal file to read
    }
    return 0;
}
