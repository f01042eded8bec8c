#include "timestamp.h"

#include <QDateTime>

namespace vigil::core {

Timestamp nowUtc()
{
    return QDateTime::currentMSecsSinceEpoch() * kMicrosPerMilli;
}

} // namespace vigil::core
