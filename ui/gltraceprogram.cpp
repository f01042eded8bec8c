#include "gltraceprogram.h"

#include <QOpenGLContext>
#include <QOpenGLExtraFunctions>

namespace vigil::ui {

namespace {

const char* const kRectVertex = R"(
layout(location = 0) in vec2 px;
layout(location = 1) in vec4 colour;
uniform vec2 viewport;
out vec4 vColour;
void main() {
    gl_Position = vec4(px.x / viewport.x * 2.0 - 1.0, 1.0 - px.y / viewport.y * 2.0, 0.0, 1.0);
    vColour = colour;
})";

const char* const kRectFragment = R"(
in vec4 vColour;
out vec4 fragColour;
void main() { fragColour = vColour; })";

const char* const kTexVertex = R"(
layout(location = 0) in vec2 corner;
uniform vec2 viewport;
uniform vec4 rect;     // target and source in pixels (same place)
uniform vec2 texSize;
out vec2 vUv;
void main() {
    vec2 px = rect.xy + corner * rect.zw;
    gl_Position = vec4(px.x / viewport.x * 2.0 - 1.0, 1.0 - px.y / viewport.y * 2.0, 0.0, 1.0);
    vUv = px / texSize;
})";

const char* const kTexFragment = R"(
in vec2 vUv;
uniform sampler2D overlay;
out vec4 fragColour;
void main() { fragColour = texture(overlay, vUv); })";

QByteArray header(QOpenGLContext* context)
{
    return context->isOpenGLES() ? QByteArrayLiteral("#version 300 es\nprecision mediump float;\n")
                                 : QByteArrayLiteral("#version 330 core\n");
}

unsigned compile(QOpenGLExtraFunctions* gl, unsigned type, const QByteArray& source, QString* error)
{
    const unsigned shader = gl->glCreateShader(type);
    const char* text = source.constData();
    gl->glShaderSource(shader, 1, &text, nullptr);
    gl->glCompileShader(shader);
    GLint ok = 0;
    gl->glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        gl->glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        *error = QStringLiteral("shader compile failed: ") + QString::fromUtf8(log);
        gl->glDeleteShader(shader);
        return 0;
    }
    return shader;
}

unsigned link(QOpenGLExtraFunctions* gl, const QByteArray& head, const char* vs, const char* fs, QString* error)
{
    const unsigned v = compile(gl, GL_VERTEX_SHADER, head + vs, error);
    if (!v)
        return 0;
    const unsigned f = compile(gl, GL_FRAGMENT_SHADER, head + fs, error);
    if (!f) {
        gl->glDeleteShader(v);
        return 0;
    }
    const unsigned program = gl->glCreateProgram();
    gl->glAttachShader(program, v);
    gl->glAttachShader(program, f);
    gl->glLinkProgram(program);
    gl->glDeleteShader(v);
    gl->glDeleteShader(f);
    GLint ok = 0;
    gl->glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        gl->glGetProgramInfoLog(program, sizeof log, nullptr, log);
        *error = QStringLiteral("shader link failed: ") + QString::fromUtf8(log);
        gl->glDeleteProgram(program);
        return 0;
    }
    return program;
}

} // namespace

quint32 GlTraceProgram::pack(const QColor& c)
{
    // Byte order in memory R, G, B, A (read as GL_UNSIGNED_BYTE x4, normalised).
    return static_cast<quint32>(c.red()) | static_cast<quint32>(c.green()) << 8 | static_cast<quint32>(c.blue()) << 16
        | static_cast<quint32>(c.alpha()) << 24;
}

QSurfaceFormat GlTraceProgram::surfaceFormat()
{
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    if (QOpenGLContext::openGLModuleType() == QOpenGLContext::LibGL) {
        format.setVersion(3, 3);
        format.setProfile(QSurfaceFormat::CoreProfile);
    } else {
        format.setVersion(3, 0);
    }
    format.setSamples(0);
    return format;
}

GlTraceProgram::~GlTraceProgram() = default;

