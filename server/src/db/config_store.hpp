// game_config: run-time overrides (tick rate, time scale, time sync, registrations) that survive
// restarts. Keys and values are text; the server validates values when it applies them.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "db/store_status.hpp"

namespace galaxy::server {

class ConfigStore {
public:
    explicit ConfigStore(std::string database_url);
    ~ConfigStore();
    StoreStatus load_all(std::map<std::string, std::string>* out);
    StoreStatus set(const std::string& key, const std::string& value);   // insert or update

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace galaxy::server
