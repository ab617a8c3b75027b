// Sliding-window limits. An event at t still counts at now while now - t < window_s.
#include "auth/rate_limiter.hpp"

#include <algorithm>
#include <iterator>

namespace galaxy::server {

SlidingWindowLimiter::SlidingWindowLimiter(int max_events, double window_s)
    : max_events_(max_events), window_s_(window_s) {}

bool SlidingWindowLimiter::allow(double now_s) {
    while (!times_.empty() && now_s - times_.front() >= window_s_) times_.pop_front();
    if (static_cast<int>(times_.size()) >= max_events_) return false;
    times_.push_back(now_s);
    return true;
}

KeyedRateLimiter::KeyedRateLimiter(int max_events, double window_s, std::size_t max_keys)
    : max_events_(max_events), window_s_(window_s), max_keys_(std::max<std::size_t>(max_keys, 1)) {}

bool KeyedRateLimiter::admits(const Entry& entry, double now_s) const {
    const auto live = std::count_if(entry.times.begin(), entry.times.end(),
                                    [&](double t) { return now_s - t < window_s_; });
    return live < max_events_;
}

bool KeyedRateLimiter::allow(const std::string& key, double now_s) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = keys_.find(key);
    if (max_events_ <= 0 || (it != keys_.end() && !admits(it->second, now_s))) return false;
    record_locked(key, now_s);
    return true;
}

bool KeyedRateLimiter::would_allow(const std::string& key, double now_s) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = keys_.find(key);
    return it == keys_.end() ? max_events_ > 0 : admits(it->second, now_s);
}

void KeyedRateLimiter::record(const std::string& key, double now_s) {
    const std::lock_guard<std::mutex> lock(mutex_);
    record_locked(key, now_s);
}

void KeyedRateLimiter::reset(const std::string& key) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = keys_.find(key);
    if (it == keys_.end()) return;
    order_.erase(it->second.position);
    keys_.erase(it);
}

std::size_t KeyedRateLimiter::key_count() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return keys_.size();
}

void KeyedRateLimiter::record_locked(const std::string& key, double now_s) {
    auto it = keys_.find(key);
    if (it == keys_.end()) {
        while (keys_.size() >= max_keys_ && !order_.empty()) {
            keys_.erase(order_.front());
            order_.pop_front();
        }
        order_.push_back(key);
        it = keys_.emplace(key, Entry{{}, std::prev(order_.end())}).first;
    } else {
        order_.splice(order_.end(), order_, it->second.position);
    }
    auto& times = it->second.times;
    while (!times.empty() && now_s - times.front() >= window_s_) times.pop_front();
    times.push_back(now_s);
    // The decision depends only on the max_events newest events (the limit is reached exactly
    // when the max_events-th newest is still in the window), so older ones need not be kept.
    while (!times.empty() && static_cast<std::ptrdiff_t>(times.size()) > std::max(max_events_, 0)) {
        times.pop_front();
    }
}

}  // namespace galaxy::server
