#include "streamkind.h"

namespace vigil::core {

int mdcCode(StreamKind kind)
{
    switch (kind) {
    case StreamKind::Ecg:
        return 131330;
    case StreamKind::Pleth:
        return 150452;
    case StreamKind::Resp:
        return 151780;
    }
    return 0;
}

QString streamLabel(StreamKind kind)
{
    switch (kind) {
    case StreamKind::Ecg:
        return QStringLiteral("II");
    case StreamKind::Pleth:
        return QStringLiteral("Pleth");
    case StreamKind::Resp:
        return QStringLiteral("Resp");
    }
    return {};
}

QString streamUnit(StreamKind kind)
{
    return kind == StreamKind::Ecg ? QStringLiteral("mV") : QString();
}

} // namespace vigil::core
