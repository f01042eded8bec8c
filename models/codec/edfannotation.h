#pragma once

#include <QString>

namespace vigil::codec {

// One EDF+ annotation (an entry of a time-stamped annotation list, TAL).
struct EdfAnnotation
{
    qint64 onsetUs = 0; // from the start of the recording (EdfRecord::startUs()), may be negative
    qint64 durationUs = -1; // < 0: none given
    QString text; // UTF-8 in the file (Latin-1 if it is not valid UTF-8)
};

} // namespace vigil::codec
