// Trajectory prediction on a private copy of the world.
#include "galaxy/sim/trajectory.hpp"

#include <algorithm>
#include <cmath>

namespace galaxy::sim {

std::vector<TrajectoryPoint> predict_trajectory(const World& world, std::uint32_t ship_id,
                                                const TrajectoryDef& def) {
    std::vector<TrajectoryPoint> points;
    const Ship* source = find_ship(world, ship_id);
    if (source == nullptr || !std::isfinite(def.duration_s) || def.duration_s <= 0.0 ||
        def.duration_s > 1e9 || def.samples < 2 || def.samples > 4096) {
        return points;
    }
    const double interval = def.duration_s / (def.samples - 1);
    if (interval < kMinTick_s) return points;

    // Bodies and this ship only: other ships and stations cannot pull it, so leaving them out
    // changes nothing but the cost. A docked ship is predicted as if released at rest relative
    // to its station (it follows the station's orbit).
    World copy;
    copy.tick = world.tick;
    copy.game_time_s = world.game_time_s;
    copy.bodies = world.bodies;
    Ship ship = *source;
    ship.docked_station = 0;
    ship.dock_offset_m = Vec3{};
    if (def.coast) {
        ship.controls.throttle = 0.0;
        ship.controls.rcs_translation = Vec3{};
        ship.controls.mode = AttitudeMode::Hold;
        ship.hold_attitude = ship.attitude;
        ship.angular_velocity_rad_s = Vec3{};
    }
    copy.ships.push_back(ship);
    copy.next_ship_id = world.next_ship_id;

    const int reference = reference_body_index(world, source->position_m);
    if (reference < 0) return points;   // a world without bodies
    auto record = [&points, &copy, reference]() {
        const Ship& s = copy.ships.front();
        points.push_back({copy.game_time_s, s.position_m, s.velocity_m_s,
                          copy.bodies[static_cast<std::size_t>(reference)].position_m});
    };
    record();
    // Each interval is split into equal steps no longer than the longest tick.
    const int steps = std::max(1, static_cast<int>(std::ceil(interval / kMaxTick_s)));
    const double dt = interval / steps;
    const std::vector<Command> none;
    for (std::uint32_t i = 1; i < def.samples; ++i) {
        for (int k = 0; k < steps; ++k) {
            // The impact point is where ship and body were last seen apart (before the step).
            const TrajectoryPoint prior{copy.game_time_s, copy.ships.front().position_m,
                                        copy.ships.front().velocity_m_s,
                                        copy.bodies[static_cast<std::size_t>(reference)].position_m};
            for (const Event& e : step(copy, dt, none)) {
                if (e.type == EventType::ShipCrashed) {
                    points.push_back(prior);
                    return points;
                }
            }
        }
        record();
    }
    return points;
}

}  // namespace galaxy::sim
