// Keyboard and mouse: flight controls, camera, selection. Read each frame from Dear ImGui's
// input state (after ImGui::NewFrame), so keys are ignored while a text field has focus and the
// mouse is ignored over HUD windows.
#pragma once

#include <cstdint>

#include "galaxy/client/camera.hpp"
#include "galaxy/client/session.hpp"
#include "galaxy/client/settings.hpp"
#include "hud/hud.hpp"
#include "render/scene_renderer.hpp"

namespace galaxy::app {

struct InputContext {
    client::Session* session = nullptr;
    double now_ms = 0.0;
    client::Camera* camera = nullptr;
    const client::Settings* settings = nullptr;
    const SceneRenderer* scene = nullptr;   // for picking on click
    sim::TargetRef* selection = nullptr;
    HudState* hud = nullptr;                // Enter opens chat, H / F1 toggles help
};

class FlightInput {
public:
    void update(InputContext& context);

private:
    // Held-key and drag state; the implementation's to shape.
};

}  // namespace galaxy::app
