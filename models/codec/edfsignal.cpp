#include "edfsignal.h"

namespace vigil::codec {

double EdfSignal::gain() const
{
    return (static_cast<double>(digitalMax) - static_cast<double>(digitalMin)) / (physicalMax - physicalMin);
}

double EdfSignal::baseline() const
{
    return static_cast<double>(digitalMin) - physicalMin * gain();
}

double EdfSignal::physical(qint32 digital) const
{
    return physicalMin
        + (static_cast<double>(digital) - static_cast<double>(digitalMin)) * (physicalMax - physicalMin)
        / (static_cast<double>(digitalMax) - static_cast<double>(digitalMin));
}

} // namespace vigil::codec
