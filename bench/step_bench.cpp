// galaxy-bench: the native reference benchmarks (Google Benchmark). The same cases as the
// portable harness (portable_bench.cpp), by the same names.
//
//   Step/ships:N/dt:D          step() of the Solar System with N coasting ships, tick D s
//   StepScripted/ships:N/dt:D  the same after 512 ticks of scripted_controls() pilots, who keep
//                              flying (a fixed number of ticks; see bench_world.hpp)
//   Kernel/particles/ships:N   particle_accelerations(): N ships x 34 bodies, one evaluation
//   Kernel/bodies              body_accelerations(): 34*33/2 = 561 pairs, one evaluation
//
// Counters are seconds per unit (printed with SI prefixes, e.g. "2.1ns"):
//   tick       per step() call (the same as the time column)
//   ship_body  per ship-body interaction: step cases attribute the whole tick to the
//              substeps * 4 * N * 34 interactions (an upper bound; bench/run.sh also derives
//              the marginal cost); kernel cases divide the kernel time by N * 34
//   body_pair  per body pair: step cases with no ships attribute the whole tick to the
//              substeps * 4 * 561 pairs (an upper bound); the bodies kernel divides by 561
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "bench_world.hpp"

namespace galaxy::bench {
namespace {

// Seconds per `units_per_iteration` units of work.
benchmark::Counter per_unit(double units_per_iteration) {
    return benchmark::Counter(units_per_iteration,
                              benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void set_step_counters(benchmark::State& state, const TickWork& w) {
    state.counters["tick"] = per_unit(1.0);
    if (w.ships > 0) {
        state.counters["ship_body"] = per_unit(w.ship_body());
    } else {
        state.counters["body_pair"] = per_unit(w.body_pairs());
    }
    state.counters["substeps"] = w.substeps;
}

void step_coasting(benchmark::State& state) {
    const auto ships = static_cast<std::uint32_t>(state.range(0));
    const auto dt_s = static_cast<double>(state.range(1));
    sim::World world = cached_world(ships);
    const TickWork w = tick_work(world, dt_s);
    const std::vector<sim::Command> none;
    for (auto _ : state) benchmark::DoNotOptimize(sim::step(world, dt_s, none));
    set_step_counters(state, w);
}

void step_scripted(benchmark::State& state) {
    const auto ships = static_cast<std::uint32_t>(state.range(0));
    const auto dt_s = static_cast<double>(state.range(1));
    sim::World world = cached_world(ships, true);
    const TickWork w = tick_work(world, dt_s);
    for (auto _ : state) {
        benchmark::DoNotOptimize(sim::step(world, dt_s, sim::scripted_controls(world, kSeed)));
    }
    set_step_counters(state, w);
}

void kernel_particles(benchmark::State& state) {
    KernelInput in = make_kernel_input(cached_world(static_cast<std::uint32_t>(state.range(0))));
    for (auto _ : state) {
        sim::particle_accelerations(in.field, &in.particles);
        benchmark::DoNotOptimize(in.particles.ax.data());
        benchmark::ClobberMemory();
    }
    state.counters["ship_body"] =
        per_unit(static_cast<double>(in.particles.size() * in.field.gm.size()));
}

void kernel_bodies(benchmark::State& state) {
    KernelInput in = make_kernel_input(cached_world(0));
    std::vector<sim::Vec3> acc;
    for (auto _ : state) {
        sim::body_accelerations(in.field, &acc);
        benchmark::DoNotOptimize(acc.data());
        benchmark::ClobberMemory();
    }
    const std::size_t n = in.field.gm.size();
    state.counters["body_pair"] = per_unit(0.5 * static_cast<double>(n * (n - 1)));
}

std::vector<std::int64_t> as_args(const auto& values) {
    std::vector<std::int64_t> out;
    for (auto v : values) out.push_back(static_cast<std::int64_t>(v));
    return out;
}

// Registered from main-time code (not static initialisers) so the lists come from bench_world.
void register_benchmarks() {
    benchmark::RegisterBenchmark("Step", step_coasting)
        ->ArgNames({"ships", "dt"})
        ->ArgsProduct({as_args(kShipCounts), as_args(kTicks_s)})
        ->Unit(benchmark::kMicrosecond);
    // The scripted cases run the same ticks as the portable harness (warm-up + repetitions).
    for (std::uint32_t n : kScriptedShipCounts) {
        for (double dt : kTicks_s) {
            benchmark::RegisterBenchmark("StepScripted", step_scripted)
                ->ArgNames({"ships", "dt"})
                ->Args({n, static_cast<std::int64_t>(dt)})
                ->Iterations(1 + kScriptedReps * scripted_iterations(dt))
                ->Unit(benchmark::kMicrosecond);
        }
    }
    auto* particles = benchmark::RegisterBenchmark("Kernel/particles", kernel_particles);
    particles->ArgName("ships")->Unit(benchmark::kMicrosecond);
    for (std::uint32_t n : kShipCounts) {
        if (n > 0) particles->Arg(n);
    }
    benchmark::RegisterBenchmark("Kernel/bodies", kernel_bodies)->Unit(benchmark::kMicrosecond);
}

}  // namespace
}  // namespace galaxy::bench

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    galaxy::bench::register_benchmarks();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
