// Command-line options of galaxy-load, the server load generator.
#pragma once

#include <cstdint>
#include <string>

namespace galaxy::load {

struct LoadOptions {
    std::string host = "127.0.0.1";     // --url http://HOST:PORT (numeric address or name)
    std::uint16_t port = 8000;          // from --url
    int clients = 100;                  // --clients: WebSocket connections (and accounts), 1..100000
    double duration_s = 30.0;           // --duration: measuring window after everyone joined, s
    double ramp_s = 10.0;               // --ramp: connections are opened evenly over this, s
    double control_interval_s = 2.0;    // --control-interval: mean s between control messages
                                        // per client (uniform jitter +-50%); 0 = none
    bool json = false;                  // --json: print one JSON object instead of the table
    std::string json_file;              // --json-file: also write the JSON object to this file
    int server_pid = 0;                 // --server-pid: for VmRSS and CPU time; 0 = not measured
    int io_threads = 2;                 // --threads: threads running the clients' io_context, 1..8
    int register_parallel = 16;         // --register-parallel: concurrent registrations, 1..256
    int max_joining = 64;               // --max-joining: clients joining at once (connect to
                                        // first keyframe), 1..100000
    int full_decode_every = 1;          // --full-decode-every K: every K-th client decodes each
                                        // update in full, the others read its head only
    double join_timeout_s = 60.0;       // --join-timeout: wait after the ramp for all to join, s
    std::string run_id;                 // --run-id: names are load_<run>_<i>; default from the clock
};

// Parses argv. Returns false with a message in *error for an unknown option or a bad value;
// sets *help for -h/--help.
bool parse_load_options(int argc, char** argv, LoadOptions* out, std::string* error, bool* help);

// The usage text printed for --help and after an option error.
const char* load_usage();

}  // namespace galaxy::load
