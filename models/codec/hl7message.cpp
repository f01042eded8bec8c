#include "hl7message.h"

#include <QStringDecoder>

namespace vigil::codec {

namespace {

// A byte that may serve as a delimiter: printable ASCII punctuation.
bool isDelimiterByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x21 || u > 0x7E)
        return false;
    return !((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z'));
}

bool isLineEnd(char c)
{
    return c == '\r' || c == '\n';
}

// True when `line` is a segment with this ID (the ID is followed by a field separator or ends the
// line). MSH needs its field separator.
bool isSegment(QByteArrayView line, const char* id)
{
    if (!line.startsWith(id))
        return false;
    if (line.size() == 3)
        return qstrcmp(id, "MSH") != 0;
    return isDelimiterByte(line[3]);
}

constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

} // namespace

std::optional<Hl7Encoding::Charset> Hl7Message::charsetFromName(QStringView name)
{
    const QString n = name.trimmed().toString().toUpper();
    if (n == u"UNICODE UTF-8" || n == u"UTF-8" || n == u"UTF8")
        return Hl7Encoding::Charset::Utf8;
    if (n == u"8859/1" || n == u"ISO-8859-1" || n == u"ISO 8859-1" || n == u"ISO_IR 100")
        return Hl7Encoding::Charset::Latin1;
    return std::nullopt;
}

std::optional<Hl7Message> Hl7Message::parse(QByteArrayView bytes, QString* error)
{
    const auto fail = [error](const QString& reason) -> std::optional<Hl7Message> {
        if (error)
            *error = reason;
        return std::nullopt;
    };

    qsizetype start = bytes.startsWith(kUtf8Bom) ? 3 : 0;
    while (start < bytes.size() && (isLineEnd(bytes[start]) || bytes[start] == ' ' || bytes[start] == '\t'))
        ++start;
    const QByteArrayView data = bytes.sliced(start);
    if (!data.startsWith("MSH"))
        return fail(QStringLiteral("not an HL7 v2 message: it does not start with an MSH segment"));
    if (data.size() < 5 || !isDelimiterByte(data[3]))
        return fail(QStringLiteral("MSH-1 (field separator) is missing or not a punctuation character"));

    Hl7Encoding encoding;
    const char fieldSeparator = data[3];
    encoding.field = QLatin1Char(fieldSeparator);
    qsizetype i = 4;
    QString chars;
    while (i < data.size() && data[i] != fieldSeparator && !isLineEnd(data[i])) {
        if (!isDelimiterByte(data[i]) || chars.size() >= 5)
            return fail(QStringLiteral("MSH-2 (encoding characters) is not 1 to 5 punctuation characters"));
        const QChar c = QLatin1Char(data[i]);
        if (c == encoding.field || chars.contains(c))
            return fail(QStringLiteral("MSH-2 (encoding characters) repeats a delimiter"));
        chars += c;
        ++i;
    }
    if (chars.isEmpty())
        return fail(QStringLiteral("MSH-2 (encoding characters) is empty"));
    QChar* slots[] = {
        &encoding.component, &encoding.repetition, &encoding.escape, &encoding.subcomponent, &encoding.truncation};
    for (qsizetype k = 0; k < 5; ++k)
        *slots[k] = k < chars.size() ? chars[k] : QChar();

    // MSH-18 (character set), read from the raw bytes of the MSH line: delimiters are ASCII in every
    // character set HL7 v2 allows in ER7, so they can be found before decoding.
    qsizetype lineEnd = 0;
    while (lineEnd < data.size() && !isLineEnd(data[lineEnd]))
        ++lineEnd;
    QByteArrayView charsetBytes;
    {
        const QByteArrayView mshLine = data.first(lineEnd);
        int part = 0; // MSH-18 is part 17 when the line is split on the field separator
        qsizetype from = 0;
        while (part < 17) {
            const qsizetype next = mshLine.indexOf(fieldSeparator, from);
            if (next < 0)
                break;
            from = next + 1;
            ++part;
        }
        if (part == 17) {
            qsizetype to = from;
            while (to < mshLine.size() && mshLine[to] != fieldSeparator
                && QLatin1Char(mshLine[to]) != encoding.component && QLatin1Char(mshLine[to]) != encoding.repetition)
                ++to;
            charsetBytes = mshLine.sliced(from, to - from);
        }
    }
    const QString charsetName = QString::fromLatin1(charsetBytes).trimmed();

    Hl7Message message;
    const std::optional<Hl7Encoding::Charset> declared = charsetFromName(charsetName);
    message.m_charsetRecognised =
        declared.has_value() || charsetName.isEmpty() || charsetName.compare(u"ASCII", Qt::CaseInsensitive) == 0;
    if (declared) {
        encoding.charset = *declared;
        message.m_text = encoding.decode(data);
    } else {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = utf8.decode(data);
        if (utf8.hasError()) {
            encoding.charset = Hl7Encoding::Charset::Latin1;
            text = QString::fromLatin1(data);
        } else {
            encoding.charset = Hl7Encoding::Charset::Utf8;
        }
        message.m_text = std::move(text);
    }
    message.m_encoding = encoding;

    const QString& text = message.m_text;
    const qsizetype n = text.size();
    qsizetype pos = 0;
    while (pos < n) {
        qsizetype end = pos;
        while (end < n && text[end] != u'\r' && text[end] != u'\n')
            ++end;
        bool blank = true;
        for (qsizetype k = pos; k < end && blank; ++k)
            blank = text[k] == u' ' || text[k] == u'\t';
        if (!blank)
            message.m_segments.emplace_back(text, pos, end, encoding);
        pos = end + 1;
    }
    return message;
}

std::vector<QByteArray> Hl7Message::splitBatch(QByteArrayView bytes)
{
    std::vector<QByteArray> messages;
    const qsizetype n = bytes.size();
    qsizetype pos = bytes.startsWith(kUtf8Bom) ? 3 : 0;
    qsizetype messageStart = -1;
    const auto close = [&](qsizetype end) {
        if (messageStart >= 0 && end > messageStart)
            messages.push_back(bytes.sliced(messageStart, end - messageStart).toByteArray());
        messageStart = -1;
    };
    while (pos < n) {
        qsizetype lineEnd = pos;
        while (lineEnd < n && !isLineEnd(bytes[lineEnd]))
            ++lineEnd;
        const QByteArrayView line = bytes.sliced(pos, lineEnd - pos);
        if (isSegment(line, "MSH")) {
            close(pos);
            messageStart = pos;
        } else if (isSegment(line, "FHS") || isSegment(line, "BHS") || isSegment(line, "BTS")
            || isSegment(line, "FTS")) {
            close(pos);
        }
        pos = lineEnd;
        while (pos < n && isLineEnd(bytes[pos]))
            ++pos;
    }
    close(n);
    return messages;
}

const Hl7Segment* Hl7Message::segment(QStringView id, int occurrence) const
{
    int seen = 0;
    for (const Hl7Segment& s : m_segments) {
        if (s.is(id) && ++seen == occurrence)
            return &s;
    }
    return nullptr;
}

int Hl7Message::segmentCount(QStringView id) const
{
    int count = 0;
    for (const Hl7Segment& s : m_segments)
        count += s.is(id) ? 1 : 0;
    return count;
}

QString Hl7Message::value(
    QStringView id, int occurrence, int field, int component, int subcomponent, int repetition) const
{
    const Hl7Segment* s = segment(id, occurrence);
    return s ? s->value(field, component, subcomponent, repetition) : QString();
}

QVersionNumber Hl7Message::versionNumber() const
{
    const QString text = version().trimmed();
    qsizetype suffix = 0;
    const QVersionNumber number = QVersionNumber::fromString(text, &suffix);
    if (number.isNull() || suffix != text.size())
        return {};
    return number;
}

} // namespace vigil::codec
