#include "decimalvalue.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace vigil::clinical {

namespace {

constexpr qint64 kMaxMagnitude = 1'000'000'000'000; // 10^12

// Rounds plain decimal digits ("[+-]digits[.digits]") half-up to `decimals`.
std::optional<qint64> roundText(QStringView text, int decimals)
{
    if (decimals < 0 || decimals > 3)
        return std::nullopt;
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+')) {
        negative = text[i] == u'-';
        ++i;
    }
    qint64 whole = 0;
    int digits = 0;
    for (; i < text.size() && text[i].isDigit(); ++i, ++digits) {
        whole = whole * 10 + (text[i].unicode() - u'0');
        if (whole > kMaxMagnitude)
            return std::nullopt;
    }
    qint64 scaled = whole;
    int fraction = 0;
    bool roundUp = false;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        for (; i < text.size() && text[i].isDigit(); ++i, ++fraction) {
            const int d = text[i].unicode() - u'0';
            if (fraction < decimals)
                scaled = scaled * 10 + d;
            else if (fraction == decimals)
                roundUp = d >= 5; // half-up: the first dropped digit decides
        }
        digits += fraction;
    }
    if (i != text.size() || digits == 0)
        return std::nullopt;
    for (int k = fraction; k < decimals; ++k)
        scaled *= 10;
    if (roundUp)
        ++scaled;
    return negative ? -scaled : scaled;
}

} // namespace

std::optional<qint64> DecimalValue::roundScaled(double value, int decimals)
{
    if (!std::isfinite(value) || std::fabs(value) >= static_cast<double>(kMaxMagnitude))
        return std::nullopt;
    // The shortest decimal that reads back as `value`, in fixed notation.
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (ec != std::errc())
        return std::nullopt;
    return roundText(QString::fromLatin1(buffer, end - buffer), decimals);
}

std::optional<qint64> DecimalValue::parseScaled(QStringView text, int decimals)
{
    return roundText(text.trimmed(), decimals);
}

QString DecimalValue::format(qint64 scaled, int decimals)
{
    if (decimals <= 0)
        return QString::number(scaled);
    qint64 unit = 1;
    for (int k = 0; k < decimals; ++k)
        unit *= 10;
    const qint64 magnitude = std::llabs(scaled);
    return QStringLiteral("%1%2.%3")
        .arg(scaled < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / unit)
        .arg(magnitude % unit, decimals, 10, QLatin1Char('0'));
}

} // namespace vigil::clinical
