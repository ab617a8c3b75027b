// Registers the load test's player accounts through the REST API, a bounded number at a time.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace galaxy::load {

struct Account {
    std::string username;   // load_<run>_<index>
    std::string token;      // JWT from the registration; empty when the registration failed
};

struct RegistrationResult {
    std::vector<Account> accounts;              // one per index, in index order
    int registered = 0;                         // accounts with a token
    double duration_s = 0.0;                    // wall time of all registrations
    std::vector<double> latency_s;              // per successful registration, request to response
    int retries = 0;                            // 429 / 503 answers that were retried
    std::map<std::string, int> failures;        // reason ("HTTP 409 E019", "connect: ...") -> count
};

// Registers count accounts named load_<run_id>_<i> with `parallel` concurrent requests. A 429
// or 503 answer is retried after its Retry-After (or 1 s), up to 30 times per account.
RegistrationResult register_accounts(const std::string& host, std::uint16_t port,
                                     const std::string& run_id, int count, int parallel);

}  // namespace galaxy::load
