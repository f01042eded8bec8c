#include "hl7segment.h"

namespace vigil::codec {

namespace {

// Piece n (1-based) of `text` split on `separator`; empty when there is no such piece. A null
// separator (the message does not define it) never splits.
QStringView piece(QStringView text, QChar separator, int n)
{
    if (n < 1)
        return {};
    if (separator.isNull())
        return n == 1 ? text : QStringView();
    qsizetype start = 0;
    for (int i = 1; i < n; ++i) {
        const qsizetype next = text.indexOf(separator, start);
        if (next < 0)
            return {};
        start = next + 1;
    }
    const qsizetype end = text.indexOf(separator, start);
    return end < 0 ? text.sliced(start) : text.sliced(start, end - start);
}

int pieceCount(QStringView text, QChar separator)
{
    if (text.isEmpty())
        return 0;
    if (separator.isNull())
        return 1;
    return int(text.count(separator)) + 1;
}

} // namespace

Hl7Segment::Hl7Segment(const QString& message, qsizetype begin, qsizetype end, const Hl7Encoding& encoding)
    : m_message(message)
    , m_end(end)
    , m_encoding(encoding)
{
    const QStringView text = QStringView(m_message).sliced(begin, end - begin);
    m_partStarts.push_back(begin);
    for (qsizetype i = text.indexOf(m_encoding.field); i >= 0; i = text.indexOf(m_encoding.field, i + 1))
        m_partStarts.push_back(begin + i + 1);
    const QStringView id = rawField(0);
    m_header = id == u"MSH" || id == u"FHS" || id == u"BHS";
}

QStringView Hl7Segment::rawField(int part) const
{
    if (part < 0 || std::size_t(part) >= m_partStarts.size())
        return {};
    const qsizetype start = m_partStarts[std::size_t(part)];
    const qsizetype end = std::size_t(part) + 1 < m_partStarts.size() ? m_partStarts[std::size_t(part) + 1] - 1 : m_end;
    return QStringView(m_message).sliced(start, end - start);
}

int Hl7Segment::fieldCount() const
{
    const int parts = int(m_partStarts.size());
    return m_header ? parts : parts - 1;
}

QStringView Hl7Segment::rawText() const
{
    if (m_partStarts.empty())
        return {};
    return QStringView(m_message).sliced(m_partStarts.front(), m_end - m_partStarts.front());
}

QStringView Hl7Segment::raw(int field) const
{
    if (field < 1)
        return {};
    if (!m_header)
        return rawField(field);
    if (field == 1) // the field separator, which follows the segment ID
        return m_partStarts.size() > 1 ? QStringView(m_message).sliced(m_partStarts[1] - 1, 1) : QStringView();
    return rawField(field - 1);
}

QStringView Hl7Segment::rawRepetition(int field, int repetition) const
{
    if (m_header && field <= 2)
        return repetition == 1 ? raw(field) : QStringView();
    return piece(raw(field), m_encoding.repetition, repetition);
}

QStringView Hl7Segment::rawComponent(int field, int component, int repetition) const
{
    if (m_header && field <= 2)
        return component == 1 ? rawRepetition(field, repetition) : QStringView();
    return piece(rawRepetition(field, repetition), m_encoding.component, component);
}

int Hl7Segment::repetitionCount(int field) const
{
    if (m_header && field <= 2)
        return raw(field).isEmpty() ? 0 : 1;
    return pieceCount(raw(field), m_encoding.repetition);
}

int Hl7Segment::componentCount(int field, int repetition) const
{
    if (m_header && field <= 2)
        return rawRepetition(field, repetition).isEmpty() ? 0 : 1;
    return pieceCount(rawRepetition(field, repetition), m_encoding.component);
}

QString Hl7Segment::value(int field, int component, int subcomponent, int repetition) const
{
    if (m_header && field <= 2)
        return subcomponent == 1 ? rawComponent(field, component, repetition).toString() : QString();
    return m_encoding.unescape(
        piece(rawComponent(field, component, repetition), m_encoding.subcomponent, subcomponent));
}

QString Hl7Segment::text(int field, int repetition) const
{
    if (m_header && field <= 2)
        return rawRepetition(field, repetition).toString();
    return m_encoding.unescape(rawRepetition(field, repetition));
}

QStringList Hl7Segment::components(int field, int repetition) const
{
    QStringList out;
    const QStringView rep = rawRepetition(field, repetition);
    if (rep.isEmpty())
        return out;
    if (m_header && field <= 2) {
        out.append(rep.toString());
        return out;
    }
    if (m_encoding.component.isNull()) {
        out.append(m_encoding.unescape(rep));
        return out;
    }
    for (const QStringView part : rep.tokenize(m_encoding.component))
        out.append(m_encoding.unescape(part));
    return out;
}

} // namespace vigil::codec
