#include "patientdetailview.h"

#include "casetimeline.h"
#include "clinical/casestate.h"
#include "core/nhsnumber.h"
#include "live/livehub.h"
#include "live/wardmonitor.h"
#include "logging.h"
#include "news2panel.h"
#include "news2trendchart.h"
#include "rendererfactory.h"
#include "vitalstrendchart.h"
#include "waveformscene.h"

#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil::ui {

namespace {

// The plot area Qt Charts lays out by itself for the chart's size, axis labels and `margins`.
QRectF naturalPlotArea(QChart* chart, const QMargins& margins)
{
    chart->setMargins(margins);
    if (QGraphicsLayout* layout = chart->layout()) {
        layout->invalidate();
        layout->activate();
    }
    return chart->plotArea();
}

} // namespace

PatientDetailView::PatientDetailView(
    live::LiveHub& hub, int patient, WaveformRenderer::Kind renderer, const DisplaySettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_patient(patient)
{
    const core::PatientIdentity& id = hub.feed(patient).identity();
    setWindowTitle(tr("%1 — NHS %2").arg(id.displayName(), core::NhsNumber::format(id.nhsNumber)));
    resize(1280, 960);

    m_scene = new WaveformScene(hub, this);
    m_scene->setPatients({patient});
    m_scene->setDisplaySettings(settings);

    m_patientKey = id.id;

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_renderer = RendererFactory::create(renderer, *m_scene, this);
    layout->addWidget(m_renderer->widget(), 2);
    auto* middle = new QHBoxLayout;
    // The two trend charts one above the other, in one column of one width; alignPlotAreas() then
    // widens the margins of one or the other so that their plot edges line up.
    auto* trends = new QVBoxLayout;
    trends->setSpacing(0);
    m_trend = new VitalsTrendChart(hub.feed(patient), this);
    m_trend->setMinimumHeight(200);
    trends->addWidget(m_trend, 3); // it also has a legend
    m_news2Trend = new News2TrendChart(this);
    m_news2Trend->setMinimumHeight(210); // below this the band names collide and Qt Charts drops one
    m_news2Trend->hide();
    trends->addWidget(m_news2Trend, 2);
    middle->addLayout(trends, 3);
    m_news2 = new News2Panel(this);
    m_news2->hide();
    middle->addWidget(m_news2, 2);
    layout->addLayout(middle, 6);
    // The whole width: five columns of words (time, action, clinician, workstation, detail).
    m_timeline = new CaseTimeline(this);
    m_timeline->setMinimumHeight(140);
    layout->addWidget(m_timeline, 2);
    m_vitalsMargins = m_trend->chart()->margins();
    m_news2Margins = m_news2Trend->chart()->margins();
    m_trend->installEventFilter(this);
    m_news2Trend->installEventFilter(this);

    m_frameTimer = new QTimer(this);
    m_frameTimer->setTimerType(Qt::PreciseTimer);
    m_frameTimer->setInterval(16);
    connect(m_frameTimer, &QTimer::timeout, this, &PatientDetailView::onFrame);
    m_frameTimer->start();
    m_renderer->widget()->setFocus();
}

PatientDetailView::~PatientDetailView() = default;

void PatientDetailView::onFrame()
{
    m_scene->advance();
    m_renderer->frame(m_scene->refreshInfo(1));
    // The trend moves slowly: re-read it every few seconds.
    if (++m_frames % 300 == 1) {
        m_trend->refresh();
        alignTimeRanges();
    }
    if (m_frames % 60 == 1)
        refreshClinical();
}

void PatientDetailView::setWard(const live::WardMonitor* ward)
{
    m_ward = ward;
    m_news2->setVisible(ward != nullptr);
    m_news2Trend->setVisible(ward != nullptr);
    if (!ward)
        m_news2Trend->setHistory({});
    refreshClinical();
}

void PatientDetailView::refreshClinical()
{
    if (m_ward && m_patient < m_ward->patientCount()) {
        const auto& p = m_ward->patient(m_patient);
        m_news2->setAssessment(p.news2, p.history, core::nowUtc());
        m_news2Trend->setHistory(p.history);
    }
    alignTimeRanges();
}

void PatientDetailView::setCase(const clinical::CaseState& state, const QString& thisWorkstation)
{
    if (!state.isEmpty() && state.patientKey() != m_patientKey) {
        qCWarning(lcUi) << "detail view: a case of another patient was not shown";
        return;
    }
    m_timeline->setCase(state, thisWorkstation);
}

void PatientDetailView::alignTimeRanges()
{
    auto range = m_trend->dataTimeRange();
    if (const auto news2 = m_news2Trend->dataTimeRange(); m_ward && news2) {
        range =
            range ? std::pair{std::min(range->first, news2->first), std::max(range->second, news2->second)} : *news2;
    }
    if (!range)
        return;
    // At least ten minutes wide so a new patient's few points are not stretched edge to edge.
    const qint64 last = range->second;
    const qint64 span = std::max<qint64>(last - range->first, 10 * 60 * 1000);
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(last - span, QTimeZone::utc());
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(last, QTimeZone::utc());
    m_trend->setTimeRange(from, to);
    m_news2Trend->setTimeRange(from, to);
    scheduleAlignPlotAreas(); // the time labels may have changed width
}

bool PatientDetailView::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == m_trend || watched == m_news2Trend)
        && (event->type() == QEvent::Resize || event->type() == QEvent::Show || event->type() == QEvent::Hide))
        scheduleAlignPlotAreas();
    return QDialog::eventFilter(watched, event);
}

