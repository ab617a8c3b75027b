// The client's prediction cost per animation frame, natively (galaxy-bench-prediction) and as
// WebAssembly under Node (galaxy-bench-prediction.js): a Session fed by a LocalServer with N
// scripted ships (the offline mode's world), 60 frames a second of client time for 20 s.
// Times Session::advance alone, and separately the frames in which an update had just arrived
// (the prediction is rebuilt from the confirmed world then) and the others. Times are process
// CPU time (timing.hpp), which other work on a shared machine does not inflate.
//
//   galaxy-bench-prediction [--ships 100,1000] [--seconds 20]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "galaxy/client/local_server.hpp"
#include "galaxy/client/session.hpp"
#include "timing.hpp"

namespace {

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size()));
    return values[std::min(index, values.size() - 1)];
}

void run(std::uint32_t ships, double seconds) {
    galaxy::client::LocalServerDef def;
    def.ships = ships;
    galaxy::client::LocalServer server(def, 0.0);
    galaxy::client::Session session;
    session.on_connected(0.0);
    std::vector<double> all_ms;
    std::vector<double> rebase_ms;
    std::vector<double> plain_ms;
    const double frame_ms = 1000.0 / 60.0;
    const double warm_up_ms = 2000.0;
    for (double now = 0.0; now < warm_up_ms + seconds * 1000.0; now += frame_ms) {
        const std::uint32_t updates_before = session.stats().updates;
        server.poll(now, session);
        const bool updated = session.stats().updates != updates_before;
        const double start_s = galaxy::bench::process_cpu_seconds();
        session.advance(now);
        const double ms = (galaxy::bench::process_cpu_seconds() - start_s) * 1000.0;
        if (now < warm_up_ms) continue;
        all_ms.push_back(ms);
        (updated ? rebase_ms : plain_ms).push_back(ms);
    }
    std::printf("| %u | %zu | %.3f / %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %u |\n",
                ships + 1, all_ms.size(), percentile(all_ms, 0.5), percentile(all_ms, 0.99),
                *std::max_element(all_ms.begin(), all_ms.end()), percentile(plain_ms, 0.5),
                percentile(plain_ms, 0.99), percentile(rebase_ms, 0.5),
                percentile(rebase_ms, 0.99), session.stats().hash_mismatches);
}

}  // namespace

int main(int argc, char** argv) {
    std::string ships = "100,1000";
    double seconds = 20.0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--ships") == 0) {
            ships = argv[i + 1];
        } else if (std::strcmp(argv[i], "--seconds") == 0) {
            seconds = std::atof(argv[i + 1]);
        } else {
            std::fprintf(stderr, "usage: galaxy-bench-prediction [--ships 100,1000] [--seconds 20]\n");
            return 2;
        }
    }
    std::printf("| ships | frames | advance p50 / p99 / max ms | frames without an update p50 / p99 ms | "
                "frames with an update (rebuild) p50 / p99 ms | hash mismatches |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|\n");
    for (std::size_t start = 0; start < ships.size();) {
        const std::size_t comma = std::min(ships.find(',', start), ships.size());
        run(static_cast<std::uint32_t>(std::atoi(ships.substr(start, comma - start).c_str())), seconds);
        start = comma + 1;
    }
    return 0;
}
