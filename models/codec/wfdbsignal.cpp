#include "wfdbsignal.h"

#include "wavecodec.h"

#include <limits>

namespace vigil::codec {

double WfdbSignal::physical(qint32 digital) const
{
    if (digital == WaveCodec::kInvalid)
        return std::numeric_limits<double>::quiet_NaN();
    return (static_cast<double>(digital) - static_cast<double>(baseline)) / gain;
}

} // namespace vigil::codec
