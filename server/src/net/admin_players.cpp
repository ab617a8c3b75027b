// The admin API's player routes: list and search, reset a password, disconnect, delete.
#include "db/player_store.hpp"
#include "engine/engine.hpp"
#include "net/admin_call.hpp"
#include "net/admin_validation.hpp"
#include "net/session_registry.hpp"
#include "net/ws_context.hpp"

namespace galaxy::server {

using nlohmann::json;

namespace {

constexpr const char* kNoPlayer = "no player with that id";

// The player named by the path's id; an answer (404, 503) when there is none.
std::optional<HttpResponse> find_player(PlayerStore& players, const std::string& segment,
                                        PlayerRecord* out) {
    const std::optional<std::int64_t> id = parse_path_id(segment);
    if (!id) return not_found(kNoPlayer);
    switch (players.find_by_id(*id, out)) {
        case StoreStatus::Ok:
            return std::nullopt;
        case StoreStatus::NotFound:
            return not_found(kNoPlayer);
        default:
            return unavailable(kDatabaseDown);
    }
}

}  // namespace

void AdminApi::list_players(const std::shared_ptr<Call>& call) {
    PlayerQuery query;
    if (auto e = parse_player_query(call->query(), &query)) return (void)call->answer(invalid(*e));
    std::vector<PlayerRecord> rows;
    std::int64_t total = 0;
    if (parts_.players->list(query.search, query.limit, query.offset, &rows, &total) !=
        StoreStatus::Ok) {
        return (void)call->answer(unavailable(kDatabaseDown));
    }
    json players = json::array();
    for (const PlayerRecord& p : rows) {
        players.push_back({{"id", p.id},
                           {"username", p.username},
                           {"ship_id", p.ship_id},
                           {"ship_class", p.ship_class},
                           {"created_at", p.created_at_unix_s},
                           {"online", parts_.world->registry->is_online(p.id)}});
    }
    call->answer(ok_json({{"players", players}, {"total", total}}));
}

void AdminApi::reset_password(const std::shared_ptr<Call>& call) {
    PasswordBody body;
    if (auto e = parse_password_body(call->body(), &body)) return (void)call->answer(invalid(*e));
    PlayerRecord record;
    if (auto bad = find_player(*parts_.players, call->ids.at(0), &record)) {
        return (void)call->answer(std::move(*bad));
    }
    std::string hash;
    if (!password_hash(body.password, def_.password_params, &hash)) {
        return (void)call->answer(internal_error("could not hash the password"));
    }
    if (parts_.players->set_password_hash(record.id, hash) != StoreStatus::Ok) {
        return (void)call->answer(unavailable(kDatabaseDown));
    }
    audit(call->admin.username, call->ip, "player_password_reset",
          {{"player_id", record.id}, {"username", record.username}}, true);
    call->answer(ok_json({{"player_id", record.id}}));
}

void AdminApi::disconnect_player(const std::shared_ptr<Call>& call) {
    if (auto e = parse_empty_body(call->body())) return (void)call->answer(invalid(*e));
    PlayerRecord record;
    if (auto bad = find_player(*parts_.players, call->ids.at(0), &record)) {
        return (void)call->answer(std::move(*bad));
    }
    const bool was_online = parts_.world->registry->disconnect_player(
        record.id, proto::close_code::kAdminDisconnect, "Disconnected by an admin");
    audit(call->admin.username, call->ip, "player_disconnect",
          {{"player_id", record.id}, {"username", record.username}, {"was_online", was_online}},
          true);
    call->answer(ok_json({{"player_id", record.id}, {"was_online", was_online}}));
}

void AdminApi::delete_player(const std::shared_ptr<Call>& call) {
    PlayerRecord record;
    if (auto bad = find_player(*parts_.players, call->ids.at(0), &record)) {
        return (void)call->answer(std::move(*bad));
    }
    switch (parts_.players->remove(record.id)) {
        case StoreStatus::Ok:
            break;
        case StoreStatus::NotFound:
            return (void)call->answer(not_found(kNoPlayer));
        default:
            return (void)call->answer(unavailable(kDatabaseDown));
    }
    Engine* engine = parts_.world->world_ready.load() ? parts_.world->engine : nullptr;
    if (engine != nullptr && record.ship_id != 0) engine->remove_ship(record.ship_id);
    parts_.world->registry->disconnect_player(record.id, proto::close_code::kAccountDeleted,
                                              "Account deleted");
    audit(call->admin.username, call->ip, "player_delete",
          {{"player_id", record.id}, {"username", record.username}, {"ship_id", record.ship_id}},
          true);
    call->answer(ok_json({{"deleted", true}, {"player_id", record.id}}));
}

}  // namespace galaxy::server
