#pragma once

#include "displaysettings.h"
#include "patientdetailview.h"
#include "waveformrenderer.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>

class QActionGroup;
class QDockWidget;
class QLabel;
class QTableView;
class QTimer;

namespace vigil::live {
class LiveHub;
}
namespace vigil::itemmodels {
class PatientListModel;
}

namespace vigil::ui {

class WaveformScene;

// The live view: a grid of patient tiles drawn by the GPU or software renderer (switchable from the
// View menu), a patient list, and a status bar that says which renderer runs and why.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // requested: nullopt chooses automatically: the GPU renderer when OpenGL passes the self-test on
    // real hardware, the software renderer when OpenGL is missing, broken or emulated on the CPU.
    MainWindow(live::LiveHub& hub, std::optional<WaveformRenderer::Kind> requested, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] WaveformRenderer* renderer() const { return m_renderer; }
    [[nodiscard]] WaveformScene& scene() { return *m_scene; }
    [[nodiscard]] PatientDetailView* detailView() const { return m_detail; }
    // Why the GPU renderer is not in use, when it was requested or chosen automatically; empty otherwise.
    [[nodiscard]] QString fallbackReason() const { return m_fallbackReason; }

    // Switches renderer; a GL request runs the self-test first and falls back to software, visibly.
    void setRenderer(WaveformRenderer::Kind kind);
    // The automatic choice (see the constructor); *why says why software was chosen.
    [[nodiscard]] static WaveformRenderer::Kind automaticRenderer(QString* why);
    void setDisplaySettings(const DisplaySettings& settings);
    void openPatient(int patient);
    // Advances the scene and draws one frame now (tests and benchmarks drive frames themselves).
    void renderFrame();

    // More than kTilesPerPage patients are shown a page at a time (Page Up / Page Down): beyond
    // 64 tiles on one screen, traces and numerics become too small to read safely.
    static constexpr int kTilesPerPage = 64;
    [[nodiscard]] int page() const { return m_page; }
    [[nodiscard]] int pageCount() const;
    void setPage(int page);

private:
    void buildMenus();
    void onRendererFailed(const QString& reason);
    void fallBackToSoftware(const QString& reason);
    void updateStatus();

    live::LiveHub& m_hub;
    WaveformScene* m_scene = nullptr;
    WaveformRenderer* m_renderer = nullptr;
    itemmodels::PatientListModel* m_patients = nullptr;
    QTableView* m_patientTable = nullptr;
    QDockWidget* m_patientDock = nullptr;
    QTimer* m_frameTimer = nullptr;
    QTimer* m_modelTimer = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_rendererLabel = nullptr;
    QLabel* m_gainLabel = nullptr;
    QActionGroup* m_rendererGroup = nullptr;
    QPointer<PatientDetailView> m_detail;
    QString m_fallbackReason;
    QString m_automaticNote;
    int m_page = 0;
    QLabel* m_pageLabel = nullptr;
};

} // namespace vigil::ui
