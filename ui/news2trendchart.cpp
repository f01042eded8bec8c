#include "news2trendchart.h"

#include "monitorpalette.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <array>

namespace vigil::ui {

namespace {

constexpr double kMaxTotal = 20; // NEWS2 aggregate 0-20

// The RCP chart's bands. Totals are integers, so the edges sit half-way between them.
struct Band
{
    double from;
    double to;
    const char* name;
    QColor colour; // translucent over the dark chart
};

const std::array<Band, 3>& bands()
{
    static const std::array<Band, 3> kBands{{
        {0, 4.5, QT_TRANSLATE_NOOP("vigil::ui::News2TrendChart", "low 0\u20134"), QColor(0xff, 0xff, 0xff, 0x26)},
        {4.5, 6.5, QT_TRANSLATE_NOOP("vigil::ui::News2TrendChart", "medium 5\u20136"), QColor(0xf5, 0x9e, 0x42, 0x70)},
        {6.5, kMaxTotal, QT_TRANSLATE_NOOP("vigil::ui::News2TrendChart", "high 7+"), QColor(0xe5, 0x39, 0x35, 0x60)},
    }};
    return kBands;
}

} // namespace

News2TrendChart::News2TrendChart(QWidget* parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("news2TrendChart"));
    auto* chart = new QChart;
    chart->setTheme(QChart::ChartThemeDark);
    chart->setBackgroundBrush(MonitorPalette::background());
    chart->setTitle(tr("NEWS2 total, time in UTC (hatched: an incomplete set, not scored: the totals it could have)"));
    chart->legend()->hide();
    // Height goes to the plot (no time-axis title, the title says UTC; small margins above and
    // below): the medium band is a tenth of it, and Qt Charts drops a band name that would
    // overlap its neighbour.
    chart->setMargins(QMargins(20, 4, 20, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);

    m_time = new QDateTimeAxis;
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(7);
    chart->addAxis(m_time, Qt::AlignBottom);
    m_total = new QValueAxis;
    m_total->setRange(0, kMaxTotal);
    m_total->setTickCount(5);
    m_total->setLabelFormat(QStringLiteral("%d"));
    m_total->setTitleText(tr("NEWS2"));
    chart->addAxis(m_total, Qt::AlignLeft);
    // The band names beside the bands: the band must read without its colour.
    m_bands = new QCategoryAxis;
    m_bands->setRange(0, kMaxTotal);
    m_bands->setStartValue(0);
    m_bands->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    m_bands->setGridLineVisible(false);
    m_bands->setLineVisible(false); // its ticks would cross the labels of the narrow medium band
    for (const Band& band : bands())
        m_bands->append(tr(band.name), band.to);
    chart->addAxis(m_bands, Qt::AlignRight);

    for (const Band& band : bands()) {
        auto* lower = new QLineSeries(this);
        auto* upper = new QLineSeries(this);
        auto* area = new QAreaSeries(upper, lower);
        area->setName(tr(band.name));
        area->setBrush(band.colour);
        area->setPen(Qt::NoPen);
        chart->addSeries(area);
        area->attachAxis(m_time);
        area->attachAxis(m_bands);
        m_bandEdges.push_back(lower);
        m_bandEdges.push_back(upper);
    }

    m_points = new QScatterSeries;
    m_points->setName(tr("NEWS2 total"));
    m_points->setMarkerSize(5);
    m_points->setColor(MonitorPalette::text());
    m_points->setBorderColor(MonitorPalette::text());
    chart->addSeries(m_points);
    m_points->attachAxis(m_time);
    m_points->attachAxis(m_total);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    setTimeRange(now.addSecs(-10 * 60), now);
}

void News2TrendChart::setHistory(const std::deque<live::WardMonitor::HistoryPoint>& history)
{
    constexpr qint64 kMaxJoinMs = qint64{kMaxJoinMinutes} * 60 * 1000;
    std::vector<QList<QPointF>> runs;
    std::vector<std::pair<QList<QPointF>, QList<QPointF>>> ranges; // (lowest, highest) per run
    bool inRange = false;
    qint64 previousRange = 0;
    QList<QPointF> scored;
    m_incomplete = 0;
    m_dataRange.reset();
    bool joined = false;
    qint64 previous = 0;
    for (const auto& h : history) {
        const qint64 ms = h.time / core::kMicrosPerMilli;
        m_dataRange = m_dataRange ? std::pair{std::min(m_dataRange->first, ms), std::max(m_dataRange->second, ms)}
                                  : std::pair{ms, ms};
        if (h.total < 0) {
            ++m_incomplete;
            joined = false;
            if (h.minTotal < 0 || h.maxTotal < h.minTotal) {
                inRange = false;
                continue;
            }
            if (!inRange || ms - previousRange > kMaxJoinMs)
                ranges.emplace_back();
            ranges.back().first.append(QPointF(static_cast<double>(ms), h.minTotal));
            ranges.back().second.append(QPointF(static_cast<double>(ms), h.maxTotal));
            inRange = true;
            previousRange = ms;
            continue;
        }
        inRange = false;
        const QPointF point(static_cast<double>(ms), h.total);
        scored.append(point);
        if (!joined || ms - previous > kMaxJoinMs)
            runs.emplace_back();
        runs.back().append(point);
        joined = true;
        previous = ms;
    }
    m_points->replace(scored);

    while (m_segments.size() < runs.size()) {
        auto* line = new QLineSeries;
        line->setName(tr("NEWS2 total"));
        line->setPen(QPen(MonitorPalette::text(), 2));
        chart()->addSeries(line);
        line->attachAxis(m_time);
        line->attachAxis(m_total);
        m_segments.push_back(line);
    }
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        if (i < runs.size())
            m_segments[i]->replace(runs[i]);
        else
            m_segments[i]->clear();
    }
    m_segmentsUsed = static_cast<int>(runs.size());

