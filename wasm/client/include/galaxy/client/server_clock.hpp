// The client's estimate of the server's clock, from ping round trips (NTP's idea in small):
// the server read its clock about halfway through a round trip, and the round trip with the
// least delay has the least room for an asymmetric path, so its offset is the one believed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

namespace galaxy::client {

class ServerClock {
public:
    // How many recent round trips the minimum is taken over (default 8: about 8 s of pings).
    explicit ServerClock(std::size_t window = 8);

    // A pong: the ping left at sent_ms and the pong arrived at received_ms (client clock, ms);
    // the server's clock read server_time_us (us since the Unix epoch) in between.
    void add_round_trip(double sent_ms, double received_ms, std::uint64_t server_time_us);
    // A server timestamp seen at received_ms without a round trip (e.g. an update frame): used
    // only while no round trip has been measured and no earlier timestamp was taken.
    void add_timestamp(double received_ms, std::uint64_t server_time_us);
    // Forgets the round trips (a new connection may take another path); the offset stays in
    // use until the next round trip replaces it.
    void clear_round_trips();

    bool synced() const { return synced_; }
    // Server clock (us since the Unix epoch) at client time now_ms; 0 before any sync.
    std::uint64_t server_time_us(double now_ms) const;
    double offset_us() const { return offset_us_; }      // server us minus client us
    double last_rtt_ms() const { return last_rtt_ms_; }  // < 0 before the first round trip
    double min_rtt_ms() const;                           // over the window; < 0 when empty

private:
    struct Sample {
        double rtt_ms = 0.0;
        double offset_us = 0.0;
    };
    std::size_t window_;
    std::deque<Sample> samples_;
    bool synced_ = false;
    double offset_us_ = 0.0;
    double last_rtt_ms_ = -1.0;
};

}  // namespace galaxy::client
