#include "fhirsampleddata.h"

#include "wavecodec.h"

#include <QJsonValue>

#include <cmath>
#include <limits>

namespace vigil::codec {

namespace {

// Any scaled sample must fit in int32 and its magnitude is at least the mantissa's, so a mantissa
// above this bound fails; keeping it there also keeps every product below 2^62.
constexpr qint64 kMaxMantissa = std::numeric_limits<qint32>::max();
constexpr int kMaxExponent = 400;

constexpr qint64 kPowersOfTen[] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000};

enum class TokenKind {
    Number, // value = sign × mantissa / 10^scale
    Marker, // E, L or U
    Malformed,
    TooPrecise, // needs more than kMaxDecimalPlaces places
    OutOfRange,
};

struct Token
{
    TokenKind kind = TokenKind::Malformed;
    bool negative = false;
    qint64 mantissa = 0; // <= kMaxMantissa, trailing fraction zeros removed
    int scale = 0; // 0..kMaxDecimalPlaces
};

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

// mantissa × 10^places + digit, or false when that would pass kMaxMantissa.
bool appendDigits(qint64& mantissa, int places, int digit)
{
    if (mantissa == 0) {
        mantissa = digit;
        return true;
    }
    if (places > 10)
        return false;
    const qint64 shifted = mantissa * kPowersOfTen[places]; // mantissa <= 2^31, 10^10 < 2^34
    if (shifted > kMaxMantissa - digit)
        return false;
    mantissa = shifted + digit;
    return true;
}

// A FHIR decimal ("-12", "3.250", "1.5e-3"; a leading '+' is tolerated) or one of the markers.
Token parseToken(QStringView t)
{
    Token token;
    if (t.size() == 1 && (t.at(0) == u'E' || t.at(0) == u'L' || t.at(0) == u'U')) {
        token.kind = TokenKind::Marker;
        return token;
    }
    qsizetype i = 0;
    const qsizetype n = t.size();
    if (i < n && (t.at(i) == u'-' || t.at(i) == u'+')) {
        token.negative = t.at(i) == u'-';
        ++i;
    }
    qint64 mantissa = 0;
    int scale = 0;
    bool anyDigit = false;
    bool overflow = false;
    // Integer part: every digit counts.
    for (; i < n && isDigit(t.at(i).unicode()); ++i) {
        anyDigit = true;
        if (!overflow && !appendDigits(mantissa, 1, t.at(i).unicode() - u'0'))
            overflow = true;
    }
    // Fraction: zeros are only counted until a non-zero digit follows, so trailing zeros cost nothing.
    if (i < n && t.at(i) == u'.') {
        ++i;
        int pendingZeros = 0;
        for (; i < n && isDigit(t.at(i).unicode()); ++i) {
            anyDigit = true;
            const int digit = t.at(i).unicode() - u'0';
            if (digit == 0) {
                pendingZeros = std::min(pendingZeros + 1, 1000);
                continue;
            }
            if (!overflow && !appendDigits(mantissa, pendingZeros + 1, digit))
                overflow = true;
            scale = std::min(scale + pendingZeros + 1, 10000);
            pendingZeros = 0;
        }
    }
    if (!anyDigit)
        return token; // malformed
    if (i < n && (t.at(i) == u'e' || t.at(i) == u'E')) {
        ++i;
        bool negativeExponent = false;
        if (i < n && (t.at(i) == u'-' || t.at(i) == u'+')) {
            negativeExponent = t.at(i) == u'-';
            ++i;
        }
        int exponent = 0;
        bool anyExponentDigit = false;
        for (; i < n && isDigit(t.at(i).unicode()); ++i) {
            anyExponentDigit = true;
            exponent = std::min(exponent * 10 + (t.at(i).unicode() - u'0'), 100000);
        }
        if (!anyExponentDigit)
            return token; // malformed
        scale += negativeExponent ? exponent : -exponent;
    }
    if (i != n)
        return token; // malformed
    if (overflow) {
        token.kind = TokenKind::OutOfRange;
        return token;
    }
    if (mantissa == 0) {
        token.kind = TokenKind::Number;
        return token; // zero, whatever its notation
    }
    if (scale < -kMaxExponent || scale > kMaxExponent) {
        token.kind = scale > 0 ? TokenKind::TooPrecise : TokenKind::OutOfRange;
        return token;
    }
    if (scale < 0) {
        if (!appendDigits(mantissa, -scale, 0)) {
            token.kind = TokenKind::OutOfRange;
            return token;
        }
        scale = 0;
    }
    while (scale > 0 && mantissa % 10 == 0) { // "10e-1" is 1: the fewest places
        mantissa /= 10;
        --scale;
    }
    if (scale > FhirSampledData::kMaxDecimalPlaces) {
        token.kind = TokenKind::TooPrecise;
        return token;
    }
    token.kind = TokenKind::Number;
    token.mantissa = mantissa;
    token.scale = scale;
    return token;
}

// Calls f(token) for every whitespace-separated token of data; stops when f returns false.
template<typename F>
void forEachToken(QStringView data, F&& f)
{
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && isSpace(data.at(i).unicode()))
            ++i;
        if (i == n)
            break;
        const qsizetype start = i;
        while (i < n && !isSpace(data.at(i).unicode()))
            ++i;
        if (!f(data.sliced(start, i - start)))
            return;
    }
}

