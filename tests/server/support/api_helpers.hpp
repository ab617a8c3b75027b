// Calls of the REST accounts API for tests, and a capture of the server's log lines.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/log.hpp"
#include "server/support/http_client.hpp"

namespace galaxy::test {

inline HttpResult post_json(std::uint16_t port, const std::string& target,
                            const nlohmann::json& body, const HttpHeaders& headers = {}) {
    return http_request(port, boost::beast::http::verb::post, target, body.dump(), headers);
}

inline HttpResult register_player(std::uint16_t port, const std::string& username,
                                  const std::string& password, const std::string& ship_class = {}) {
    nlohmann::json body = {{"username", username}, {"password", password}};
    if (!ship_class.empty()) body["ship_class"] = ship_class;
    return post_json(port, "/api/auth/register", body);
}

inline HttpResult login(std::uint16_t port, const std::string& username,
                        const std::string& password) {
    return post_json(port, "/api/auth/login", {{"username", username}, {"password", password}});
}

inline HttpHeaders bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

// Collects every log line written while it exists (and stops stdout logging meanwhile).
class LogCapture {
public:
    LogCapture() {
        server::set_log_sink([this](std::string_view line) {
            const std::lock_guard lock(mutex_);
            lines_.emplace_back(line);
        });
    }
    ~LogCapture() { server::set_log_sink({}); }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    std::vector<std::string> lines() const {
        const std::lock_guard lock(mutex_);
        return lines_;
    }
    // Parsed lines whose "event" is event.
    std::vector<nlohmann::json> events(const std::string& event) const {
        std::vector<nlohmann::json> found;
        for (const std::string& line : lines()) {
            const nlohmann::json json = nlohmann::json::parse(line, nullptr, false);
            if (json.is_object() && json.value("event", "") == event) found.push_back(json);
        }
        return found;
    }

private:
    mutable std::mutex mutex_;  // protects lines_
    std::vector<std::string> lines_;
};

}  // namespace galaxy::test
