// The orbit about the reference body: apoapsis, periapsis, eccentricity, inclination, period and
// the times to apoapsis and periapsis.
#include <cmath>
#include <cstdio>

#include "galaxy/client/units_format.hpp"
#include "hud/hud_windows.hpp"

namespace galaxy::app::hud {

namespace {

bool bound(const sim::OrbitalElements& orbit) {
    return orbit.shape == sim::OrbitShape::Circular || orbit.shape == sim::OrbitShape::Elliptic;
}

const char* shape_label(sim::OrbitShape shape) {
    switch (shape) {
        case sim::OrbitShape::Circular:
            return "circular";
        case sim::OrbitShape::Elliptic:
            return "elliptic";
        case sim::OrbitShape::Parabolic:
            return "parabolic (escape)";
        case sim::OrbitShape::Hyperbolic:
            return "hyperbolic (escape)";
    }
    return "?";
}

}  // namespace

void draw_orbit_window(HudContext& context, EdgeStack& left) {
    const client::ShipTelemetry& ship = *context.ship;
    if (!ship.valid) return;
    const sim::OrbitalElements& orbit = ship.orbit;
    left.place(em(19.0f));
    const std::string title = "Orbit of " + ship.reference_name + "###orbit";
    if (ImGui::Begin(title.c_str(), nullptr, kDockedWindow) && begin_rows("orbit_rows")) {
        const ImVec4 normal = ImGui::GetStyleColorVec4(ImGuiCol_Text);
        if (ship.docked_station != 0) {
            row("Docked", "moves with the station", colour_dim());
        }
        row("Shape", shape_label(orbit.shape));
        if (bound(orbit)) {
            row("Apoapsis", client::format_distance(orbit.apoapsis_altitude_m));
        } else {
            row("Apoapsis", "none (escaping)", colour_warn());
        }
        // A periapsis under the surface means the orbit ends on the ground.
        row("Periapsis", client::format_distance(orbit.periapsis_altitude_m),
            orbit.periapsis_altitude_m < 0.0 ? colour_bad() : normal);
        if (bound(orbit)) row("Time to Ap", client::format_duration(orbit.time_to_apoapsis_s));
        if (orbit.time_to_periapsis_s >= 0.0) {
            row("Time to Pe", client::format_duration(orbit.time_to_periapsis_s));
        } else {
            row("Since Pe", client::format_duration(-orbit.time_to_periapsis_s));
        }
        std::array<char, 32> e{};
        std::snprintf(e.data(), e.size(), "%.4f", orbit.eccentricity);
        row("Eccentricity", e.data());
        row("Inclination", client::format_angle(orbit.inclination_rad));
        row("Period", bound(orbit) ? client::format_duration(orbit.period_s) : std::string("--"));
        end_rows();
    }
    left.advance();
    ImGui::End();
}

}  // namespace galaxy::app::hud
