// The results of the admin's last actions (logins, settings, snapshots, ...), newest last,
// shown in the Log window (failures in red) and returned to tests in status().log.
#pragma once

#include <cstddef>
#include <deque>
#include <string>

#include <nlohmann/json.hpp>

namespace galaxy::admin {

// One action's result.
struct ActionResult {
    double at_ms = 0.0;     // client clock when the action was taken (ms)
    std::string action;     // e.g. "pause", "restore snapshot 3"
    bool ok = false;        // the server answered 2xx
    int status = 0;         // HTTP status (0: the server was not reached)
    std::string text;       // what happened, or the error with its code
    nlohmann::json answer;  // the server's answer (null when it was not JSON)
};

// The kept results, newest last.
class ActionLog {
public:
    // Entries kept; older ones are dropped.
    static constexpr std::size_t kCapacity = 100;

    // Appends a result, dropping the oldest beyond kCapacity.
    void add(ActionResult result);
    // The kept results, oldest first.
    const std::deque<ActionResult>& entries() const { return entries_; }
    // The last `count` entries as JSON [{action, ok, status, text, answer}], oldest first.
    nlohmann::json to_json(std::size_t count) const;

private:
    std::deque<ActionResult> entries_;
};

}  // namespace galaxy::admin
