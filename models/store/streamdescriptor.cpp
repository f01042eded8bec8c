#include "streamdescriptor.h"

#include "codec/wavecodec.h"

#include <cmath>
#include <limits>

namespace vigil::store {

StreamDescriptor StreamDescriptor::forLiveStream(core::StreamKind kind)
{
    StreamDescriptor d;
    d.code = core::mdcCode(kind);
    d.label = core::streamLabel(kind);
    d.unit = core::streamUnit(kind);
    d.rateHz = core::sampleRateHz(kind);
    d.gain = kind == core::StreamKind::Ecg ? 200.0 : 1000.0;
    d.baseline = 0;
    return d;
}

qint32 StreamDescriptor::toDigital(float physical) const
{
    if (!std::isfinite(physical))
        return codec::WaveCodec::kInvalid;
    const double digital = std::round(static_cast<double>(physical) * gain) + baseline;
    // Clamp into the valid range; kInvalid (INT32_MIN) is reserved.
    constexpr double lo = std::numeric_limits<qint32>::min() + 1.0;
    constexpr double hi = std::numeric_limits<qint32>::max();
    return static_cast<qint32>(std::clamp(digital, lo, hi));
}

double StreamDescriptor::toPhysical(qint32 digital) const
{
    if (digital == codec::WaveCodec::kInvalid)
        return std::numeric_limits<double>::quiet_NaN();
    return (static_cast<double>(digital) - baseline) / gain;
}

} // namespace vigil::store
