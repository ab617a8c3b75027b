// One admin request in flight, shared by the handlers of admin_api.cpp, admin_world.cpp and
// admin_players.cpp. Answered exactly once: whichever of the handler, the engine's callback
// or the deadline comes first answers; the others are ignored.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "net/admin_api.hpp"
#include "net/api_common.hpp"

namespace galaxy::server {

struct AdminApi::Call {
    HttpRequest request;
    std::string ip;
    JwtClaims admin;                // the token's claims (empty for login)
    std::vector<std::string> ids;   // the path's {id} segments
    Responder respond;
    std::atomic<bool> answered{false};

    // False when the call was already answered.
    bool answer(HttpResponse res) {
        if (answered.exchange(true)) return false;
        respond(std::move(res));
        return true;
    }
    std::string_view body() const { return request.body(); }
    std::string_view query() const {
        const std::string_view target = to_std(request.target());
        const std::size_t mark = target.find('?');
        return mark == std::string_view::npos ? std::string_view{} : target.substr(mark + 1);
    }
};

// Answers res at the deadline unless the call has been answered by then; runs on the pool.
void answer_by_deadline(const std::shared_ptr<AdminApi::Call>& call,
                        boost::asio::thread_pool& workers, double seconds, HttpResponse res);

inline HttpResponse ok_json(const nlohmann::json& body) {
    return json_response(boost::beast::http::status::ok, body);
}

inline HttpResponse not_found(std::string_view what) {
    return error_response(boost::beast::http::status::not_found, proto::ErrorCode::NotFound, what);
}

}  // namespace galaxy::server
