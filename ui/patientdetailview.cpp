#include "patientdetailview.h"

#include "core/nhsnumber.h"
#include "live/livehub.h"
#include "live/wardmonitor.h"
#include "news2panel.h"
#include "rendererfactory.h"
#include "vitalstrendchart.h"
#include "waveformscene.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil::ui {

PatientDetailView::PatientDetailView(
    live::LiveHub& hub, int patient, WaveformRenderer::Kind renderer, const DisplaySettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_patient(patient)
{
    const core::PatientIdentity& id = hub.feed(patient).identity();
    setWindowTitle(tr("%1 \u2014 NHS %2").arg(id.displayName(), core::NhsNumber::format(id.nhsNumber)));
    resize(1280, 860);

    m_scene = new WaveformScene(hub, this);
    m_scene->setPatients({patient});
    m_scene->setDisplaySettings(settings);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_renderer = RendererFactory::create(renderer, *m_scene, this);
    layout->addWidget(m_renderer->widget(), 3);
    auto* lower = new QHBoxLayout;
    m_trend = new VitalsTrendChart(hub.feed(patient), this);
    m_trend->setMinimumHeight(240);
    lower->addWidget(m_trend, 3);
    m_news2 = new News2Panel(this);
    m_news2->hide();
    lower->addWidget(m_news2, 2);
    layout->addLayout(lower, 2);

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
    if (++m_frames % 300 == 1)
        m_trend->refresh();
    if (m_frames % 60 == 1)
        refreshClinical();
}

void PatientDetailView::setWard(const live::WardMonitor* ward)
{
    m_ward = ward;
    m_news2->setVisible(ward != nullptr);
    refreshClinical();
}

void PatientDetailView::refreshClinical()
{
    if (!m_ward || m_patient >= m_ward->patientCount())
        return;
    const auto& p = m_ward->patient(m_patient);
    m_news2->setAssessment(p.news2, p.history, core::nowUtc());
}

} // namespace vigil::ui
