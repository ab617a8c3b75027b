// The benchmarks' worlds, kernel inputs and work counts, shared by galaxy-bench (Google
// Benchmark, native) and the portable harness (galaxy-bench-portable / galaxy-bench-wasm), so
// both measure exactly the same cases. Worlds come from the scenario library (STYLE.md #13).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include "galaxy/sim/scenario.hpp"
#include "galaxy/sim/world.hpp"
#include "gravity.hpp"      // sim-core private header: the kernels are measured directly
#include "integrator.hpp"   // substep_count()

namespace galaxy::bench {

inline constexpr std::uint64_t kSeed = 1;             // scripted_spawns / scripted_controls seed
inline constexpr std::uint32_t kShipCounts[] = {0, 100, 1000, 10000};
inline constexpr double kTicks_s[] = {1.0, 600.0};    // tick lengths of the step cases
inline constexpr std::uint32_t kScriptedShipCounts[] = {100, 1000};   // scripted-pilot variant
inline constexpr double kSpawnTick_s = 1.0;           // the one tick that applies the spawns
inline constexpr int kForceEvalsPerSubstep = 4;       // PEFRL: four kicks (integrator.cpp)
// Scripted pilots: ticks of 1 s run before measuring, so that the share of ships busy turning or
// burning has settled (with 1,000 ships and seed 1: 39% busy after 64 ticks, 77% after 256, a steady
// 86-89% from 512 on).
inline constexpr int kScriptedPrerollTicks = 512;

// The full Solar System (34 bodies, 2 default stations) plus `ships` ships of
// scripted_spawns(), applied by one step() of kSpawnTick_s. With no further commands the ships
// coast in HOLD at rest, the common case. Aborts if a spawn was rejected.
inline sim::World make_world(std::uint32_t ships, std::uint64_t seed = kSeed) {
    sim::World world = sim::scenario_solar_system();
    if (ships > 0) sim::step(world, kSpawnTick_s, sim::scripted_spawns(world, ships, seed));
    if (world.ships.size() != ships) {
        std::fprintf(stderr, "bench: spawned %zu of %u ships\n", world.ships.size(), ships);
        std::abort();
    }
    return world;
}

// make_world(ships) after kScriptedPrerollTicks ticks of 1 s flown by scripted_controls().
inline sim::World make_scripted_world(std::uint32_t ships, std::uint64_t seed = kSeed) {
    sim::World world = make_world(ships, seed);
    for (int t = 0; t < kScriptedPrerollTicks; ++t) {
        sim::step(world, 1.0, sim::scripted_controls(world, seed));
    }
    return world;
}

// A copy of make_world(ships) or make_scripted_world(ships) is built once per program (spawning
// 10,000 ships takes a moment) and kept; each case steps its own copy.
inline const sim::World& cached_world(std::uint32_t ships, bool scripted = false) {
    static std::map<std::pair<std::uint32_t, bool>, sim::World> worlds;
    const auto key = std::make_pair(ships, scripted);
    auto it = worlds.find(key);
    if (it == worlds.end()) {
        it = worlds.emplace(key, scripted ? make_scripted_world(ships) : make_world(ships)).first;
    }
    return it->second;
}

// The scripted cases change state as they run (ships start and stop turning and burning), so
// they run a fixed number of ticks, the same on every target and harness: since the simulation
// is deterministic, both targets then do exactly the same work. Per repetition:
inline int scripted_iterations(double dt_s) { return dt_s < 60.0 ? 8 : 1; }
inline constexpr int kScriptedReps = 3;   // repetitions (after one warm-up tick)

// Gravity work in one step() of dt_s: every substep runs kForceEvalsPerSubstep force
// evaluations, each computing all body pairs once (Newton's third law) and every particle
// (free ship or station) against every body.
struct TickWork {
    int substeps = 0;               // ceil(dt / 30 s)
    int force_evals = 0;            // substeps * 4
    std::size_t bodies = 0;
    std::size_t ships = 0;          // free ships
    std::size_t particles = 0;      // free ships + stations
    double body_pairs() const { return 0.5 * static_cast<double>(bodies * (bodies - 1)) * force_evals; }
    double ship_body() const { return static_cast<double>(ships * bodies) * force_evals; }
    double particle_body() const { return static_cast<double>(particles * bodies) * force_evals; }
};

inline TickWork tick_work(const sim::World& world, double dt_s) {
    TickWork w;
    w.substeps = sim::substep_count(dt_s);
    w.force_evals = w.substeps * kForceEvalsPerSubstep;
    w.bodies = world.bodies.size();
    for (const sim::Ship& s : world.ships) w.ships += s.docked_station == 0 ? 1 : 0;
    w.particles = w.ships + world.stations.size();
    return w;
}

// What the kernels read: the world's bodies, and its ships as particles (no stations), each
// with the J2 body step() would give it (innermost J2 body whose Hill sphere holds it).
struct KernelInput {
    sim::BodyField field;
    sim::ParticleSet particles;
};

inline std::int32_t j2_body_of(const sim::World& world, sim::Vec3 position_m) {
    std::int32_t best = -1;
    double best_radius = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < world.bodies.size(); ++i) {
        const sim::Body& b = world.bodies[i];
        const double h = b.hill_radius_m;
        if (b.def.j2 == 0.0 || h > best_radius) continue;
        if (sim::norm_squared(position_m - b.position_m) < h * h) {
            best = static_cast<std::int32_t>(i);
            best_radius = h;
        }
    }
    return best;
}

inline KernelInput make_kernel_input(const sim::World& world) {
    KernelInput in;
    sim::fill_body_field(world.bodies, &in.field);
    sim::ParticleSet& p = in.particles;
    p.resize(world.ships.size());
    for (std::size_t i = 0; i < world.ships.size(); ++i) {
        const sim::Ship& s = world.ships[i];
        p.x[i] = s.position_m.x;
        p.y[i] = s.position_m.y;
        p.z[i] = s.position_m.z;
        p.vx[i] = s.velocity_m_s.x;
        p.vy[i] = s.velocity_m_s.y;
        p.vz[i] = s.velocity_m_s.z;
        p.j2_body[i] = j2_body_of(world, s.position_m);
    }
    return in;
}

}  // namespace galaxy::bench
