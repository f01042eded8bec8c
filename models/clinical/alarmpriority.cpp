#include "alarmpriority.h"

namespace vigil::clinical {

QString AlarmPriority::marker(Level level)
{
    return QString(static_cast<qsizetype>(level), QLatin1Char('*'));
}

QString AlarmPriority::name(Level level)
{
    switch (level) {
    case High:
        return tr("HIGH");
    case Medium:
        return tr("MEDIUM");
    case Low:
        return tr("LOW");
    case None:
        break;
    }
    return {};
}

QString AlarmPriority::key(Level level)
{
    switch (level) {
    case High:
        return QStringLiteral("high");
    case Medium:
        return QStringLiteral("medium");
    case Low:
        return QStringLiteral("low");
    case None:
        break;
    }
    return QStringLiteral("none");
}

double AlarmPriority::flashHz(Level level)
{
    switch (level) {
    case High:
        return 2.0;
    case Medium:
        return 0.6;
    case Low:
    case None:
        break;
    }
    return 0.0;
}

} // namespace vigil::clinical
