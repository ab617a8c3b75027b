// The HUD's frame: windows docked to the screen edges, in a fixed layout that stays readable at
// 1280 x 720 (left: ship and orbit; right: target and docking; bottom: network, attitude with
// the navball, chat; top: clock and connection, toasts below it), plus the settings and help
// windows in the middle when open.
#include "hud/hud.hpp"

#include "hud/hud_windows.hpp"

namespace galaxy::app {

struct Hud::Impl {
    hud::HudMemory memory;
};

Hud::Hud() : impl_(std::make_unique<Impl>()) {}

Hud::~Hud() = default;

HudState& Hud::state() { return impl_->memory.state; }

void Hud::draw(HudContext& context) {
    if (context.session == nullptr || context.ship == nullptr || context.target == nullptr ||
        context.docking == nullptr || context.settings == nullptr || context.camera == nullptr ||
        context.selection == nullptr) {
        return;
    }
    hud::HudMemory& memory = impl_->memory;
    hud::EdgeStack top_center(hud::Anchor::TopCenter);
    hud::EdgeStack left(hud::Anchor::TopLeft);
    hud::EdgeStack right(hud::Anchor::TopRight);
    hud::EdgeStack bottom_left(hud::Anchor::BottomLeft);
    hud::EdgeStack bottom_center(hud::Anchor::BottomCenter);
    hud::EdgeStack bottom_right(hud::Anchor::BottomRight);

    hud::draw_status_bar(context, memory, top_center);
    hud::draw_ship_window(context, memory, left);
    hud::draw_orbit_window(context, left);
    hud::draw_target_window(context, right);
    hud::draw_docking_window(context, right);
    hud::draw_network_window(context, bottom_left);
    hud::draw_attitude_window(context, bottom_center);
    hud::draw_chat_window(context, memory, bottom_right);
    hud::draw_settings_window(context, memory);
    hud::draw_help_window(memory);
    hud::draw_toasts(context, memory, top_center);
}

}  // namespace galaxy::app