    while (m_ranges.size() < ranges.size()) {
        Range r;
        r.low = new QLineSeries(this);
        r.high = new QLineSeries(this);
        r.area = new QAreaSeries(r.high, r.low);
        r.area->setName(tr("Incomplete set: possible totals"));
        QColor hatch = MonitorPalette::text();
        hatch.setAlpha(0x90);
        r.area->setBrush(QBrush(hatch, Qt::BDiagPattern));
        r.area->setPen(QPen(hatch, 1));
        chart()->addSeries(r.area);
        r.area->attachAxis(m_time);
        r.area->attachAxis(m_total);
        m_ranges.push_back(r);
    }
    for (std::size_t i = 0; i < m_ranges.size(); ++i) {
        if (i < ranges.size()) {
            // A single set still gets a width: a minute either side.
            auto [low, high] = ranges[i];
            if (low.size() == 1) {
                low = {low[0] - QPointF(30'000, 0), low[0] + QPointF(30'000, 0)};
                high = {high[0] - QPointF(30'000, 0), high[0] + QPointF(30'000, 0)};
            }
            m_ranges[i].low->replace(low);
            m_ranges[i].high->replace(high);
        } else {
            m_ranges[i].low->clear();
            m_ranges[i].high->clear();
        }
    }
    m_rangesUsed = static_cast<int>(ranges.size());
}

QList<QPointF> News2TrendChart::incompleteRangeLow(int i) const
{
    return i >= 0 && i < m_rangesUsed ? m_ranges[static_cast<std::size_t>(i)].low->points() : QList<QPointF>();
}

QList<QPointF> News2TrendChart::incompleteRangeHigh(int i) const
{
    return i >= 0 && i < m_rangesUsed ? m_ranges[static_cast<std::size_t>(i)].high->points() : QList<QPointF>();
}

void News2TrendChart::setTimeRange(const QDateTime& from, const QDateTime& to)
{
    m_time->setRange(from, to);
    placeBands();
}

QDateTime News2TrendChart::timeFrom() const
{
    return m_time->min();
}

QDateTime News2TrendChart::timeTo() const
{
    return m_time->max();
}

void News2TrendChart::placeBands()
{
    const auto from = static_cast<double>(m_time->min().toMSecsSinceEpoch());
    const auto to = static_cast<double>(m_time->max().toMSecsSinceEpoch());
    for (std::size_t i = 0; i < bands().size(); ++i) {
        const Band& band = bands()[i];
        m_bandEdges[2 * i]->replace({QPointF(from, band.from), QPointF(to, band.from)});
        m_bandEdges[2 * i + 1]->replace({QPointF(from, band.to), QPointF(to, band.to)});
    }
}

QList<QPointF> News2TrendChart::points() const
{
    return m_points->points();
}

QStringList News2TrendChart::bandLabels() const
{
    return m_bands->categoriesLabels();
}

} // namespace vigil::ui
