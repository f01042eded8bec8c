#include "glwaveformview.h"

#include "monitorpalette.h"
#include "tiledecorator.h"
#include "waveformscene.h"

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QPainter>

namespace vigil::ui {

using core::StreamKind;

GlWaveformView::GlWaveformView(WaveformScene& scene, QWidget* parent)
    : QOpenGLWidget(parent)
    , m_scene(scene)
{
    setUpdateBehavior(QOpenGLWidget::PartialUpdate);
    setFormat(GlTraceProgram::surfaceFormat());
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 200);
    setAccessibleName(tr("Live waveforms"));
}

GlWaveformView::~GlWaveformView()
{
    cleanup();
}

void GlWaveformView::cleanup()
{
    if (!m_ready || !context())
        return;
    makeCurrent();
    m_program.release();
    context()->extraFunctions()->glDeleteTextures(1, &m_overlayTexture);
    m_overlayTexture = 0;
    m_ready = false;
    doneCurrent();
}

void GlWaveformView::initializeGL()
{
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, &GlWaveformView::cleanup, Qt::DirectConnection);
    QString error;
    if (!m_program.create(context(), &error)) {
        m_failed = true;
        // Report after initialisation returns; the owner replaces this widget.
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT renderFailed(error); }, Qt::QueuedConnection);
        return;
    }
    auto* gl = context()->extraFunctions();
    m_rendererString = QString::fromLatin1(reinterpret_cast<const char*>(gl->glGetString(GL_RENDERER)));
    gl->glGenTextures(1, &m_overlayTexture);
    gl->glBindTexture(GL_TEXTURE_2D, m_overlayTexture);
    gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    m_ready = true;
    m_fullRedraw = true;
}

void GlWaveformView::resizeGL(int, int)
{
    m_scene.setSize(size());
    m_fullRedraw = true; // a new framebuffer: nothing preserved
}

void GlWaveformView::frame(const std::vector<int>& changedTiles)
{
    m_pendingTiles.insert(m_pendingTiles.end(), changedTiles.begin(), changedTiles.end());
    update();
}

void GlWaveformView::uploadOverlay(const QRect& rect)
{
    auto* gl = context()->extraFunctions();
    gl->glBindTexture(GL_TEXTURE_2D, m_overlayTexture);
    if (m_overlaySize != m_overlay.size()) {
        gl->glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, m_overlay.width(), m_overlay.height(), 0, GL_RGBA,
            GL_UNSIGNED_BYTE, m_overlay.constBits());
        m_overlaySize = m_overlay.size();
        return;
    }
    const QRect r = rect.intersected(m_overlay.rect());
    if (r.isEmpty())
        return;
    gl->glPixelStorei(GL_UNPACK_ROW_LENGTH, m_overlay.bytesPerLine() / 4);
    gl->glTexSubImage2D(GL_TEXTURE_2D, 0, r.x(), r.y(), r.width(), r.height(), GL_RGBA, GL_UNSIGNED_BYTE,
        m_overlay.constScanLine(r.y()) + static_cast<std::ptrdiff_t>(r.x()) * 4);
    gl->glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
}

void GlWaveformView::appendColumns(int tile, int stream, int first, int count, bool withEraseBar)
{
    const WaveformScene::Tile& t = m_scene.tile(tile);
    const auto kind = static_cast<StreamKind>(stream);
    const signal::SweepTrace& sweep = t.traces[static_cast<std::size_t>(stream)].sweep;
    const QRect& band = t.geometry.bands[static_cast<std::size_t>(stream)];
    const int width = sweep.columnCount();
    const quint32 bg = GlTraceProgram::pack(MonitorPalette::background());
    const quint32 fg = GlTraceProgram::pack(MonitorPalette::trace(kind));
    const int erase = m_scene.eraseBarColumns(tile, kind);
    const int head = sweep.head();
    const auto x = static_cast<float>(band.left());
    const auto top = static_cast<float>(band.top());
    const auto height = static_cast<float>(band.height());

    // Background under the changed columns (one rectangle per contiguous run), then the spans.
    const auto background = [&](int from, int n) {
        const int firstRun = std::min(n, width - from);
        m_rects.push_back({x + static_cast<float>(from), top, static_cast<float>(firstRun), height, bg});
        if (n > firstRun)
            m_rects.push_back({x, top, static_cast<float>(n - firstRun), height, bg});
    };
    background(first, count);
    for (int i = 0; i < count; ++i) {
        const int c = (first + i) % width;
        if (const auto px = m_scene.columnPixels(tile, kind, c)) {
            m_rects.push_back({x + static_cast<float>(c), static_cast<float>(px->first), 1.0f,
                static_cast<float>(px->second - px->first + 1), fg});
        }
    }
    if (withEraseBar && erase > 0)
        background((head + 1) % width, erase);
}

