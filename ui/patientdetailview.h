#pragma once

#include "waveformrenderer.h"

#include <QDialog>
#include <QMargins>

class QChartView;
class QLabel;
class QTimer;

namespace vigil::clinical {
class CaseState;
}

namespace vigil::live {
class LiveHub;
class WardMonitor;
} // namespace vigil::live

namespace vigil::ui {

class CaseTimeline;
class News2Panel;
class News2TrendChart;
class VitalsTrendChart;
class WaveformScene;
struct DisplaySettings;

// One patient in detail: the same tile, large (bigger traces, numerics), above a vitals trend chart
// and, with a ward monitor, the NEWS2 total over time (News2TrendChart) under it and the patient's
// NEWS2 in the RCP style (News2Panel) beside them; below, across the width, the case timeline
// (CaseTimeline).
// The two trend charts line up: the same time range and the same left and right plot edges, so a
// time on one is straight above the same time on the other (a rise in NEWS2 under the vital sign
// that caused it). Opened from the live grid with Enter or a click; Escape closes it.
class PatientDetailView final : public QDialog
{
    Q_OBJECT
public:
    PatientDetailView(live::LiveHub& hub, int patient, WaveformRenderer::Kind renderer, const DisplaySettings& settings,
        QWidget* parent = nullptr);
    ~PatientDetailView() override;

    [[nodiscard]] int patient() const { return m_patient; }
    [[nodiscard]] WaveformScene& scene() { return *m_scene; }
    [[nodiscard]] VitalsTrendChart* trendChart() const { return m_trend; }
    [[nodiscard]] WaveformRenderer* renderer() const { return m_renderer; }
    // The ward's clinical view of the patient (NEWS2 panel beside the trends); null hides it.
    void setWard(const live::WardMonitor* ward);
    [[nodiscard]] News2Panel* news2Panel() const { return m_news2; }
    [[nodiscard]] News2TrendChart* news2TrendChart() const { return m_news2Trend; }
    // Re-reads the ward (NEWS2 panel and chart) and lines the two trend charts up again.
    void refreshClinical();

    // The patient's case, shown in the timeline. A case of another patient is refused (logged, not
    // shown): this view must never show one patient's actions under another's name.
    void setCase(const clinical::CaseState& state, const QString& thisWorkstation);
    [[nodiscard]] CaseTimeline* caseTimeline() const { return m_timeline; }

    // The plot areas of the two trend charts in this dialog's coordinates (tests: they line up).
    [[nodiscard]] QRectF trendPlotArea() const;
    [[nodiscard]] QRectF news2PlotArea() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onFrame();
    // One time range for both charts: the union of their data, at least ten minutes wide.
    void alignTimeRanges();
    // The same left and right plot edges on both charts (the wider axis labels of either decide).
    void alignPlotAreas();
    void scheduleAlignPlotAreas();
    [[nodiscard]] QRectF plotAreaIn(const QChartView* view) const;

    int m_patient;
    WaveformScene* m_scene = nullptr;
    WaveformRenderer* m_renderer = nullptr;
    VitalsTrendChart* m_trend = nullptr;
    News2Panel* m_news2 = nullptr;
    News2TrendChart* m_news2Trend = nullptr;
    CaseTimeline* m_timeline = nullptr;
    QString m_patientKey;
    const live::WardMonitor* m_ward = nullptr;
    QMargins m_vitalsMargins; // the charts' own margins, before alignPlotAreas() widens them
    QMargins m_news2Margins;
    bool m_alignPending = false;
    QTimer* m_frameTimer = nullptr;
    int m_frames = 0;
};

} // namespace vigil::ui
