#include "db/pg_connection.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <chrono>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "core/log.hpp"

namespace galaxy::server {

PgConnection::PgConnection(const std::string& database_url)
    : connection_(connection_string(database_url)) {}

bool PgConnection::NoticeToLog::operator()(const char message[]) noexcept {
    try {
        std::string text(message);
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
        log_event(LogLevel::Debug, "database_notice", {{"message", text}});
    } catch (...) {
        // A notice is never worth failing the statement that caused it.
    }
    return false;   // handled: the default handler would print to stderr
}

std::string connection_string(const std::string& database_url) {
    if (database_url.find("connect_timeout") != std::string::npos) return database_url;
    const std::string timeout = "connect_timeout=" + std::to_string(kConnectTimeout_s);
    const bool is_url = database_url.rfind("postgresql://", 0) == 0 ||
                        database_url.rfind("postgres://", 0) == 0;
    if (!is_url) return database_url.empty() ? timeout : database_url + " " + timeout;
    return database_url + (database_url.find('?') == std::string::npos ? "?" : "&") + timeout;
}

std::string error_text(const std::exception& error) {
    std::string text = error.what();
    const auto end = text.find('\n');
    if (end != std::string::npos) text.resize(end);
    return text;
}

double Backoff::next_delay_s() {
    const double delay = next_s_;
    next_s_ = std::min(next_s_ * 2.0, max_s_);
    return delay;
}

bool sleep_unless_stopped(double seconds_s, const std::function<bool()>& should_stop) {
    using Clock = std::chrono::steady_clock;
    const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(seconds_s));
    constexpr auto kSlice = std::chrono::milliseconds(50);
    while (true) {
        if (should_stop()) return false;
        const auto now = Clock::now();
        if (now >= end) return true;
        std::this_thread::sleep_for(std::min<Clock::duration>(end - now, kSlice));
    }
}

std::string double_param(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

double double_from_text(std::string_view text) {
    double value = 0.0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
        throw std::invalid_argument("not a number: " + std::string(text));
    }
    return value;
}

std::int64_t hash_to_bigint(std::uint64_t hash) { return std::bit_cast<std::int64_t>(hash); }

std::uint64_t hash_from_bigint(std::int64_t value) { return std::bit_cast<std::uint64_t>(value); }

}  // namespace galaxy::server
