#include "rendererfactory.h"

#include "glwaveformview.h"
#include "softwarewaveformview.h"

namespace vigil::ui {

WaveformRenderer* RendererFactory::create(WaveformRenderer::Kind kind, WaveformScene& scene, QWidget* parent)
{
    if (kind == WaveformRenderer::Kind::Gl)
        return new GlWaveformView(scene, parent);
    return new SoftwareWaveformView(scene, parent);
}

} // namespace vigil::ui
