#include "reviewlanesview.h"

#include "clinical/alarmpriority.h"
#include "clinical/caseevent.h"
#include "codec/caseeventfhir.h"
#include "core/streamkind.h"
#include "logging.h"
#include "monitorpalette.h"
#include "store/storeerror.h"

#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTimeZone>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace vigil::ui {

namespace {

constexpr int kGutter = ReviewLanesView::kPlotLeft; // left of the plot: lane label, unit, scale
constexpr int kRightMargin = ReviewLanesView::kPlotRightMargin;
constexpr qint64 kUsPerMinute = 60 * core::kMicrosPerSecond;
constexpr qint64 kUsPerHour = 60 * kUsPerMinute;
constexpr qint64 kUsPerDay = 24 * kUsPerHour;
// WFDB code 1 is a normal beat: a Holter has one a second, so they are not markers to jump between.
constexpr int kWfdbNormalBeat = 1;

// Display order of the known streams; anything else follows.
int laneOrder(int mdcCode)
{
    for (core::StreamKind kind : core::kAllStreams) {
        if (core::mdcCode(kind) == mdcCode)
            return core::streamIndex(kind);
    }
    return core::kStreamCount;
}

QColor laneColour(int mdcCode)
{
    for (core::StreamKind kind : core::kAllStreams) {
        if (core::mdcCode(kind) == mdcCode)
            return MonitorPalette::trace(kind);
    }
    return MonitorPalette::text();
}

// 1, 2 or 5 × 10^n at or above `x`: scale steps a reader takes in at a glance.
double niceStep(double x)
{
    if (!(x > 0))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= x)
            return m * magnitude;
    }
    return 10 * magnitude;
}

QDateTime localTime(core::Timestamp t)
{
    return QDateTime::fromMSecsSinceEpoch(t / core::kMicrosPerMilli, QTimeZone::utc()).toLocalTime();
}

QString valueText(double v, double step)
{
    const int decimals = step >= 1 ? 0 : std::min(3, static_cast<int>(std::ceil(-std::log10(step))));
    return QString::number(v, 'f', decimals);
}

} // namespace

