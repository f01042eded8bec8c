#include "softwarewaveformview.h"

#include "monitorpalette.h"
#include "tiledecorator.h"
#include "waveformscene.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace vigil::ui {

using core::StreamKind;

SoftwareWaveformView::SoftwareWaveformView(WaveformScene& scene, QWidget* parent)
    : QWidget(parent)
    , m_scene(scene)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 200);
    setAccessibleName(tr("Live waveforms"));
}

void SoftwareWaveformView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_scene.setSize(size());
}

void SoftwareWaveformView::redrawAll()
{
    if (m_image.size() != size())
        m_image = QImage(size(), QImage::Format_RGB32);
    m_image.fill(MonitorPalette::background());
    m_suppressed.assign(static_cast<std::size_t>(m_scene.tileCount()), {});
    for (int t = 0; t < m_scene.tileCount(); ++t)
        redrawTile(t, true);
    m_generation = m_scene.layoutGeneration();
    m_dirty = QRegion(rect());
}

void SoftwareWaveformView::redrawTile(int tile, bool bandsToo)
{
    {
        QPainter p(&m_image);
        TileDecorator::paint(p, m_scene, tile, TileDecorator::Bands::Untouched);
    }
    auto& drawn = m_suppressed[static_cast<std::size_t>(tile)];
    for (StreamKind kind : core::kAllStreams) {
        const auto si = static_cast<std::size_t>(core::streamIndex(kind));
        const bool now = m_scene.suppressed(tile, kind);
        if (!now && (bandsToo || drawn[si])) {
            const int columns = m_scene.tile(tile).traces[si].sweep.columnCount();
            drawColumns(tile, static_cast<int>(si), 0, columns);
        }
        drawn[si] = now;
    }
    m_dirty += m_scene.tile(tile).geometry.frame;
}

QRect SoftwareWaveformView::drawColumns(int tile, int stream, int first, int count)
{
    const WaveformScene::Tile& t = m_scene.tile(tile);
    const auto kind = static_cast<StreamKind>(stream);
    const signal::SweepTrace& sweep = t.traces[static_cast<std::size_t>(stream)].sweep;
    const QRect& band = t.geometry.bands[static_cast<std::size_t>(stream)];
    const int width = sweep.columnCount();
    const QRgb bg = MonitorPalette::background().rgb();
    const QRgb fg = MonitorPalette::trace(kind).rgb();
    const int erase = std::min(m_scene.displaySettings().eraseBarColumns(), width - 1);
    const int head = sweep.head();
    const auto bytesPerLine = static_cast<std::size_t>(m_image.bytesPerLine());
    auto* bits = m_image.bits();

    const auto paintColumn = [&](int c) {
        const int x = band.left() + c;
        // Columns inside the erase bar ahead of the head, and columns never written, are blank.
        const int ahead = (c - head + width) % width;
        const bool blank = (ahead > 0 && ahead <= erase) || !sweep.written(c);
        const auto pixels = blank ? std::nullopt : m_scene.columnPixels(tile, kind, c);
        for (int y = band.top(); y <= band.bottom(); ++y) {
            auto* line = reinterpret_cast<QRgb*>(bits + static_cast<std::size_t>(y) * bytesPerLine);
            line[x] = (pixels && y >= pixels->first && y <= pixels->second) ? fg : bg;
        }
    };
    for (int i = 0; i < count; ++i)
        paintColumn((first + i) % width);
    // The erase bar moves with the head: blank the columns it now covers.
    for (int i = 1; i <= erase; ++i)
        paintColumn((head + i) % width);

    if (count + erase >= width)
        return band;
    const int start = first;
    const int end = (head + erase) % width;
    if (end >= start)
        return QRect(band.left() + start, band.top(), end - start + 1, band.height());
    // Wrapped: the union of both ends is cheaper to repaint as the whole band.
    return band;
}

void SoftwareWaveformView::frame(const std::vector<int>& changedTiles)
{
    if (m_generation != m_scene.layoutGeneration() || m_image.size() != size()) {
        redrawAll();
        for (int t = 0; t < m_scene.tileCount(); ++t) {
            for (auto& trace : m_scene.tile(t).traces)
                (void)trace.sweep.takeDirty();
        }
    } else {
        for (int t : changedTiles)
            redrawTile(t, false);
        for (int t = 0; t < m_scene.tileCount(); ++t) {
            // The three traces of a tile are time-aligned, so their changed columns sit at about the
            // same x: one bounding rectangle per tile keeps the repaint region (and the number of
            // rectangles flushed to the window system) small.
            QRect tileDirty;
            for (int s = 0; s < core::kStreamCount; ++s) {
                auto& trace = m_scene.tile(t).traces[static_cast<std::size_t>(s)];
                const signal::SweepTrace::Dirty d = trace.sweep.takeDirty();
                if (d.count == 0 || m_scene.suppressed(t, static_cast<StreamKind>(s)))
                    continue;
                tileDirty |= drawColumns(t, s, d.first, d.count);
            }
            if (!tileDirty.isEmpty())
                m_dirty += tileDirty;
        }
    }
    if (!m_dirty.isEmpty()) {
        update(m_dirty);
        m_dirty = QRegion();
    }
}

void SoftwareWaveformView::paintEvent(QPaintEvent* event)
{
    if (m_image.size() != size())
        redrawAll();
    QPainter p(this);
    for (const QRect& r : event->region())
        p.drawImage(r, m_image, r);
}

QImage SoftwareWaveformView::grabImage()
{
    return m_image.copy();
}

void SoftwareWaveformView::keyPressEvent(QKeyEvent* event)
{
    if (!m_scene.handleKey(event))
        QWidget::keyPressEvent(event);
}

void SoftwareWaveformView::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    m_scene.activate(m_scene.tileAt(event->position().toPoint()));
}

} // namespace vigil::ui
