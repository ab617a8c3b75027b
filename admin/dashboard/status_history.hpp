// The Status window's plots: readings of GET /api/admin/status over the last five minutes,
// and bytes sent per second derived from two consecutive readings of bytes_sent_total.
#pragma once

#include <deque>
#include <vector>

namespace galaxy::admin {

// One status reading.
struct StatusSample {
    double time_s = 0.0;  // the server's clock at the reading (Unix s)
    float p50_ms = 0.0f;  // tick duration median over the server's last 60 s (ms)
    float p99_ms = 0.0f;  // tick duration 99th percentile (ms)
    float players_online = 0.0f;
    float bytes_per_s = 0.0f;  // WebSocket payload bytes sent per second since the last reading
    bool has_rate = false;     // bytes_per_s is known (not for the first reading or after a
                               // server restart, when the counter went back)
};

// Which series of the history.
enum class StatusSeries { P50Ms, P99Ms, PlayersOnline, BytesPerS };

// Status readings of the last kWindow_s seconds of server time.
class StatusHistory {
public:
    // Readings older than this before the newest one are dropped (s).
    static constexpr double kWindow_s = 300.0;

    // Adds a reading at server time time_s (s); a reading not later than the last is ignored.
    void add(double time_s, double p50_ms, double p99_ms, double players_online,
             double bytes_sent_total);
    // The series' values, oldest first (readings without a known rate are left out of
    // BytesPerS).
    std::vector<float> series(StatusSeries which) const;
    // The kept readings, oldest first.
    const std::deque<StatusSample>& samples() const { return samples_; }
    // Forgets every reading (a logout).
    void clear();

private:
    std::deque<StatusSample> samples_;
    double last_bytes_total_ = -1.0;  // bytes_sent_total of the last reading (-1: none)
};

}  // namespace galaxy::admin
