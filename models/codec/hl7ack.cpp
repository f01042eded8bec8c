#include "hl7ack.h"

#include "hl7datetime.h"
#include "hl7decoder.h"
#include "hl7message.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QVersionNumber>

#include <algorithm>

namespace vigil::codec {

namespace {

const QLatin1String kDefaultApplication("VIGIL");
const QLatin1String kGenericVersion("2.6");

// Segment fields (index 0: the segment ID) joined with the field separator, trailing empty fields
// dropped.
QString joinSegment(QStringList fields, QChar separator)
{
    while (fields.size() > 1 && fields.back().isEmpty())
        fields.removeLast();
    return fields.join(separator);
}

// The MSH of an ACK. `fields[k]` is MSH-k (k >= 3), already in the ACK's encoding.
QString mshSegment(const Hl7Encoding& encoding, QStringList fields)
{
    // Slots 1 and 2 stand for MSH-1 and MSH-2; MSH-1 (the separator) is written by the join itself,
    // so one slot goes.
    fields[0] = QStringLiteral("MSH");
    fields[1] = encoding.encodingCharacters();
    fields.removeAt(2);
    return joinSegment(std::move(fields), encoding.field);
}

// ERR segments (v2.5 layout, or v2.3 / 2.4 layout) for `errors`, capped at kMaxErrSegments.
QStringList errSegments(const Hl7Encoding& enc, const std::vector<Hl7Error>& errors, bool v25)
{
    QStringList segments;
    if (errors.empty())
        return segments;
    std::vector<Hl7Error> shown(errors.begin(),
        errors.begin() + std::ptrdiff_t(std::min<std::size_t>(errors.size(), std::size_t(Hl7Ack::kMaxErrSegments))));
    if (errors.size() > shown.size()) {
        Hl7Error more;
        more.code = errors[shown.size()].code;
        // The last slot reports what does not fit, itself included.
        more.text = QStringLiteral("%1 more problems are not listed.").arg(errors.size() - shown.size() + 1);
        shown.back() = more;
    }
    const auto number = [](int n) { return n > 0 ? QString::number(n) : QString(); };
    const auto codeWithText = [&enc](int code, QChar separator) -> QString {
        return QString::number(code) + separator + enc.escaped(Hl7Error::codeText(code)) + separator
            + QStringLiteral("HL70357");
    };
    if (v25) {
        for (const Hl7Error& e : shown) {
            QStringList location{enc.escaped(e.segment), number(e.sequence), number(e.field)};
            if (e.component > 0)
                location << QString() << number(e.component);
            if (e.segment.isEmpty())
                location.clear();
            QStringList err(9);
            err[0] = QStringLiteral("ERR");
            err[2] = joinSegment(location, enc.component);
            err[3] = codeWithText(e.code, enc.component);
            err[4] = QStringLiteral("E");
            err[8] = enc.escaped(e.text);
            segments.append(joinSegment(err, enc.field));
        }
    } else {
        // ERR-1 (ELD): segment ^ sequence ^ field ^ code (a CE, so its parts are subcomponents).
        QStringList repetitions;
        for (const Hl7Error& e : shown) {
            const QChar sub = enc.subcomponent.isNull() ? enc.component : enc.subcomponent;
            repetitions.append(enc.escaped(e.segment) + enc.component + number(e.sequence) + enc.component
                + number(e.field) + enc.component + codeWithText(e.code, sub));
        }
        const QChar repetition = enc.repetition.isNull() ? enc.field : enc.repetition;
        if (repetition == enc.field)
            repetitions = repetitions.mid(0, 1);
        segments.append(QStringLiteral("ERR") + enc.field + repetitions.join(repetition));
    }
    return segments;
}

QByteArray finish(const Hl7Encoding& encoding, const QStringList& segments)
{
    return encoding.encode(QString(segments.join(u'\r') + u'\r'));
}

} // namespace

Hl7Ack::Code Hl7Ack::codeFor(const InboundBatch& decoded)
{
    if (decoded.rejected)
        return Code::Reject;
    return decoded.problems.empty() ? Code::Accept : Code::Error;
}

QString Hl7Ack::codeName(Code code)
{
    switch (code) {
    case Code::Accept:
        return QStringLiteral("AA");
    case Code::Error:
        return QStringLiteral("AE");
    case Code::Reject:
        return QStringLiteral("AR");
    }
    return QStringLiteral("AR");
}

QString Hl7Ack::newControlId()
{
    QRandomGenerator* rng = QRandomGenerator::system();
    QString id = QString::number(rng->generate64(), 16).rightJustified(16, u'0')
        + QString::number(rng->generate() & 0xFFFFu, 16).rightJustified(4, u'0');
    return id.toUpper();
}

QByteArray Hl7Ack::build(const Hl7Message& original, const InboundBatch& decoded, const std::vector<Hl7Error>& errors,
    const Options& options)
{
    if (errors.size() == decoded.problems.size())
        return build(original, codeFor(decoded), errors, options);
    std::vector<Hl7Error> generic;
    generic.reserve(decoded.problems.size());
    for (const DecodeProblem& p : decoded.problems) {
        Hl7Error e;
        e.code = Hl7Error::ApplicationInternalError;
        e.text = p.reason;
        generic.push_back(std::move(e));
    }
    return build(original, codeFor(decoded), generic, options);
}

QByteArray Hl7Ack::build(
    const Hl7Message& original, Code code, const std::vector<Hl7Error>& errors, const Options& options)
{
    const Hl7Encoding& enc = original.encoding();
    const Hl7Segment& msh = original.header();
    const QVersionNumber version = original.versionNumber();
    // The ERR layout follows the version the ACK declares (2.6 when the original gives none).
    const bool v25 = version.isNull() || version >= QVersionNumber(2, 5);
    const bool withStructure = version.isNull() || version >= QVersionNumber(2, 3, 1);

    QStringList fields(22);
    const QString application = options.application.isEmpty() ? QString(kDefaultApplication) : options.application;
    fields[3] = msh.raw(5).isEmpty() ? enc.escaped(application) : msh.raw(5).toString();
    fields[4] = msh.raw(6).toString();
    fields[5] = msh.raw(3).toString();
    fields[6] = msh.raw(4).toString();
    fields[7] = Hl7DateTime::formatUtc(options.time.isValid() ? options.time : QDateTime::currentDateTimeUtc());
    QString type = QStringLiteral("ACK");
    const QStringView trigger = msh.rawComponent(9, 2);
    if (!trigger.isEmpty() || withStructure)
        type += enc.component + trigger.toString();
    if (withStructure)
        type += enc.component + QStringLiteral("ACK");
    fields[9] = type;
    fields[10] = enc.escaped(options.controlId.isEmpty() ? newControlId() : options.controlId);
    fields[11] = msh.raw(11).isEmpty() ? QStringLiteral("P") : msh.raw(11).toString();
    fields[12] = msh.raw(12).isEmpty() ? QString(kGenericVersion) : msh.raw(12).toString();
    fields[15] = QStringLiteral("NE");
    fields[16] = QStringLiteral("NE");
    fields[18] = msh.raw(18).toString();
    if (v25)
        fields[21] = msh.raw(21).toString();

    QStringList segments;
    segments.append(mshSegment(enc, fields));
    QStringList msa{QStringLiteral("MSA"), codeName(code), msh.raw(10).toString()};
    if (!v25 && code != Code::Accept && !errors.empty())
        msa.append(enc.escaped(errors.front().text));
    segments.append(joinSegment(msa, enc.field));
    if (code != Code::Accept)
        segments.append(errSegments(enc, errors, v25));
    return finish(enc, segments);
}

QByteArray Hl7Ack::reject(QByteArrayView received, const Hl7Error& error, const Options& options)
{
    // Best effort: the control ID of something that looks like an MSH line.
    QString controlId;
    {
        QByteArrayView data = received;
        while (!data.isEmpty() && (data.front() == '\r' || data.front() == '\n' || data.front() == ' '))
            data = data.sliced(1);
        if (data.startsWith("MSH") && data.size() > 4) {
            const char separator = data[3];
            qsizetype end = 0;
            while (end < data.size() && data[end] != '\r' && data[end] != '\n')
                ++end;
            const QList<QByteArrayView> parts = [&] {
                QList<QByteArrayView> out;
                qsizetype from = 0;
                const QByteArrayView line = data.first(end);
                for (qsizetype i = 0; i <= line.size(); ++i) {
                    if (i == line.size() || line[i] == separator) {
                        out.append(line.sliced(from, i - from));
                        from = i + 1;
                    }
                }
                return out;
            }();
            if (parts.size() > 9 && parts[9].size() <= 64) {
                bool plain = true;
                for (const char c : parts[9]) {
                    const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                        || c == '.' || c == '_' || c == '-' || c == ':' || c == '@';
                    plain = plain && ok;
                }
                if (plain)
                    controlId = QString::fromLatin1(parts[9]);
            }
        }
    }

    const Hl7Encoding enc; // standard delimiters, UTF-8
    QStringList fields(22);
    fields[3] = enc.escaped(options.application.isEmpty() ? QString(kDefaultApplication) : options.application);
    fields[7] = Hl7DateTime::formatUtc(options.time.isValid() ? options.time : QDateTime::currentDateTimeUtc());
    fields[9] = QStringLiteral("ACK");
    fields[10] = enc.escaped(options.controlId.isEmpty() ? newControlId() : options.controlId);
    fields[11] = QStringLiteral("P");
    fields[12] = QString(kGenericVersion);
    fields[15] = QStringLiteral("NE");
    fields[16] = QStringLiteral("NE");

    QStringList segments;
    segments.append(mshSegment(enc, fields));
    segments.append(joinSegment({QStringLiteral("MSA"), codeName(Code::Reject), controlId}, enc.field));
    segments.append(errSegments(enc, {error}, true));
    return finish(enc, segments);
}

QByteArray Hl7Ack::respond(QByteArrayView received, InboundBatch* decoded, const Options& options)
{
    QString parseError;
    const std::optional<Hl7Message> message = Hl7Message::parse(received, &parseError);
    if (!message) {
        Hl7Error error;
        QByteArrayView data = received;
        while (!data.isEmpty() && (data.front() == '\r' || data.front() == '\n' || data.front() == ' '))
            data = data.sliced(1);
        const bool looksLikeMsh = data.startsWith("MSH") || data.startsWith("\xEF\xBB\xBFMSH");
        error.code = looksLikeMsh ? Hl7Error::DataTypeError : Hl7Error::SegmentSequenceError;
        error.segment = QStringLiteral("MSH");
        error.sequence = 1;
        error.field = looksLikeMsh ? 2 : 0;
        error.text = parseError;
        if (decoded) {
            *decoded = InboundBatch();
            decoded->rejected = true;
            decoded->problems.push_back(DecodeProblem{error.location(), error.text});
        }
        return reject(received, error, options);
    }
    std::vector<Hl7Error> errors;
    InboundBatch batch = Hl7Decoder::decode(*message, &errors);
    QByteArray ack = build(*message, batch, errors, options);
    if (decoded)
        *decoded = std::move(batch);
    return ack;
}

} // namespace vigil::codec
