// Commands: the only way anything but time changes the world. The server journals them and
// relays them to clients, so applying the same commands at the same ticks reproduces the world.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "galaxy/sim/ship.hpp"
#include "galaxy/sim/spawn.hpp"
#include "galaxy/sim/vec3.hpp"

namespace galaxy::sim {

enum class CommandType : std::uint8_t {
    SetThrottle = 0,      // ship, value
    SetAttitudeMode,      // ship, mode (HOLD captures the current attitude)
    SetManualRates,       // ship, vector = body rates rad/s (switches to MANUAL)
    SetRcsTranslation,    // ship, vector = demand per body axis, -1..1
    SetTarget,            // ship, target
    Dock,                 // ship: docks with the nearest station in range
    Undock,               // ship
    Refuel,               // ship: fills the tanks; only while docked
    ResetShip,            // ship, ship_class: respawn at the home station with full tanks
    RenameShip,           // ship, name
    SpawnShip,            // ship_class, name, spawn -> ShipSpawned event with the new id
    RemoveShip,           // ship
    SpawnStation,         // name, spawn (Orbit or Lagrange) -> StationSpawned event
    RemoveStation,        // station (ships docked to it are undocked first)
};

inline constexpr std::size_t kMaxNameLength = 64;   // bytes, ship and station names

struct Command {
    CommandType type = CommandType::SetThrottle;
    std::uint32_t ship = 0;            // ship id the command acts on
    std::uint32_t station = 0;         // station id (RemoveStation)
    double value = 0.0;                // SetThrottle
    Vec3 vector;                       // SetManualRates, SetRcsTranslation
    AttitudeMode mode = AttitudeMode::Hold;
    TargetRef target;
    ShipClass ship_class = ShipClass::FastFrigate;   // SpawnShip, ResetShip
    std::string name;                  // SpawnShip, SpawnStation, RenameShip
    SpawnDef spawn;                    // SpawnShip, SpawnStation
};

}  // namespace galaxy::sim