ReviewLanesView::ReviewLanesView(store::StoreReader& reader, qint64 patientId, QWidget* parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_patientId(patientId)
{
    setObjectName(QStringLiteral("reviewLanesView"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setFocusPolicy(Qt::ClickFocus);

    auto streams = m_reader.streams(patientId);
    std::stable_sort(streams.begin(), streams.end(),
        [](const auto& a, const auto& b) { return laneOrder(a.descriptor.code) < laneOrder(b.descriptor.code); });
    bool any = false;
    for (auto& stream : streams) {
        // The stored chunks start each second; the last one holds up to a second of samples.
        const auto r = m_reader.streamRange(stream.id);
        if (r.first != 0 || r.last != 0) {
            const core::Timestamp last = r.last + core::kMicrosPerSecond;
            m_dataRange.first = any ? std::min(m_dataRange.first, r.first) : r.first;
            m_dataRange.last = any ? std::max(m_dataRange.last, last) : last;
            any = true;
        }
        Lane lane;
        const bool ecg = stream.descriptor.code == core::mdcCode(core::StreamKind::Ecg)
            || (m_ecgLane < 0 && stream.descriptor.unit == QLatin1String("mV"));
        lane.colour = laneColour(stream.descriptor.code);
        lane.minSpan = ecg ? 2.0 : 0.1; // ECG: never magnify noise beyond 2 mV full height
        lane.stream = std::move(stream);
        if (ecg && m_ecgLane < 0)
            m_ecgLane = static_cast<int>(m_lanes.size());
        m_lanes.push_back(std::move(lane));
    }

    constexpr core::Timestamp kAll = std::numeric_limits<core::Timestamp>::max();
    for (const auto& a : m_reader.annotations(patientId, std::numeric_limits<core::Timestamp>::min(), kAll)) {
        if (a.code == kWfdbNormalBeat && a.text.isEmpty())
            continue;
        QString text = a.text.isEmpty() ? a.symbol : a.text;
        if (text.isEmpty())
            text = tr("Annotation");
        m_markers.push_back({a.time, text});
    }
    for (const auto& record : m_reader.caseEvents(patientId)) {
        // A note made in review is about a time in the recording: its marker is there.
        const auto event = codec::CaseEventFhir::decode(record.payload);
        if (!event) {
            m_markers.push_back({record.time, record.kind});
        } else if (event->recordingTime != 0) {
            m_markers.push_back({event->recordingTime, event->text});
        } else {
            QString text = clinical::CaseEvent::kindName(event->kind);
            if (event->kind == clinical::CaseEvent::Kind::Escalate)
                text += QStringLiteral(": ") + clinical::escalationLevelName(event->level);
            m_markers.push_back({event->time, text});
        }
    }
    // Alarm episodes where they were raised, with their priority in words and marks (never colour
    // alone) and what happened.
    for (const auto& alarm : m_reader.alarms(patientId, std::numeric_limits<core::Timestamp>::min(), kAll)) {
        const auto level = static_cast<clinical::AlarmPriority::Level>(
            clinical::AlarmPriority::Low + std::clamp(alarm.priority, 0, 2));
        m_markers.push_back({alarm.raisedAt,
            clinical::AlarmPriority::marker(level) + QLatin1Char(' ') + clinical::AlarmPriority::name(level)
                + QStringLiteral(": ") + alarm.text});
    }
    std::stable_sort(m_markers.begin(), m_markers.end());

    m_from = m_dataRange.first;
    m_to = m_dataRange.last > m_dataRange.first ? m_dataRange.last : m_from + kUsPerHour;
}

void ReviewLanesView::setRange(core::Timestamp from, core::Timestamp to)
{
    if (to <= from || (from == m_from && to == m_to))
        return;
    m_from = from;
    m_to = to;
    update();
}

void ReviewLanesView::setLimits(core::Timestamp boundsFrom, core::Timestamp boundsTo, core::Timestamp minSpan)
{
    m_boundsFrom = boundsFrom;
    m_boundsTo = boundsTo;
    m_minSpan = minSpan;
}

std::pair<core::Timestamp, core::Timestamp> ReviewLanesView::clampRange(core::Timestamp from, core::Timestamp to,
    core::Timestamp boundsFrom, core::Timestamp boundsTo, core::Timestamp minSpan)
{
    const core::Timestamp maxSpan = std::max(boundsTo - boundsFrom, minSpan);
    const core::Timestamp span = std::clamp(to - from, minSpan, maxSpan);
    // Keep the centre (zooming about it), then slide back inside the bounds.
    const core::Timestamp centre = from + (to - from) / 2;
    core::Timestamp f = centre - span / 2;
    if (f < boundsFrom)
        f = boundsFrom;
    if (f + span > boundsTo)
        f = std::max(boundsTo - span, boundsTo - maxSpan);
    return {f, f + span};
}

void ReviewLanesView::editRange(core::Timestamp from, core::Timestamp to)
{
    if (m_boundsTo > m_boundsFrom)
        std::tie(from, to) = clampRange(from, to, m_boundsFrom, m_boundsTo, m_minSpan);
    if (to <= from || (from == m_from && to == m_to))
        return;
    setRange(from, to);
    Q_EMIT rangeEdited(m_from, m_to);
}

void ReviewLanesView::addMarker(core::Timestamp time, const QString& text)
{
    const Marker marker{time, text};
    m_markers.insert(std::upper_bound(m_markers.begin(), m_markers.end(), marker), marker);
    m_layerValid = false;
    update();
}

void ReviewLanesView::setTimeCalipers(core::Timestamp t1, core::Timestamp t2)
{
    m_timeCalipers = std::pair{std::min(t1, t2), std::max(t1, t2)};
    update();
    Q_EMIT calipersChanged();
}

void ReviewLanesView::setAmplitudeCalipers(double v1, double v2)
{
    if (m_ecgLane < 0)
        return;
    m_amplitudeCalipers = std::pair{std::min(v1, v2), std::max(v1, v2)};
    update();
    Q_EMIT calipersChanged();
}

void ReviewLanesView::clearCalipers()
{
    m_timeCalipers.reset();
    m_amplitudeCalipers.reset();
    update();
    Q_EMIT calipersChanged();
}

QString ReviewLanesView::caliperText() const
{
    QStringList parts;
    if (m_timeCalipers) {
        const core::Timestamp dt = m_timeCalipers->second - m_timeCalipers->first;
        const double ms = static_cast<double>(dt) / core::kMicrosPerMilli;
        if (dt <= 0)
            parts << tr("Δt 0 ms");
        else if (dt < 10 * core::kMicrosPerSecond) // an interval between beats: its rate
            parts << tr("Δt %1 ms = %2 /min").arg(std::lround(ms)).arg(std::lround(60'000.0 / ms));
        else
            parts << tr("Δt %1 s").arg(QString::number(ms / 1000.0, 'f', 1));
    }
    if (m_amplitudeCalipers && m_ecgLane >= 0) {
        const auto& unit = m_lanes[static_cast<std::size_t>(m_ecgLane)].stream.descriptor.unit;
        parts << tr("ΔV %1 %2")
                     .arg(QString::number(m_amplitudeCalipers->second - m_amplitudeCalipers->first, 'f', 2), unit);
    }
    return parts.join(QStringLiteral("  "));
}

QString ReviewLanesView::laneLabel(int lane) const
{
    if (lane < 0 || lane >= laneCount())
        return {};
    return m_lanes[static_cast<std::size_t>(lane)].stream.descriptor.label;
}

const std::vector<review::LaneColumns::Column>& ReviewLanesView::columns(int lane)
{
    ensureColumns();
    return m_lanes.at(static_cast<std::size_t>(lane)).columns;
}

QRect ReviewLanesView::plotRect() const
{
    const int top = fontMetrics().height() + 6; // the marker labels
    const int bottom = fontMetrics().height() + 10; // the time axis
    return QRect(kGutter, top, std::max(1, width() - kGutter - kRightMargin), std::max(1, height() - top - bottom));
}

QRect ReviewLanesView::laneRect(int lane) const
{
    const QRect plot = plotRect();
    // The ECG lane is twice as tall: it is the one measured.
    int total = 0;
    for (int i = 0; i < laneCount(); ++i)
        total += i == m_ecgLane ? 2 : 1;
    if (total == 0 || lane < 0 || lane >= laneCount())
        return {};
    int before = 0;
    for (int i = 0; i < lane; ++i)
        before += i == m_ecgLane ? 2 : 1;
    const int weight = lane == m_ecgLane ? 2 : 1;
    const int top = plot.top() + plot.height() * before / total;
    const int bottom = plot.top() + plot.height() * (before + weight) / total;
    return QRect(plot.left(), top, plot.width(), bottom - top);
}

double ReviewLanesView::xForTime(core::Timestamp t) const
{
    const QRect plot = plotRect();
    if (m_to <= m_from)
        return plot.left();
    return plot.left() + static_cast<double>(t - m_from) * plot.width() / static_cast<double>(m_to - m_from);
}

core::Timestamp ReviewLanesView::timeForX(double x) const
{
    const QRect plot = plotRect();
    return m_from + static_cast<core::Timestamp>((x - plot.left()) * static_cast<double>(m_to - m_from) / plot.width());
}

double ReviewLanesView::yForValue(int lane, double value)
{
    ensureColumns();
    const QRect r = laneRect(lane).adjusted(0, 4, 0, -4);
    const Lane& l = m_lanes.at(static_cast<std::size_t>(lane));
    return r.bottom() - (value - l.low) / (l.high - l.low) * r.height();
}

double ReviewLanesView::valueForY(int lane, double y)
{
    ensureColumns();
    const QRect r = laneRect(lane).adjusted(0, 4, 0, -4);
    const Lane& l = m_lanes.at(static_cast<std::size_t>(lane));
    return l.low + (r.bottom() - y) / r.height() * (l.high - l.low);
}

void ReviewLanesView::ensureColumns()
{
    const int width = plotRect().width();
    if (width == m_readWidth && m_from == m_readFrom && m_to == m_readTo)
        return;
    m_readWidth = width;
    m_readFrom = m_from;
    m_readTo = m_to;
    m_readFailed = false;
    m_layerValid = false;
    for (Lane& lane : m_lanes) {
        store::StoreError error;
        if (!review::LaneColumns::read(
                m_reader, lane.stream, m_from, m_to, width, lane.columns, &error, &lane.samples)) {
            // The stream id only: nothing that identifies the patient.
            qCWarning(lcUi) << "review: cannot read stream" << lane.stream.id << error.message;
            m_readFailed = true;
            lane.columns.assign(static_cast<std::size_t>(width), {});
        }
        // The scale: the extremes in view, at least minSpan, on round steps so that a small pan
        // does not make it jump.
        double lo = std::numeric_limits<double>::max();
        double hi = std::numeric_limits<double>::lowest();
        for (const auto& c : lane.columns) {
            if (!c.isEmpty()) {
                lo = std::min(lo, static_cast<double>(c.min));
                hi = std::max(hi, static_cast<double>(c.max));
            }
        }
        if (lo > hi) {
            lo = -lane.minSpan / 2;
            hi = lane.minSpan / 2;
        }
        if (hi - lo < lane.minSpan) {
            const double mid = (lo + hi) / 2;
            lo = mid - lane.minSpan / 2;
            hi = mid + lane.minSpan / 2;
        }
        const double step = niceStep((hi - lo) / 4);
        lane.low = std::floor(lo / step) * step;
        lane.high = std::ceil(hi / step) * step;
        if (lane.high <= lane.low)
            lane.high = lane.low + step;
    }
}

void ReviewLanesView::paintEvent(QPaintEvent*)
{
    ensureColumns();
    const qreal dpr = devicePixelRatioF();
    if (!m_layerValid || m_layer.devicePixelRatio() != dpr || m_layer.size() != (QSizeF(size()) * dpr).toSize())
        paintLayer(dpr);
    QPainter p(this);
    p.drawImage(QPointF(0, 0), m_layer);
    paintCalipers(p);
}

void ReviewLanesView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::StyleChange)
        m_layerValid = false;
    QWidget::changeEvent(event);
}

void ReviewLanesView::paintLayer(qreal dpr)
{
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    if (m_layer.size() != pixels)
        m_layer = QImage(pixels, QImage::Format_RGB32); // opaque: drawn onto the widget as a copy
    m_layer.setDevicePixelRatio(dpr);
    m_layerValid = true;
    QPainter p(&m_layer);
    p.setFont(font());
    p.fillRect(rect(), MonitorPalette::background());
    if (m_lanes.empty()) {
        p.setPen(MonitorPalette::dimText());
        p.drawText(rect(), Qt::AlignCenter, tr("No waveforms cached for this patient"));
        return;
    }
    paintTimeAxis(p);
    for (int i = 0; i < laneCount(); ++i)
        paintLane(p, i);
    p.end();
    // The traces are written into the image's pixels (see traceLane), then the joins between
    // columns that are apart, the markers and any read failure are painted over them.
    std::vector<std::vector<QLineF>> joins(m_lanes.size());
    for (int i = 0; i < laneCount(); ++i)
        traceLane(i, joins[static_cast<std::size_t>(i)]);
    p.begin(&m_layer);
    p.setFont(font());
    for (int i = 0; i < laneCount(); ++i) {
        const auto& lineSet = joins[static_cast<std::size_t>(i)];
        if (lineSet.empty())
            continue;
        p.save();
        p.setClipRect(laneRect(i));
        p.setPen(QPen(m_lanes[static_cast<std::size_t>(i)].colour, 1));
        p.setRenderHint(QPainter::Antialiasing, true);
        p.drawLines(lineSet.data(), static_cast<int>(lineSet.size()));
        p.restore();
    }
    paintMarkers(p);
    if (m_readFailed) {
        p.setPen(MonitorPalette::technical());
        p.drawText(plotRect().adjusted(4, 4, -4, -4), Qt::AlignBottom | Qt::AlignRight,
            tr("Part of the recording could not be read"));
    }
}

void ReviewLanesView::paintLane(QPainter& p, int index)
{
    const Lane& lane = m_lanes[static_cast<std::size_t>(index)];
    const QRect box = laneRect(index);
    const QRect r = box.adjusted(0, 4, 0, -4);
    p.setPen(MonitorPalette::tileBorder());
    p.drawLine(0, box.bottom(), width(), box.bottom());

    // Label, unit and scale in the gutter.
    const QFontMetrics fm = fontMetrics();
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(lane.colour);
    p.drawText(
        QRect(4, box.top() + 2, kGutter - 8, fm.height()), Qt::AlignLeft | Qt::AlignTop, lane.stream.descriptor.label);
    p.setFont(font());
    p.setPen(MonitorPalette::dimText());
    if (!lane.stream.descriptor.unit.isEmpty())
        p.drawText(QRect(4, box.top() + 2 + fm.height(), kGutter - 8, fm.height()), Qt::AlignLeft | Qt::AlignTop,
            lane.stream.descriptor.unit);
    const double step = niceStep((lane.high - lane.low) / 4);
    const auto y = [&](double v) { return r.bottom() - (v - lane.low) / (lane.high - lane.low) * r.height(); };
    if (r.height() > 3 * fm.height()) {
        p.drawText(QRect(0, static_cast<int>(y(lane.high)), kGutter - 6, fm.height()), Qt::AlignRight | Qt::AlignTop,
            valueText(lane.high, step));
        p.drawText(QRect(0, static_cast<int>(y(lane.low)) - fm.height(), kGutter - 6, fm.height()),
            Qt::AlignRight | Qt::AlignBottom, valueText(lane.low, step));
    }
    p.drawLine(QPointF(kGutter - 3, y(lane.high)), QPointF(kGutter - 3, y(lane.low)));
    if (lane.low < 0 && lane.high > 0) {
        p.setPen(QPen(MonitorPalette::tileBorder(), 1, Qt::DotLine));
        p.drawLine(QPointF(r.left(), y(0)), QPointF(r.right(), y(0)));
    }
}

void ReviewLanesView::traceLane(int index, std::vector<QLineF>& joins)
{
    // The trace: one vertical line per column. Neighbouring columns are joined where the data is
    // continuous (a column narrower than the sample period may hold no sample); a real gap stays blank.
    // The columns are whole pixels, written straight into the layer's pixels: QPainter's raster engine
    // draws a vertical line one span per scanline, 10-20 times slower for full-height columns (a
    // day's ECG: 1,920 columns of a few hundred pixels). Only the slanted joins between columns that
    // are apart (a strip of a slow stream) are left to the painter, antialiased.
    const Lane& lane = m_lanes[static_cast<std::size_t>(index)];
    const auto& cols = lane.columns;
    if (cols.empty())
        return;
    const QRect box = laneRect(index);
    const QRect r = box.adjusted(0, 4, 0, -4);
    const auto y = [&](double v) { return r.bottom() - (v - lane.low) / (lane.high - lane.low) * r.height(); };
    const double columnUs = static_cast<double>(m_to - m_from) / static_cast<double>(cols.size());
    const double periodUs = lane.stream.descriptor.rateHz > 0 ? 1e6 / lane.stream.descriptor.rateHz : 0;
    const auto joinable = static_cast<std::ptrdiff_t>(std::ceil(periodUs / columnUs)) + 1;
    const auto py = [&](double v) { return static_cast<int>(std::floor(y(v))); };

    // Device pixels: the layer is the widget's size times its pixel ratio; the box clips.
    const qreal dpr = m_layer.devicePixelRatio();
    const auto device = [dpr](double v) { return static_cast<int>(std::floor(v * dpr)); };
    const int clipTop = std::max(0, device(box.top()));
    const int clipBottom = std::min(m_layer.height(), device(box.bottom() + 1)) - 1;
    const int clipRight = std::min(m_layer.width(), device(box.right() + 1)) - 1;
    const QRgb colour = lane.colour.rgb();
    const auto stride = static_cast<std::size_t>(m_layer.bytesPerLine());
    uchar* const bits = m_layer.bits();
    const auto bar = [&](int x, int top, int bottom) {
        const int x0 = std::max(0, device(x));
        const int x1 = std::min(clipRight, std::max(x0, device(x + 1) - 1));
        const int y0 = std::max(clipTop, device(top));
        const int y1 = std::min(clipBottom, std::max(y0, device(bottom + 1) - 1));
        for (int yy = y0; yy <= y1; ++yy) {
            auto* line = reinterpret_cast<QRgb*>(bits + static_cast<std::size_t>(yy) * stride);
            std::fill(line + x0, line + x1 + 1, colour);
        }
    };

    std::ptrdiff_t previous = -1;
    for (std::size_t c = 0; c < cols.size(); ++c) {
        const auto& col = cols[c];
        if (col.isEmpty())
            continue;
        double lo = col.min;
        double hi = col.max;
        const int x = r.left() + static_cast<int>(c);
        const auto ci = static_cast<std::ptrdiff_t>(c);
        if (previous >= 0 && ci - previous <= joinable) {
            const auto& prev = cols[static_cast<std::size_t>(previous)];
            if (ci - previous == 1) {
                lo = std::min(lo, static_cast<double>(prev.max));
                hi = std::max(hi, static_cast<double>(prev.min));
            } else {
                joins.emplace_back(r.left() + static_cast<double>(previous) + 0.5, y((prev.min + prev.max) / 2.0),
                    x + 0.5, y((col.min + col.max) / 2.0));
            }
        }
        bar(x, py(hi), py(lo));
        previous = ci;
    }
}

void ReviewLanesView::paintTimeAxis(QPainter& p)
{
    const QRect plot = plotRect();
    const QFontMetrics fm = fontMetrics();
    const core::Timestamp span = m_to - m_from;
    if (span <= 0)
        return;
    const QDateTime fromLocal = localTime(m_from);
    const bool spansDays = fromLocal.date() != localTime(m_to - 1).date();
    static constexpr std::array<qint64, 18> kSteps{core::kMicrosPerSecond, 2 * core::kMicrosPerSecond,
        5 * core::kMicrosPerSecond, 10 * core::kMicrosPerSecond, 15 * core::kMicrosPerSecond,
        30 * core::kMicrosPerSecond, kUsPerMinute, 2 * kUsPerMinute, 5 * kUsPerMinute, 10 * kUsPerMinute,
        15 * kUsPerMinute, 30 * kUsPerMinute, kUsPerHour, 2 * kUsPerHour, 3 * kUsPerHour, 6 * kUsPerHour,
        12 * kUsPerHour, kUsPerDay};
    const QString widest = spansDays ? QStringLiteral("30 Sep 88:88") : QStringLiteral("88:88:88");
    const double minGap = fm.horizontalAdvance(widest) + 24;
    qint64 step = kSteps.back();
    for (qint64 s : kSteps) {
        if (static_cast<double>(s) * plot.width() / static_cast<double>(span) >= minGap) {
            step = s;
            break;
        }
    }
    // Ticks on round local times: shift by the local offset at the range's start.
    const qint64 offset = static_cast<qint64>(fromLocal.offsetFromUtc()) * core::kMicrosPerSecond;
    const qint64 localFrom = m_from + offset;
    qint64 tick = (localFrom / step + (localFrom % step > 0 ? 1 : 0)) * step - offset;
    QString format = step < kUsPerMinute ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    if (spansDays)
        format.prepend(QStringLiteral("d MMM "));
    const QLocale locale;
    for (; tick < m_to; tick += step) {
        const double x = xForTime(tick);
        p.setPen(QColor(0x1c, 0x25, 0x30));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(MonitorPalette::dimText());
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4));
        const QString label = locale.toString(localTime(tick), format);
        const double w = fm.horizontalAdvance(label);
        p.drawText(QPointF(std::clamp(x - w / 2, 0.0, width() - w), plot.bottom() + 6 + fm.ascent()), label);
    }
}

void ReviewLanesView::paintMarkers(QPainter& p)
{
    const QRect plot = plotRect();
    const QFontMetrics fm = fontMetrics();
    const auto first = std::lower_bound(m_markers.begin(), m_markers.end(), Marker{m_from, {}});
    const auto last = std::lower_bound(m_markers.begin(), m_markers.end(), Marker{m_to, {}});
    QColor line = MonitorPalette::technical();
    line.setAlpha(140);
    double labelsEndAt = -1e9; // labels that would overlap the previous one are left out
    for (auto it = first; it != last; ++it) {
        const double x = xForTime(it->time);
        p.setPen(QPen(line, 1));
        p.drawLine(QPointF(x, plot.top() - 3), QPointF(x, plot.bottom()));
        if (x < labelsEndAt)
            continue;
        const QString text = fm.elidedText(it->text, Qt::ElideRight, 110);
        p.setPen(MonitorPalette::technical());
        p.drawText(QPointF(x + 2, fm.ascent() + 2), text);
        labelsEndAt = x + 2 + fm.horizontalAdvance(text) + 6;
    }
}

void ReviewLanesView::paintCalipers(QPainter& p)
{
    const QRect plot = plotRect();
    p.setPen(QPen(MonitorPalette::focusBorder(), 1, Qt::DashLine));
    if (m_timeCalipers) {
        for (core::Timestamp t : {m_timeCalipers->first, m_timeCalipers->second}) {
            const double x = xForTime(t);
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
    }
    if (m_amplitudeCalipers && m_ecgLane >= 0) {
        const QRect lane = laneRect(m_ecgLane);
        for (double v : {m_amplitudeCalipers->first, m_amplitudeCalipers->second}) {
            const double yv = yForValue(m_ecgLane, v);
            p.drawLine(QPointF(lane.left(), yv), QPointF(lane.right(), yv));
        }
    }
    const QString text = caliperText();
    if (text.isEmpty())
        return;
    const QFontMetrics fm = fontMetrics();
    QRect box(0, 0, fm.horizontalAdvance(text) + 12, fm.height() + 6);
    box.moveTopRight(QPoint(plot.right() - 4, plot.top() + 4));
    p.fillRect(box, MonitorPalette::background());
    p.setPen(MonitorPalette::focusBorder());
    p.drawRect(box);
    p.drawText(box, Qt::AlignCenter, text);
}

void ReviewLanesView::mousePressEvent(QMouseEvent* event)
{
    Q_EMIT activated();
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragStart = event->position();
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::TimeCalipers;
        const core::Timestamp t = timeForX(m_dragStart.x());
        setTimeCalipers(t, t);
    } else if ((event->modifiers() & Qt::ControlModifier) && m_ecgLane >= 0
        && laneRect(m_ecgLane).contains(m_dragStart.toPoint())) {
        m_drag = Drag::AmplitudeCalipers;
        const double v = valueForY(m_ecgLane, m_dragStart.y());
        setAmplitudeCalipers(v, v);
    } else {
        m_drag = Drag::Pan;
        m_dragFrom = m_from;
        m_dragTo = m_to;
        setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void ReviewLanesView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    switch (m_drag) {
    case Drag::None:
        return QWidget::mouseMoveEvent(event);
    case Drag::Pan: {
        const double usPerPixel = static_cast<double>(m_dragTo - m_dragFrom) / plotRect().width();
        const auto shift = static_cast<core::Timestamp>(-(pos.x() - m_dragStart.x()) * usPerPixel);
        editRange(m_dragFrom + shift, m_dragTo + shift);
        break;
    }
    case Drag::TimeCalipers:
        setTimeCalipers(timeForX(m_dragStart.x()), timeForX(pos.x()));
        break;
    case Drag::AmplitudeCalipers:
        setAmplitudeCalipers(valueForY(m_ecgLane, m_dragStart.y()), valueForY(m_ecgLane, pos.y()));
        break;
    }
    event->accept();
}

void ReviewLanesView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag == Drag::None)
        return QWidget::mouseReleaseEvent(event);
    mouseMoveEvent(event);
    m_drag = Drag::None;
    unsetCursor();
    event->accept();
}

void ReviewLanesView::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0)
        return QWidget::wheelEvent(event);
    // Zoom about the time under the cursor: it stays where it is.
    const double factor = std::pow(0.8, notches);
    const core::Timestamp anchor = timeForX(event->position().x());
    const auto from = anchor - static_cast<core::Timestamp>(static_cast<double>(anchor - m_from) * factor);
    const auto to = anchor + static_cast<core::Timestamp>(static_cast<double>(m_to - anchor) * factor);
    editRange(from, to);
    event->accept();
}

} // namespace vigil::ui
