// Turns the pilot's keys into Control messages: manual rates and RCS translation while keys are
// held, the throttle ramp, full / cut, and the attitude modes 1-9. Pure (keys and time in,
// messages out), so the rules (when a message goes out, and how many) are unit-tested.
//
// Ship axes (body frame, as sim-core's engine and autopilot use them): +Z forward (the engine
// pushes along it), +Y up, so +X = Y x Z points to the pilot's left. Pitch up turns the nose
// towards +Y (negative rate about X), yaw right towards -X (negative rate about Y), roll right
// turns +Y towards -X (positive rate about Z).
#pragma once

#include <bitset>
#include <vector>

#include "galaxy/client/flight_keys.hpp"
#include "galaxy/proto/client_message.hpp"
#include "galaxy/sim/ship.hpp"

namespace galaxy::client {

struct FlightControlsDef {
    double rate_fraction = 1.0;  // manual rate per held key, of the class's max_rate_rad_s
                                 // (the classes turn at 0.05-0.1 rad/s: all of it is not fast)
    double throttle_rate_per_s = 0.5;  // throttle change per second while Shift / Ctrl is held
    double throttle_send_interval_ms = 100.0;  // throttle messages at most this often (10 / s)
    double max_frame_ms = 100.0;  // longer frames (a background tab) ramp as if this long
};

class FlightControls {
public:
    explicit FlightControls(FlightControlsDef def = {});

    // One frame: keys (all released while the pilot types in a text field), the own ship in the
    // predicted world (nullptr: no ship; nothing is sent and the held state is forgotten), and
    // the client time. Returns the Control messages to send (without seq), at most one per frame.
    std::vector<proto::ClientMessage> update(const FlightKeyState& keys, const sim::Ship* ship,
                                             double now_ms);

    // Body rates (rad/s) the held rotation keys ask for, at `rate_rad_s` per axis.
    static sim::Vec3 rates_for(const FlightKeyState& keys, double rate_rad_s);
    // RCS translation demand (each axis -1..1) the held translation keys ask for.
    static sim::Vec3 translation_for(const FlightKeyState& keys);

private:
    FlightControlsDef def_;
    sim::Vec3 sent_rates_;         // rates the held keys last asked for
    sim::Vec3 sent_translation_;   // translation the held keys last asked for
    bool rotating_ = false;        // rotation keys were held at the last change
    double throttle_ = 0.0;        // the throttle the pilot is setting, 0..1
    bool throttle_dirty_ = false;  // throttle_ differs from what was last sent
    double last_throttle_send_ms_ = -1.0e300;
    double last_update_ms_ = -1.0;
};

}  // namespace galaxy::client
