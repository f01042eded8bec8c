#pragma once

#include "waveformrenderer.h"

#include <QDialog>

class QLabel;
class QTimer;

namespace vigil::live {
class LiveHub;
class WardMonitor;
} // namespace vigil::live

namespace vigil::ui {

class News2Panel;
class VitalsTrendChart;
class WaveformScene;
struct DisplaySettings;

// One patient in detail: the same tile, large (bigger traces, numerics), above a vitals trend chart
// and, with a ward monitor, the patient's NEWS2 in the RCP style (News2Panel).
// Opened from the live grid with Enter or a click; Escape closes it.
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
    void refreshClinical();

private:
    void onFrame();

    int m_patient;
    WaveformScene* m_scene = nullptr;
    WaveformRenderer* m_renderer = nullptr;
    VitalsTrendChart* m_trend = nullptr;
    News2Panel* m_news2 = nullptr;
    const live::WardMonitor* m_ward = nullptr;
    QTimer* m_frameTimer = nullptr;
    int m_frames = 0;
};

} // namespace vigil::ui
