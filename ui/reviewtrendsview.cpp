#include "reviewtrendsview.h"

#include "logging.h"
#include "news2trendchart.h"
#include "review/trendhistory.h"
#include "store/cache.h"
#include "store/storeerror.h"
#include "store/storereader.h"
#include "vitalstrendchart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QScopedValueRollback>
#include <QTimeZone>
#include <QTimer>
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

ReviewTrendsView::ReviewTrendsView(const store::Cache& cache, QWidget* parent)
    : QWidget(parent)
    , m_cache(cache)
{
    m_follow = new QTimer(this);
    m_follow->setSingleShot(true);
    m_follow->setInterval(kFollowMs);
    connect(m_follow, &QTimer::timeout, this, &ReviewTrendsView::applyRange);
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

ReviewTrendsView::~ReviewTrendsView()
{
    stopReading();
}

void ReviewTrendsView::stopReading()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_worker.joinable())
        m_worker.join();
    m_cancel.reset();
}

void ReviewTrendsView::setPatient(qint64 patientId, const QString& title, core::Timestamp from, core::Timestamp to)
{
    stopReading();
    m_patientId = patientId;
    m_patientTitle = title;
    m_loading = true;
    m_title->setText(tr("Trends: %1 (reading the stored readings…)").arg(title));
    m_vitals->setTrends({});
    m_news2->setHistory({});
    const quint64 generation = ++m_generation;
    // Started from the event loop, after the window's first paint: the lanes come first, and the
    // reading thread does not compete with them for the processor while they are drawn.
    QTimer::singleShot(0, this, [this, generation, patientId, from, to] {
        if (generation == m_generation)
            startReading(generation, patientId, from, to);
    });
}

void ReviewTrendsView::startReading(quint64 generation, qint64 patientId, core::Timestamp from, core::Timestamp to)
{
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_worker = std::thread([this, cancel = m_cancel, generation, patientId, from, to] {
        store::StoreError error;
        auto reader = store::StoreReader::open(m_cache, &error);
        auto history = std::make_shared<review::TrendHistory>();
        if (reader) {
            review::TrendHistory::Config config;
            config.cancel = cancel.get();
            *history = review::TrendHistory::read(*reader, patientId, from, to, config);
        } else {
            qCWarning(lcUi) << "review trends: cannot open the cache for reading:" << error.message;
        }
        if (cancel->load())
            return;
        // Back on the GUI thread; dropped with the view if it is gone by then.
        QMetaObject::invokeMethod(
            this, [this, history, generation] { showHistory(*history, generation); }, Qt::QueuedConnection);
    });
}

void ReviewTrendsView::showHistory(const review::TrendHistory& history, quint64 generation)
{
    if (generation != m_generation)
        return; // a read for a patient shown before
    if (m_worker.joinable())
        m_worker.join(); // it has finished: it posted this
    m_vitals->setTrends(history.vitals);
    m_news2->setHistory(history.news2);
    m_title->setText(tr("Trends: %1 (NEWS2 worked out again from the stored readings)").arg(m_patientTitle));
    m_loading = false;
    applyRange();
    Q_EMIT loaded();
}

void ReviewTrendsView::setRange(core::Timestamp from, core::Timestamp to, bool now)
{
    m_from = from;
    m_to = to;
    if (now)
        applyRange();
    else if (!m_follow->isActive())
        m_follow->start();
}

void ReviewTrendsView::applyRange()
{
    m_follow->stop();
    if (m_to <= m_from)
        return;
    m_adjustments = 0; // the time labels may change width
    m_vitals->setTimeRange(utc(m_from), utc(m_to));
    m_news2->setTimeRange(utc(m_from), utc(m_to));
    // The time labels follow the span: hours and minutes down to seconds on a strip.
    const core::Timestamp span = m_to - m_from;
    const QString format = span <= 10 * 60 * core::kMicrosPerSecond ? QStringLiteral("HH:mm:ss")
        : span <= 3 * 24 * 3600 * core::kMicrosPerSecond            ? QStringLiteral("HH:mm")
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
