#include "renderbench.h"

#include "glselftest.h"
#include "glwaveformview.h"
#include "ingest/simulatorsource.h"
#include "live/livehub.h"
#include "softwarewaveformview.h"
#include "waveformscene.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineSeries>
#include <QOpenGLWidget>
#include <QValueAxis>
#include <QWidget>

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace vigil::app {

namespace {

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
constexpr core::Timestamp kFrameUs = core::kMicrosPerSecond / 60;
// Fixed simulated start so every run sees the same data.
constexpr core::Timestamp kStart = 1'780'000'000LL * core::kMicrosPerSecond;
constexpr core::Timestamp kWarmUpUs = 30 * core::kMicrosPerSecond;

RenderBench::Figures summarise(std::vector<double> ms)
{
    RenderBench::Figures f;
    if (ms.empty())
        return f;
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        const auto i = static_cast<std::size_t>(std::min<double>(ms.size() - 1, std::ceil(q * ms.size()) - 1));
        return ms[i];
    };
    f.p50 = at(0.50);
    f.p99 = at(0.99);
    f.mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    f.frames = static_cast<int>(ms.size());
    return f;
}

void settle(QWidget& w)
{
    w.show();
    for (int i = 0; i < 20; ++i)
        QApplication::processEvents();
}

} // namespace

RenderBench::RenderBench(Options options)
    : m_options(std::move(options))
{ }

RenderBench::Figures RenderBench::measureRenderer(int patients, bool gl, QString* error, Figures* paintOnly)
{
    live::LiveHub hub;
    ingest::SimulatorSource::Config config;
    config.patients = patients;
    config.seed = 7;
    config.scenario = sim::Scenario::Stable; // every trace live: the heaviest case
    config.startTime = kStart;
    ingest::SimulatorSource source(config, hub);
    core::Timestamp now = kStart + kWarmUpUs;
    source.pump(now);

    ui::WaveformScene scene(hub);
    scene.setClock([&now] { return now; });
    QWidget window;
    window.setWindowFlag(Qt::FramelessWindowHint);
    window.setFixedSize(kWidth, kHeight);
    auto* layout = new QGridLayout(&window);
    layout->setContentsMargins(0, 0, 0, 0);
    ui::WaveformRenderer* renderer = nullptr;
    ui::GlWaveformView* glView = nullptr;
    if (gl) {
        glView = new ui::GlWaveformView(scene, &window);
        glView->setSynchronous(true);
        renderer = glView;
    } else {
        renderer = new ui::SoftwareWaveformView(scene, &window);
    }
    QString failure;
    if (glView)
        QObject::connect(
            glView, &ui::GlWaveformView::renderFailed, glView, [&failure](const QString& r) { failure = r; });
    layout->addWidget(renderer->widget());
    settle(window);
    // First frame draws everything; it is not part of the steady state being measured.
    scene.advance();
    renderer->frame(scene.refreshInfo());
    renderer->widget()->repaint();
    if (!failure.isEmpty()) {
        *error = failure;
        return {};
    }

    std::vector<double> ms;
    std::vector<double> paintMs;
    ms.reserve(static_cast<std::size_t>(m_options.frames));
    const int budget = ui::WaveformScene::refreshBudget(scene.tileCount());
    QElapsedTimer timer;
    for (int f = 0; f < m_options.frames; ++f) {
        now += kFrameUs;
        source.pump(now); // the data source's cost is not the renderer's
        timer.start();
        scene.advance();
        renderer->frame(scene.refreshInfo(budget));
        const double drawn = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        renderer->presentNow();
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        // Our own work: scene update and drawing (software: into its image; GL: paintGL to glFinish),
        // without the window system's presentation.
        paintMs.push_back(drawn + (glView ? glView->lastPaintMs() : 0.0));
        QApplication::processEvents();
    }
    if (paintOnly)
        *paintOnly = summarise(paintMs);
    return summarise(ms);
}

namespace {

// The least any QOpenGLWidget frame costs in this window system: a widget that draws nothing.
class EmptyGlWidget final : public QOpenGLWidget
{
public:
    EmptyGlWidget() { setUpdateBehavior(QOpenGLWidget::PartialUpdate); }
};

} // namespace