bool GlTraceProgram::create(QOpenGLContext* context, QString* error)
{
    if (!context || !context->isValid()) {
        *error = QStringLiteral("no valid OpenGL context");
        return false;
    }
    const QSurfaceFormat format = context->format();
    const bool modern = context->isOpenGLES()
        ? format.majorVersion() >= 3
        : (format.majorVersion() > 3 || (format.majorVersion() == 3 && format.minorVersion() >= 3));
    if (!modern) {
        *error = QStringLiteral("OpenGL %1.%2 is too old (3.3 or OpenGL ES 3.0 needed)")
                     .arg(format.majorVersion())
                     .arg(format.minorVersion());
        return false;
    }
    m_gl = context->extraFunctions();
    const QByteArray head = header(context);
    m_rectProgram = link(m_gl, head, kRectVertex, kRectFragment, error);
    if (!m_rectProgram)
        return false;
    m_texProgram = link(m_gl, head, kTexVertex, kTexFragment, error);
    if (!m_texProgram)
        return false;
    m_rectViewport = m_gl->glGetUniformLocation(m_rectProgram, "viewport");
    m_texViewport = m_gl->glGetUniformLocation(m_texProgram, "viewport");
    m_texRect = m_gl->glGetUniformLocation(m_texProgram, "rect");
    m_texSource = m_gl->glGetUniformLocation(m_texProgram, "texSize");
    m_texSampler = m_gl->glGetUniformLocation(m_texProgram, "overlay");

    static const float corners[] = {0, 0, 1, 0, 0, 1, 1, 1};
    m_gl->glGenBuffers(1, &m_quad);
    m_gl->glBindBuffer(GL_ARRAY_BUFFER, m_quad);
    m_gl->glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);

    // Rectangles are expanded to two triangles each on the CPU: plain vertex arrays are the fast
    // path everywhere, including CPU-emulated GL, where per-instance setup costs more than the
    // six vertices it saves.
    m_gl->glGenVertexArrays(1, &m_vao);
    m_gl->glBindVertexArray(m_vao);
    m_gl->glGenBuffers(1, &m_instances);
    m_gl->glBindBuffer(GL_ARRAY_BUFFER, m_instances);
    m_gl->glEnableVertexAttribArray(0);
    m_gl->glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), nullptr);
    m_gl->glEnableVertexAttribArray(1);
    m_gl->glVertexAttribPointer(
        1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, rgba)));

    m_gl->glGenVertexArrays(1, &m_texVao);
    m_gl->glBindVertexArray(m_texVao);
    m_gl->glBindBuffer(GL_ARRAY_BUFFER, m_quad);
    m_gl->glEnableVertexAttribArray(0);
    m_gl->glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    m_gl->glBindVertexArray(0);
    m_gl->glBindBuffer(GL_ARRAY_BUFFER, 0);
    return m_gl->glGetError() == GL_NO_ERROR || (*error = QStringLiteral("OpenGL error while creating buffers"), false);
}

void GlTraceProgram::release()
{
    if (!m_gl)
        return;
    m_gl->glDeleteProgram(m_rectProgram);
    m_gl->glDeleteProgram(m_texProgram);
    m_gl->glDeleteBuffers(1, &m_quad);
    m_gl->glDeleteBuffers(1, &m_instances);
    m_gl->glDeleteVertexArrays(1, &m_vao);
    m_gl->glDeleteVertexArrays(1, &m_texVao);
    m_gl = nullptr;
}

void GlTraceProgram::begin(QSize size, qreal devicePixelRatio)
{
    m_size = size;
    m_gl->glViewport(
        0, 0, static_cast<int>(size.width() * devicePixelRatio), static_cast<int>(size.height() * devicePixelRatio));
    m_gl->glDisable(GL_DEPTH_TEST);
    m_gl->glDisable(GL_SCISSOR_TEST);
    m_gl->glDisable(GL_BLEND);
}

void GlTraceProgram::drawRects(std::span<const Rect> rects)
{
    if (rects.empty())
        return;
    m_gl->glUseProgram(m_rectProgram);
    m_gl->glUniform2f(m_rectViewport, static_cast<float>(m_size.width()), static_cast<float>(m_size.height()));
    m_gl->glBindVertexArray(m_vao);
    m_vertices.clear();
    m_vertices.reserve(rects.size() * 6);
    for (const Rect& r : rects) {
        const float x1 = r.x + r.w;
        const float y1 = r.y + r.h;
        m_vertices.insert(m_vertices.end(),
            {{r.x, r.y, r.rgba}, {x1, r.y, r.rgba}, {r.x, y1, r.rgba}, {x1, r.y, r.rgba}, {x1, y1, r.rgba},
                {r.x, y1, r.rgba}});
    }
    m_gl->glBindBuffer(GL_ARRAY_BUFFER, m_instances);
    const std::size_t bytes = m_vertices.size() * sizeof(Vertex);
    if (bytes > m_instanceCapacity) {
        m_instanceCapacity = std::max(bytes, m_instanceCapacity * 2);
        m_gl->glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m_instanceCapacity), nullptr, GL_STREAM_DRAW);
    }
    m_gl->glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), m_vertices.data());
    m_gl->glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(m_vertices.size()));
    m_gl->glBindVertexArray(0);
}

void GlTraceProgram::drawTexture(unsigned texture, QSize texSize, const QRect& source)
{
    m_gl->glUseProgram(m_texProgram);
    m_gl->glUniform2f(m_texViewport, static_cast<float>(m_size.width()), static_cast<float>(m_size.height()));
    m_gl->glUniform4f(m_texRect, static_cast<float>(source.x()), static_cast<float>(source.y()),
        static_cast<float>(source.width()), static_cast<float>(source.height()));
    m_gl->glUniform2f(m_texSource, static_cast<float>(texSize.width()), static_cast<float>(texSize.height()));
    m_gl->glUniform1i(m_texSampler, 0);
    m_gl->glActiveTexture(GL_TEXTURE0);
    m_gl->glBindTexture(GL_TEXTURE_2D, texture);
    m_gl->glEnable(GL_BLEND);
    m_gl->glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_gl->glBindVertexArray(m_texVao);
    m_gl->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    m_gl->glBindVertexArray(0);
    m_gl->glDisable(GL_BLEND);
}

} // namespace vigil::ui
