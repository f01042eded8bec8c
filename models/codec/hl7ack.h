#pragma once

#include "hl7error.h"
#include "inboundbatch.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <vector>

namespace vigil::codec {

class Hl7Message;

// Builds the HL7 v2 acknowledgement (original mode) Vigil sends back for a received message.
//
// MSH: sending and receiving application / facility swapped (when the original names no receiving
// application, Vigil's name), a new MSH-10 control ID, MSH-9 ACK^<trigger>^ACK (no structure
// before v2.3.1), MSH-11, MSH-12 (version) and MSH-18 (character set) as received, MSH-15 / MSH-16
// "NE" (an ACK is not acknowledged), and MSH-21 (message profile) as received from v2.5. The ACK
// uses the original's delimiters and character set, so received fields are copied as sent.
// MSA-1: AR when the message was rejected as a whole (not HL7, unsupported type, version before
// 2.3, MSH-9 / 10 / 12 missing), AE when it was read but some of it could not be used, AA when all
// of it was. MSA-2: the original MSH-10.
// ERR, one per problem (at most kMaxErrSegments): from v2.5 ERR-2 location (segment^sequence^field),
// ERR-3 table 0357 code (code^text^HL70357), ERR-4 severity E and ERR-8 the problem text; before
// v2.5 (no ERR-2..8 there) one ERR with a repeating ERR-1 (segment^sequence^field^code&text&HL70357)
// and the first problem text in MSA-3. Problem texts never quote patient data.
//
// Returns the ACK's bytes (segments end with CR), not MLLP-framed (MllpFramer::frame).
class Hl7Ack final
{
public:
    enum class Code : quint8 {
        Accept, // AA
        Error, // AE
        Reject, // AR
    };

    struct Options
    {
        QString controlId; // MSH-10 of the ACK; empty: newControlId()
        QDateTime time; // MSH-7; invalid: now
        QString application; // MSH-3 when the original has no MSH-5; empty: "VIGIL"
    };

    static constexpr int kMaxErrSegments = 20;

    // AR if rejected, AE if there are problems, else AA.
    [[nodiscard]] static Code codeFor(const InboundBatch& decoded);
    // "AA", "AE", "AR".
    [[nodiscard]] static QString codeName(Code code);

    // The ACK for a decoded message: Hl7Decoder::decode(original, &errors) gave `decoded` and
    // `errors`. If `errors` does not match decoded.problems one to one, the problems are reported
    // with code 207 (application internal error).
    [[nodiscard]] static QByteArray build(const Hl7Message& original, const InboundBatch& decoded,
        const std::vector<Hl7Error>& errors, const Options& options = {});
    [[nodiscard]] static QByteArray build(
        const Hl7Message& original, Code code, const std::vector<Hl7Error>& errors, const Options& options = {});

    // A generic AR for bytes that did not parse as HL7 v2 (a fresh MSH in v2.6 with the standard
    // delimiters, UTF-8). MSA-2 is the received MSH-10 if the bytes start with an MSH whose field
    // separator can be found and the control ID is plain (letters, digits, . _ - : @), else empty.
    [[nodiscard]] static QByteArray reject(QByteArrayView received, const Hl7Error& error, const Options& options = {});

    // Everything a listener does with one received message: parse, decode, acknowledge. `decoded`
    // receives what was decoded (rejected with the parse error when the bytes are not HL7 v2).
    [[nodiscard]] static QByteArray respond(
        QByteArrayView received, InboundBatch* decoded = nullptr, const Options& options = {});

    // 20 random hexadecimal characters (fits MSH-10 in every version).
    [[nodiscard]] static QString newControlId();
};

} // namespace vigil::codec
