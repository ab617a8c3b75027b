// Keyboard and mouse: flight controls, camera, selection. Read each frame from Dear ImGui's
// input state (after ImGui::NewFrame), so keys are ignored while a text field has focus and the
// mouse is ignored over HUD windows. Which key does what is client/flight_keys.hpp's table; the
// rules for sending Control messages are client/flight_controls.hpp's.
#pragma once

#include <cstdint>

#include "galaxy/client/camera.hpp"
#include "galaxy/client/flight_controls.hpp"
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
    const SceneRenderer* scene = nullptr;  // for picking on click
    sim::TargetRef* selection = nullptr;
    HudState* hud = nullptr;  // Enter opens chat, H / F1 toggles help
};

class FlightInput {
public:
    void update(InputContext& context);

private:
    void update_interface_keys(InputContext& context, const client::FlightKeyState& keys);
    void update_mouse(InputContext& context);

    client::FlightControls controls_;
    bool pressing_ = false;  // the left button went down over the scene and is still down
    bool dragging_ = false;  // ... and has moved past ImGui's drag threshold: not a click
};

}  // namespace galaxy::app
