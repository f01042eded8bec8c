#pragma once

#include "gltraceprogram.h"
#include "waveformrenderer.h"

#include <QImage>
#include <QOpenGLWidget>

#include <array>
#include <vector>

namespace vigil::ui {

// GPU renderer: one QOpenGLWidget draws every tile. The framebuffer is preserved between frames
// (PartialUpdate), so each frame uploads only the new min/max-per-column spans of each trace and
// draws them as one-pixel-wide rectangles (two triangles each), plus one rectangle per erase bar. Text is
// painted with QPainter into an overlay image (the same TileDecorator the software renderer uses)
// and uploaded per tile only when a tile's text or state changes.
//
// If the context or the shaders fail, it emits renderFailed(); the window then falls back to the
// software renderer and says so.
class GlWaveformView final : public QOpenGLWidget, public WaveformRenderer
{
    Q_OBJECT
public:
    explicit GlWaveformView(WaveformScene& scene, QWidget* parent = nullptr);
    ~GlWaveformView() override;

    [[nodiscard]] Kind kind() const override { return Kind::Gl; }
    [[nodiscard]] QWidget* widget() override { return this; }
    void frame(const std::vector<int>& changedTiles) override;
    void presentNow() override { repaint(); }
    [[nodiscard]] QImage grabImage() override;

    // Benchmarks: finish GPU work inside paintGL so a repaint's duration includes it.
    void setSynchronous(bool on) { m_synchronous = on; }
    [[nodiscard]] QString rendererString() const { return m_rendererString; }
    // Duration of the last paintGL (our drawing, excluding Qt's composition of the window), in ms.
    [[nodiscard]] double lastPaintMs() const { return m_lastPaintMs; }

Q_SIGNALS:
    void renderFailed(const QString& reason);

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void uploadOverlay(const QRect& rect);
    void appendColumns(int tile, int stream, int first, int count, bool withEraseBar);
    void appendBand(int tile, int stream);
    void cleanup();

    WaveformScene& m_scene;
    GlTraceProgram m_program;
    bool m_ready = false;
    bool m_failed = false;
    bool m_synchronous = false;
    bool m_fullRedraw = true;
    quint64 m_generation = ~quint64{0};
    unsigned m_overlayTexture = 0;
    QSize m_overlaySize;
    QImage m_overlay;
    std::vector<int> m_pendingTiles;
    std::vector<std::array<bool, 3>> m_suppressed;
    std::vector<GlTraceProgram::Rect> m_rects;
    QString m_rendererString;
    double m_lastPaintMs = 0;
};

} // namespace vigil::ui
