// SCAFFOLD (replaced by the HUD).
#include "hud/hud.hpp"
#include "imgui.h"
namespace galaxy::app {
struct Hud::Impl { HudState state; };
Hud::Hud() : impl_(std::make_unique<Impl>()) {}
Hud::~Hud() = default;
void Hud::draw(HudContext&) { ImGui::Text("Galaxy"); }
HudState& Hud::state() { return impl_->state; }
}  // namespace galaxy::app
