#pragma once

#include "hl7encoding.h"
#include "hl7segment.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <QVersionNumber>

#include <optional>
#include <vector>

namespace vigil::codec {

// One HL7 v2 message in ER7 ("pipe and hat") encoding, parsed into segments. Read-only.
//
// Parsing: the bytes must start with MSH (after an optional UTF-8 byte-order mark and blank lines);
// MSH-1 gives the field separator and MSH-2 the encoding characters (component, repetition, escape,
// subcomponent and, from v2.7, truncation), which must be distinct punctuation. Segments end at CR,
// LF or CRLF; blank lines are skipped. The bytes are decoded as MSH-18 says: "UNICODE UTF-8" as
// UTF-8, "8859/1" as ISO-8859-1; with no MSH-18 (or "ASCII", or a character set Vigil does not
// know) as UTF-8 if they are valid UTF-8, else as ISO-8859-1. Content is not validated here (that is
// Hl7Decoder's job): a message parses as long as its MSH header does.
//
// Accessors are 1-based like HL7 (see Hl7Segment): value(u"OBX", 2, 5) is OBX-5 of the second OBX.
// The message is untrusted input; its content (names, identifiers) must never be logged.
class Hl7Message final
{
public:
    [[nodiscard]] static std::optional<Hl7Message> parse(QByteArrayView bytes, QString* error = nullptr);

    // Splits a file or stream that holds several messages: a batch (FHS / BHS ... BTS / FTS, the
    // headers and trailers are dropped) or plain messages one after another. A message starts at
    // each segment that is an MSH header (an "MSH" inside a field is data); anything before the first
    // MSH other than batch headers is dropped. Returns the bytes of each message, unparsed, so each
    // can be parsed and acknowledged on its own.
    [[nodiscard]] static std::vector<QByteArray> splitBatch(QByteArrayView bytes);

    // The character set an MSH-18 value names, or nullopt when Vigil does not know it (the bytes are
    // then decoded by the UTF-8-else-Latin-1 rule).
    [[nodiscard]] static std::optional<Hl7Encoding::Charset> charsetFromName(QStringView name);

    [[nodiscard]] const std::vector<Hl7Segment>& segments() const { return m_segments; }
    // The occurrence-th segment with this ID (1: the first), or nullptr.
    [[nodiscard]] const Hl7Segment* segment(QStringView id, int occurrence = 1) const;
    [[nodiscard]] int segmentCount(QStringView id) const;
    // One leaf value with escape sequences resolved; empty when absent.
    [[nodiscard]] QString value(
        QStringView id, int occurrence, int field, int component = 1, int subcomponent = 1, int repetition = 1) const;

    // The MSH segment (always the first).
    [[nodiscard]] const Hl7Segment& header() const { return m_segments.front(); }
    [[nodiscard]] const Hl7Encoding& encoding() const { return m_encoding; }
    // False when MSH-18 names a character set Vigil does not know (decoded by the fallback rule).
    [[nodiscard]] bool charsetRecognised() const { return m_charsetRecognised; }

    [[nodiscard]] QString messageType() const { return header().value(9, 1); } // MSH-9.1, e.g. "ORU"
    [[nodiscard]] QString triggerEvent() const { return header().value(9, 2); } // MSH-9.2, e.g. "R01"
    [[nodiscard]] QString messageStructure() const { return header().value(9, 3); } // MSH-9.3 (v2.3.1+)
    [[nodiscard]] QString controlId() const { return header().value(10); } // MSH-10
    [[nodiscard]] QString processingId() const { return header().value(11); } // MSH-11.1: P, T, D
    [[nodiscard]] QString version() const { return header().value(12); } // MSH-12.1, e.g. "2.6"
    // MSH-12 as a version number (null when it is not one, e.g. empty).
    [[nodiscard]] QVersionNumber versionNumber() const;
    [[nodiscard]] QString characterSet() const { return header().value(18); } // MSH-18, first repetition

private:
    Hl7Message() = default; // only parse() makes one: a message always has its MSH

    QString m_text;
    Hl7Encoding m_encoding;
    std::vector<Hl7Segment> m_segments;
    bool m_charsetRecognised = true;
};

} // namespace vigil::codec
