// Events a step reports: what happened that a player or the server should hear about.
// Events are output only; they are not part of the world state.
#pragma once

#include <cstdint>
#include <string>

namespace galaxy::sim {

enum class EventType : std::uint8_t {
    ShipSpawned = 0,   // ship = the new ship's id
    ShipRemoved,       // ship
    ShipCrashed,       // ship, body = index of the body it hit (it respawns: ShipRespawned follows)
    ShipRespawned,     // ship
    StationSpawned,    // station
    StationRemoved,    // station
    Docked,            // ship, station
    Undocked,          // ship, station
    Refueled,          // ship
    CommandRejected,   // ship (if any), reason
};

struct Event {
    EventType type = EventType::ShipSpawned;
    std::uint64_t tick = 0;      // tick at which it happened (World::tick after the step)
    std::uint32_t ship = 0;
    std::uint32_t station = 0;
    std::uint32_t body = 0;
    std::string reason;          // CommandRejected: why, in plain words
};

}  // namespace galaxy::sim