RenderBench::Figures RenderBench::measureGlPresentFloor()
{
    QWidget window;
    window.setWindowFlag(Qt::FramelessWindowHint);
    window.setFixedSize(kWidth, kHeight);
    auto* layout = new QGridLayout(&window);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* widget = new EmptyGlWidget;
    layout->addWidget(widget);
    settle(window);
    std::vector<double> ms;
    QElapsedTimer timer;
    for (int f = 0; f < m_options.baselineFrames; ++f) {
        timer.start();
        widget->repaint();
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        QApplication::processEvents();
    }
    return summarise(ms);
}

RenderBench::Figures RenderBench::measureQtCharts(int patients)
{
    live::LiveHub hub;
    ingest::SimulatorSource::Config config;
    config.patients = patients;
    config.seed = 7;
    config.scenario = sim::Scenario::Stable;
    config.startTime = kStart;
    ingest::SimulatorSource source(config, hub);
    core::Timestamp now = kStart + kWarmUpUs;
    source.pump(now);

    QWidget window;
    window.setWindowFlag(Qt::FramelessWindowHint);
    window.setFixedSize(kWidth, kHeight);
    auto* grid = new QGridLayout(&window);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(0);
    const int cols = std::max(1, static_cast<int>(std::ceil(std::sqrt(patients * 16.0 / 9.0 / 1.8))));
    struct Trace
    {
        QLineSeries* series;
        int patient;
        core::StreamKind kind;
    };
    std::vector<Trace> traces;
    for (int p = 0; p < patients; ++p) {
        for (core::StreamKind kind : core::kAllStreams) {
            auto* chart = new QChart;
            chart->legend()->hide();
            chart->setMargins(QMargins(0, 0, 0, 0));
            auto* series = new QLineSeries;
            chart->addSeries(series);
            chart->createDefaultAxes();
            for (QAbstractAxis* axis : chart->axes())
                axis->hide();
            chart->axes(Qt::Horizontal).constFirst()->setRange(0, 4 * core::sampleRateHz(kind));
            chart->axes(Qt::Vertical).constFirst()->setRange(-1.5, 2.0);
            auto* view = new QChartView(chart, &window);
            grid->addWidget(view, (p / cols) * 3 + core::streamIndex(kind), p % cols);
            traces.push_back({series, p, kind});
        }
    }
    settle(window);

    std::vector<double> ms;
    std::vector<float> buffer;
    QElapsedTimer timer;
    for (int f = 0; f < m_options.baselineFrames; ++f) {
        now += kFrameUs;
        source.pump(now);
        timer.start();
        // The naive way: the last 4 s of every trace, replaced wholesale every frame.
        for (const Trace& t : traces) {
            const auto& ring = hub.feed(t.patient).ring(t.kind);
            const std::uint64_t window4s = 4ULL * static_cast<std::uint64_t>(core::sampleRateHz(t.kind));
            const std::uint64_t w = ring.written();
            buffer.clear();
            (void)ring.read(w > window4s ? w - window4s : 0, buffer);
            QList<QPointF> points;
            points.reserve(static_cast<qsizetype>(buffer.size()));
            for (std::size_t i = 0; i < buffer.size(); ++i)
                points.append(QPointF(static_cast<double>(i), std::isnan(buffer[i]) ? 0.0 : buffer[i]));
            t.series->replace(points);
        }
        window.repaint();
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        QApplication::processEvents();
    }
    return summarise(ms);
}

