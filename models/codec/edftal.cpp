#include "edftal.h"

#include <QStringDecoder>

namespace vigil::codec {

namespace {

QString decodeText(QByteArrayView bytes)
{
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString s = utf8(bytes);
    if (utf8.hasError())
        s = QString::fromLatin1(bytes);
    return s;
}

} // namespace

std::optional<qint64> EdfTal::parseSeconds(QByteArrayView text, bool signRequired)
{
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    } else if (signRequired) {
        return std::nullopt;
    }
    qint64 seconds = 0;
    const qsizetype digitsStart = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (i - digitsStart >= 12)
            return std::nullopt; // beyond 10^12 s
        seconds = seconds * 10 + (text[i] - '0');
        ++i;
    }
    if (i == digitsStart)
        return std::nullopt;
    qint64 micros = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        int place = 0;
        bool roundUp = false;
        const qsizetype fractionStart = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (place < 6)
                micros = micros * 10 + (text[i] - '0');
            else if (place == 6)
                roundUp = text[i] >= '5';
            ++place;
            ++i;
        }
        if (i == fractionStart)
            return std::nullopt;
        for (; place < 6; ++place)
            micros *= 10;
        if (roundUp)
            ++micros;
    }
    if (i != text.size())
        return std::nullopt;
    const qint64 total = seconds * 1'000'000 + micros;
    return negative ? -total : total;
}

bool EdfTal::parse(
    QByteArrayView bytes, std::vector<EdfAnnotation>& out, std::optional<qint64>& recordOnsetUs, QString* error)
{
    recordOnsetUs.reset();
    const auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    qsizetype pos = 0;
    bool firstTal = true;
    while (pos < bytes.size()) {
        if (bytes[pos] == '\0') {
            ++pos; // padding after the last TAL
            continue;
        }
        qsizetype end = bytes.sliced(pos).indexOf('\0');
        if (end < 0)
            return fail(tr("An annotation list is not terminated."));
        const QByteArrayView tal = bytes.sliced(pos, end);
        pos += end + 1;
        const qsizetype listStart = tal.indexOf('\x14');
        if (listStart < 0)
            return fail(tr("An annotation list has no onset separator."));
        const QByteArrayView head = tal.first(listStart);
        const qsizetype durationAt = head.indexOf('\x15');
        const auto onset = parseSeconds(durationAt >= 0 ? head.first(durationAt) : head, true);
        if (!onset)
            return fail(tr("An annotation has an invalid onset."));
        qint64 duration = -1;
        if (durationAt >= 0) {
            const auto d = parseSeconds(head.sliced(durationAt + 1), false);
            if (!d || *d < 0)
                return fail(tr("An annotation has an invalid duration."));
            duration = *d;
        }
        QByteArrayView rest = tal.sliced(listStart + 1);
        int index = 0;
        while (!rest.isEmpty()) {
            const qsizetype stop = rest.indexOf('\x14');
            const QByteArrayView text = stop >= 0 ? rest.first(stop) : rest;
            rest = stop >= 0 ? rest.sliced(stop + 1) : QByteArrayView();
            if (firstTal && index == 0 && text.isEmpty())
                recordOnsetUs = *onset; // the time-keeping annotation
            else if (!text.isEmpty())
                out.push_back({*onset, duration, decodeText(text)});
            ++index;
        }
        if (firstTal && index == 0 && !recordOnsetUs)
            recordOnsetUs = *onset; // "+onset\x14" alone: time-keeping without the empty text
        firstTal = false;
    }
    return true;
}

} // namespace vigil::codec
