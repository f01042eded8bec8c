#pragma once

#include <QColor>
#include <QRect>
#include <QSize>
#include <QString>
#include <QSurfaceFormat>

#include <span>
#include <vector>

class QOpenGLContext;
class QOpenGLExtraFunctions;

namespace vigil::ui {

// The GPU renderer's drawing primitives, shared by the live view and the start-up self-test so the
// test exercises exactly what the view uses: solid rectangles in pixel coordinates (trace
// columns, erase bars, backgrounds) and a textured rectangle (the text overlay).
//
// GLSL 3.30 core on desktop OpenGL, 3.00 es on OpenGL ES. Create with a current context; destroy
// (release()) with the same context current.
class GlTraceProgram final
{
public:
    // One rectangle: pixel x, y (top-left), width, height, colour as packed RGBA bytes.
    struct Rect
    {
        float x;
        float y;
        float w;
        float h;
        quint32 rgba;
    };
    static quint32 pack(const QColor& c);
    // The context format the program needs: OpenGL 3.3 core, or OpenGL ES 3.0.
    [[nodiscard]] static QSurfaceFormat surfaceFormat();

    GlTraceProgram() = default;
    ~GlTraceProgram();
    GlTraceProgram(const GlTraceProgram&) = delete;
    GlTraceProgram& operator=(const GlTraceProgram&) = delete;

    // Compiles and links; on failure returns false and sets *error.
    bool create(QOpenGLContext* context, QString* error);
    void release();

    // Sets the viewport for a target of `size` logical pixels at `devicePixelRatio`.
    void begin(QSize size, qreal devicePixelRatio);
    void drawRects(std::span<const Rect> rects);
    // Draws `source` (pixels) of the RGBA texture (texSize pixels) to the same place, blending
    // premultiplied alpha: transparent texels leave what is underneath.
    void drawTexture(unsigned texture, QSize texSize, const QRect& source);

private:
    struct Vertex
    {
        float x;
        float y;
        quint32 rgba;
    };

    QOpenGLExtraFunctions* m_gl = nullptr;
    std::vector<Vertex> m_vertices;
    unsigned m_rectProgram = 0;
    unsigned m_texProgram = 0;
    unsigned m_vao = 0;
    unsigned m_quad = 0; // unit quad
    unsigned m_instances = 0; // vertex buffer of the rectangles' triangles
    std::size_t m_instanceCapacity = 0;
    int m_rectViewport = -1;
    int m_texViewport = -1;
    int m_texRect = -1;
    int m_texSource = -1;
    int m_texSampler = -1;
    unsigned m_texVao = 0;
    QSize m_size;
};

} // namespace vigil::ui
