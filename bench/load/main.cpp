// galaxy-load: a load generator for galaxy-server. Registers N players, connects N WebSockets,
// sends control messages at a human rate and reports bytes per client per tick, latency, the
// server's tick time, memory per connection and the naive JSON alternative. bench/load.sh
// runs it against a private server; see the options with --help.
#include <fstream>
#include <iostream>
#include <string>

#include <sys/resource.h>

#include "load_options.hpp"
#include "load_report.hpp"
#include "load_run.hpp"

namespace {

// Each client needs a file descriptor; the default soft limit (1024) is below the runs of
// interest, and the hard limit is usually far above.
void raise_file_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

}  // namespace

int main(int argc, char** argv) {
    galaxy::load::LoadOptions options;
    std::string error;
    bool help = false;
    if (!galaxy::load::parse_load_options(argc, argv, &options, &error, &help)) {
        std::cerr << "galaxy-load: " << error << "\n" << galaxy::load::load_usage();
        return 2;
    }
    if (help) {
        std::cout << galaxy::load::load_usage();
        return 0;
    }
    raise_file_limit();
    galaxy::load::LoadReport report;
    const bool ok = galaxy::load::run_load(options, &report, std::cerr, &error);
    if (!ok) std::cerr << "galaxy-load: " << error << "\n";
    // A run that registered nobody has nothing to show.
    if (report.registered == 0) return 1;
    if (options.json) {
        galaxy::load::print_json(std::cout, report);
    } else {
        galaxy::load::print_table(std::cout, report);
    }
    if (!options.json_file.empty()) {
        std::ofstream file(options.json_file);
        galaxy::load::print_json(file, report);
        if (!file) {
            std::cerr << "galaxy-load: cannot write " << options.json_file << "\n";
            return 1;
        }
    }
    return ok ? 0 : 1;
}
