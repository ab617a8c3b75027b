// The admin API's world routes: snapshots (list, create, restore), world reset, stations and
// the top-down map. They act through the engine's admin requests (engine.hpp), which complete
// on the tick thread; answers come from there, or from the deadline.
#include <cmath>
#include <cstdio>
#include <string>

#include "core/log.hpp"
#include "db/snapshot_store.hpp"
#include "engine/engine.hpp"
#include "engine/world_factory.hpp"
#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/serialize.hpp"
#include "net/admin_call.hpp"
#include "net/admin_validation.hpp"
#include "net/ws_context.hpp"

namespace galaxy::server {

namespace http = boost::beast::http;
using nlohmann::json;
using proto::ErrorCode;

namespace {

constexpr std::size_t kMaxSnapshotsListed = 100;
constexpr double kPi = 3.14159265358979323846;

std::string hex_hash(std::uint64_t hash) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

json snapshot_json(const SnapshotInfo& s) {
    return {{"id", s.id},
            {"tick", s.tick},
            {"game_time_s", s.game_time_s},
            {"state_hash", hex_hash(s.state_hash)},
            {"created_at", s.created_at_unix_s},
            {"kind", s.kind},
            {"label", s.label},
            {"bytes", s.bytes}};
}

double distance(const sim::Vec3& a, const sim::Vec3& b) {
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    const double dz = a.z - b.z;
    return std::sqrt(dx * dx + dy * dy + dz * dz);
}

json station_json(const sim::World& world, const sim::Station& station) {
    const int body_index = sim::reference_body_index(world, station.position_m);
    const sim::Body& body = world.bodies[static_cast<std::size_t>(body_index)];
    std::size_t docked = 0;
    for (const sim::Ship& ship : world.ships) docked += ship.docked_station == station.id ? 1 : 0;
    return {{"id", station.id},
            {"name", station.name},
            {"body", body.def.name},
            {"altitude_m", distance(station.position_m, body.position_m) - body.def.mean_radius_m},
            {"docked_ships", docked}};
}

Engine* running_engine(const WsContext& world) {
    return world.world_ready.load() && !world.shutting_down.load() ? world.engine : nullptr;
}

HttpResponse world_unavailable(const WsContext& world) {
    return unavailable(world.shutting_down.load() ? "shutting down" : "world loading");
}

HttpResponse paused_refusal() {
    return error_response(http::status::conflict, ErrorCode::CommandRejected,
                          "the world is paused: resume it first, station changes apply at a tick");
}

}  // namespace

// --- Snapshots -----------------------------------------------------------------------------

void AdminApi::list_snapshots(const std::shared_ptr<Call>& call) {
    if (!call->query().empty()) {
        return (void)call->answer(invalid({ErrorCode::InvalidField, "no query parameters here"}));
    }
    std::vector<SnapshotInfo> rows;
    if (parts_.snapshots->list(kMaxSnapshotsListed, &rows) != StoreStatus::Ok) {
        return (void)call->answer(unavailable(kDatabaseDown));
    }
    json out = json::array();
    for (const SnapshotInfo& s : rows) out.push_back(snapshot_json(s));
    call->answer(ok_json({{"snapshots", out}}));
}

void AdminApi::create_snapshot(const std::shared_ptr<Call>& call) {
    SnapshotBody body;
    if (auto e = parse_snapshot_body(call->body(), &body)) return (void)call->answer(invalid(*e));
    Engine* engine = running_engine(*parts_.world);
    if (engine == nullptr) return (void)call->answer(world_unavailable(*parts_.world));
    const std::string admin = call->admin.username;
    engine->request_snapshot("manual", body.label, [this, call, admin,
                                                    label = body.label](std::int64_t id) {
        // The persistence thread: the rest (a query, the audit row) is the pool's.
        boost::asio::post(*parts_.workers, [this, call, admin, label, id] {
            SnapshotInfo info;
            if (parts_.snapshots->find(id, &info) != StoreStatus::Ok) {
                return (void)call->answer(unavailable(kDatabaseDown));
            }
            audit(admin, call->ip, "snapshot_create",
                  {{"snapshot_id", id}, {"tick", info.tick}, {"label", label}}, true);
            call->answer(json_response(http::status::created, {{"snapshot", snapshot_json(info)}}));
        });
    });
    answer_by_deadline(call, *parts_.workers, kAdminWaitTimeout_s,
                       unavailable("the snapshot was not stored in time; it may still appear"));
}

void AdminApi::restore_snapshot(const std::shared_ptr<Call>& call) {
    if (auto e = parse_empty_body(call->body())) return (void)call->answer(invalid(*e));
    const std::optional<std::int64_t> id = parse_path_id(call->ids.at(0));
    if (!id) return (void)call->answer(not_found("no snapshot with that id"));
    SnapshotInfo info;
    std::vector<std::uint8_t> bytes;
    switch (parts_.snapshots->load(*id, &info, &bytes)) {
        case StoreStatus::Ok:
            break;
        case StoreStatus::NotFound:
            return (void)call->answer(not_found("no snapshot with that id"));
        default:
            return (void)call->answer(unavailable(kDatabaseDown));
    }
    sim::World world;
    std::string error;
    if (!sim::load_world(bytes.data(), bytes.size(), &world, &error) ||
        sim::state_hash(world) != info.state_hash) {
        audit(call->admin.username, call->ip, "snapshot_restore",
              {{"snapshot_id", *id}, {"error", error.empty() ? "hash mismatch" : error}}, false);
        return (void)call->answer(internal_error("the snapshot is damaged: " +
                                                 (error.empty() ? "hash mismatch" : error)));
    }
    replace_world(call, std::move(world), {{"restored_id", *id}}, "snapshot_restore");
}

void AdminApi::reset_world(const std::shared_ptr<Call>& call) {
    ResetBody body;
    if (auto e = parse_reset_body(call->body(), &body)) return (void)call->answer(invalid(*e));
    if (body.confirm_token.empty() || !take_reset_token(body.confirm_token)) {
        HttpResponse res = json_response(
            http::status::conflict,
            {{"code", proto::error_code_string(ErrorCode::ConfirmationRequired)},
             {"message", body.confirm_token.empty()
                             ? "resetting the world deletes every ship: repeat with confirm_token"
                             : "confirm_token is wrong or expired: repeat with this new one"},
             {"confirm_token", issue_reset_token()},
             {"expires_in_s", kResetTokenLifetime_s}});
        return (void)call->answer(std::move(res));
    }
    if (running_engine(*parts_.world) == nullptr) {
        return (void)call->answer(world_unavailable(*parts_.world));
    }
    sim::World world = create_new_world(def_.epoch, system_utc_now_s(), {});
    replace_world(call, std::move(world), {{"reset", true}}, "world_reset");
}

void AdminApi::replace_world(const std::shared_ptr<Call>& call, sim::World world, json extra,
                             const std::string& action) {
    Engine* engine = running_engine(*parts_.world);
    if (engine == nullptr) return (void)call->answer(world_unavailable(*parts_.world));
    const std::string admin = call->admin.username;
    engine->replace_world(std::move(world), [this, call, admin, extra,
                                             action](std::uint64_t tick, std::uint64_t hash) {
        json answer = extra;
        answer["tick"] = tick;
        answer["state_hash"] = hex_hash(hash);
        boost::asio::post(*parts_.workers, [this, call, admin, action, answer] {
            audit(admin, call->ip, action, answer, true);
            call->answer(ok_json(answer));
        });
    });
    answer_by_deadline(call, *parts_.workers, kAdminWaitTimeout_s,
                       unavailable("the world was not replaced in time"));
}

// --- Stations and map ----------------------------------------------------------------------

void AdminApi::list_stations(const std::shared_ptr<Call>& call) {
    Engine* engine = running_engine(*parts_.world);
    if (engine == nullptr) return (void)call->answer(world_unavailable(*parts_.world));
    engine->inspect([call](const sim::World& world, std::uint64_t) {
        json out = json::array();
        for (const sim::Station& s : world.stations) out.push_back(station_json(world, s));
        call->answer(ok_json({{"stations", out}}));
    });
    answer_by_deadline(call, *parts_.workers, kAdminWaitTimeout_s, unavailable("world busy"));
}

void AdminApi::spawn_station(const std::shared_ptr<Call>& call) {
    StationBody body;
    if (auto e = parse_station_body(call->body(), &body)) return (void)call->answer(invalid(*e));
    Engine* engine = running_engine(*parts_.world);
    if (engine == nullptr) return (void)call->answer(world_unavailable(*parts_.world));
    if (engine->status().paused) return (void)call->answer(paused_refusal());
    // The body is looked up in the world at the boundary, then the spawn goes in the next tick.
    const std::string admin = call->admin.username;
    engine->inspect([this, call, body, admin, engine](const sim::World& world, std::uint64_t) {
        int body_index = -1;
        for (std::size_t i = 0; i < world.bodies.size(); ++i) {
            if (username_key(world.bodies[i].def.name) == username_key(body.body)) {
                body_index = static_cast<int>(i);
            }
        }
        if (body_index < 0) {
            return (void)call->answer(invalid({ErrorCode::InvalidField, "no body named \"" +
                                                                            body.body + "\""}));
        }
        sim::Command c;
        c.type = sim::CommandType::SpawnStation;
        c.name = body.name;
        c.spawn.kind = sim::SpawnKind::Orbit;
        c.spawn.orbit.body_index = static_cast<std::uint32_t>(body_index);
        c.spawn.orbit.altitude_m = body.altitude_m;
        c.spawn.orbit.inclination_rad = body.inclination_deg * (kPi / 180.0);
        engine->submit_admin({c}, [this, call, body, admin](const sim::World& after,
                                                            std::uint64_t,
                                                            const std::vector<sim::Event>& events) {
            for (const sim::Event& e : events) {
                if (e.type == sim::EventType::StationSpawned) {
                    const sim::Station* s = sim::find_station(after, e.station);
                    if (s == nullptr || s->name != body.name) continue;
                    json station = station_json(after, *s);
                    boost::asio::post(*parts_.workers, [this, call, admin, station] {
                        audit(admin, call->ip, "station_spawn", station, true);
                        call->answer(
                            json_response(http::status::created, {{"station", station}}));
                    });
                    return;
                }
            }
            std::string reason = "the world refused the station";
            for (const sim::Event& e : events) {
                if (e.type == sim::EventType::CommandRejected && e.ship == 0) reason = e.reason;
            }
            call->answer(error_response(http::status::conflict, ErrorCode::CommandRejected, reason));
        });
    });
    answer_by_deadline(call, *parts_.workers, kAdminWaitTimeout_s,
                       unavailable("the station was not spawned in time"));
}

void AdminApi::remove_station(const std::shared_ptr<Call>& call) {
    const std::optional<std::int64_t> id = parse_path_id(call->ids.at(0));
    if (!id || *id > 0xffffffffLL) return (void)call->answer(not_found("no station with that id"));
    Engine* engine = running_engine(*parts_.world);
    if (engine == nullptr) return (void)call->answer(world_unavailable(*parts_.world));
    if (engine->status().paused) return (void)call->answer(paused_refusal());
    sim::Command c;
    c.type = sim::CommandType::RemoveStation;
    c.station = static_cast<std::uint32_t>(*id);
    const std::string admin = call->admin.username;
    engine->submit_admin({c}, [this, call, admin, station = c.station](
                                  const sim::World&, std::uint64_t,
                                  const std::vector<sim::Event>& events) {
        for (const sim::Event& e : events) {
            if (e.type == sim::EventType::StationRemoved && e.station == station) {
                boost::asio::post(*parts_.workers, [this, call, admin, station] {
                    audit(admin, call->ip, "station_remove", {{"station_id", station}}, true);
                    call->answer(ok_json({{"removed", station}}));
                });
                return;
            }
        }
        call->answer(not_found("no station with that id"));
    });
    answer_by_deadline(call, *parts_.workers, kAdminWaitTimeout_s,
                       unavailable("the station was not removed in time"));
}

void AdminApi::map(const std::shared_ptr<Call>& call) {
    Engine* engine = running_engine(*parts_.world);
    if (engine == nullptr) return (void)call->answer(world_unavailable(*parts_.world));
    engine->inspect([call](const sim::World& world, std::uint64_t tick) {
        json bodies = json::array();
        for (const sim::Body& b : world.bodies) {
            const std::string parent =
                b.parent_index < 0
                    ? std::string()
                    : world.bodies[static_cast<std::size_t>(b.parent_index)].def.name;
            bodies.push_back({{"name", b.def.name},
                              {"x", b.position_m.x},
                              {"y", b.position_m.y},
                              {"radius_m", b.def.mean_radius_m},
                              {"parent", parent}});
        }
        json ships = json::array();
        for (const sim::Ship& s : world.ships) {
            const int body = sim::reference_body_index(world, s.position_m);
            ships.push_back({{"id", s.id},
                             {"name", s.name},
                             {"x", s.position_m.x},
                             {"y", s.position_m.y},
                             {"body", world.bodies[static_cast<std::size_t>(body)].def.name}});
        }
        json stations = json::array();
        for (const sim::Station& s : world.stations) {
            stations.push_back(
                {{"id", s.id}, {"name", s.name}, {"x", s.position_m.x}, {"y", s.position_m.y}});
        }
        call->answer(ok_json({{"tick", tick},
                              {"game_time_s", world.game_time_s},
                              {"bodies", bodies},
                              {"ships", ships},
                              {"stations", stations}}));
    });
    answer_by_deadline(call, *parts_.workers, kAdminWaitTimeout_s, unavailable("world busy"));
}

}  // namespace galaxy::server
