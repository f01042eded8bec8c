#pragma once

#include <QString>

namespace vigil::codec {

// A part of an inbound message that could not be used, and why. `where` locates it inside the
// message ("entry[3]", "OBX 7", "line 12"); `reason` is one English sentence for the quarantine and
// the diagnostics view. Neither ever quotes patient-identifying content.
struct DecodeProblem
{
    QString where;
    QString reason;
};

} // namespace vigil::codec
