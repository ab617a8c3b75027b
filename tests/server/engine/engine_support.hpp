// Helpers shared by the engine tests: a fake EngineHooks that records every call, a test clock
// and small worlds.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "engine/engine.hpp"
#include "engine/world_factory.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/scenario.hpp"
#include "galaxy/sim/serialize.hpp"

namespace galaxy::server::test {

using Clock = Engine::Clock;

// The test clock: s seconds after an arbitrary origin, rounded to the clock's resolution.
inline Clock::time_point at(double s) {
    return Clock::time_point{} + std::chrono::hours(1) +
           std::chrono::round<Clock::duration>(std::chrono::duration<double>(s));
}

struct DeliveredKeyframe {
    std::uint64_t session = 0;
    Frame frame;
    std::uint64_t tick = 0;
};

// Records every hook call; accepting decides journal_accepting(); on_tick runs in on_tick_timing.
class FakeHooks : public EngineHooks {
public:
    bool accepting = true;
    std::vector<JournalEntry> journal;
    std::vector<SnapshotData> snapshots;
    std::vector<proto::Update> updates;
    std::vector<Frame> update_frames;
    std::vector<std::pair<std::uint64_t, std::vector<sim::Event>>> events;
    std::vector<DeliveredKeyframe> keyframes;
    std::vector<std::pair<std::uint64_t, double>> timings;
    std::vector<std::uint64_t> replaced;   // ticks of world_replaced calls
    std::function<void(std::uint64_t tick)> on_tick;

    bool journal_accepting() override { return accepting; }
    void journal_append(JournalEntry entry) override { journal.push_back(std::move(entry)); }
    void snapshot_write(SnapshotData snapshot) override {
        snapshots.push_back(std::move(snapshot));
    }
    void publish_update(Frame frame, const proto::Update& update) override {
        update_frames.push_back(std::move(frame));
        updates.push_back(update);
    }
    void publish_events(std::uint64_t tick, const std::vector<sim::Event>& e) override {
        events.emplace_back(tick, e);
    }
    void deliver_keyframe(std::uint64_t session_id, Frame frame,
                          std::uint64_t keyframe_tick) override {
        keyframes.push_back({session_id, std::move(frame), keyframe_tick});
    }
    void on_tick_timing(std::uint64_t tick, double work_s) override {
        timings.emplace_back(tick, work_s);
        if (on_tick) on_tick(tick);
    }
    void world_replaced(std::uint64_t tick) override { replaced.push_back(tick); }

    // Every tick record published so far, in order.
    std::vector<proto::TickRecord> published_ticks() const {
        std::vector<proto::TickRecord> out;
        for (const proto::Update& u : updates)
            out.insert(out.end(), u.ticks.begin(), u.ticks.end());
        return out;
    }
};

// Test defaults: 10 Hz, scale 1, no interval snapshots, UTC read from *utc_s.
inline EngineDef test_def(const double* utc_s) {
    EngineDef def;
    def.snapshot_interval_s = 1e9;
    def.utc_now_s = [utc_s] { return *utc_s; };
    return def;
}

// UTC at which a world at game time 0 (J2000) shows no drift.
inline constexpr double kUtcAtJ2000_s = kJ2000Unix_s - kLeapSecondsSinceJ2000_s;

// The J2000 Solar System with its stations and one ship in a 400 km Earth orbit.
inline sim::World world_with_ship(std::uint32_t* ship_id) {
    sim::World world = sim::scenario_solar_system();
    const std::vector<sim::Event> events =
        sim::step(world, 1.0,
                  {sim::spawn_in_orbit(sim::find_body(world, "Earth"), 400000.0, 0.5,
                                       sim::ShipClass::FastFrigate)});
    *ship_id = events.at(0).ship;
    return world;
}

// The engine's world as it is now (run_until mode: the caller is the tick thread).
inline sim::World world_of(const Engine& engine) {
    const SnapshotData s = engine.snapshot_now();
    sim::World world;
    std::string error;
    sim::load_world(s.world.data(), s.world.size(), &world, &error);
    return world;
}

inline sim::Command throttle(std::uint32_t ship, double value) {
    sim::Command c;
    c.type = sim::CommandType::SetThrottle;
    c.ship = ship;
    c.value = value;
    return c;
}

}  // namespace galaxy::server::test
