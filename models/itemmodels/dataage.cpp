#include "dataage.h"

#include <cmath>

namespace vigil::itemmodels {

QString DataAge::format(double seconds)
{
    if (seconds < 0)
        return tr("never");
    if (seconds < 2)
        return tr("now");
    if (seconds < 60)
        return tr("%1 s").arg(static_cast<int>(seconds));
    if (seconds < 3600)
        return tr("%1 min").arg(static_cast<int>(seconds / 60));
    if (seconds < 48 * 3600)
        return tr("%1 h").arg(static_cast<int>(seconds / 3600));
    return tr("%1 d").arg(static_cast<int>(seconds / 86400));
}

} // namespace vigil::itemmodels
