#pragma once

#include <QString>

namespace vigil::codec {

// Why part of an HL7 v2 message could not be used, in the terms an ACK's ERR segment needs: an
// HL7 table 0357 error code and the location (ERR-2, ERL: segment ID, occurrence, field). Hl7Decoder
// reports one of these beside each DecodeProblem (same order); `text` is the same English sentence
// as DecodeProblem::reason and never quotes patient data.
struct Hl7Error
{
    // HL7 table 0357 (message error condition codes).
    enum Code : int {
        MessageAccepted = 0,
        SegmentSequenceError = 100, // segments out of order, or a required segment missing
        RequiredFieldMissing = 101,
        DataTypeError = 102,
        TableValueNotFound = 103,
        UnsupportedMessageType = 200,
        UnsupportedEventCode = 201,
        UnsupportedProcessingId = 202,
        UnsupportedVersionId = 203,
        UnknownKeyIdentifier = 204,
        DuplicateKeyIdentifier = 205,
        ApplicationRecordLocked = 206,
        ApplicationInternalError = 207,
    };

    int code = ApplicationInternalError;
    QString segment; // segment ID ("OBX"); empty: the message as a whole
    int sequence = 0; // which segment with that ID, 1-based (the 8th OBX: 8); 0: not known
    int field = 0; // field position; 0: the whole segment
    int component = 0; // component; 0: the whole field
    QString text; // one English sentence (ERR-8 user message)

    // The table 0357 description of a code ("Required field missing").
    [[nodiscard]] static QString codeText(int code);
    // "OBX 8 field 2" (DecodeProblem::where): segment, occurrence and field; "message" when none.
    [[nodiscard]] QString location() const;
};

} // namespace vigil::codec
