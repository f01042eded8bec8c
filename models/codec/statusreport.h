#pragma once

#include "core/devicestatus.h"

#include <QString>

namespace vigil::codec {

// A device heartbeat or status change for one patient's monitoring kit.
struct StatusReport
{
    QString patientKey;
    QString sourceId;
    core::DeviceStatus status;
};

} // namespace vigil::codec
