#pragma once

#include <QCoreApplication>
#include <QString>

namespace vigil::ui {

// Start-up check of the GPU path: on an offscreen surface, draws a known pattern with the live
// view's own GlTraceProgram (background, trace columns, a blended overlay texel), reads it back and
// compares pixel by pixel. A driver that renders wrongly (or not at all) fails here, before a
// clinician could be shown a blank or corrupted trace.
class GlSelfTest final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::ui::GlSelfTest)
public:
    struct Result
    {
        bool ok = false;
        QString reason; // why it failed, for the user and the log
        QString renderer; // GL_RENDERER string when a context was made
        // OpenGL works but is emulated on the CPU (llvmpipe, softpipe, SwiftShader, Microsoft's
        // basic renderer): common in virtual desktops. The software renderer is faster there.
        bool softwareRasterizer = false;
    };

    [[nodiscard]] static bool isSoftwareRasterizer(const QString& glRenderer);


    // Needs a QGuiApplication. Fails fast on platforms without OpenGL (offscreen, minimal).
    [[nodiscard]] static Result run();
};

} // namespace vigil::ui
