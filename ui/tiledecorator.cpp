#include "tiledecorator.h"

#include "monitorpalette.h"
#include "waveformscene.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <map>
#include <memory>

namespace vigil::ui {

using core::StreamKind;

namespace {

// Fonts and their metrics are built once per size: tiles are repainted every second and building
// a QFont/QFontMetrics each time dominated the cost. GUI thread only.
struct CachedFont
{
    QFont font;
    QFontMetrics metrics;
};

const CachedFont& cachedFont(int pixelSize, bool bold = false)
{
    static std::map<std::pair<int, bool>, std::unique_ptr<CachedFont>> cache;
    auto& slot = cache[{pixelSize, bold}];
    if (!slot) {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(pixelSize);
        f.setBold(bold);
        f.setStyleHint(QFont::SansSerif);
        slot = std::make_unique<CachedFont>(CachedFont{f, QFontMetrics(f)});
    }
    return *slot;
}

const QFont& tileFont(int pixelSize, bool bold = false)
{
    return cachedFont(pixelSize, bold).font;
}

const QFontMetrics& tileMetrics(int pixelSize, bool bold = false)
{
    return cachedFont(pixelSize, bold).metrics;
}

void drawStateText(QPainter& p, const QRect& rect, const QString& text, int pixelSize)
{
    p.fillRect(rect, MonitorPalette::background());
    p.setPen(MonitorPalette::technical());
    p.setFont(tileFont(pixelSize, true));
    p.drawText(rect, Qt::AlignCenter, text);
}

} // namespace

void TileDecorator::paint(QPainter& p, const WaveformScene& scene, int tileIndex, Bands bands)
{
    const WaveformScene::Tile& tile = scene.tile(tileIndex);
    const TileGeometry& g = tile.geometry;
    const TileInfo& info = tile.info;
    const int fs = g.fontPixelSize;

    p.save();
    // Everything but the live bands gets the background; live bands are the renderer's.
    QRegion fixed(g.frame);
    for (StreamKind kind : core::kAllStreams) {
        if (!scene.suppressed(tileIndex, kind))
            fixed -= QRegion(g.bands[static_cast<std::size_t>(core::streamIndex(kind))]);
    }
    p.setClipRegion(fixed);
    p.fillRect(g.frame, MonitorPalette::background());
    p.setClipping(false);
    if (bands == Bands::Transparent) {
        p.setCompositionMode(QPainter::CompositionMode_Source);
        for (StreamKind kind : core::kAllStreams) {
            if (!scene.suppressed(tileIndex, kind))
                p.fillRect(g.bands[static_cast<std::size_t>(core::streamIndex(kind))], Qt::transparent);
        }
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    }

    // Frame: a focus ring is a thicker, brighter border (shape, not colour alone).
    p.setPen(QPen(info.current ? MonitorPalette::focusBorder() : MonitorPalette::tileBorder(), info.current ? 2 : 1));
    p.drawRect(g.frame.adjusted(info.current ? 1 : 0, info.current ? 1 : 0, -1, -1));

    // Header: name (bold), then age and NHS Number; data age right-aligned.
    const QRect header = g.header.adjusted(3, 0, -3, 0);
    p.setFont(tileFont(fs - 1));
    const QString ageText = info.stale ? tr("NO DATA %1").arg(info.dataAge) : info.dataAge;
    const int ageWidth = tileMetrics(fs - 1).horizontalAdvance(ageText) + 4;
    p.setPen(info.stale ? MonitorPalette::technical() : MonitorPalette::dimText());
    p.drawText(header, Qt::AlignRight | Qt::AlignVCenter, ageText);
    const QRect left = header.adjusted(0, 0, -ageWidth, 0);
    p.setFont(tileFont(fs, true));
    p.setPen(MonitorPalette::text());
    const QFontMetrics& bold = tileMetrics(fs, true);
    const QString name = bold.elidedText(info.name, Qt::ElideRight, left.width() * 55 / 100);
    p.drawText(left, Qt::AlignLeft | Qt::AlignVCenter, name);
    p.setFont(tileFont(fs - 1));
    p.setPen(MonitorPalette::dimText());
    const QRect rest = left.adjusted(bold.horizontalAdvance(name) + 6, 0, 0, 0);
    const QString detail = info.age + QStringLiteral("  ") + info.nhsNumber;
    p.drawText(
        rest, Qt::AlignLeft | Qt::AlignVCenter, tileMetrics(fs - 1).elidedText(detail, Qt::ElideRight, rest.width()));

    // Numerics: label and unit small and dim, value large in the trace colour of its source.
    struct Numeric
    {
        QString label;
        QString value;
        QString unit;
        QColor colour;
    };
    const QString dash = QStringLiteral("--");
    const bool stale = info.stale;
    const std::array<Numeric, 5> numerics{{
        {tr("HR"), stale ? dash : info.heartRate, tr("/min"), MonitorPalette::trace(StreamKind::Ecg)},
        {tr("SpO₂"), stale ? dash : info.spo2, QStringLiteral("%"), MonitorPalette::trace(StreamKind::Pleth)},
        {tr("RR"), stale ? dash : info.respRate, tr("/min"), MonitorPalette::trace(StreamKind::Resp)},
        {tr("BP"), stale ? QStringLiteral("--/--") : info.bloodPressure, tr("mmHg"), MonitorPalette::text()},
        {tr("T"), stale ? dash : info.temperature, QStringLiteral("°C"), MonitorPalette::text()},
    }};
    const QRect nr = g.numerics.adjusted(4, 0, -3, 0);
    const int rowHeight = nr.height() / static_cast<int>(numerics.size());
    const int smallSize = std::max(8, fs - 3);
    const QFont& small = tileFont(smallSize);
    const QFontMetrics& smallMetrics = tileMetrics(smallSize);
    const int valueSize = std::min(rowHeight - 2, fs + 4);
    // Tall rows: label and unit on a small line at the top, the value below using the full width
    // (as bedside monitors lay out numerics). Short rows (many patients): all on one line.
    const bool twoLines = rowHeight >= smallMetrics.height() + std::max(12, fs);
    for (std::size_t i = 0; i < numerics.size(); ++i) {
        const QRect row(nr.left(), nr.top() + static_cast<int>(i) * rowHeight, nr.width(), rowHeight);
        const Numeric& n = numerics[i];
        p.setFont(small);
        p.setPen(MonitorPalette::dimText());
        QRect valueRect = row;
        int room = row.width();
        int fittedMax = valueSize;
        if (twoLines) {
            p.drawText(row, Qt::AlignLeft | Qt::AlignTop, n.label + QLatin1Char(' ') + n.unit);
            valueRect = row.adjusted(0, smallMetrics.height() - 2, 0, 0);
            fittedMax = std::min(valueSize, valueRect.height());
        } else {
            p.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, n.label);
            const int unitWidth = smallMetrics.horizontalAdvance(n.unit) + 2;
            p.drawText(row, Qt::AlignRight | Qt::AlignVCenter, n.unit);
            room = row.width() - smallMetrics.horizontalAdvance(n.label) - unitWidth - 6;
            valueRect = row.adjusted(0, 0, -unitWidth - 3, 0);
        }
        // Shrink a long value (blood pressure) rather than let it run over its label.
        int fitted = fittedMax;
        while (fitted > 9 && tileMetrics(fitted, true).horizontalAdvance(n.value) > room)
            --fitted;
        p.setFont(tileFont(fitted, true));
        p.setPen(stale ? MonitorPalette::dimText() : n.colour);
        p.drawText(valueRect, Qt::AlignRight | Qt::AlignVCenter, n.value);
    }

