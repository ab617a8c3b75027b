// Prometheus text exposition (format version 0.0.4) of the server's counters and gauges.
#include "core/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <type_traits>
#include <utility>

namespace galaxy::server {
namespace {

// Longer than any duration the server measures; keeps the microsecond sum far from overflow.
constexpr double kMaxObserved_s = 1e12;

// Plain decimals where they are short (bucket bounds read "0.0005", not "5e-04"), exponent
// form otherwise; both are valid Prometheus floats and read back to the same double.
std::string format_number(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0.0 ? "+Inf" : "-Inf";
    char text[64];
    const double magnitude = std::fabs(value);
    const bool plain = magnitude == 0.0 || (magnitude >= 1e-6 && magnitude < 1e15);
    const auto result =
        plain ? std::to_chars(text, text + sizeof text, value, std::chars_format::fixed)
              : std::to_chars(text, text + sizeof text, value);
    return std::string(text, result.ptr);
}

void header(std::string* out, const char* name, const char* type, const char* help) {
    *out += std::string("# HELP ") + name + " " + help + "\n";
    *out += std::string("# TYPE ") + name + " " + type + "\n";
}

void sample(std::string* out, const std::string& name, const std::string& value) {
    *out += name + " " + value + "\n";
}

template <typename T>
void metric(std::string* out, const char* name, const char* type, const char* help, T value) {
    header(out, name, type, help);
    if constexpr (std::is_floating_point_v<T>) {
        sample(out, name, format_number(value));
    } else {
        sample(out, name, std::to_string(value));
    }
}

}  // namespace

Histogram::Histogram(std::vector<double> upper_bounds)
    : bounds_(std::move(upper_bounds)), counts_(bounds_.size() + 1) {
    std::sort(bounds_.begin(), bounds_.end());
}

void Histogram::observe(double value) {
    const double clamped = value > 0.0 ? std::min(value, kMaxObserved_s) : 0.0;  // NaN -> 0
    // Prometheus buckets are "less than or equal": the first bound >= value.
    const auto index = static_cast<std::size_t>(
        std::lower_bound(bounds_.begin(), bounds_.end(), clamped) - bounds_.begin());
    counts_[index].fetch_add(1, std::memory_order_relaxed);
    sum_us_.fetch_add(static_cast<std::uint64_t>(std::llround(clamped * 1e6)),
                      std::memory_order_relaxed);
}

double Histogram::quantile(double q) const {
    std::vector<std::uint64_t> counts;
    std::uint64_t total = 0;
    for (const auto& count : counts_) {
        counts.push_back(count.load(std::memory_order_relaxed));
        total += counts.back();
    }
    if (total == 0) return 0.0;
    const double rank = std::clamp(q, 0.0, 1.0) * static_cast<double>(total);
    double below = 0.0;  // observations in the buckets before i
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const auto in_bucket = static_cast<double>(counts[i]);
        if (counts[i] > 0 && below + in_bucket >= rank) {
            if (i == bounds_.size()) return bounds_.empty() ? 0.0 : bounds_.back();
            const double lower = i == 0 ? 0.0 : bounds_[i - 1];
            return lower + (bounds_[i] - lower) * (rank - below) / in_bucket;
        }
        below += in_bucket;
    }
    return bounds_.empty() ? 0.0 : bounds_.back();
}

void Histogram::render(std::string* out, const char* name, const char* help) const {
    header(out, name, "histogram", help);
    // _count is the +Inf bucket by definition; both come from the same loads so a scrape
    // during an observe() never shows them disagreeing.
    const std::string base = name;
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        cumulative += counts_[i].load(std::memory_order_relaxed);
        const std::string le = i < bounds_.size() ? format_number(bounds_[i]) : "+Inf";
        sample(out, base + "_bucket{le=\"" + le + "\"}", std::to_string(cumulative));
    }
    const double sum_s = static_cast<double>(sum_us_.load(std::memory_order_relaxed)) * 1e-6;
    sample(out, base + "_sum", format_number(sum_s));
    sample(out, base + "_count", std::to_string(cumulative));
}

