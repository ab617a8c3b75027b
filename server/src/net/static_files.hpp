// Static files under the web root (config.web_root), served at "/". A request path can only
// name a file inside the root: percent escapes are decoded first, then "." and ".." segments,
// NUL and backslashes are refused, dotfiles are hidden, and a symbolic link that leads outside
// the root is treated as missing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galaxy::server {

enum class StaticStatus {
    Ok,        // body and content_type filled
    Redirect,  // a directory named without its trailing slash: location filled
    NotFound,  // no such file, a dotfile, or a link out of the root
    BadPath,   // a malformed or traversing path (400)
};

struct StaticFile {
    StaticStatus status = StaticStatus::NotFound;
    std::string body;          // the file's bytes
    std::string content_type;  // from the extension
    std::string location;      // Redirect: the path with "/" appended
};

class StaticFiles {
public:
    explicit StaticFiles(std::string web_root);  // need not exist yet (then everything is 404)

    // path: the request target without its query ("/", "/js/app.js", "/admin/").
    // Directories serve their index.html.
    StaticFile load(std::string_view path) const;

private:
    std::string root_;
};

// Decodes %XX escapes and splits the path into its non-empty segments. False for a path not
// starting with "/", a malformed escape, NUL, a backslash, or a "." or ".." segment.
bool split_url_path(std::string_view path, std::vector<std::string>* segments);

// "text/html; charset=utf-8", "application/wasm", ... by file extension (without the dot,
// any case); "application/octet-stream" for anything unknown.
std::string_view content_type_for(std::string_view extension);

}  // namespace galaxy::server
