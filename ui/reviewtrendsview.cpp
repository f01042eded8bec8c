#include "reviewtrendsview.h"

#include "news2trendchart.h"
#include "review/trendhistory.h"
#include "vitalstrendchart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QScopedValueRollback>
#include <QTimeZone>
#include <QVBoxLayout>

#include <cmath>

namespace vigil::ui {

namespace {

// Set on a chart view while the margins we gave it are not laid out yet.
constexpr char kPending[] = "vigilMarginsPending";

QDateTime utc(core::Timestamp t)
{
    return QDateTime::fromMSecsSinceEpoch(t / core::kMicrosPerMilli, QTimeZone::utc());
}

} // namespace

ReviewTrendsView::ReviewTrendsView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("reviewTrends"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_title = new QLabel(this);
    layout->addWidget(m_title);
    m_vitals = new VitalsTrendChart(this);
    m_vitals->setObjectName(QStringLiteral("reviewVitalsTrend"));
    m_vitals->chart()->legend()->setAlignment(Qt::AlignTop);
    m_vitals->chart()->setTitle(QString()); // the legend names every line; the height goes to the plot
    m_vitals->chart()->setMargins(QMargins(20, 2, 20, 2));
    m_vitals->timeAxis()->setTitleVisible(false); // the NEWS2 chart's title says UTC
    m_vitals->setMinimumHeight(190);
    layout->addWidget(m_vitals, 3);
    m_news2 = new News2TrendChart(this);
    m_news2->setObjectName(QStringLiteral("reviewNews2Trend"));
    m_news2->setMinimumHeight(150);
    layout->addWidget(m_news2, 2);
    m_vitals->installEventFilter(this);
    m_news2->installEventFilter(this);
    for (QChartView* view : {static_cast<QChartView*>(m_vitals), static_cast<QChartView*>(m_news2)}) {
        connect(view->chart(), &QChart::plotAreaChanged, this, [this, view] {
            view->setProperty(kPending, false); // our last margins are laid out
            placePlots();
        });
    }
}

void ReviewTrendsView::setPatient(
    store::StoreReader& reader, qint64 patientId, const QString& title, core::Timestamp from, core::Timestamp to)
{
    m_patientId = patientId;
    m_title->setText(tr("Trends: %1 (NEWS2 worked out again from the stored readings)").arg(title));
    const auto history = review::TrendHistory::read(reader, patientId, from, to);
    m_vitals->setTrends(history.vitals);
    m_news2->setHistory(history.news2);
}

void ReviewTrendsView::setRange(core::Timestamp from, core::Timestamp to)
{
    m_adjustments = 0; // the time labels may change width
    m_vitals->setTimeRange(utc(from), utc(to));
    m_news2->setTimeRange(utc(from), utc(to));
    // The time labels follow the span: hours and minutes down to seconds on a strip.
    const QString format = to - from <= 10 * 60 * core::kMicrosPerSecond ? QStringLiteral("HH:mm:ss")
        : to - from <= 3 * 24 * 3600 * core::kMicrosPerSecond            ? QStringLiteral("HH:mm")
                                                                         : QStringLiteral("d MMM HH:mm");
    m_vitals->timeAxis()->setFormat(format);
    m_news2->timeAxis()->setFormat(format);
}

void ReviewTrendsView::setPlotEdges(int left, int rightMargin)
{
    m_left = left;
    m_rightMargin = rightMargin;
    m_adjustments = 0;
    placePlots();
}

bool ReviewTrendsView::eventFilter(QObject* watched, QEvent* event)
{
    // Each chart's own size decides its plot area.
    if (event->type() == QEvent::Resize && (watched == m_vitals || watched == m_news2)) {
        m_adjustments = 0;
        watched->setProperty(kPending, false); // a new size: start from what is laid out
        placePlots();
    }
    return QWidget::eventFilter(watched, event);
}

void ReviewTrendsView::placePlots()
{
    if (m_left <= 0 || m_placing || m_adjustments >= kMaxAdjustments)
        return; // the charts lay themselves out; or this is our own change coming back; or enough
    const QScopedValueRollback placing(m_placing, true);
    // Qt Charts places the plot inside the chart's margins, after its axis labels. Each chart view
    // fills the width of this widget, so its x is ours: the left and right margins are moved by
    // what the plot is off, and the chart lays itself out again (plotAreaChanged comes back here;
    // a pixel or less is close enough, so this settles).
    for (QChartView* view : {static_cast<QChartView*>(m_vitals), static_cast<QChartView*>(m_news2)}) {
        QChart* chart = view->chart();
        if (view->property(kPending).toBool())
            continue; // its plot area is still the one before our last change
        const QRectF plot = chart->plotArea();
        if (plot.width() < 10)
            continue;
        const double wantRight = view->width() - m_rightMargin;
        const int dl = qRound(m_left - plot.left());
        const int dr = qRound(plot.right() - wantRight);
        if (std::abs(dl) < 1 && std::abs(dr) < 1)
            continue;
        QMargins margins = chart->margins();
        margins.setLeft(std::max(0, margins.left() + dl));
        margins.setRight(std::max(0, margins.right() + dr));
        if (margins != chart->margins()) {
            ++m_adjustments;
            view->setProperty(kPending, true);
            chart->setMargins(margins);
        }
    }
}

} // namespace vigil::ui