int RenderBench::run()
{
    bool glAvailable = m_options.withGl;
    if (glAvailable) {
        const ui::GlSelfTest::Result test = ui::GlSelfTest::run();
        if (!test.ok) {
            std::printf("GPU renderer unavailable: %s (GPU figures omitted)\n", qPrintable(test.reason));
            glAvailable = false;
        } else {
            std::printf("OpenGL renderer: %s\n", qPrintable(test.renderer));
        }
    }
    Figures floor;
    if (glAvailable) {
        floor = measureGlPresentFloor();
        std::printf("QOpenGLWidget presentation floor (an empty widget, %dx%d): p50 %.3f ms, p99 %.3f ms\n", kWidth,
            kHeight, floor.p50, floor.p99);
    }
    std::printf("Render benchmark: %dx%d, 3 traces per patient, %d frames at 60 Hz of simulated data "
                "(Qt Charts baseline: %d frames)\n",
        kWidth, kHeight, m_options.frames, m_options.baselineFrames);
    std::printf("%-9s %-10s %10s %10s %10s %8s\n", "patients", "renderer", "p50 ms", "p99 ms", "mean ms", "frames");
    std::fflush(stdout);

    int rc = 0;
    QJsonArray results;
    for (int patients : m_options.patients) {
        QJsonObject row{{QStringLiteral("bench"), QStringLiteral("render")}, {QStringLiteral("patients"), patients},
            {QStringLiteral("traces"), patients * 3}, {QStringLiteral("width"), kWidth},
            {QStringLiteral("height"), kHeight}};
        const auto print = [&](const char* name, const Figures& f) {
            std::printf("%-9d %-10s %10.3f %10.3f %10.3f %8d\n", patients, name, f.p50, f.p99, f.mean, f.frames);
            std::fflush(stdout);
        };
        Figures glFig;
        if (glAvailable) {
            QString error;
            Figures paint;
            glFig = measureRenderer(patients, true, &error, &paint);
            if (!error.isEmpty()) {
                std::printf("GPU renderer failed: %s\n", qPrintable(error));
                rc = 1;
            } else {
                print("gl", glFig);
                print("gl-render", paint);
                row.insert(QStringLiteral("gl_p50_ms"), glFig.p50);
                row.insert(QStringLiteral("gl_p99_ms"), glFig.p99);
                row.insert(QStringLiteral("gl_present_floor_p50_ms"), floor.p50);
                row.insert(QStringLiteral("gl_present_floor_p99_ms"), floor.p99);
                row.insert(QStringLiteral("gl_render_p50_ms"), paint.p50);
                row.insert(QStringLiteral("gl_render_p99_ms"), paint.p99);
            }
        }
        QString unused;
        Figures swRender;
        const Figures sw = measureRenderer(patients, false, &unused, &swRender);
        print("software", sw);
        print("sw-render", swRender);
        row.insert(QStringLiteral("software_render_p50_ms"), swRender.p50);
        row.insert(QStringLiteral("software_render_p99_ms"), swRender.p99);
        row.insert(QStringLiteral("software_p50_ms"), sw.p50);
        row.insert(QStringLiteral("software_p99_ms"), sw.p99);
        if (m_options.withBaseline) {
            const Figures qc = measureQtCharts(patients);
            print("qtcharts", qc);
            row.insert(QStringLiteral("qtcharts_p50_ms"), qc.p50);
            row.insert(QStringLiteral("qtcharts_p99_ms"), qc.p99);
            // Ratios: how many times faster than the naive baseline, at p99 and at p50.
            if (glFig.frames > 0) {
                row.insert(QStringLiteral("ratio_gl"), qc.p99 / glFig.p99);
                row.insert(QStringLiteral("ratio_gl_p50"), qc.p50 / glFig.p50);
            }
            row.insert(QStringLiteral("ratio_software"), qc.p99 / sw.p99);
            row.insert(QStringLiteral("ratio_software_p50"), qc.p50 / sw.p50);
            std::printf("%-9d ratios vs Qt Charts (p99): gl %s, software %.1fx\n", patients,
                glFig.frames > 0 ? qPrintable(QString::number(qc.p99 / glFig.p99, 'f', 1) + QLatin1Char('x')) : "n/a",
                qc.p99 / sw.p99);
        }
        results.append(row);
    }
    QJsonObject summary{{QStringLiteral("bench"), QStringLiteral("render")}, {QStringLiteral("results"), results}};
    if (!results.isEmpty()) {
        // The last configuration's figures at top level (the headline: 64 patients by default).
        const QJsonObject last = results.last().toObject();
        for (auto it = last.begin(); it != last.end(); ++it)
            summary.insert(it.key(), it.value());
    }
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    return rc;
}

} // namespace vigil::app
