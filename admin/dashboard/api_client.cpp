#include "api_client.hpp"

#include <utility>

#include "json_fields.hpp"

namespace galaxy::admin {

std::string ApiResponse::error_text() const {
    std::string text;
    const std::string code = string_field(json, "code");
    const std::string message = string_field(json, "message");
    if (!code.empty() && !message.empty()) {
        text = message + " (" + code + ")";
    } else if (status == 0) {
        text = "cannot reach the server";
    } else {
        text = "the server answered HTTP " + std::to_string(status);
    }
    const double retry_s = number_field(json, "retry_after_s", -1.0);
    if (retry_s >= 0.0) {
        text += ": try again in " + std::to_string(static_cast<long long>(retry_s)) + " s";
    }
    return text;
}

void ApiClient::set_sender(RequestSender sender) { sender_ = std::move(sender); }

void ApiClient::set_unauthorized_handler(std::function<void(const ApiResponse&)> handler) {
    unauthorized_ = std::move(handler);
}

void ApiClient::send(const std::string& method, const std::string& path, const nlohmann::json& body,
                     ApiHandler handler, const std::string& channel) {
    const std::uint32_t id = next_id_++;
    pending_[id] = Pending{std::move(handler), channel, path == kLoginPath};
    const std::string text = body.is_null() ? std::string() : dump_json(body);
    if (sender_) {
        sender_(id, method, path, text);
    } else {
        // No page to send through (never in the browser): the request fails like a network error.
        receive(id, 0, std::string());
    }
}

void ApiClient::receive(std::uint32_t id, int status, const std::string& body) {
    const auto it = pending_.find(id);
    if (it == pending_.end()) return;
    ApiHandler handler = std::move(it->second.handler);
    const bool is_login = it->second.is_login;
    pending_.erase(it);
    ApiResponse response;
    response.status = status;
    response.body = body;
    response.json = parse_json(body);
    if (status == 401 && !is_login && unauthorized_) unauthorized_(response);
    if (handler) handler(response);
}

bool ApiClient::busy(const std::string& channel) const {
    for (const auto& [id, pending] : pending_) {
        if (pending.channel == channel) return true;
    }
    return false;
}

void ApiClient::forget_all() { pending_.clear(); }

std::string url_encode(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const unsigned char byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' ||
                                byte == '.' || byte == '~';
        if (unreserved) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[byte >> 4]);
            out.push_back(kHex[byte & 0x0f]);
        }
    }
    return out;
}

}  // namespace galaxy::admin
