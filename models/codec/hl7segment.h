#pragma once

#include "hl7encoding.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace vigil::codec {

// One segment of a parsed HL7 v2 message. Numbering follows the standard and is 1-based throughout:
// field(5) of an OBX is OBX-5; for MSH (and the batch headers FHS / BHS) field 1 is the field
// separator itself and field 2 the encoding characters, which are never split. Anything absent
// reads as empty, so accessors never fail.
//
// raw*() return the text as sent (escape sequences unresolved), as views into the message text that
// stay valid while this segment (or a copy of it, or its message) lives. value(), text() and
// components() resolve escape sequences.
class Hl7Segment final
{
public:
    Hl7Segment() = default;
    // The segment [begin, end) of `message` (implicitly shared, never modified), split on
    // encoding.field.
    Hl7Segment(const QString& message, qsizetype begin, qsizetype end, const Hl7Encoding& encoding);

    // The segment ID ("MSH", "OBX" ...): the text before the first field separator.
    [[nodiscard]] QString id() const { return rawField(0).toString(); }
    [[nodiscard]] bool is(QStringView segmentId) const { return rawField(0) == segmentId; }
    // The number of the last field present (0 when the segment is just its ID).
    [[nodiscard]] int fieldCount() const;
    [[nodiscard]] const Hl7Encoding& encoding() const { return m_encoding; }

    // The whole segment as sent.
    [[nodiscard]] QStringView rawText() const;
    // A field as sent, all repetitions.
    [[nodiscard]] QStringView raw(int field) const;
    // One repetition of a field as sent (all its components).
    [[nodiscard]] QStringView rawRepetition(int field, int repetition = 1) const;
    // One component of one repetition as sent (all its subcomponents).
    [[nodiscard]] QStringView rawComponent(int field, int component, int repetition = 1) const;

    [[nodiscard]] bool isEmpty(int field) const { return raw(field).isEmpty(); }
    // The field holds the HL7 null `""` (the sender says: no value, delete any you have).
    [[nodiscard]] bool isNull(int field) const { return raw(field) == u"\"\""; }

    // Repetitions in the field (0 when it is empty).
    [[nodiscard]] int repetitionCount(int field) const;
    // Components in a repetition (0 when it is empty).
    [[nodiscard]] int componentCount(int field, int repetition = 1) const;

    // One leaf value, escape sequences resolved: field-component-subcomponent of repetition.
    [[nodiscard]] QString value(int field, int component = 1, int subcomponent = 1, int repetition = 1) const;
    // One repetition as a whole, escape sequences resolved (for ST / TX / FT fields; any component and
    // subcomponent separators in it stay as they are).
    [[nodiscard]] QString text(int field, int repetition = 1) const;
    // The components of one repetition, each with its escape sequences resolved (subcomponents are
    // not split).
    [[nodiscard]] QStringList components(int field, int repetition = 1) const;

private:
    // Part i of the segment split on the field separator (part 0 is the ID).
    [[nodiscard]] QStringView rawField(int part) const;
    [[nodiscard]] bool isHeader() const { return m_header; }

    QString m_message;
    qsizetype m_end = 0;
    std::vector<qsizetype> m_partStarts; // start of each part; part i ends one before part i+1 starts
    Hl7Encoding m_encoding;
    bool m_header = false; // MSH, FHS or BHS: field 1 is the separator, field 2 is not split
};

} // namespace vigil::codec
