// The Origin check of WebSocket upgrades: browsers send the page's origin, so refusing foreign
// origins stops other sites from driving a player's session with the player's cookies/token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galaxy::server {

// True when a connection whose upgrade carried `origin` (empty = no Origin header) and `host`
// (the Host header) may proceed: no Origin (a non-browser client), an exact entry of
// allowed_origins, or, when allowed_origins is empty, an origin whose host[:port] equals Host
// (case-insensitively).
bool origin_allowed(std::string_view origin, std::string_view host,
                    const std::vector<std::string>& allowed_origins);

}  // namespace galaxy::server
