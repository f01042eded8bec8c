#pragma once

#include "edfannotation.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <optional>
#include <vector>

namespace vigil::codec {

// The time-stamped annotation lists (TALs) of one EDF+ data record's "EDF Annotations" signal:
//   +onset[\x15duration]\x14[annotation\x14]...\x00   (then the next TAL, or \x00 padding)
// Onsets are seconds with a sign and an optional fraction (read exactly, to the microsecond); the
// first annotation of the record's first TAL is empty and its onset is the record's start (the
// time-keeping TAL). Untrusted input: never crashes, allocates no more than the input holds.
class EdfTal final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::codec::EdfTal)
public:
    // Appends the annotations in `bytes` (onsets relative to the file's start date and time, not yet
    // corrected for a sub-second start) to `out`. `recordOnsetUs` receives the time-keeping onset
    // when `bytes` begins with one (nullopt otherwise). False with a message on a malformed TAL (the
    // annotations before it are kept).
    static bool parse(QByteArrayView bytes, std::vector<EdfAnnotation>& out, std::optional<qint64>& recordOnsetUs,
        QString* error = nullptr);
    // "+12.5" / "-0.25" / "30" (duration: no sign) as microseconds; nullopt when malformed or beyond
    // ±10^12 s.
    [[nodiscard]] static std::optional<qint64> parseSeconds(QByteArrayView text, bool signRequired);
};

} // namespace vigil::codec
