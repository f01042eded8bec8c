#pragma once

#include <QCoreApplication>

class QPainter;

namespace vigil::ui {

class WaveformScene;

// Paints everything of a tile except its live traces: frame, header (name, age, NHS Number, data
// age), numerics with units, stream labels with the 1 mV calibration mark, and technical states
// ("LEAD OFF", "NO DATA 2 min") over the bands they replace. Shared by both renderers, so text
// looks identical whichever draws the traces.
class TileDecorator final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ui::TileDecorator)
public:
    enum class Bands {
        Untouched, // leave live band pixels alone (software renderer draws them itself)
        Transparent, // clear live bands to transparent (GL overlay texture above the traces)
    };
    static void paint(QPainter& painter, const WaveformScene& scene, int tile, Bands bands);
};

} // namespace vigil::ui
