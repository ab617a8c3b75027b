#include "net/ws_origin.hpp"

#include <algorithm>
#include <cctype>

namespace galaxy::server {
namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

bool origin_allowed(std::string_view origin, std::string_view host,
                    const std::vector<std::string>& allowed_origins) {
    if (origin.empty()) return true;
    if (!allowed_origins.empty()) {
        return std::find(allowed_origins.begin(), allowed_origins.end(), origin) !=
               allowed_origins.end();
    }
    // An origin is scheme "://" host [":" port] with no path (RFC 6454); "null" and anything
    // else without an authority never matches.
    const std::size_t scheme_end = origin.find("://");
    if (scheme_end == std::string_view::npos || host.empty()) return false;
    const std::string_view authority = origin.substr(scheme_end + 3);
    if (authority.find('/') != std::string_view::npos) return false;
    return equal_ignoring_case(authority, host);
}

}  // namespace galaxy::server
