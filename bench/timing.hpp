// A minimal timing harness that builds for every target. Google Benchmark does not build with
// Emscripten, so galaxy-bench-portable (native) and galaxy-bench-wasm (Node) both use this one,
// and their ratio compares like with like; galaxy-bench (Google Benchmark) is the native
// reference.
//
// Method: one warm-up call; then the iteration count per repetition doubles until a repetition
// lasts rep_time_s (or is fixed_iterations, for cases whose cost changes as they run); then
// repetitions run until min_time_s has passed and at least min_reps were taken. Reported per
// iteration: the fastest and the median repetition, by wall clock (steady_clock) and by process
// CPU time. On a shared, loaded machine the CPU time is the better measure (a descheduled
// process accrues wall time but no CPU time), and the fastest repetition is the least disturbed
// one (interference only ever adds time).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#else
#include <time.h>
#endif

namespace galaxy::bench {

#ifdef __EMSCRIPTEN__
// Emscripten's clock() and CLOCK_PROCESS_CPUTIME_ID are wall clocks; Node knows the real one
// (user + system time of the whole process, microseconds).
EM_JS(double, process_cpu_seconds, (), {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
});
#else
inline double process_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}
#endif

struct TimingDef {
    double min_time_s = 0.5;   // measuring time per case (wall), after calibration
    double rep_time_s = 0.1;   // target length of one repetition (wall)
    int min_reps = 3;          // at least this many repetitions, however long they take
    int max_reps = 200;        // and at most this many
    std::uint64_t fixed_iterations = 0;   // iterations per repetition; 0 = calibrate
};

struct Timing {
    double wall_ns_min = 0.0;         // fastest repetition by wall clock, ns per iteration
    double wall_ns_median = 0.0;      // median repetition by wall clock
    double cpu_ns_min = 0.0;          // fastest repetition by process CPU time
    double cpu_ns_median = 0.0;       // median repetition by process CPU time
    int reps = 0;                     // repetitions measured
    std::uint64_t iterations = 0;     // iterations per repetition
};

struct Sample {
    double wall_s = 0.0;
    double cpu_s = 0.0;
};

// Time taken by `iterations` calls of body().
template <class Body>
Sample time_calls(Body& body, std::uint64_t iterations) {
    using Clock = std::chrono::steady_clock;
    const double cpu_start = process_cpu_seconds();
    const Clock::time_point start = Clock::now();
    for (std::uint64_t i = 0; i < iterations; ++i) body();
    const Clock::time_point stop = Clock::now();
    return {std::chrono::duration<double>(stop - start).count(), process_cpu_seconds() - cpu_start};
}

inline double median_of_sorted(const std::vector<double>& v) {
    const std::size_t mid = v.size() / 2;
    return v.size() % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
}

template <class Body>
Timing measure(Body&& body, const TimingDef& def) {
    body();   // warm-up: caches, page faults, lazily grown buffers, WebAssembly tier-up
    std::uint64_t iterations = 1;
    if (def.fixed_iterations > 0) {
        iterations = def.fixed_iterations;
    } else {
        while (time_calls(body, iterations).wall_s < def.rep_time_s &&
               iterations < (std::uint64_t{1} << 40)) {
            iterations *= 2;
        }
    }
    std::vector<double> wall_ns, cpu_ns;
    double total_s = 0.0;
    const double n = static_cast<double>(iterations);
    while (static_cast<int>(wall_ns.size()) < def.max_reps &&
           (static_cast<int>(wall_ns.size()) < def.min_reps || total_s < def.min_time_s)) {
        const Sample s = time_calls(body, iterations);
        total_s += s.wall_s;
        wall_ns.push_back(s.wall_s * 1e9 / n);
        cpu_ns.push_back(s.cpu_s * 1e9 / n);
    }
    std::sort(wall_ns.begin(), wall_ns.end());
    std::sort(cpu_ns.begin(), cpu_ns.end());
    Timing r;
    r.reps = static_cast<int>(wall_ns.size());
    r.iterations = iterations;
    r.wall_ns_min = wall_ns.front();
    r.wall_ns_median = median_of_sorted(wall_ns);
    r.cpu_ns_min = cpu_ns.front();
    r.cpu_ns_median = median_of_sorted(cpu_ns);
    return r;
}

}  // namespace galaxy::bench
