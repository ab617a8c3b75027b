// Sliding-window rate limits. Time is passed in (seconds, any monotonic origin) so tests own
// their clock.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace galaxy::server {

// At most max_events in any window_s; one instance per connection, not thread-safe.
class SlidingWindowLimiter {
public:
    SlidingWindowLimiter(int max_events, double window_s);
    bool allow(double now_s);   // records the event when allowed

private:
    int max_events_;
    double window_s_;
    std::deque<double> times_;
};

// The same limit per key (IP address, username); thread-safe; at most max_keys remembered
// (the stalest are forgotten first).
class KeyedRateLimiter {
public:
    KeyedRateLimiter(int max_events, double window_s, std::size_t max_keys = 100000);
    bool allow(const std::string& key, double now_s);   // records the event when allowed
    bool would_allow(const std::string& key, double now_s) const;   // does not record
    void record(const std::string& key, double now_s);
    void reset(const std::string& key);

private:
    int max_events_;
    double window_s_;
    std::size_t max_keys_;
    mutable std::mutex mutex_;   // protects keys_
    std::unordered_map<std::string, std::deque<double>> keys_;
};

}  // namespace galaxy::server
