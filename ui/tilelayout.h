#pragma once

#include "core/streamkind.h"

#include <QRect>
#include <QSize>

#include <array>
#include <vector>

namespace vigil::ui {

// Geometry of one patient tile, in widget pixels.
struct TileGeometry
{
    QRect frame; // the whole tile
    QRect header; // name, age, NHS Number, data age
    QRect numerics; // HR, SpO2, RR, BP, temperature
    QRect traces; // the area holding the three bands (technical states are shown over it)
    std::array<QRect, core::kStreamCount> labels{}; // left of each band: stream label and 1 mV calibration mark
    std::array<QRect, core::kStreamCount> bands{}; // the sweep area of each trace, one pixel column per column
    int fontPixelSize = 12;
};

// Lays out N tiles in a grid that keeps tiles close to a monitor-like aspect ratio.
class TileLayout final
{
public:
    static constexpr double kTileAspect = 1.8;

    [[nodiscard]] static std::vector<TileGeometry> compute(QSize area, int tiles);
    // Columns of the grid for `tiles` in `area`.
    [[nodiscard]] static int gridColumns(QSize area, int tiles);
    [[nodiscard]] static TileGeometry tile(QRect frame);
};

} // namespace vigil::ui
