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

std::pair<QRect, QRect> SoftwareWaveformView::drawColumns(int tile, int stream, int first, int count)
{
    const WaveformScene::Tile& t = m_scene.tile(tile);
    const auto kind = static_cast<StreamKind>(stream);
    const signal::SweepTrace& sweep = t.traces[static_cast<std::size_t>(stream)].sweep;
    const QRect& band = t.geometry.bands[static_cast<std::size_t>(stream)];
    const int width = sweep.columnCount();
    const QRgb bg = MonitorPalette::background().rgb();
    const QRgb fg = MonitorPalette::trace(kind).rgb();
    const int erase = m_scene.eraseBarColumns(tile, kind);
    const int head = sweep.head();
    const auto bytesPerLine = static_cast<std::size_t>(m_image.bytesPerLine());
    auto* bits = m_image.bits();

    const auto paintColumn = [&](int c) {
        const int x = band.left() + c;
        const auto pixels = m_scene.columnPixels(tile, kind, c);
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

    // What changed: from `first` through the erase bar ahead of the head, wrapping at the edge.
    const int span = (head + erase - first + 2 * width) % width + 1;
    if (count + erase >= width || span >= width)
        return {band, QRect()};
    if (first + span <= width)
        return {QRect(band.left() + first, band.top(), span, band.height()), QRect()};
    return {QRect(band.left() + first, band.top(), width - first, band.height()),
        QRect(band.left(), band.top(), first + span - width, band.height())};
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
        // Sweeps run in phase (same band width, started by the clock), so the changed columns of all
        // tiles in a grid column line up: merging rectangles whose x ranges overlap leaves a handful
        // of tall narrow rectangles per frame instead of one or two per trace, which keeps the
        // repaint and the flush to the window system cheap.
        std::vector<QRect> merged;
        const auto add = [&merged](const QRect& r) {
            if (r.isEmpty())
                return;
            for (QRect& m : merged) {
                if (r.left() <= m.right() + 1 && m.left() <= r.right() + 1) {
                    m |= r;
                    return;
                }
            }
            merged.push_back(r);
        };
        for (int t = 0; t < m_scene.tileCount(); ++t) {
            for (int s = 0; s < core::kStreamCount; ++s) {
                auto& trace = m_scene.tile(t).traces[static_cast<std::size_t>(s)];
                const signal::SweepTrace::Dirty d = trace.sweep.takeDirty();
                if (d.count == 0 || m_scene.suppressed(t, static_cast<StreamKind>(s)))
                    continue;
                const auto [a, b] = drawColumns(t, s, d.first, d.count);
                add(a);
                add(b);
            }
        }
        for (const QRect& r : merged)
            m_dirty += r;
    }
    if (!m_dirty.isEmpty()) {
        update(m_dirty);
        m_scheduled += m_dirty;
        m_dirty = QRegion();
    }
}

void SoftwareWaveformView::presentNow()
{
    if (!m_scheduled.isEmpty())
        repaint(m_scheduled);
}

void SoftwareWaveformView::paintEvent(QPaintEvent* event)
{
    if (m_image.size() != size())
        redrawAll();
    m_scheduled -= event->region();
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
