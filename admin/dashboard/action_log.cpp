#include "action_log.hpp"

#include <utility>

namespace galaxy::admin {

void ActionLog::add(ActionResult result) {
    entries_.push_back(std::move(result));
    while (entries_.size() > kCapacity) entries_.pop_front();
}

nlohmann::json ActionLog::to_json(std::size_t count) const {
    nlohmann::json out = nlohmann::json::array();
    const std::size_t first = entries_.size() > count ? entries_.size() - count : 0;
    for (std::size_t i = first; i < entries_.size(); ++i) {
        const ActionResult& entry = entries_[i];
        out.push_back({{"action", entry.action},
                       {"ok", entry.ok},
                       {"status", entry.status},
                       {"text", entry.text},
                       {"answer", entry.answer}});
    }
    return out;
}

}  // namespace galaxy::admin
