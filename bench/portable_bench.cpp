// The portable benchmark: the same cases as galaxy-bench, timed by timing.hpp, so that it
// builds natively (galaxy-bench-portable) and with Emscripten (galaxy-bench-wasm, run by Node).
// Prints one JSON object per line: first a header naming the target, then one per case with
// the work counts and times; bench/run.sh turns them into the side-by-side table.
//
//   galaxy-bench-portable [--min-time S] [--filter SUBSTRING] [--list]
//   node galaxy-bench-wasm.js [same options]
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#if defined(__EMSCRIPTEN__) && __has_include(<emscripten/version.h>)
#include <emscripten/version.h>
#endif

#include "bench_world.hpp"
#include "timing.hpp"

namespace galaxy::bench {
namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kTarget = "wasm";
#else
constexpr const char* kTarget = "native";
#endif

std::string compiler_name() {
#if defined(__EMSCRIPTEN__) && defined(__EMSCRIPTEN_major__)
    return "emscripten " + std::to_string(__EMSCRIPTEN_major__) + "." +
           std::to_string(__EMSCRIPTEN_minor__) + "." + std::to_string(__EMSCRIPTEN_tiny__) +
           " (clang " + __clang_version__ + ")";
#elif defined(__clang__)
    return std::string("clang ") + __clang_version__;
#elif defined(__GNUC__)
    return std::string("g++ ") + __VERSION__;
#else
    return "unknown";
#endif
}

// Escapes nothing: every string printed here is ours and holds no quotes or backslashes.
void print_header() {
    std::printf("{\"harness\":\"portable\",\"target\":\"%s\",\"compiler\":\"%s\"}\n", kTarget,
                compiler_name().c_str());
}

volatile double g_sink = 0.0;   // keeps kernel results observable

struct Case {
    std::string name;                  // same names as galaxy-bench
    std::string kind;                  // "step", "step_scripted", "kernel_particles", "kernel_bodies"
    std::uint32_t ships = 0;
    double dt_s = 0.0;                 // step cases only
};

std::vector<Case> all_cases() {
    std::vector<Case> cases;
    auto tick_name = [](double dt) { return std::to_string(static_cast<int>(dt)); };
    for (std::uint32_t n : kShipCounts) {
        for (double dt : kTicks_s) {
            cases.push_back({"Step/ships:" + std::to_string(n) + "/dt:" + tick_name(dt), "step", n, dt});
        }
    }
    for (std::uint32_t n : kScriptedShipCounts) {
        for (double dt : kTicks_s) {
            cases.push_back({"StepScripted/ships:" + std::to_string(n) + "/dt:" + tick_name(dt),
                             "step_scripted", n, dt});
        }
    }
    for (std::uint32_t n : kShipCounts) {
        if (n == 0) continue;
        cases.push_back({"Kernel/particles/ships:" + std::to_string(n), "kernel_particles", n, 0.0});
    }
    cases.push_back({"Kernel/bodies", "kernel_bodies", 0, 0.0});
    return cases;
}

void print_result(const Case& c, const Timing& t, const TickWork& w, double ship_body,
                  double body_pairs) {
    std::printf(
        "{\"harness\":\"portable\",\"target\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\",\"ships\":%u,"
        "\"dt_s\":%g,\"substeps\":%d,\"force_evals\":%d,\"bodies\":%zu,\"particles\":%zu,"
        "\"ship_body\":%.17g,\"body_pairs\":%.17g,\"wall_ns_min\":%.6g,\"wall_ns_median\":%.6g,"
        "\"cpu_ns_min\":%.6g,\"cpu_ns_median\":%.6g,\"reps\":%d,\"iterations\":%llu}\n",
        kTarget, c.name.c_str(), c.kind.c_str(), c.ships, c.dt_s, w.substeps, w.force_evals,
        w.bodies, w.particles, ship_body, body_pairs, t.wall_ns_min, t.wall_ns_median,
        t.cpu_ns_min, t.cpu_ns_median, t.reps, static_cast<unsigned long long>(t.iterations));
    std::fflush(stdout);
}

void run_case(const Case& c, const TimingDef& def) {
    if (c.kind == "step" || c.kind == "step_scripted") {
        const bool scripted = c.kind == "step_scripted";
        sim::World world = cached_world(c.ships, scripted);
        const TickWork w = tick_work(world, c.dt_s);
        const std::vector<sim::Command> none;
        TimingDef step_def = def;
        if (scripted) {
            step_def.fixed_iterations = static_cast<std::uint64_t>(scripted_iterations(c.dt_s));
            step_def.min_reps = step_def.max_reps = kScriptedReps;
        }
        const Timing t = measure(
            [&] {
                if (scripted) {
                    sim::step(world, c.dt_s, sim::scripted_controls(world, kSeed));
                } else {
                    sim::step(world, c.dt_s, none);
                }
            },
            step_def);
        print_result(c, t, w, w.ship_body(), w.body_pairs());
    } else if (c.kind == "kernel_particles") {
        KernelInput in = make_kernel_input(cached_world(c.ships));
        TickWork w;   // one force evaluation's worth of ship-body interactions
        w.force_evals = 1;
        w.bodies = in.field.gm.size();
        w.ships = w.particles = in.particles.size();
        const Timing t = measure(
            [&] {
                sim::particle_accelerations(in.field, &in.particles);
                g_sink = g_sink + in.particles.ax[0];
            },
            def);
        print_result(c, t, w, w.ship_body(), 0.0);
    } else if (c.kind == "kernel_bodies") {
        KernelInput in = make_kernel_input(cached_world(0));
        std::vector<sim::Vec3> acc;
        TickWork w;
        w.force_evals = 1;
        w.bodies = in.field.gm.size();
        const Timing t = measure(
            [&] {
                sim::body_accelerations(in.field, &acc);
                g_sink = g_sink + acc[0].x;
            },
            def);
        print_result(c, t, w, 0.0, w.body_pairs());
    }
}

int run(int argc, char** argv) {
    TimingDef def;
    std::string filter;
    bool list = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--min-time" && i + 1 < argc) {
            def.min_time_s = std::atof(argv[++i]);
            def.rep_time_s = std::min(0.1, def.min_time_s / 3.0);
        } else if (a == "--filter" && i + 1 < argc) {
            filter = argv[++i];
        } else if (a == "--list") {
            list = true;
        } else {
            std::fprintf(stderr, "usage: %s [--min-time S] [--filter SUBSTRING] [--list]\n", argv[0]);
            return 2;
        }
    }
    if (!list) print_header();
    for (const Case& c : all_cases()) {
        if (!filter.empty() && c.name.find(filter) == std::string::npos) continue;
        if (list) {
            std::printf("%s\n", c.name.c_str());
        } else {
            run_case(c, def);
        }
    }
    return 0;
}

}  // namespace
}  // namespace galaxy::bench

int main(int argc, char** argv) { return galaxy::bench::run(argc, argv); }
