// A minimal timing harness that builds for every target. Google Benchmark does not build with
// Emscripten, so galaxy-bench-portable (native) and galaxy-bench-wasm (Node) both use this one,
// and their ratio compares like with like; galaxy-bench (Google Benchmark) is the native
// reference.
//
// Method: one warm-up call; then the iteration count per repetition doubles until a repetition
// lasts rep_time_s; then repetitions run until min_time_s has passed and at least min_reps were
// taken. Reported: the fastest and the median repetition, per iteration. On a shared machine
// the fastest repetition is the least disturbed one (interference only ever adds time).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

namespace galaxy::bench {

struct TimingDef {
    double min_time_s = 0.5;   // measuring time per case, after calibration
    double rep_time_s = 0.1;   // target length of one repetition
    int min_reps = 3;          // at least this many repetitions, however long they take
    int max_reps = 200;        // and at most this many
};

struct Timing {
    double ns_min = 0.0;              // fastest repetition, ns per iteration
    double ns_median = 0.0;           // median repetition, ns per iteration
    int reps = 0;                     // repetitions measured
    std::uint64_t iterations = 0;     // iterations per repetition
};

// Seconds taken by `iterations` calls of body().
template <class Body>
double time_calls(Body& body, std::uint64_t iterations) {
    using Clock = std::chrono::steady_clock;
    const Clock::time_point start = Clock::now();
    for (std::uint64_t i = 0; i < iterations; ++i) body();
    return std::chrono::duration<double>(Clock::now() - start).count();
}

template <class Body>
Timing measure(Body&& body, const TimingDef& def) {
    body();   // warm-up: caches, page faults, lazily grown buffers
    std::uint64_t iterations = 1;
    double t = time_calls(body, iterations);
    while (t < def.rep_time_s && iterations < (std::uint64_t{1} << 40)) {
        iterations *= 2;
        t = time_calls(body, iterations);
    }
    std::vector<double> per_iteration_ns;
    double total_s = 0.0;
    while (static_cast<int>(per_iteration_ns.size()) < def.max_reps &&
           (static_cast<int>(per_iteration_ns.size()) < def.min_reps || total_s < def.min_time_s)) {
        const double s = time_calls(body, iterations);
        total_s += s;
        per_iteration_ns.push_back(s * 1e9 / static_cast<double>(iterations));
    }
    std::sort(per_iteration_ns.begin(), per_iteration_ns.end());
    Timing r;
    r.reps = static_cast<int>(per_iteration_ns.size());
    r.iterations = iterations;
    r.ns_min = per_iteration_ns.front();
    const std::size_t mid = per_iteration_ns.size() / 2;
    r.ns_median = per_iteration_ns.size() % 2 == 1
                      ? per_iteration_ns[mid]
                      : 0.5 * (per_iteration_ns[mid - 1] + per_iteration_ns[mid]);
    return r;
}

}  // namespace galaxy::bench
