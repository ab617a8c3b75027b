// galaxy-session.js: the client Session and the LocalServer for Node (Embind), so the JavaScript
// tests can drive the real C++ session: frames in, messages out, figures as plain objects.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "galaxy/client/local_server.hpp"
#include "galaxy/client/session.hpp"
#include "galaxy/sim/hash.hpp"

namespace galaxy::client {
namespace {

using emscripten::val;

val vec3(sim::Vec3 v) {
    val a = val::array();
    a.call<void>("push", v.x, v.y, v.z);
    return a;
}

// A JS [x, y, z] as a vector; false when it is not three numbers.
bool to_vec3(const val& v, sim::Vec3* out) {
    if (!v.isArray() || v["length"].as<unsigned>() != 3) return false;
    for (unsigned i = 0; i < 3; ++i) {
        if (!v[i].isNumber()) return false;
    }
    *out = {v[0].as<double>(), v[1].as<double>(), v[2].as<double>()};
    return true;
}

val ship_object(const sim::Ship* ship) {
    if (ship == nullptr) return val::null();
    val o = val::object();
    o.set("id", ship->id);
    o.set("name", ship->name);
    o.set("position", vec3(ship->position_m));
    o.set("velocity", vec3(ship->velocity_m_s));
    o.set("throttle", ship->controls.throttle);
    o.set("attitude", std::string(sim::attitude_mode_name(ship->controls.mode)));
    o.set("fuel_kg", ship->fuel_kg);
    o.set("docked_station", ship->docked_station);
    return o;
}

// The session as JavaScript sees it: bytes arrive as Uint8Array (Embind copies them into a
// std::string), 64-bit figures leave as numbers (all below 2^53) or decimal strings (hashes).
class SessionHandle {
public:
    void on_connected(double now_ms) { session_.on_connected(now_ms); }
    void on_disconnected(double now_ms) { session_.on_disconnected(now_ms); }
    void receive_text(const std::string& text, double now_ms) {
        session_.receive_text(text, now_ms);
    }
    void receive_binary(const std::string& bytes, double now_ms) {
        session_.receive_binary(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(),
                                now_ms);
    }
    void advance(double now_ms) { session_.advance(now_ms); }

    // {throttle?, attitude? ("PROGRADE", ...), rates? [x,y,z] rad/s, rcs? [x,y,z]} -> seq, or
    // 0 when nothing was sent (no world, no ship, no valid field).
    std::uint32_t send_control(const val& fields, double now_ms) {
        proto::ClientMessage m;
        m.type = proto::ClientMessageType::Control;
        if (fields["throttle"].isNumber()) m.throttle = fields["throttle"].as<double>();
        sim::AttitudeMode mode;
        if (fields["attitude"].isString() &&
            sim::attitude_mode_from_name(fields["attitude"].as<std::string>(), &mode)) {
            m.attitude = mode;
        }
        sim::Vec3 v;
        if (to_vec3(fields["rates"], &v)) m.manual_rates_rad_s = v;
        if (to_vec3(fields["rcs"], &v)) m.rcs_translation = v;
        if (!m.throttle && !m.attitude && !m.manual_rates_rad_s && !m.rcs_translation) return 0;
        return session_.send_command(m, now_ms);
    }
    std::uint32_t set_throttle(double value, double now_ms) {
        proto::ClientMessage m;
        m.type = proto::ClientMessageType::Control;
        m.throttle = value;
        return session_.send_command(m, now_ms);
    }
    std::uint32_t dock(double now_ms) {
        return send_simple(proto::ClientMessageType::Dock, now_ms);
    }
    std::uint32_t undock(double now_ms) {
        return send_simple(proto::ClientMessageType::Undock, now_ms);
    }
    bool send_chat(const std::string& text, double now_ms) {
        return session_.send_chat(text, now_ms);
    }

