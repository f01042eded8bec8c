#include "timestamp.h"

#include <QDateTime>

#include <chrono>

namespace vigil::core {

Timestamp steadyMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Timestamp nowUtc()
{
    return QDateTime::currentMSecsSinceEpoch() * kMicrosPerMilli;
}

} // namespace vigil::core
