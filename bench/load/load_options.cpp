#include "load_options.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <string_view>

namespace galaxy::load {
namespace {

bool parse_int(std::string_view text, int lo, int hi, int* out) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < lo || value > hi) {
        return false;
    }
    *out = value;
    return true;
}

bool parse_seconds(std::string_view text, double lo, double hi, double* out) {
    // std::from_chars for double is in libstdc++ 11+, which g++ 12 ships.
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) ||
        value < lo || value > hi) {
        return false;
    }
    *out = value;
    return true;
}

// Accepts http://HOST:PORT with an optional trailing slash; nothing else (no TLS, no path).
bool parse_url(std::string_view url, std::string* host, std::uint16_t* port) {
    constexpr std::string_view kScheme = "http://";
    if (url.substr(0, kScheme.size()) != kScheme) return false;
    url.remove_prefix(kScheme.size());
    if (!url.empty() && url.back() == '/') url.remove_suffix(1);
    const auto colon = url.rfind(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    int value = 0;
    if (!parse_int(url.substr(colon + 1), 1, 65535, &value)) return false;
    *host = std::string(url.substr(0, colon));
    *port = static_cast<std::uint16_t>(value);
    return true;
}

// Base 36 of the current Unix time in ms: 8 characters, unique per run started a ms apart.
std::string default_run_id() {
    auto ms = static_cast<unsigned long long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::system_clock::now().time_since_epoch())
            .count());
    std::string digits;
    do {
        digits.insert(digits.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[ms % 36]);
        ms /= 36;
    } while (ms > 0);
    return digits;
}

bool valid_run_id(const std::string& id) {
    if (id.empty() || id.size() > 12) return false;   // keeps usernames within 32 characters
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

}  // namespace

const char* load_usage() {
    return "usage: galaxy-load [options]\n"
           "  --url http://HOST:PORT      server (default http://127.0.0.1:8000)\n"
           "  --clients N                 connections and accounts (default 100)\n"
           "  --duration S                measuring window once all joined (default 30)\n"
           "  --ramp S                    open the connections evenly over S seconds (default 10)\n"
           "  --control-interval S        mean seconds between control messages per client,\n"
           "                              jitter +-50% (default 2; 0 = send none)\n"
           "  --server-pid PID            read the server's VmRSS and CPU time from /proc\n"
           "  --threads N                 io threads for the clients, 1..8 (default 2)\n"
           "  --register-parallel N       concurrent registration requests (default 16)\n"
           "  --max-joining N             clients between connect and first keyframe at once;\n"
           "                              the others wait for a slot (default 64)\n"
           "  --full-decode-every K       every K-th client decodes updates in full, the others\n"
           "                              read the frame head only (default 1: all decode)\n"
           "  --join-timeout S            wait after the ramp for every client (default 60)\n"
           "  --run-id ID                 account names load_<ID>_<i> (default: from the clock)\n"
           "  --json                      print one JSON object instead of the table\n"
           "  --json-file PATH            also write that JSON object to PATH\n";
}

bool parse_load_options(int argc, char** argv, LoadOptions* out, std::string* error, bool* help) {
    LoadOptions options;
    *help = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view name = argv[i];
        if (name == "-h" || name == "--help") {
            *help = true;
            return true;
        }
        if (name == "--json") {
            options.json = true;
            continue;
        }
        if (i + 1 >= argc) {
            *error = std::string(name) + ": missing value";
            return false;
        }
        const std::string_view value = argv[++i];
        bool ok = true;
        if (name == "--url") {
            ok = parse_url(value, &options.host, &options.port);
        } else if (name == "--clients") {
            ok = parse_int(value, 1, 100000, &options.clients);
        } else if (name == "--duration") {
            ok = parse_seconds(value, 1.0, 86400.0, &options.duration_s);
        } else if (name == "--ramp") {
            ok = parse_seconds(value, 0.0, 3600.0, &options.ramp_s);
        } else if (name == "--control-interval") {
            ok = parse_seconds(value, 0.0, 3600.0, &options.control_interval_s);
        } else if (name == "--server-pid") {
            ok = parse_int(value, 1, 1 << 30, &options.server_pid);
        } else if (name == "--threads") {
            ok = parse_int(value, 1, 8, &options.io_threads);
        } else if (name == "--register-parallel") {
            ok = parse_int(value, 1, 256, &options.register_parallel);
        } else if (name == "--max-joining") {
            ok = parse_int(value, 1, 100000, &options.max_joining);
        } else if (name == "--full-decode-every") {
            ok = parse_int(value, 1, 100000, &options.full_decode_every);
        } else if (name == "--join-timeout") {
            ok = parse_seconds(value, 1.0, 3600.0, &options.join_timeout_s);
        } else if (name == "--json-file") {
            options.json_file = std::string(value);
            ok = !options.json_file.empty();
        } else if (name == "--run-id") {
            options.run_id = std::string(value);
            ok = valid_run_id(options.run_id);
        } else {
            *error = "unknown option " + std::string(name);
            return false;
        }
        if (!ok) {
            *error = std::string(name) + ": bad value '" + std::string(value) + "'";
            return false;
        }
    }
    if (options.run_id.empty()) options.run_id = default_run_id();
    *out = options;
    return true;
}

}  // namespace galaxy::load
