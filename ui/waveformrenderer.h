#pragma once

#include <QImage>
#include <QString>

#include <vector>

class QWidget;

namespace vigil::ui {

class WaveformScene;

// The one interface both live-view renderers implement (GPU: GlWaveformView; software:
// SoftwareWaveformView). A renderer draws a WaveformScene it does not own; per frame the frame clock
// advances the scene and calls frame(); the renderer then draws only what changed.
class WaveformRenderer
{
public:
    enum class Kind {
        Gl,
        Software
    };

    virtual ~WaveformRenderer() = default;

    [[nodiscard]] virtual Kind kind() const = 0;
    [[nodiscard]] virtual QWidget* widget() = 0;
    // Draw the sweep columns that changed and repaint tiles whose text or state changed.
    // Schedules a repaint; it does not wait for it.
    virtual void frame(const std::vector<int>& changedTiles) = 0;
    // Paints what frame() scheduled right now, synchronously (benchmarks and tests; the app lets
    // Qt's event loop do it).
    virtual void presentNow() = 0;
    // The view as it is on screen now.
    [[nodiscard]] virtual QImage grabImage() = 0;

    [[nodiscard]] static QString kindName(Kind kind)
    {
        return kind == Kind::Gl ? QStringLiteral("gl") : QStringLiteral("software");
    }
};

} // namespace vigil::ui
