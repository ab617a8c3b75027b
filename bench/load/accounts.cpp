#include "accounts.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "http_client.hpp"

namespace galaxy::load {
namespace {

constexpr int kMaxRetries = 30;

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// "HTTP 409 E019" from an error response, so that failures group by cause.
std::string failure_reason(const HttpResponse& response) {
    std::string reason = "HTTP " + std::to_string(response.status);
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_object() && body.contains("code") && body["code"].is_string()) {
        reason += " " + body["code"].get<std::string>();
    }
    return reason;
}

}  // namespace

RegistrationResult register_accounts(const std::string& host, std::uint16_t port,
                                     const std::string& run_id, int count, int parallel) {
    RegistrationResult result;
    result.accounts.resize(static_cast<std::size_t>(count));
    std::atomic<int> next{0};
    std::mutex mutex;   // guards result's counters, latency_s and failures
    const auto start = Clock::now();

    const auto worker = [&] {
        HttpClient client(host, port);
        for (int i = next++; i < count; i = next++) {
            Account& account = result.accounts[static_cast<std::size_t>(i)];
            account.username = "load_" + run_id + "_" + std::to_string(i);
            const nlohmann::json body = {{"username", account.username},
                                         {"password", "load-test-password-" + run_id}};
            std::string failure;
            int retries = 0;
            const auto sent = Clock::now();
            for (;;) {
                HttpResponse response;
                std::string error;
                if (!client.request(boost::beast::http::verb::post, "/api/auth/register",
                                    body.dump(), &response, &error)) {
                    failure = error;
                    break;
                }
                const bool retryable = response.status == 429 || response.status == 503;
                if (retryable && retries < kMaxRetries) {
                    ++retries;
                    const double wait_s = response.retry_after_s > 0 ? response.retry_after_s : 1.0;
                    std::this_thread::sleep_for(std::chrono::duration<double>(std::min(wait_s, 10.0)));
                    continue;
                }
                const auto reply = nlohmann::json::parse(response.body, nullptr, false);
                if (response.status == 201 && reply.is_object() && reply.contains("token") &&
                    reply["token"].is_string()) {
                    account.token = reply["token"].get<std::string>();
                } else {
                    failure = failure_reason(response);
                }
                break;
            }
            const double latency_s = seconds_since(sent);
            const std::lock_guard lock(mutex);
            result.retries += retries;
            if (account.token.empty()) {
                ++result.failures[failure];
            } else {
                ++result.registered;
                result.latency_s.push_back(latency_s);
            }
        }
    };

    std::vector<std::thread> threads;
    const int thread_count = std::min(parallel, count);
    threads.reserve(static_cast<std::size_t>(thread_count));
    for (int t = 0; t < thread_count; ++t) threads.emplace_back(worker);
    for (auto& thread : threads) thread.join();
    result.duration_s = seconds_since(start);
    return result;
}

}  // namespace galaxy::load
