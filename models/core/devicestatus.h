#pragma once

#include "timestamp.h"

namespace vigil::core {

// Technical state of a patient's monitoring devices, as last reported.
struct DeviceStatus
{
    bool ecgLeadOff = false;
    bool online = true; // device reports itself connected (heartbeats arriving)
    int batteryPercent = -1; // -1: unknown
    Timestamp time = 0; // device time of the report
};

} // namespace vigil::core
