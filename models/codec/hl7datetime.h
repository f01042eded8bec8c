#pragma once

#include "core/timestamp.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace vigil::codec {

// An HL7 v2 date/time (DTM, and the first component of TS / DR):
// YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]. Missing parts are the start of the period (month 1,
// day 1, 00:00:00). A value without an offset is taken as UTC: Vigil cannot know the sender's
// local zone, and device gateways (IHE PCD, Continua) send UTC or an explicit offset.
struct Hl7DateTime
{
    enum class Precision : quint8 {
        Year,
        Month,
        Day,
        Hour,
        Minute,
        Second,
        FractionOfSecond
    };

    core::Timestamp utc = 0; // µs since the epoch, UTC
    QDate date; // the calendar date as written (before applying the offset)
    Precision precision = Precision::Year;
    bool hasOffset = false;
    int offsetMinutes = 0; // east of UTC

    // nullopt for anything that is not a well-formed DTM (bad digits, month 13, 30 February, 24:00,
    // second 60, an offset beyond ±23:59 ...). Surrounding spaces are ignored.
    [[nodiscard]] static std::optional<Hl7DateTime> parse(QStringView text);
    // "YYYYMMDDHHMMSS+0000" for a UTC time (as Vigil writes MSH-7).
    [[nodiscard]] static QString formatUtc(const QDateTime& time);
};

} // namespace vigil::codec