void GlWaveformView::appendBand(int tile, int stream)
{
    const int columns = m_scene.tile(tile).traces[static_cast<std::size_t>(stream)].sweep.columnCount();
    appendColumns(tile, stream, 0, columns, false);
}

void GlWaveformView::paintGL()
{
    if (!m_ready || m_failed)
        return;
    QElapsedTimer timer;
    timer.start();
    auto* gl = context()->extraFunctions();
    m_program.begin(size(), devicePixelRatioF());
    m_rects.clear();

    if (m_generation != m_scene.layoutGeneration() || m_fullRedraw || m_overlay.size() != size()) {
        m_overlay = QImage(size(), QImage::Format_RGBA8888_Premultiplied);
        m_overlay.fill(Qt::transparent);
        {
            QPainter p(&m_overlay);
            for (int t = 0; t < m_scene.tileCount(); ++t)
                TileDecorator::paint(p, m_scene, t, TileDecorator::Bands::Transparent);
        }
        m_overlaySize = {};
        uploadOverlay(m_overlay.rect());
        const QColor bg = MonitorPalette::background();
        gl->glClearColor(bg.redF(), bg.greenF(), bg.blueF(), 1.0f);
        gl->glClear(GL_COLOR_BUFFER_BIT);
        m_suppressed.assign(static_cast<std::size_t>(m_scene.tileCount()), {});
        for (int t = 0; t < m_scene.tileCount(); ++t) {
            for (int s = 0; s < core::kStreamCount; ++s) {
                (void)m_scene.tile(t).traces[static_cast<std::size_t>(s)].sweep.takeDirty();
                const bool hidden = m_scene.suppressed(t, static_cast<StreamKind>(s));
                m_suppressed[static_cast<std::size_t>(t)][static_cast<std::size_t>(s)] = hidden;
                if (!hidden)
                    appendBand(t, s);
            }
        }
        m_program.drawRects(m_rects);
        m_program.drawTexture(m_overlayTexture, m_overlaySize, m_overlay.rect());
        m_generation = m_scene.layoutGeneration();
        m_fullRedraw = false;
        m_pendingTiles.clear();
    } else {
        // Tiles whose text or technical state changed: repaint their overlay and, where a band
        // switched between trace and technical state, the whole band.
        std::vector<QRect> overlayRects;
        for (int t : m_pendingTiles) {
            if (t < 0 || t >= m_scene.tileCount())
                continue;
            const QRect frame = m_scene.tile(t).geometry.frame;
            {
                QPainter p(&m_overlay);
                TileDecorator::paint(p, m_scene, t, TileDecorator::Bands::Transparent);
            }
            uploadOverlay(frame);
            overlayRects.push_back(frame);
            auto& drawn = m_suppressed[static_cast<std::size_t>(t)];
            for (int s = 0; s < core::kStreamCount; ++s) {
                const bool hidden = m_scene.suppressed(t, static_cast<StreamKind>(s));
                if (drawn[static_cast<std::size_t>(s)] && !hidden)
                    appendBand(t, s);
                drawn[static_cast<std::size_t>(s)] = hidden;
            }
        }
        m_pendingTiles.clear();
        for (int t = 0; t < m_scene.tileCount(); ++t) {
            for (int s = 0; s < core::kStreamCount; ++s) {
                auto& sweep = m_scene.tile(t).traces[static_cast<std::size_t>(s)].sweep;
                const signal::SweepTrace::Dirty d = sweep.takeDirty();
                if (d.count > 0 && !m_scene.suppressed(t, static_cast<StreamKind>(s)))
                    appendColumns(t, s, d.first, d.count, true);
            }
        }
        // Overlay first where tiles changed (it is opaque outside live bands), traces on top.
        for (const QRect& r : overlayRects)
            m_program.drawTexture(m_overlayTexture, m_overlaySize, r);
        m_program.drawRects(m_rects);
    }
    if (m_synchronous)
        gl->glFinish();
    m_lastPaintMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QImage GlWaveformView::grabImage()
{
    return grabFramebuffer();
}

void GlWaveformView::keyPressEvent(QKeyEvent* event)
{
    if (!m_scene.handleKey(event))
        QOpenGLWidget::keyPressEvent(event);
}

void GlWaveformView::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    m_scene.activate(m_scene.tileAt(event->position().toPoint()));
}

} // namespace vigil::ui
