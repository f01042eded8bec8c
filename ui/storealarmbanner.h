#pragma once

#include "store/storewriter.h"

#include <QLabel>

namespace vigil::ui {

// The cache's state as a technical alarm: a persistent banner (cyan, IEC 60601-1-8's colour for
// technical alarms, and worded so it reads the same without colour) while the store writer is
// behind, out of disk space, failed or stopped; hidden while it is running normally. The live view
// goes on either way, and the banner says so.
class StoreAlarmBanner final : public QLabel
{
    Q_OBJECT
public:
    explicit StoreAlarmBanner(QWidget* parent = nullptr);

    // The alarm text for `stats`; empty when all is well (Running).
    [[nodiscard]] static QString describe(const store::StoreWriter::Stats& stats);

    // Shows or hides the banner for `stats`; returns the text shown (empty: hidden).
    QString showStats(const store::StoreWriter::Stats& stats);
};

} // namespace vigil::ui
