#pragma once

#include "core/timestamp.h"

#include <QString>

namespace vigil::store {

// A time-stamped label on a patient's recording (table `annotation`, schema v3): the beat and rhythm
// labels of a WFDB annotation file, the annotations of an EDF+ file. Imported, not clinical events:
// they are not synchronised, and re-importing the same file stores nothing twice (a row is unique
// by patient, source, time, code, channel, number, subtype and text).
struct Annotation
{
    core::Timestamp time = 0; // µs UTC, on the recording's device time
    core::Timestamp durationUs = -1; // < 0: an instant
    QString source; // what produced it: "wfdb:atr", "edf+"
    int code = 0; // WFDB (MIT) annotation code (1 N, 5 V, 28 rhythm "+" ...); 0 for EDF+
    QString symbol; // WFDB mnemonic ("N", "V", "+"); empty for EDF+
    int subtype = 0;
    int channel = 0;
    int number = 0;
    QString text; // WFDB aux (e.g. the rhythm "(N"), the EDF+ annotation text; may be empty
};

} // namespace vigil::store
