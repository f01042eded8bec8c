#pragma once

#include "core/devicestatus.h"
#include "core/streamkind.h"
#include "core/timestamp.h"
#include "core/vitalsigns.h"

#include <array>

namespace vigil::live {

// A consistent copy of a patient's latest numerics and technical state, taken under the feed's lock.
struct FeedSnapshot
{
    core::VitalSigns vitals;
    core::DeviceStatus status;
    core::Timestamp lastReceived = 0; // workstation time anything last arrived for this patient; 0: never
    std::array<core::Timestamp, core::kStreamCount> lastSampleTime{}; // device time of each stream's newest sample

    // Seconds since anything arrived, measured at `now`; -1 when nothing ever did.
    [[nodiscard]] double dataAgeSeconds(core::Timestamp now) const
    {
        return lastReceived == 0 ? -1.0 : static_cast<double>(now - lastReceived) / core::kMicrosPerSecond;
    }
};

} // namespace vigil::live
