#include "net/static_files.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <utility>

namespace galaxy::server {

namespace fs = std::filesystem;

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// True when `inner` (canonical) is `root` (canonical) or below it, compared by components so
// that "/srv/web-other" is not taken for a child of "/srv/web".
bool is_within(const fs::path& root, const fs::path& inner) {
    auto r = root.begin();
    auto i = inner.begin();
    for (; r != root.end(); ++r, ++i) {
        if (i == inner.end() || *r != *i) return false;
    }
    return true;
}

bool read_file(const fs::path& file, std::string* out) {
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) return false;
    const std::streamoff size = in.tellg();
    if (size < 0) return false;
    out->resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(out->data(), size);
    return static_cast<bool>(in);
}

}  // namespace

bool split_url_path(std::string_view path, std::vector<std::string>* segments) {
    segments->clear();
    if (path.empty() || path.front() != '/') return false;
    std::string segment;
    const auto finish_segment = [&]() {
        if (segment == "." || segment == "..") return false;
        if (!segment.empty()) segments->push_back(std::move(segment));
        segment.clear();
        return true;
    };
    for (std::size_t i = 1; i < path.size(); ++i) {
        char c = path[i];
        if (c == '/') {
            if (!finish_segment()) return false;
            continue;
        }
        if (c == '%') {
            if (i + 2 >= path.size()) return false;
            const int hi = hex_value(path[i + 1]);
            const int lo = hex_value(path[i + 2]);
            if (hi < 0 || lo < 0) return false;
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
            // An escaped "/" would join segments that the check above saw apart.
            if (c == '/') return false;
        }
        if (c == '\0' || c == '\\') return false;
        segment.push_back(c);
    }
    return finish_segment();
}

std::string_view content_type_for(std::string_view extension) {
    struct Entry {
        std::string_view extension;
        std::string_view type;
    };
    static constexpr std::array<Entry, 11> kTypes{{
        {"html", "text/html; charset=utf-8"},
        {"htm", "text/html; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"mjs", "text/javascript; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},
        {"wasm", "application/wasm"},
        {"png", "image/png"},
        {"svg", "image/svg+xml"},
        {"json", "application/json"},
        {"ico", "image/x-icon"},
        {"txt", "text/plain; charset=utf-8"},
    }};
    std::string lower(extension);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const Entry& entry : kTypes) {
        if (entry.extension == lower) return entry.type;
    }
    return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string web_root) : root_(std::move(web_root)) {}

StaticFile StaticFiles::load(std::string_view path) const {
    StaticFile result;
    std::vector<std::string> segments;
    if (!split_url_path(path, &segments)) {
        result.status = StaticStatus::BadPath;
        return result;
    }
    std::error_code ec;
    // Resolved per request: the root may be created or replaced while the server runs.
    const fs::path root = fs::canonical(root_, ec);
    if (ec) return result;
    fs::path file = root;
    for (const std::string& segment : segments) {
        if (segment.front() == '.') return result;  // dotfiles (.git, .env) stay private
        file /= segment;
    }
    if (fs::is_directory(file, ec)) {
        if (path.back() != '/') {
            result.status = StaticStatus::Redirect;
            result.location = std::string(path) + "/";
            return result;
        }
        file /= "index.html";
    }
    // canonical() follows every symbolic link, so a link pointing out of the root is caught
    // here even when the request path itself looked harmless.
    const fs::path resolved = fs::canonical(file, ec);
    if (ec || !is_within(root, resolved) || !fs::is_regular_file(resolved, ec)) return result;
    if (!read_file(resolved, &result.body)) return result;
    std::string extension = resolved.extension().string();
    if (!extension.empty()) extension.erase(0, 1);
    result.content_type = std::string(content_type_for(extension));
    result.status = StaticStatus::Ok;
    return result;
}

}  // namespace galaxy::server