std::optional<double> number(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d))
        return std::nullopt;
    return d;
}

// The double nearest `start` (up to four steps either way) for which `back(x) == want`; `start`
// when none is.
template<typename Back>
double nudged(double start, double want, const Back& back)
{
    if (back(start) == want)
        return start;
    double up = start;
    double down = start;
    for (int step = 1; step <= 4; ++step) {
        up = std::nextafter(up, std::numeric_limits<double>::infinity());
        down = std::nextafter(down, -std::numeric_limits<double>::infinity());
        if (back(up) == want)
            return up;
        if (back(down) == want)
            return down;
    }
    return start;
}

} // namespace

std::pair<double, double> FhirSampledData::originAndFactor(double gain, double baseline)
{
    const double factor = nudged(1.0 / gain, gain, [](double f) { return 1.0 / f; });
    const double origin = nudged(-baseline * factor, baseline, [factor](double o) { return -o / factor; });
    return {origin, factor};
}

double FhirSampledData::periodMsFor(double rateHz)
{
    return nudged(1000.0 / rateHz, rateHz, [](double p) { return 1e6 / (p * 1000.0); });
}

std::optional<int> FhirSampledData::parseData(
    QStringView data, int dimensions, std::vector<std::vector<qint32>>& channels, QString* error)
{
    channels.clear();
    const auto fail = [error](const QString& message) -> std::optional<int> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (dimensions < 1 || dimensions > kMaxDimensions)
        return fail(tr("The sampled data has an invalid number of dimensions."));
    if (data.size() > kMaxDataChars)
        return fail(tr("The sampled data is longer than %1 characters.").arg(kMaxDataChars));

    // Pass 1: validate every token, count them, find the decimal places they need.
    qsizetype count = 0;
    int places = 0;
    TokenKind failure = TokenKind::Number;
    forEachToken(data, [&](QStringView text) {
        if (++count > kMaxSamples)
            return false;
        const Token token = parseToken(text);
        if (token.kind != TokenKind::Number && token.kind != TokenKind::Marker) {
            failure = token.kind;
            return false;
        }
        places = std::max(places, token.scale);
        return true;
    });
    switch (failure) {
    case TokenKind::Malformed:
        return fail(tr("The sampled data has a token that is neither a decimal nor E, L or U."));
    case TokenKind::TooPrecise:
        return fail(tr("The sampled data has a value with more than %1 decimal places.").arg(kMaxDecimalPlaces));
    case TokenKind::OutOfRange:
        return fail(tr("The sampled data has a value too large for a 32-bit sample."));
    default:
        break;
    }
    if (count > kMaxSamples)
        return fail(tr("The sampled data has more than %1 samples.").arg(kMaxSamples));
    if (count == 0)
        return fail(tr("The sampled data has no samples."));
    if (count % dimensions != 0)
        return fail(tr("The number of samples is not a multiple of the sampled data's dimensions."));

    // Pass 2: scale to integers (exact: mantissa × 10^(places - scale) in int64) and de-interleave.
    channels.assign(static_cast<std::size_t>(dimensions), {});
    for (auto& channel : channels)
        channel.reserve(static_cast<std::size_t>(count / dimensions));
    qsizetype index = 0;
    bool fits = true;
    forEachToken(data, [&](QStringView text) {
        const Token token = parseToken(text);
        qint32 digital = WaveCodec::kInvalid;
        if (token.kind == TokenKind::Number) {
            const qint64 magnitude = token.mantissa * kPowersOfTen[places - token.scale]; // < 2^31 × 10^6
            if (magnitude > std::numeric_limits<qint32>::max()) {
                fits = false; // -2^31 is excluded too: it is kInvalid
                return false;
            }
            digital = static_cast<qint32>(token.negative ? -magnitude : magnitude);
        }
        channels[static_cast<std::size_t>(index % dimensions)].push_back(digital);
        ++index;
        return true;
    });
    if (!fits) {
        channels.clear();
        return fail(tr("The sampled data has a value too large for a 32-bit sample once scaled to integers."));
    }
    return places;
}

