#include "input/flight_input.hpp"

#include <GLFW/glfw3.h>

#include <utility>
#include <vector>

#include "galaxy/client/flight_keys.hpp"
#include "galaxy/client/target_cycle.hpp"
#include "imgui.h"

namespace galaxy::app {

// The key table uses GLFW's numbers without including GLFW; check them against the header.
static_assert(client::key::letter('A') == GLFW_KEY_A && client::key::letter('Z') == GLFW_KEY_Z);
static_assert(client::key::k1 == GLFW_KEY_1 && client::key::k1 + 8 == GLFW_KEY_9);
static_assert(client::key::kSpace == GLFW_KEY_SPACE && client::key::kMinus == GLFW_KEY_MINUS &&
              client::key::kEqual == GLFW_KEY_EQUAL);
static_assert(client::key::kEscape == GLFW_KEY_ESCAPE && client::key::kEnter == GLFW_KEY_ENTER &&
              client::key::kF1 == GLFW_KEY_F1);
static_assert(client::key::kKeypadSubtract == GLFW_KEY_KP_SUBTRACT &&
              client::key::kKeypadAdd == GLFW_KEY_KP_ADD &&
              client::key::kKeypadEnter == GLFW_KEY_KP_ENTER);
static_assert(client::key::kLeftShift == GLFW_KEY_LEFT_SHIFT &&
              client::key::kLeftControl == GLFW_KEY_LEFT_CONTROL &&
              client::key::kRightShift == GLFW_KEY_RIGHT_SHIFT &&
              client::key::kRightControl == GLFW_KEY_RIGHT_CONTROL);

void FlightInput::update(InputContext& context) {
    if (context.session == nullptr || context.camera == nullptr || context.settings == nullptr ||
        context.scene == nullptr || context.selection == nullptr || context.hud == nullptr) {
        return;
    }
    // While the pilot types (chat, rename) every key counts as released: held rates and
    // translation stop rather than stick.
    client::FlightKeyState keys;
    if (!ImGui::GetIO().WantTextInput) {
        keys = client::read_flight_keys([](int code) { return ImGui::IsKeyDown(code); },
                                        [](int code) { return ImGui::IsKeyPressed(code, false); });
    }
    client::Session& session = *context.session;
    const sim::Ship* ship = session.has_world() ? session.own_ship() : nullptr;
    for (proto::ClientMessage& message : controls_.update(keys, ship, context.now_ms)) {
        session.send_command(std::move(message), context.now_ms);
    }
    update_interface_keys(context, keys);
    update_mouse(context);
}

void FlightInput::update_interface_keys(InputContext& context, const client::FlightKeyState& keys) {
    using client::FlightAction;
    client::Session& session = *context.session;
    if (keys.was_pressed(FlightAction::CycleTarget) && session.has_world()) {
        // T steps the ship's target (and the selection with it, so the scene highlights it);
        // without a ship it steps the selection alone.
        const sim::Ship* ship = session.own_ship();
        const sim::TargetRef current = ship != nullptr ? ship->controls.target : *context.selection;
        const sim::TargetRef next =
            client::next_target(session.world(), session.own_ship_id(), current);
        *context.selection = next;
        if (ship != nullptr && next.kind != sim::TargetKind::None) {
            proto::ClientMessage message;
            message.type = proto::ClientMessageType::Target;
            message.target = next;
            session.send_command(std::move(message), context.now_ms);
        }
    }
    if (keys.was_pressed(FlightAction::ToggleMap)) context.camera->toggle_map();
    if (keys.was_pressed(FlightAction::FocusChat)) context.hud->focus_chat = true;
    if (keys.was_pressed(FlightAction::ToggleHelp))
        context.hud->show_help = !context.hud->show_help;
    if (keys.was_pressed(FlightAction::ClearSelection)) *context.selection = {};
}

void FlightInput::update_mouse(InputContext& context) {
    const ImGuiIO& io = ImGui::GetIO();
    client::Camera& camera = *context.camera;
    const double sensitivity = context.settings->mouse_sensitivity;
    const double y_sign = context.settings->invert_mouse_y ? -1.0 : 1.0;
    if (!io.WantCaptureMouse) {
        // Emscripten 3.1.6's GLFW passes the wheel event's raw deltaY: pixels, 100 per notch in
        // Chromium, positive when scrolling down (away). Camera::zoom wants notches, + = in.
        if (io.MouseWheel != 0.0f) camera.zoom(-static_cast<double>(io.MouseWheel) / 100.0);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            pressing_ = true;
            dragging_ = false;
        }
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            const sim::TargetRef picked = context.scene->pick(static_cast<double>(io.MousePos.x),
                                                              static_cast<double>(io.MousePos.y));
            if (picked.kind != sim::TargetKind::None) {
                *context.selection = picked;
                camera.set_mode(client::CameraMode::Orbit);
                camera.set_focus(picked);
            }
        }
    }
    if (!pressing_) return;
    if (io.MouseDown[ImGuiMouseButton_Left]) {
        if (!dragging_ && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            // Past the threshold: turn by the whole way moved since the press, then per frame.
            dragging_ = true;
            const ImVec2 total = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
            camera.drag(static_cast<double>(total.x), y_sign * static_cast<double>(total.y),
                        sensitivity);
        } else if (dragging_) {
            camera.drag(static_cast<double>(io.MouseDelta.x),
                        y_sign * static_cast<double>(io.MouseDelta.y), sensitivity);
        }
        return;
    }
    pressing_ = false;
    if (dragging_) return;
    // A click without a drag selects what is under it (nothing clears the selection).
    const ImVec2 at = io.MouseClickedPos[ImGuiMouseButton_Left];
    const sim::TargetRef picked =
        context.scene->pick(static_cast<double>(at.x), static_cast<double>(at.y));
    *context.selection = picked;
    const client::CameraMode mode = camera.mode();
    if (picked.kind != sim::TargetKind::None &&
        (mode == client::CameraMode::Orbit || mode == client::CameraMode::Map)) {
        camera.set_focus(picked);
    }
}

}  // namespace galaxy::app
