// Sliding-window rate limits. Time is passed in (seconds, any monotonic origin, never
// decreasing) so tests own their clock. An event at time t counts until t + window_s
// (exclusive): the window is (now - window_s, now].
#pragma once

#include <cstddef>
#include <deque>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace galaxy::server {

// At most max_events in any window_s; one instance per connection, not thread-safe.
class SlidingWindowLimiter {
public:
    SlidingWindowLimiter(int max_events, double window_s);   // window in seconds
    bool allow(double now_s);   // records the event when allowed

private:
    int max_events_;
    double window_s_;
    std::deque<double> times_;
};

// The same limit per key (IP address, username); thread-safe; at most max_keys remembered
// (the key whose last recorded event is oldest is forgotten first).
class KeyedRateLimiter {
public:
    KeyedRateLimiter(int max_events, double window_s, std::size_t max_keys = 100000);
    bool allow(const std::string& key, double now_s);   // records the event when allowed
    bool would_allow(const std::string& key, double now_s) const;   // does not record
    // Records an event even over the limit (a failed login attempt counts regardless).
    void record(const std::string& key, double now_s);
    void reset(const std::string& key);                 // forgets the key's events
    std::size_t key_count() const;                      // keys remembered now

private:
    struct Entry {
        std::deque<double> times;                   // ascending; at most max_events newest
        std::list<std::string>::iterator position;  // in order_
    };
    bool admits(const Entry& entry, double now_s) const;
    void record_locked(const std::string& key, double now_s);

    int max_events_;
    double window_s_;
    std::size_t max_keys_;
    mutable std::mutex mutex_;   // protects keys_ and order_
    std::unordered_map<std::string, Entry> keys_;
    std::list<std::string> order_;   // keys by last recorded event, stalest first
};

}  // namespace galaxy::server
