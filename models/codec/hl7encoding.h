#pragma once

#include <QByteArray>
#include <QChar>
#include <QString>
#include <QStringView>

namespace vigil::codec {

// The delimiters of one HL7 v2 message (MSH-1 and MSH-2) and the character set its bytes are in
// (MSH-18). unescape() resolves the escape sequences of a leaf value; escaped() is its inverse for
// the text Vigil writes (ACKs).
//
// Escape sequences resolved: \F\ \S\ \T\ \R\ \E\ (the delimiters), \P\ (truncation character, v2.7),
// \Xhh...\ (bytes in the message's character set), \.br\ and \.sp\ (line break); the other
// formatting commands (\H\ \N\ \.in\ \.ti\ \.sk\ \.ce\ \.fi\ \.nf\) and the character-set switches
// (\Cxxyy\ \Mxxyyzz\) and local escapes (\Z...\) are dropped. Anything else, and an escape character
// without its closing partner, stays as written.
struct Hl7Encoding
{
    enum class Charset : quint8 {
        Utf8, // "UNICODE UTF-8", or no MSH-18 and the bytes are valid UTF-8
        Latin1, // "8859/1", or no MSH-18 and the bytes are not valid UTF-8
    };

    QChar field = u'|';
    QChar component = u'^';
    QChar repetition = u'~';
    QChar escape = u'\\'; // null: the message has no escape character (nothing is unescaped)
    QChar subcomponent = u'&';
    QChar truncation; // v2.7 and later: usually '#'; null when MSH-2 does not give one
    Charset charset = Charset::Utf8;

    // The text of MSH-2: component, repetition, escape, subcomponent (and truncation) characters.
    [[nodiscard]] QString encodingCharacters() const;
    // True for the field separator and every encoding character.
    [[nodiscard]] bool isDelimiter(QChar c) const;

    // A leaf value (no delimiters left in it) with its escape sequences resolved.
    [[nodiscard]] QString unescape(QStringView text) const;
    // `text` with every delimiter and the escape character escaped, and CR / LF as \X0D\ / \X0A\, so
    // it can stand as one leaf value.
    [[nodiscard]] QString escaped(QStringView text) const;

    // Text to bytes in this charset (Latin-1: characters outside it become '?').
    [[nodiscard]] QByteArray encode(QStringView text) const;
    // Bytes in this charset to text (UTF-8: invalid sequences become U+FFFD).
    [[nodiscard]] QString decode(QByteArrayView bytes) const;
};

} // namespace vigil::codec
