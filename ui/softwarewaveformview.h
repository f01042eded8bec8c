#pragma once

#include "waveformrenderer.h"

#include <QImage>
#include <QWidget>

#include <array>

namespace vigil::ui {

// Software renderer: QPainter for text, direct scanline writes for trace columns, into a persistent
// backing image. Each frame redraws only the columns under the sweep head (plus the erase bar) and
// asks Qt to repaint just those rectangles.
class SoftwareWaveformView final : public QWidget, public WaveformRenderer
{
    Q_OBJECT
public:
    explicit SoftwareWaveformView(WaveformScene& scene, QWidget* parent = nullptr);

    [[nodiscard]] Kind kind() const override { return Kind::Software; }
    [[nodiscard]] QWidget* widget() override { return this; }
    void frame(const std::vector<int>& changedTiles) override;
    void presentNow() override;
    [[nodiscard]] QImage grabImage() override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void redrawAll();
    void redrawTile(int tile, bool bandsToo);
    // Draws columns [first, first+count) of one band (wrapping) and the erase bar after them;
    // returns the changed area as one or two rectangles (two when it wraps; the second may be empty).
    std::pair<QRect, QRect> drawColumns(int tile, int stream, int first, int count);

    WaveformScene& m_scene;
    QImage m_image;
    quint64 m_generation = ~quint64{0};
    std::vector<std::array<bool, 3>> m_suppressed; // what each band showed when last drawn
    QRegion m_dirty;
    QRegion m_scheduled; // asked for with update(), not yet painted
};

} // namespace vigil::ui
