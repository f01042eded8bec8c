#include "glselftest.h"

#include "gltraceprogram.h"

#include <QGuiApplication>
#include <QImage>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>
#include <QOpenGLFramebufferObject>

#include <array>

namespace vigil::ui {

bool GlSelfTest::isSoftwareRasterizer(const QString& glRenderer)
{
    static const char* const kSoftware[] = {"llvmpipe", "softpipe", "swrast", "software rasterizer", "swiftshader",
        "microsoft basic render", "gdi generic"};
    const QString r = glRenderer.toLower();
    for (const char* name : kSoftware) {
        if (r.contains(QLatin1String(name)))
            return true;
    }
    return false;
}

GlSelfTest::Result GlSelfTest::run()
{
    Result result;
    const QString platform = QGuiApplication::platformName();
    if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal")) {
        result.reason = tr("OpenGL is not available on the “%1” display platform").arg(platform);
        return result;
    }
    QOpenGLContext context;
    context.setFormat(GlTraceProgram::surfaceFormat()); // exactly what the live view asks for
    if (!context.create()) {
        result.reason = tr("could not create an OpenGL context");
        return result;
    }
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!context.makeCurrent(&surface)) {
        result.reason = tr("could not make the OpenGL context current");
        return result;
    }
    auto* gl = context.extraFunctions();
    result.renderer = QString::fromLatin1(reinterpret_cast<const char*>(gl->glGetString(GL_RENDERER)));

    constexpr int kWidth = 64;
    constexpr int kHeight = 32;
    QString error;
    {
        GlTraceProgram program;
        if (!program.create(&context, &error)) {
            result.reason = error;
            context.doneCurrent();
            return result;
        }
        QOpenGLFramebufferObject fbo(kWidth, kHeight);
        fbo.bind();
        gl->glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        gl->glClear(GL_COLOR_BUFFER_BIT);
        program.begin(QSize(kWidth, kHeight), 1.0);
        // A green "trace" column pattern and a red block, as the live view draws them.
        const std::array<GlTraceProgram::Rect, 3> rects{{
            {10, 4, 1, 20, GlTraceProgram::pack(QColor(0, 255, 0))},
            {11, 10, 1, 3, GlTraceProgram::pack(QColor(0, 255, 0))},
            {40, 20, 8, 6, GlTraceProgram::pack(QColor(255, 0, 0))},
        }};
        program.drawRects(rects);
        // An overlay texture: opaque blue at (2,2), transparent elsewhere.
        QImage overlay(kWidth, kHeight, QImage::Format_RGBA8888_Premultiplied);
        overlay.fill(Qt::transparent);
        overlay.setPixelColor(2, 2, QColor(0, 0, 255));
        unsigned texture = 0;
        gl->glGenTextures(1, &texture);
        gl->glBindTexture(GL_TEXTURE_2D, texture);
        gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        gl->glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        gl->glTexImage2D(
            GL_TEXTURE_2D, 0, GL_RGBA8, kWidth, kHeight, 0, GL_RGBA, GL_UNSIGNED_BYTE, overlay.constBits());
        program.drawTexture(texture, QSize(kWidth, kHeight), overlay.rect());
        gl->glFinish();
        const QImage image = fbo.toImage().convertToFormat(QImage::Format_RGB32);
        fbo.release();
        gl->glDeleteTextures(1, &texture);
        program.release();

        struct Probe
        {
            int x, y;
            QRgb expected;
        };
        const std::array<Probe, 9> probes{{
            {10, 4, qRgb(0, 255, 0)},
            {10, 23, qRgb(0, 255, 0)},
            {10, 24, qRgb(0, 0, 0)},
            {9, 10, qRgb(0, 0, 0)},
            {11, 11, qRgb(0, 255, 0)},
            {11, 13, qRgb(0, 0, 0)},
            {44, 22, qRgb(255, 0, 0)},
            {2, 2, qRgb(0, 0, 255)},
            {30, 16, qRgb(0, 0, 0)},
        }};
        for (const Probe& probe : probes) {
            const QRgb got = image.pixel(probe.x, probe.y) | 0xff000000u;
            if (got != probe.expected) {
                result.reason = tr("rendering self-test mismatch at (%1, %2): expected #%3, got #%4")
                                    .arg(probe.x)
                                    .arg(probe.y)
                                    .arg(probe.expected & 0xffffff, 6, 16, QLatin1Char('0'))
                                    .arg(got & 0xffffff, 6, 16, QLatin1Char('0'));
                context.doneCurrent();
                return result;
            }
        }
    }
    context.doneCurrent();
    result.ok = true;
    result.softwareRasterizer = isSoftwareRasterizer(result.renderer);
    return result;
}

} // namespace vigil::ui
