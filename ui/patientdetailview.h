#pragma once

#include "waveformrenderer.h"

#include <QDialog>

class QLabel;
class QTimer;

namespace vigil::live {
class LiveHub;
}

namespace vigil::ui {

class VitalsTrendChart;
class WaveformScene;
struct DisplaySettings;

// One patient in detail: the same tile, large (bigger traces, numerics), above a vitals trend chart.
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

private:
    void onFrame();

    int m_patient;
    WaveformScene* m_scene = nullptr;
    WaveformRenderer* m_renderer = nullptr;
    VitalsTrendChart* m_trend = nullptr;
    QTimer* m_frameTimer = nullptr;
    int m_frames = 0;
};

} // namespace vigil::ui