    // Stream labels, the ECG gain and its 1 mV calibration pulse (0.2 s wide, like a paper strip).
    for (StreamKind kind : core::kAllStreams) {
        const auto si = static_cast<std::size_t>(core::streamIndex(kind));
        const QRect& label = g.labels[si];
        p.setFont(tileFont(std::max(8, fs - 3)));
        p.setPen(MonitorPalette::trace(kind));
        p.drawText(label.adjusted(2, 1, 0, 0), Qt::AlignLeft | Qt::AlignTop, core::streamLabel(kind));
        if (kind == StreamKind::Ecg && !scene.suppressed(tileIndex, kind)) {
            const double base = scene.baselineY(tileIndex, kind);
            const double mv = scene.pixelsPerUnit(tileIndex, kind);
            const double width = 0.2 * scene.displaySettings().pixelsPerSecond();
            const double x0 = label.right() - width - 2;
            QPainterPath cal;
            cal.moveTo(label.left() + 2, base);
            cal.lineTo(x0, base);
            cal.lineTo(x0, base - mv);
            cal.lineTo(x0 + width * 0.5, base - mv);
            cal.lineTo(x0 + width * 0.5, base);
            cal.lineTo(label.right(), base);
            p.setClipRect(label);
            p.setPen(QPen(MonitorPalette::trace(kind), 1));
            p.drawPath(cal);
            p.setClipping(false);
        }
    }

    // Technical states replace the trace explicitly: never a silent flat line.
    if (info.stale) {
        QRect bandsRect = g.bands[0].united(g.bands[2]);
        drawStateText(p, bandsRect, tr("NO DATA %1").arg(info.dataAge), fs + 2);
    } else if (info.leadOff) {
        drawStateText(p, g.bands[static_cast<std::size_t>(core::streamIndex(StreamKind::Ecg))], tr("LEAD OFF"), fs + 1);
    }
    p.restore();
}

} // namespace vigil::ui
