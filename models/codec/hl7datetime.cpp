#include "hl7datetime.h"

#include <QTimeZone>

namespace vigil::codec {

namespace {

constexpr qint64 kJulianDayOfEpoch = 2440588; // 1970-01-01

// The number in text[pos, pos + digits), or -1 when those are not all ASCII digits.
int digitsAt(QStringView text, qsizetype pos, int digits)
{
    if (pos + digits > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < digits; ++i) {
        const char16_t c = text[pos + i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

std::optional<Hl7DateTime> Hl7DateTime::parse(QStringView text)
{
    text = text.trimmed();
    // Split off the offset: the first '+' or '-' (a DTM has no other sign).
    qsizetype signAt = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'+' || text[i] == u'-') {
            signAt = i;
            break;
        }
    }
    const QStringView body = signAt < 0 ? text : text.first(signAt);

    Hl7DateTime dt;
    const int year = digitsAt(body, 0, 4);
    if (year < 1)
        return std::nullopt;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    qint64 micros = 0;

    qsizetype pos = 4;
    int* const parts[] = {&month, &day, &hour, &minute, &second};
    const Precision precisions[] = {
        Precision::Month, Precision::Day, Precision::Hour, Precision::Minute, Precision::Second};
    for (int k = 0; k < 5 && pos < body.size() && body[pos] != u'.'; ++k) {
        const int v = digitsAt(body, pos, 2);
        if (v < 0)
            return std::nullopt;
        *parts[k] = v;
        dt.precision = precisions[k];
        pos += 2;
    }
    if (pos < body.size()) {
        // Only a fraction of a second may follow, and only after the seconds.
        if (body[pos] != u'.' || dt.precision != Precision::Second)
            return std::nullopt;
        const QStringView fraction = body.sliced(pos + 1);
        if (fraction.isEmpty() || fraction.size() > 4)
            return std::nullopt;
        const int value = digitsAt(fraction, 0, int(fraction.size()));
        if (value < 0)
            return std::nullopt;
        qint64 scale = 1'000'000;
        for (qsizetype i = 0; i < fraction.size(); ++i)
            scale /= 10;
        micros = qint64(value) * scale;
        dt.precision = Precision::FractionOfSecond;
    }
    if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    dt.date = QDate(year, month, day);
    if (!dt.date.isValid())
        return std::nullopt;

    if (signAt >= 0) {
        const QStringView offset = text.sliced(signAt + 1);
        if (offset.size() != 4)
            return std::nullopt;
        const int hh = digitsAt(offset, 0, 2);
        const int mm = digitsAt(offset, 2, 2);
        if (hh < 0 || mm < 0 || hh > 23 || mm > 59)
            return std::nullopt;
        dt.hasOffset = true;
        dt.offsetMinutes = (text[signAt] == u'-' ? -1 : 1) * (hh * 60 + mm);
    }

    const qint64 days = dt.date.toJulianDay() - kJulianDayOfEpoch;
    const qint64 seconds = ((days * 24 + hour) * 60 + minute) * 60 + second - qint64(dt.offsetMinutes) * 60;
    dt.utc = seconds * core::kMicrosPerSecond + micros;
    return dt;
}

QString Hl7DateTime::formatUtc(const QDateTime& time)
{
    return time.toTimeZone(QTimeZone::utc()).toString(QStringLiteral("yyyyMMddHHmmss")) + QStringLiteral("+0000");
}

} // namespace vigil::codec
