#pragma once

#include "waveformrenderer.h"

class QWidget;

namespace vigil::ui {

// Creates a renderer widget of the requested kind for a scene, parented to `parent`.
class RendererFactory final
{
public:
    [[nodiscard]] static WaveformRenderer* create(WaveformRenderer::Kind kind, WaveformScene& scene, QWidget* parent);
};

} // namespace vigil::ui
