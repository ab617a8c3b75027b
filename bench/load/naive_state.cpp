#include "naive_state.hpp"

#include <nlohmann/json.hpp>

namespace galaxy::load {
namespace {

nlohmann::json vec(sim::Vec3 v) { return nlohmann::json::array({v.x, v.y, v.z}); }

// What a client needs to draw a ship and its HUD, and to extrapolate between messages.
nlohmann::json ship_json(const sim::Ship& ship) {
    return {{"id", ship.id},
            {"name", ship.name},
            {"class", sim::ship_class_def(ship.ship_class).name},
            {"position", vec(ship.position_m)},
            {"velocity", vec(ship.velocity_m_s)},
            {"attitude", {ship.attitude.w, ship.attitude.x, ship.attitude.y, ship.attitude.z}},
            {"angular_velocity", vec(ship.angular_velocity_rad_s)},
            {"fuel", ship.fuel_kg},
            {"throttle", ship.controls.throttle},
            {"thrust", ship.thrust_n},
            {"attitude_mode", sim::attitude_mode_name(ship.controls.mode)},
            {"docked_station", ship.docked_station},
            {"wheel_saturation", ship.wheel_saturation},
            {"rcs_activity", ship.rcs_activity}};
}

}  // namespace

std::string naive_state_json(const sim::World& world, bool ships_only) {
    nlohmann::json state = {{"type", "state"}, {"tick", world.tick}, {"time", world.game_time_s}};
    nlohmann::json ships = nlohmann::json::array();
    for (const auto& ship : world.ships) ships.push_back(ship_json(ship));
    state["ships"] = std::move(ships);
    if (!ships_only) {
        nlohmann::json bodies = nlohmann::json::array();
        for (const auto& body : world.bodies) {
            bodies.push_back({{"name", body.def.name},
                              {"position", vec(body.position_m)},
                              {"velocity", vec(body.velocity_m_s)}});
        }
        nlohmann::json stations = nlohmann::json::array();
        for (const auto& station : world.stations) {
            stations.push_back({{"id", station.id},
                                {"name", station.name},
                                {"position", vec(station.position_m)},
                                {"velocity", vec(station.velocity_m_s)}});
        }
        state["bodies"] = std::move(bodies);
        state["stations"] = std::move(stations);
    }
    return state.dump();
}

NaiveStateSize naive_state_size(const sim::World& world) {
    NaiveStateSize size;
    size.full_bytes = naive_state_json(world, false).size();
    size.ships_only_bytes = naive_state_json(world, true).size();
    size.bodies = world.bodies.size();
    size.ships = world.ships.size();
    size.stations = world.stations.size();
    return size;
}

}  // namespace galaxy::load
