// The Dear ImGui HUD: ship systems, orbit, attitude (with a navball), target, docking, chat,
// game clock, connection and network, settings, and the controls help window.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "galaxy/client/camera.hpp"
#include "galaxy/client/session.hpp"
#include "galaxy/client/settings.hpp"
#include "galaxy/client/telemetry.hpp"

namespace galaxy::app {

// Everything the HUD reads this frame, and what it may change.
struct HudContext {
    client::Session* session = nullptr;  // commands go through session->send_command()
    double now_ms = 0.0;                 // client clock
    double frame_ms = 0.0;               // last frame's duration, for the FPS readout
    const client::ShipTelemetry* ship = nullptr;
    const client::TargetTelemetry* target = nullptr;
    const client::DockingTelemetry* docking = nullptr;
    client::Settings* settings = nullptr;
    client::Camera* camera = nullptr;
    sim::TargetRef* selection = nullptr;  // the clicked / cycled object (not the ship's target)
    std::string link_status;              // from the transport: "live", "reconnecting in 2 s", ...
    bool link_live = false;
    // Out: set by the HUD.
    bool settings_changed = false;  // *settings edited: the app hands them to JavaScript
    bool logout_requested = false;
};

// State the HUD and the keyboard input share (chat focus, help window, unread count).
struct HudState {
    bool show_help = false;
    bool focus_chat = false;      // Enter: put the cursor in the chat input next frame
    std::uint64_t chat_seen = 0;  // Session::chat_received() when the chat was last open
};

class Hud {
public:
    Hud();
    ~Hud();
    void draw(HudContext& context);
    HudState& state();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace galaxy::app