    val take_outgoing() {
        val out = val::array();
        for (const std::string& text : session_.take_outgoing()) out.call<void>("push", text);
        return out;
    }
    val take_notices() {
        static const char* const kKinds[] = {"info", "warning", "error"};
        val out = val::array();
        for (const Notice& n : session_.take_notices()) {
            val o = val::object();
            o.set("kind", std::string(kKinds[static_cast<int>(n.kind)]));
            o.set("text", n.text);
            o.set("time_ms", n.time_ms);
            out.call<void>("push", o);
        }
        return out;
    }
    val stats() const {
        const NetworkStats& s = session_.stats();
        val o = val::object();
        o.set("ping_ms", s.ping_ms);
        o.set("ping_min_ms", s.ping_min_ms);
        o.set("server_tick", static_cast<double>(s.server_tick));
        o.set("prediction_error_m", s.prediction_error_m);
        o.set("lead_game_s", s.lead_game_s);
        o.set("game_rate", s.game_rate);
        o.set("keyframes", s.keyframes);
        o.set("updates", s.updates);
        o.set("hash_checks", s.hash_checks);
        o.set("hash_mismatches", s.hash_mismatches);
        o.set("decode_errors", s.decode_errors);
        o.set("bytes_received", static_cast<double>(s.bytes_received));
        o.set("pending_commands", s.pending_commands);
        return o;
    }
    bool has_world() const { return session_.has_world(); }
    std::uint32_t own_ship_id() const { return session_.own_ship_id(); }
    val own_ship() const { return ship_object(session_.own_ship()); }
    val confirmed_own_ship() const {
        return ship_object(sim::find_ship(session_.confirmed_world(), session_.own_ship_id()));
    }
    double game_time_s() const { return session_.world().game_time_s; }
    double confirmed_game_time_s() const { return session_.confirmed_world().game_time_s; }
    std::string state_hash() const {
        return std::to_string(sim::state_hash(session_.confirmed_world()));
    }
    double server_time_us(double now_ms) const {
        return static_cast<double>(session_.server_time_us(now_ms));
    }

    Session& session() { return session_; }

private:
    std::uint32_t send_simple(proto::ClientMessageType type, double now_ms) {
        proto::ClientMessage m;
        m.type = type;
        return session_.send_command(m, now_ms);
    }

    Session session_;
};

class LocalServerHandle {
public:
    LocalServerHandle(std::uint32_t ships, double seed, double now_ms)
        : server_(make_def(ships, seed), now_ms) {}
    void poll(double now_ms, SessionHandle& session) { server_.poll(now_ms, session.session()); }
    std::uint32_t pilot_ship_id() const { return server_.pilot_ship_id(); }
    std::string state_hash() const { return std::to_string(sim::state_hash(server_.world())); }

private:
    static LocalServerDef make_def(std::uint32_t ships, double seed) {
        LocalServerDef def;
        def.ships = ships;
        // JavaScript numbers: whole values up to 2^53 are exact; anything else means seed 0.
        def.seed = seed >= 0.0 && seed <= 9007199254740992.0 ? static_cast<std::uint64_t>(seed) : 0;
        return def;
    }
    LocalServer server_;
};

}  // namespace
}  // namespace galaxy::client

EMSCRIPTEN_BINDINGS(galaxy_session) {
    using galaxy::client::LocalServerHandle;
    using galaxy::client::SessionHandle;
    emscripten::class_<SessionHandle>("Session")
        .constructor<>()
        .function("onConnected", &SessionHandle::on_connected)
        .function("onDisconnected", &SessionHandle::on_disconnected)
        .function("receiveText", &SessionHandle::receive_text)
        .function("receiveBinary", &SessionHandle::receive_binary)
        .function("advance", &SessionHandle::advance)
        .function("sendControl", &SessionHandle::send_control)
        .function("setThrottle", &SessionHandle::set_throttle)
        .function("dock", &SessionHandle::dock)
        .function("undock", &SessionHandle::undock)
        .function("sendChat", &SessionHandle::send_chat)
        .function("takeOutgoing", &SessionHandle::take_outgoing)
        .function("takeNotices", &SessionHandle::take_notices)
        .function("stats", &SessionHandle::stats)
        .function("hasWorld", &SessionHandle::has_world)
        .function("ownShipId", &SessionHandle::own_ship_id)
        .function("ownShip", &SessionHandle::own_ship)
        .function("confirmedOwnShip", &SessionHandle::confirmed_own_ship)
        .function("gameTime", &SessionHandle::game_time_s)
        .function("confirmedGameTime", &SessionHandle::confirmed_game_time_s)
        .function("stateHash", &SessionHandle::state_hash)
        .function("serverTimeUs", &SessionHandle::server_time_us);
    emscripten::class_<LocalServerHandle>("LocalServer")
        .constructor<std::uint32_t, double, double>()
        .function("poll", &LocalServerHandle::poll)
        .function("pilotShipId", &LocalServerHandle::pilot_ship_id)
        .function("stateHash", &LocalServerHandle::state_hash);
}
