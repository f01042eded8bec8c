#include "fhirdatetime.h"

namespace vigil::codec {

namespace {

constexpr qint64 kUnixEpochJulianDay = 2440588; // 1970-01-01
constexpr qint64 kMicrosPerMinute = 60 * core::kMicrosPerSecond;
constexpr qint64 kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr qint64 kMicrosPerDay = 24 * kMicrosPerHour;

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// Exactly n ASCII digits at pos, as a number; -1 if there are not.
int digitsAt(QStringView s, qsizetype pos, int n)
{
    if (pos < 0 || pos + n > s.size())
        return -1;
    int value = 0;
    for (int i = 0; i < n; ++i) {
        const QChar c = s.at(pos + i);
        if (!isDigit(c))
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

bool charAt(QStringView s, qsizetype pos, char16_t c)
{
    return pos < s.size() && s.at(pos).unicode() == c;
}

core::Timestamp midnightUtc(QDate date)
{
    return (date.toJulianDay() - kUnixEpochJulianDay) * kMicrosPerDay;
}

} // namespace

FhirDateTime::Result FhirDateTime::parse(QStringView text)
{
    Result result;
    const QStringView s = text.trimmed();

    const int year = digitsAt(s, 0, 4);
    if (year < 1)
        return result;
    if (s.size() == 4) {
        result.precision = Precision::Year;
        result.utc = midnightUtc(QDate(year, 1, 1));
        return result;
    }
    if (!charAt(s, 4, u'-'))
        return result;
    const int month = digitsAt(s, 5, 2);
    if (month < 1 || month > 12)
        return result;
    if (s.size() == 7) {
        result.precision = Precision::Month;
        result.utc = midnightUtc(QDate(year, month, 1));
        return result;
    }
    if (!charAt(s, 7, u'-'))
        return result;
    const int day = digitsAt(s, 8, 2);
    const QDate date(year, month, day < 1 ? 0 : day);
    if (day < 1 || !date.isValid())
        return result;
    if (s.size() == 10) {
        result.precision = Precision::Day;
        result.utc = midnightUtc(date);
        return result;
    }

    if (!charAt(s, 10, u'T'))
        return result;
    const int hour = digitsAt(s, 11, 2);
    const int minute = charAt(s, 13, u':') ? digitsAt(s, 14, 2) : -1;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
        return result;
    qsizetype pos = 16;
    int second = 0;
    qint64 micros = 0;
    if (charAt(s, pos, u':')) {
        second = digitsAt(s, pos + 1, 2);
        if (second < 0 || second > 60)
            return result;
        pos += 3;
        if (charAt(s, pos, u'.')) {
            ++pos;
            const qsizetype first = pos;
            qint64 scale = 100000;
            while (pos < s.size() && isDigit(s.at(pos))) {
                micros += (s.at(pos).unicode() - u'0') * scale; // digits past the sixth add 0
                scale /= 10;
                ++pos;
            }
            if (pos == first)
                return result;
        }
    }

    qint64 offsetMinutes = 0;
    if (pos < s.size()) {
        const char16_t sign = s.at(pos).unicode();
        if (sign == u'Z' && pos + 1 == s.size()) {
            result.hasZone = true;
        } else if (sign == u'+' || sign == u'-') {
            const int zoneHours = digitsAt(s, pos + 1, 2);
            qsizetype end = pos + 3;
            int zoneMinutes = 0;
            if (charAt(s, end, u':')) {
                zoneMinutes = digitsAt(s, end + 1, 2);
                end += 3;
            } else if (end < s.size()) {
                zoneMinutes = digitsAt(s, end, 2);
                end += 2;
            }
            if (zoneHours < 0 || zoneHours > 14 || zoneMinutes < 0 || zoneMinutes > 59 || end != s.size())
                return result;
            offsetMinutes = (sign == u'-' ? -1 : 1) * (qint64(zoneHours) * 60 + zoneMinutes);
            result.hasZone = true;
        } else {
            return result;
        }
    }

    result.precision = Precision::Time;
    result.utc = midnightUtc(date) + hour * kMicrosPerHour + minute * kMicrosPerMinute + second * core::kMicrosPerSecond
        + micros - offsetMinutes * kMicrosPerMinute;
    return result;
}

QDate FhirDateTime::date(QStringView text, Precision* precision)
{
    const QStringView s = text.trimmed();
    // A date has no time part: only the first three precisions qualify.
    const Result r = s.size() <= 10 ? parse(s) : Result{};
    if (precision)
        *precision = r.precision;
    if (r.precision != Precision::Day)
        return {};
    return QDate::fromJulianDay(r.utc / kMicrosPerDay + kUnixEpochJulianDay);
}

} // namespace vigil::codec
