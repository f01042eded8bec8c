#include "vitalstrendchart.h"

#include "live/patientfeed.h"
#include "monitorpalette.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QTimeZone>
#include <QValueAxis>

namespace vigil::ui {

using core::VitalKind;

VitalsTrendChart::VitalsTrendChart(const live::PatientFeed& feed, QWidget* parent)
    : VitalsTrendChart(parent)
{
    m_feed = &feed;
    refresh();
}

VitalsTrendChart::VitalsTrendChart(QWidget* parent)
    : QChartView(parent)
{
    auto* chart = new QChart;
    chart->setTheme(QChart::ChartThemeDark);
    chart->setBackgroundBrush(MonitorPalette::background());
    chart->setTitle(tr("Vital signs trend"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);

    m_time = new QDateTimeAxis;
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTitleText(tr("Time (UTC)"));
    m_time->setTickCount(7); // as News2TrendChart, so that stacked charts share their grid lines
    chart->addAxis(m_time, Qt::AlignBottom);
    auto* left = new QValueAxis;
    left->setRange(0, 200);
    left->setTitleText(tr("/min, %, mmHg"));
    chart->addAxis(left, Qt::AlignLeft);
    auto* right = new QValueAxis;
    right->setRange(34, 41);
    right->setTitleText(tr("°C"));
    chart->addAxis(right, Qt::AlignRight);

    struct SeriesSpec
    {
        VitalKind kind;
        QString name;
        QColor colour;
    };
    const std::array<SeriesSpec, core::kVitalKindCount> specs{{
        {VitalKind::HeartRate, tr("HR /min"), MonitorPalette::trace(core::StreamKind::Ecg)},
        {VitalKind::SpO2, tr("SpO₂ %"), MonitorPalette::trace(core::StreamKind::Pleth)},
        {VitalKind::RespRate, tr("RR /min"), MonitorPalette::trace(core::StreamKind::Resp)},
        {VitalKind::SystolicBp, tr("Systolic mmHg"), QColor(0xef, 0x9a, 0x9a)},
        {VitalKind::DiastolicBp, tr("Diastolic mmHg"), QColor(0xb3, 0x9d, 0xdb)},
        {VitalKind::Temperature, tr("Temperature °C"), QColor(0xff, 0xab, 0x40)},
    }};
    for (const SeriesSpec& spec : specs) {
        auto* series = new QLineSeries;
        series->setName(spec.name);
        series->setColor(spec.colour);
        chart->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(spec.kind == VitalKind::Temperature ? right : left);
        m_series[static_cast<std::size_t>(spec.kind)] = series;
    }
}

void VitalsTrendChart::refresh()
{
    if (!m_feed)
        return;
    std::array<QList<QPointF>, core::kVitalKindCount> points;
    for (int k = 0; k < core::kVitalKindCount; ++k) {
        for (const auto& p : m_feed->trend(static_cast<VitalKind>(k)))
            points[static_cast<std::size_t>(k)].append(
                QPointF(static_cast<double>(p.time / core::kMicrosPerMilli), p.value));
    }
    setPoints(points);
}

void VitalsTrendChart::setTrends(const std::array<std::vector<core::Measurement>, core::kVitalKindCount>& trends)
{
    std::array<QList<QPointF>, core::kVitalKindCount> points;
    for (std::size_t k = 0; k < trends.size(); ++k) {
        points[k].reserve(static_cast<qsizetype>(trends[k].size()));
        for (const auto& m : trends[k])
            points[k].append(QPointF(static_cast<double>(m.time / core::kMicrosPerMilli), m.value));
    }
    setPoints(points);
}

void VitalsTrendChart::setPoints(const std::array<QList<QPointF>, core::kVitalKindCount>& points)
{
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (std::size_t k = 0; k < points.size(); ++k) {
        for (const QPointF& p : points[k]) {
            first = std::min(first, static_cast<qint64>(p.x()));
            last = std::max(last, static_cast<qint64>(p.x()));
        }
        m_series[k]->replace(points[k]);
    }
    m_dataRange.reset();
    if (first <= last)
        m_dataRange = std::pair{first, last};
    if (first <= last && !m_rangeSetByOwner) {
        // At least ten minutes wide so a new patient's few points are not stretched edge to edge.
        const qint64 span = std::max<qint64>(last - first, 10 * 60 * 1000);
        m_time->setRange(QDateTime::fromMSecsSinceEpoch(last - span, QTimeZone::utc()),
            QDateTime::fromMSecsSinceEpoch(last, QTimeZone::utc()));
    }
}

void VitalsTrendChart::setTimeRange(const QDateTime& from, const QDateTime& to)
{
    m_rangeSetByOwner = true;
    m_time->setRange(from, to);
}

QDateTime VitalsTrendChart::timeFrom() const
{
    return m_time->min();
}

QDateTime VitalsTrendChart::timeTo() const
{
    return m_time->max();
}

int VitalsTrendChart::pointCount(VitalKind kind) const
{
    return static_cast<int>(m_series[static_cast<std::size_t>(kind)]->count());
}

} // namespace vigil::ui