void PatientDetailView::scheduleAlignPlotAreas()
{
    // After the layouts have settled (a resize reaches both charts one after the other), once.
    if (m_alignPending)
        return;
    m_alignPending = true;
    QTimer::singleShot(0, this, [this] {
        m_alignPending = false;
        alignPlotAreas();
    });
}

void PatientDetailView::alignPlotAreas()
{
    QChart* vitals = m_trend->chart();
    QChart* news2 = m_news2Trend->chart();
    if (m_news2Trend->isHidden()) {
        naturalPlotArea(vitals, m_vitalsMargins); // alone: Qt Charts' own layout
        return;
    }
    // Not QChart::setPlotArea(): with a fixed plot area Qt Charts moves the series but leaves the
    // axes where its own layout put them. Instead each chart gets wider margins on the side where
    // its axis labels are narrower than the other chart's, so that its own layout puts the plot
    // edges where the other's are, axes included. Measured in this dialog's coordinates (the charts
    // share a column, but offsets are taken into account anyway).
    const QRectF a = naturalPlotArea(vitals, m_vitalsMargins);
    const QRectF b = naturalPlotArea(news2, m_news2Margins);
    const double offsetA = m_trend->mapTo(this, QPoint(0, 0)).x();
    const double offsetB = m_news2Trend->mapTo(this, QPoint(0, 0)).x();
    const double left = std::max(offsetA + a.left(), offsetB + b.left());
    const double right = std::min(offsetA + a.right(), offsetB + b.right());
    if (right - left < 20)
        return; // too narrow to plot anything; leave Qt Charts' own layout
    const auto widen = [&](QChart* chart, const QMargins& base, const QRectF& natural, double offset) {
        const QMargins extra(qRound(left - (offset + natural.left())), 0, qRound(offset + natural.right() - right), 0);
        naturalPlotArea(chart, base + extra);
    };
    widen(vitals, m_vitalsMargins, a, offsetA);
    widen(news2, m_news2Margins, b, offsetB);
}

QRectF PatientDetailView::plotAreaIn(const QChartView* view) const
{
    const QRectF area = view->chart()->mapRectToScene(view->chart()->plotArea());
    const QPolygon inView = view->mapFromScene(area);
    const QRect rect = inView.boundingRect();
    return QRectF(view->viewport()->mapTo(this, rect.topLeft()), view->viewport()->mapTo(this, rect.bottomRight()));
}

QRectF PatientDetailView::trendPlotArea() const
{
    return plotAreaIn(m_trend);
}

QRectF PatientDetailView::news2PlotArea() const
{
    return plotAreaIn(m_news2Trend);
}

} // namespace vigil::ui
