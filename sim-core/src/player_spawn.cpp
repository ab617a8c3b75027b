#include "galaxy/sim/player_spawn.hpp"

#include <algorithm>
#include <utility>

namespace galaxy::sim {

Command player_spawn_command(const World& world, ShipClass cls, std::string name,
                             double distance_behind_m) {
    Command c;
    c.type = CommandType::SpawnShip;
    c.ship_class = cls;
    c.name = std::move(name);
    if (find_station(world, world.home_station) != nullptr) {
        c.spawn.kind = SpawnKind::NearStation;
        c.spawn.near_station.station_id = world.home_station;
        c.spawn.near_station.distance_behind_m = distance_behind_m;
    } else {
        c.spawn.kind = SpawnKind::Orbit;
        c.spawn.orbit.body_index = static_cast<std::uint32_t>(std::max(find_body(world, "Earth"), 0));
        c.spawn.orbit.altitude_m = kPlayerFallbackAltitude_m;
    }
    return c;
}

}  // namespace galaxy::sim
