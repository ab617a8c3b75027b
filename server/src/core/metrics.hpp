// Counters and histograms the server exports at /metrics in Prometheus text format. Updated
// lock-free from any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "galaxy/proto/protocol.hpp"

namespace galaxy::server {

// Cumulative histogram with fixed upper bounds (seconds). Values are assumed non-negative
// (durations): the first bucket spans 0..bounds[0].
class Histogram {
public:
    explicit Histogram(std::vector<double> upper_bounds);   // sorted ascending here
    void observe(double value);                              // seconds; NaN/negative count as 0
    // Estimated quantile (0..1) by linear interpolation inside the bucket; 0 when empty; the
    // largest bound when the quantile falls in the +Inf bucket.
    double quantile(double q) const;
    // Appends HELP/TYPE, then name_bucket{le=...}, name_sum and name_count lines.
    void render(std::string* out, const char* name, const char* help) const;

private:
    std::vector<double> bounds_;
    std::vector<std::atomic<std::uint64_t>> counts_;   // one per bound, plus +Inf; not cumulative
    std::atomic<std::uint64_t> sum_us_{0};             // sum in microseconds (atomic integer)
};

// Upper bounds of the tick duration histogram: 0.5 ms .. 1 s.
std::vector<double> tick_duration_bounds_s();

struct Metrics {
    Metrics();
    std::atomic<std::uint64_t> ticks_total{0};
    Histogram tick_duration_s;                         // work per tick, seconds
    std::atomic<std::uint64_t> ws_connections_total{0};
    std::atomic<std::int64_t> ws_connections{0};       // open now
    std::atomic<std::int64_t> players_online{0};       // authenticated sessions now
    std::atomic<std::uint64_t> bytes_sent_total{0};    // WebSocket payload bytes
    std::atomic<std::uint64_t> messages_received_total{0};
    std::array<std::atomic<std::uint64_t>, 32> messages_rejected_total{};   // by ErrorCode
    std::atomic<std::uint64_t> http_requests_total{0};
    std::atomic<std::uint64_t> slow_client_disconnects_total{0};

    void count_rejected(proto::ErrorCode code);        // adds 1 to messages_rejected_total[code]
};

// Values read from other components when /metrics is scraped.
struct MetricsGauges {
    std::uint64_t tick = 0;
    std::uint64_t ticks_behind = 0;
    std::size_t ships = 0;
    std::size_t stations = 0;
    double snapshot_age_s = -1.0;          // -1 = no snapshot yet
    std::uint64_t journal_lag_ticks = 0;
    std::uint64_t journal_queued = 0;
    std::uint64_t database_errors = 0;
    bool database_up = false;
    double tick_rate_hz = 0.0;
    double time_scale = 0.0;
    bool paused = false;
};

// The whole /metrics body (text/plain; version=0.0.4), metric names prefixed "galaxy_".
std::string render_prometheus(const Metrics& metrics, const MetricsGauges& gauges);

}  // namespace galaxy::server
