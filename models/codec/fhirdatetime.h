#pragma once

#include "core/timestamp.h"

#include <QDate>
#include <QStringView>

namespace vigil::codec {

// The FHIR R4 date, dateTime and instant types (ISO 8601 subsets), read into Vigil time (int64 µs UTC).
//
// Accepted: "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDThh:mm[:ss[.f…]][Z|±hh[:mm]]". Fractions finer
// than a microsecond are truncated; a leap second (ss = 60) counts as the first second of the next
// minute. A time without a zone (not valid FHIR, but sent by real devices) is read as UTC. Anything
// else, including an impossible calendar date, is Precision::Invalid.
//
// Thread-safe (no state). The input is untrusted: never reads out of bounds.
class FhirDateTime final
{
public:
    enum class Precision {
        Invalid,
        Year, // "2015"
        Month, // "2015-02"
        Day, // "2015-02-19": a date without a time of day
        Time, // a full date and time
    };

    struct Result
    {
        Precision precision = Precision::Invalid;
        // µs UTC. For Time: the instant. For Day, Month and Year: 00:00 UTC of the first day. 0 for Invalid.
        core::Timestamp utc = 0;
        bool hasZone = false; // a "Z" or "±hh:mm" was given (Time only)
    };

    [[nodiscard]] static Result parse(QStringView text);
    // A FHIR date (e.g. birthDate): the QDate of a full "YYYY-MM-DD"; an invalid QDate for anything else
    // (a partial date included). *precision (if given) tells which.
    [[nodiscard]] static QDate date(QStringView text, Precision* precision = nullptr);
};

} // namespace vigil::codec
