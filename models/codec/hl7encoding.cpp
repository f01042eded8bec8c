#include "hl7encoding.h"

namespace vigil::codec {

namespace {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    return -1;
}

} // namespace

QString Hl7Encoding::encodingCharacters() const
{
    QString chars;
    for (const QChar c : {component, repetition, escape, subcomponent, truncation}) {
        if (c.isNull())
            break;
        chars += c;
    }
    return chars;
}

bool Hl7Encoding::isDelimiter(QChar c) const
{
    if (c.isNull())
        return false;
    return c == field || c == component || c == repetition || c == escape || c == subcomponent || c == truncation;
}

QString Hl7Encoding::decode(QByteArrayView bytes) const
{
    return charset == Charset::Latin1 ? QString::fromLatin1(bytes) : QString::fromUtf8(bytes);
}

QByteArray Hl7Encoding::encode(QStringView text) const
{
    return charset == Charset::Latin1 ? text.toLatin1() : text.toUtf8();
}

QString Hl7Encoding::unescape(QStringView text) const
{
    if (escape.isNull() || !text.contains(escape))
        return text.toString();

    // Appends what the escape sequence `seq` (without its escape characters) stands for; false when
    // it is not a sequence this decoder knows (then it stays as written).
    const auto resolve = [this](QStringView seq, QString& out) -> bool {
        if (seq.isEmpty())
            return false;
        const QChar first = seq.front();
        if (seq.size() == 1) {
            switch (first.unicode()) {
            case u'F':
                out += field;
                return true;
            case u'S':
                out += component;
                return true;
            case u'T':
                out += subcomponent;
                return true;
            case u'R':
                out += repetition;
                return true;
            case u'E':
                out += escape;
                return true;
            case u'P':
                if (truncation.isNull())
                    return false;
                out += truncation;
                return true;
            case u'H': // start / end highlighting: no rendering here
            case u'N':
                return true;
            default:
                break;
            }
        }
        if (first == u'X') {
            const QStringView hex = seq.sliced(1);
            if (hex.size() % 2 != 0)
                return false;
            QByteArray bytes;
            bytes.reserve(hex.size() / 2);
            for (qsizetype i = 0; i < hex.size(); i += 2) {
                const int hi = hexValue(hex[i]);
                const int lo = hexValue(hex[i + 1]);
                if (hi < 0 || lo < 0)
                    return false;
                bytes.append(char(hi * 16 + lo));
            }
            out += decode(bytes);
            return true;
        }
        if (first == u'.') {
            const QStringView command = seq.sliced(1);
            if (command == u"br" || command.startsWith(u"sp")) {
                out += u'\n';
                return true;
            }
            for (const char16_t* dropped : {u"in", u"ti", u"sk", u"ce", u"fi", u"nf"}) {
                if (command.startsWith(QStringView(dropped)))
                    return true;
            }
            return false;
        }
        // Character-set switches (ISO 2022 / multi-byte) and locally defined escapes.
        if ((first == u'C' && seq.size() == 5) || (first == u'M' && (seq.size() == 5 || seq.size() == 7))
            || first == u'Z')
            return true;
        return false;
    };

    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const qsizetype start = text.indexOf(escape, i);
        if (start < 0) {
            out += text.sliced(i);
            break;
        }
        out += text.sliced(i, start - i);
        const qsizetype end = text.indexOf(escape, start + 1);
        if (end < 0) { // no closing escape character: literal
            out += text.sliced(start);
            break;
        }
        if (!resolve(text.sliced(start + 1, end - start - 1), out))
            out += text.sliced(start, end - start + 1);
        i = end + 1;
    }
    return out;
}

QString Hl7Encoding::escaped(QStringView text) const
{
    QString out;
    out.reserve(text.size() + 8);
    const auto sequence = [this, &out](QStringView letters) {
        if (escape.isNull()) {
            out += u' '; // nothing to escape with: a delimiter cannot be written at all
            return;
        }
        out += escape;
        out += letters;
        out += escape;
    };
    for (const QChar c : text) {
        if (c.isNull()) {
            continue;
        } else if (c == escape) {
            sequence(u"E");
        } else if (c == field) {
            sequence(u"F");
        } else if (c == component) {
            sequence(u"S");
        } else if (c == subcomponent) {
            sequence(u"T");
        } else if (c == repetition) {
            sequence(u"R");
        } else if (c == truncation) {
            sequence(u"P");
        } else if (c == u'\r') {
            sequence(u"X0D");
        } else if (c == u'\n') {
            sequence(u"X0A");
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace vigil::codec