std::optional<FhirSampledData> FhirSampledData::fromJson(const QJsonObject& sampledData, QString* error)
{
    const auto fail = [error](const QString& message) -> std::optional<FhirSampledData> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    FhirSampledData sd;

    const QJsonObject origin = sampledData.value(u"origin").toObject();
    const std::optional<double> originValue = number(origin.value(u"value"));
    if (!originValue)
        return fail(tr("The sampled data has no numeric origin."));
    sd.origin = *originValue;
    sd.unit = origin.value(u"code").toString().trimmed();
    if (sd.unit.isEmpty())
        sd.unit = origin.value(u"unit").toString().trimmed();

    const std::optional<double> period = number(sampledData.value(u"period"));
    if (!period || !(*period > 0) || *period > kMaxPeriodMs)
        return fail(tr("The sampled data has no valid period."));
    sd.periodMs = *period;

    const QJsonValue factorValue = sampledData.value(u"factor");
    if (!factorValue.isUndefined() && !factorValue.isNull()) {
        const std::optional<double> factor = number(factorValue);
        if (!factor || *factor == 0)
            return fail(tr("The sampled data has an invalid factor."));
        sd.factor = *factor;
    }
    sd.lowerLimit = number(sampledData.value(u"lowerLimit"));
    sd.upperLimit = number(sampledData.value(u"upperLimit"));

    const QJsonValue dimensionsValue = sampledData.value(u"dimensions");
    if (!dimensionsValue.isUndefined() && !dimensionsValue.isNull()) {
        const std::optional<double> dimensions = number(dimensionsValue);
        if (!dimensions || *dimensions < 1 || *dimensions > kMaxDimensions || std::floor(*dimensions) != *dimensions)
            return fail(tr("The sampled data has an invalid number of dimensions."));
        sd.dimensions = static_cast<int>(*dimensions);
    }

    const QJsonValue dataValue = sampledData.value(u"data");
    if (!dataValue.isString())
        return fail(tr("The sampled data has no data."));
    const QString data = dataValue.toString();
    const std::optional<int> places = parseData(data, sd.dimensions, sd.channels, error);
    if (!places)
        return std::nullopt;
    sd.decimalPlaces = *places;
    sd.factor /= static_cast<double>(kPowersOfTen[*places]);
    return sd;
}

} // namespace vigil::codec
