// The results of one load run, and their two presentations: a table for people, one JSON
// object for scripts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include "load_options.hpp"

namespace galaxy::load {

// p50 / p99 / max of a sample, in the unit its name states; all 0 when there were no samples.
struct Quantiles {
    double p50 = 0.0;
    double p99 = 0.0;
    double max = 0.0;
    std::size_t samples = 0;
};

struct LoadReport {
    LoadOptions options;

    // Registration (REST, before any connection)
    int registered = 0;
    double registration_s = 0.0;                 // wall time for all accounts
    Quantiles registration_latency_ms;
    int registration_retries = 0;                // 429/503 answers retried
    std::map<std::string, int> registration_failures;

    // Connections
    int connecting = 0;                          // clients started (registered accounts)
    int joined = 0;                              // welcome + keyframe received
    double join_s = 0.0;                         // from the first connect to the last join
    std::map<std::string, int> connect_failures; // transport failure -> clients
    std::map<std::string, int> close_codes;      // "4004 Client too slow" -> clients the server closed
    std::map<std::string, std::uint64_t> errors; // "error" messages by code, whole run

    // Measuring window, summed over the clients
    double window_s = 0.0;
    double tick_rate_hz = 0.0;                   // from welcome
    double ticks_per_client = 0.0;               // mean ticks received per joined client
    std::uint64_t text_bytes = 0;
    std::uint64_t update_bytes = 0;              // binary updates
    std::uint64_t keyframe_bytes_received = 0;   // binary keyframes (joins, recovery)
    std::uint64_t frame_header_bytes = 0;
    std::uint64_t ticks = 0;                     // ticks received, all clients
    std::uint64_t decoded_ticks = 0;             // of those, ticks decoded in full
    std::uint64_t commands = 0;                  // commands relayed in the decoded ticks
    std::uint64_t updates = 0;
    std::uint64_t keyframes = 0;
    std::uint64_t text_messages = 0;
    std::uint64_t events = 0;
    std::uint64_t decode_failures = 0;
    std::uint64_t controls_sent = 0;
    std::uint64_t acks = 0;
    Quantiles update_latency_ms;                 // end of tick (server clock) -> receipt
    Quantiles ack_latency_ms;                    // control sent -> ack (journaled in PostgreSQL)

    // Server side (from /metrics and /proc over the same window)
    bool have_metrics = false;
    double server_tick_p50_ms = 0.0;             // galaxy_tick_duration_seconds, window deltas
    double server_tick_p99_ms = 0.0;
    double server_tick_mean_ms = 0.0;
    double server_tick_first_bound_ms = 0.0;     // the histogram's lowest bucket bound: quantiles
                                                 // below it are interpolations inside 0..bound
    double server_ticks = 0.0;                   // galaxy_ticks_total delta
    double server_bytes_sent = 0.0;              // galaxy_bytes_sent_total delta
    double server_slow_disconnects = 0.0;        // galaxy_slow_client_disconnects_total delta
    double server_players_online = 0.0;          // at the end of the window
    bool have_process = false;                   // --server-pid given and readable
    double server_cpu_percent = 0.0;             // of one core, over the window
    std::size_t server_rss_before_bytes = 0;     // after registration, before any connection
    std::size_t server_rss_connected_bytes = 0;  // once the clients joined (or the join timeout)
    double load_cpu_percent = 0.0;               // this generator, of one core, over the window

    // World sync versus the naive alternative (from a keyframe taken after the window)
    bool have_keyframe = false;
    std::size_t keyframe_bytes = 0;
    std::size_t world_bodies = 0;
    std::size_t world_ships = 0;
    std::size_t world_stations = 0;
    std::size_t naive_full_bytes = 0;            // whole world as JSON, per client per tick
    std::size_t naive_ships_only_bytes = 0;
};

// Derived figures both presentations show. The steady-state sync cost: text + update payload
// per client per tick; keyframes (a join's or a recovery's one-off cost) are counted apart.
double bytes_per_client_tick(const LoadReport& report);
double wire_bytes_per_client_tick(const LoadReport& report);      // + WebSocket frame headers

void print_table(std::ostream& out, const LoadReport& report);
void print_json(std::ostream& out, const LoadReport& report);

}  // namespace galaxy::load
