#pragma once

#include <QCoreApplication>
#include <QString>

namespace vigil::itemmodels {

// How old a patient's data is, in the words a clinician reads at a glance.
class DataAge final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::itemmodels::DataAge)
public:
    // Data older than this is stale: the tile says "NO DATA <age>" instead of showing it as live.
    static constexpr double kStaleSeconds = 10.0;

    // "now", "8 s", "2 min", "3 h", "never" (seconds < 0).
    [[nodiscard]] static QString format(double seconds);
    [[nodiscard]] static bool isStale(double seconds) { return seconds < 0 || seconds >= kStaleSeconds; }
};

} // namespace vigil::itemmodels
