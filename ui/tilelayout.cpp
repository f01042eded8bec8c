#include "tilelayout.h"

#include <algorithm>
#include <cmath>

namespace vigil::ui {

int TileLayout::gridColumns(QSize area, int tiles)
{
    if (tiles <= 1 || area.isEmpty())
        return 1;
    const double aspect = static_cast<double>(area.width()) / area.height();
    const int cols = static_cast<int>(std::ceil(std::sqrt(tiles * aspect / kTileAspect) - 1e-9));
    return std::clamp(cols, 1, tiles);
}

std::vector<TileGeometry> TileLayout::compute(QSize area, int tiles)
{
    std::vector<TileGeometry> out;
    if (tiles <= 0 || area.isEmpty())
        return out;
    const int cols = gridColumns(area, tiles);
    const int rows = (tiles + cols - 1) / cols;
    out.reserve(static_cast<std::size_t>(tiles));
    // Every tile has exactly the same size (the remainder, under one tile column or row, stays
    // blank at the right and bottom): identical band widths let every sweep run in phase with
    // wall-clock time, so all heads sit at the same x within their tiles.
    const int width = area.width() / cols;
    const int height = area.height() / rows;
    for (int i = 0; i < tiles; ++i) {
        const int r = i / cols;
        const int c = i % cols;
        out.push_back(tile(QRect(c * width, r * height, width, height)));
    }
    return out;
}

TileGeometry TileLayout::tile(QRect frame)
{
    TileGeometry g;
    g.frame = frame;
    const QRect inner = frame.adjusted(2, 2, -2, -2);
    g.fontPixelSize = std::clamp(inner.height() / 11, 10, 18);
    const int headerHeight = g.fontPixelSize + 6;
    g.header = QRect(inner.left(), inner.top(), inner.width(), headerHeight);
    const int numericsWidth = std::clamp(inner.width() * 30 / 100, 84, 240);
    const QRect body(inner.left(), inner.top() + headerHeight, inner.width(), inner.height() - headerHeight);
    g.numerics = QRect(body.right() - numericsWidth + 1, body.top(), numericsWidth, body.height());
    g.traces = QRect(body.left(), body.top(), body.width() - numericsWidth - 2, body.height());
    const int labelWidth = std::clamp(g.fontPixelSize * 2 + 4, 24, 44);
    // ECG gets 40 % of the height, pleth and respiration 30 % each.
    const int h = g.traces.height();
    const std::array<int, 4> edges{0, h * 40 / 100, h * 70 / 100, h};
    for (int s = 0; s < core::kStreamCount; ++s) {
        const int top = g.traces.top() + edges[static_cast<std::size_t>(s)];
        const int height = edges[static_cast<std::size_t>(s) + 1] - edges[static_cast<std::size_t>(s)];
        g.labels[static_cast<std::size_t>(s)] = QRect(g.traces.left(), top, labelWidth, height);
        g.bands[static_cast<std::size_t>(s)] =
            QRect(g.traces.left() + labelWidth, top, std::max(1, g.traces.width() - labelWidth), height);
    }
    return g;
}

} // namespace vigil::ui
