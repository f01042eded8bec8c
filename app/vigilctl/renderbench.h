#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace vigil::app {

// `vigilctl bench render`: frame times of the GPU renderer, the software renderer and a naive
// Qt Charts baseline (one QChartView per trace, QLineSeries::replace every frame), measured in the
// same process on the same simulated data, 1920x1080, 60 Hz of simulated time per frame.
class RenderBench final
{
public:
    struct Options
    {
        std::vector<int> patients{16, 32, 64};
        int frames = 600;
        int baselineFrames = 60;
        bool withGl = true;
        bool withBaseline = true;
    };

    struct Figures
    {
        double p50 = 0;
        double p99 = 0;
        double mean = 0;
        int frames = 0;
    };

    explicit RenderBench(Options options);
    // Runs every configuration, printing a table as it goes; returns 0, or 1 if a renderer failed.
    int run();

private:
    // paintOnly: the renderer's own work (scene update and drawing; GL: paintGL incl. glFinish), without
    // the window system's presentation (Qt's composition and the flush to the X server).
    Figures measureRenderer(int patients, bool gl, QString* error, Figures* paintOnly = nullptr);
    Figures measureQtCharts(int patients);
    Figures measureGlPresentFloor();

    Options m_options;
};

} // namespace vigil::app
