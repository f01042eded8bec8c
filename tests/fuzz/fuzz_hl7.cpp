// libFuzzer target: the HL7 v2 path of an MLLP listener on arbitrary bytes. The input is parsed as
// one message (Hl7Message), decoded (Hl7Decoder) and acknowledged (Hl7Ack::respond), and split as a
// batch file (Hl7Message::splitBatch) whose messages are acknowledged too. Aborts when an invariant
// breaks: every ACK parses as an ACK whose MSA-1 matches the decoding and whose MSA-2 holds the bytes
// of the received control ID; decode reports one Hl7Error per problem; a rejected message carries no data; readings
// are finite and timed; wave segments have a period; escaping round-trips.
#include "codec/hl7ack.h"
#include "codec/hl7decoder.h"
#include "codec/hl7message.h"

#include <QTimeZone>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

using vigil::codec::Hl7Ack;
using vigil::codec::Hl7Decoder;
using vigil::codec::Hl7Error;
using vigil::codec::Hl7Message;
using vigil::codec::Hl7Segment;
using vigil::codec::InboundBatch;

namespace {

const Hl7Ack::Options& options()
{
    static const Hl7Ack::Options fixed = [] {
        Hl7Ack::Options o;
        o.controlId = QStringLiteral("FUZZ");
        o.time = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc());
        return o;
    }();
    return fixed;
}

void check(bool condition)
{
    if (!condition)
        std::abort();
}

// Acknowledges `bytes` and checks the ACK against what was decoded.
void acknowledge(QByteArrayView bytes)
{
    InboundBatch decoded;
    const QByteArray ack = Hl7Ack::respond(bytes, &decoded, options());
    const auto reply = Hl7Message::parse(ack);
    check(reply.has_value());
    check(reply->messageType() == u"ACK");
    check(reply->value(u"MSA", 1, 1) == Hl7Ack::codeName(Hl7Ack::codeFor(decoded)));
    check(!decoded.rejected || !decoded.problems.empty());
    check(!decoded.rejected || !decoded.hasData());
    check((reply->segmentCount(u"ERR") > 0) == !decoded.problems.empty());
    // MSA-2 carries the received MSH-10 as sent. Compared raw (escape sequences unresolved) and as
    // bytes: with no MSH-18 each side's character set is guessed from its own bytes, so an ACK may be
    // valid UTF-8 where the message, read as Latin-1, was not; and a \Xhh\ escape then stands for
    // different text on each side (found by this target: \XFC\ is "ü" in Latin-1, U+FFFD in UTF-8).
    if (const auto original = Hl7Message::parse(bytes)) {
        const Hl7Segment* msa = reply->segment(u"MSA");
        const Hl7Segment* msh = original->segment(u"MSH");
        check(msa && msh);
        check(reply->encoding().encode(msa->raw(2)) == original->encoding().encode(msh->raw(10)));
    }
}

void exercise(const Hl7Message& message)
{
    const auto& enc = message.encoding();
    int leaves = 0;
    for (const Hl7Segment& s : message.segments()) {
        (void)s.id();
        (void)s.rawText();
        const int fields = std::min(s.fieldCount(), 40);
        for (int f = 0; f <= fields + 1 && leaves < 1500; ++f) {
            const int reps = std::min(s.repetitionCount(f), 4);
            for (int r = 1; r <= reps + 1; ++r) {
                (void)s.text(f, r);
                (void)s.components(f, r);
                const int comps = std::min(s.componentCount(f, r), 8);
                for (int c = 1; c <= comps + 1; ++c) {
                    for (int sub = 1; sub <= 2; ++sub, ++leaves) {
                        const QString v = s.value(f, c, sub, r);
                        // MSH-1 / MSH-2 are returned as sent (delimiters themselves); NUL is dropped
                        // by escaped().
                        const bool headerDelimiters = f <= 2 && (s.is(u"MSH") || s.is(u"FHS") || s.is(u"BHS"));
                        if (!headerDelimiters && !v.contains(QChar(u'\0')))
                            check(enc.unescape(enc.escaped(v)) == v);
                    }
                }
            }
        }
    }
    (void)message.versionNumber();

    std::vector<Hl7Error> errors;
    const InboundBatch batch = Hl7Decoder::decode(message, &errors);
    check(errors.size() == batch.problems.size());
    check(batch.messageId == message.controlId());
    if (batch.rejected)
        check(!batch.hasData() && !batch.problems.empty());
    for (const auto& v : batch.vitals)
        check(std::isfinite(v.measurement.value) && v.measurement.time != 0 && !v.patientKey.isEmpty());
    for (const auto& w : batch.waves)
        check(w.periodUs > 0 && std::isfinite(w.periodUs) && w.factor > 0 && !w.digital.empty());
    for (const auto& p : batch.patients)
        check(!p.id.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    if (const auto message = Hl7Message::parse(bytes, &error))
        exercise(*message);
    else
        check(!error.isEmpty());
    acknowledge(bytes);
    int pieces = 0;
    for (const QByteArray& piece : Hl7Message::splitBatch(bytes)) {
        check(piece.startsWith("MSH"));
        if (++pieces <= 8)
            acknowledge(piece);
    }
    return 0;
}