std::vector<double> tick_duration_bounds_s() {
    return {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0};
}

Metrics::Metrics() : tick_duration_s(tick_duration_bounds_s()) {}

void Metrics::count_rejected(proto::ErrorCode code) {
    const auto index = static_cast<std::size_t>(code);
    if (index < messages_rejected_total.size()) {
        messages_rejected_total[index].fetch_add(1, std::memory_order_relaxed);
    }
}

std::string render_prometheus(const Metrics& m, const MetricsGauges& g) {
    std::string out;
    metric(&out, "galaxy_ticks_total", "counter", "Simulation ticks stepped since start.",
           m.ticks_total.load());
    m.tick_duration_s.render(&out, "galaxy_tick_duration_seconds",
                             "Wall-clock work per tick in seconds.");
    metric(&out, "galaxy_ticks_behind", "gauge", "Ticks the engine is behind its schedule.",
           g.ticks_behind);
    metric(&out, "galaxy_tick", "gauge", "Current world tick.", g.tick);
    metric(&out, "galaxy_players_online", "gauge", "Authenticated WebSocket sessions.",
           m.players_online.load());
    metric(&out, "galaxy_ships", "gauge", "Ships in the world.", g.ships);
    metric(&out, "galaxy_stations", "gauge", "Stations in the world.", g.stations);
    metric(&out, "galaxy_websocket_connections", "gauge", "Open WebSocket connections.",
           m.ws_connections.load());
    metric(&out, "galaxy_websocket_connections_total", "counter",
           "WebSocket connections accepted since start.", m.ws_connections_total.load());
    metric(&out, "galaxy_bytes_sent_total", "counter", "WebSocket payload bytes sent.",
           m.bytes_sent_total.load());
    metric(&out, "galaxy_messages_received_total", "counter",
           "WebSocket messages received from clients.", m.messages_received_total.load());

    // Every code is listed, zero or not, so that series exist from the first scrape and rate()
    // over them works; a code proto does not name ("E000") has no series.
    header(&out, "galaxy_messages_rejected_total", "counter",
           "Client messages answered with an error, by error code.");
    for (std::size_t i = 0; i < m.messages_rejected_total.size(); ++i) {
        const char* reason = proto::error_code_string(static_cast<proto::ErrorCode>(i));
        if (std::strcmp(reason, "E000") == 0) continue;
        sample(&out, std::string("galaxy_messages_rejected_total{reason=\"") + reason + "\"}",
               std::to_string(m.messages_rejected_total[i].load()));
    }

    metric(&out, "galaxy_snapshot_age_seconds", "gauge",
           "Seconds since the last saved snapshot; -1 before the first.", g.snapshot_age_s);
    metric(&out, "galaxy_journal_lag_ticks", "gauge",
           "Newest journal row appended minus newest committed, in ticks.", g.journal_lag_ticks);
    metric(&out, "galaxy_journal_queued", "gauge", "Journal rows waiting to be written.",
           g.journal_queued);
    metric(&out, "galaxy_database_errors_total", "counter", "Failed database operations.",
           g.database_errors);
    metric(&out, "galaxy_database_up", "gauge", "1 when the database is reachable.",
           g.database_up ? 1 : 0);
    metric(&out, "galaxy_http_requests_total", "counter", "HTTP requests served.",
           m.http_requests_total.load());
    metric(&out, "galaxy_slow_client_disconnects_total", "counter",
           "Clients closed because their send queue overflowed.",
           m.slow_client_disconnects_total.load());
    metric(&out, "galaxy_tick_rate_hz", "gauge", "Configured ticks per wall-clock second.",
           g.tick_rate_hz);
    metric(&out, "galaxy_time_scale", "gauge", "Game seconds per wall-clock second.", g.time_scale);
    metric(&out, "galaxy_paused", "gauge", "1 when the simulation is paused.", g.paused ? 1 : 0);
    return out;
}

}  // namespace galaxy::server
