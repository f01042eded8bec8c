#include "hl7error.h"

namespace vigil::codec {

QString Hl7Error::codeText(int code)
{
    switch (code) {
    case MessageAccepted:
        return QStringLiteral("Message accepted");
    case SegmentSequenceError:
        return QStringLiteral("Segment sequence error");
    case RequiredFieldMissing:
        return QStringLiteral("Required field missing");
    case DataTypeError:
        return QStringLiteral("Data type error");
    case TableValueNotFound:
        return QStringLiteral("Table value not found");
    case UnsupportedMessageType:
        return QStringLiteral("Unsupported message type");
    case UnsupportedEventCode:
        return QStringLiteral("Unsupported event code");
    case UnsupportedProcessingId:
        return QStringLiteral("Unsupported processing id");
    case UnsupportedVersionId:
        return QStringLiteral("Unsupported version id");
    case UnknownKeyIdentifier:
        return QStringLiteral("Unknown key identifier");
    case DuplicateKeyIdentifier:
        return QStringLiteral("Duplicate key identifier");
    case ApplicationRecordLocked:
        return QStringLiteral("Application record locked");
    case ApplicationInternalError:
        return QStringLiteral("Application internal error");
    default:
        return QString();
    }
}

QString Hl7Error::location() const
{
    if (segment.isEmpty())
        return QStringLiteral("message");
    QString where = segment;
    if (sequence > 0) {
        where += u' ';
        where += QString::number(sequence);
    }
    if (field > 0)
        where += QStringLiteral(" field ") + QString::number(field);
    if (component > 0) {
        where += u'.';
        where += QString::number(component);
    }
    return where;
}

} // namespace vigil::codec
