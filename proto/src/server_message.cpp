// Server messages: JSON field names and rules follow PROTOCOL.md, "Server messages".
#include "galaxy/proto/server_message.hpp"

#include <string>
#include <utility>

#include "json_fields.hpp"

namespace galaxy::proto {

namespace {

using json::Fields;
using json::Json;
using json::TextRule;

struct TypeName {
    ServerMessageType type;
    const char* name;
};

constexpr TypeName kTypeNames[] = {
    {ServerMessageType::Welcome, "welcome"}, {ServerMessageType::Ack, "ack"},
    {ServerMessageType::Error, "error"},     {ServerMessageType::Pong, "pong"},
    {ServerMessageType::Event, "event"},     {ServerMessageType::Chat, "chat"},
};

// The fields an event of each kind carries, besides "event" and "tick".
enum EventField : unsigned {
    kShip = 1u << 0, kStation = 1u << 1, kBody = 1u << 2, kByShip = 1u << 3, kSeq = 1u << 4,
    kReason = 1u << 5,
};

struct EventFieldName {
    EventField bit;
    const char* name;
};

constexpr EventFieldName kEventFieldNames[] = {
    {kShip, "ship"}, {kStation, "station"}, {kBody, "body"},
    {kByShip, "by_ship"}, {kSeq, "seq"}, {kReason, "reason"},
};

struct EventKindInfo {
    EventKind kind;
    const char* name;
    unsigned fields;
};

constexpr EventKindInfo kEventKinds[] = {
    {EventKind::ShipSpawned, "ship_spawned", kShip},
    {EventKind::ShipRemoved, "ship_removed", kShip},
    {EventKind::ShipCrashed, "ship_crashed", kShip | kBody},
    {EventKind::StationSpawned, "station_spawned", kStation},
    {EventKind::StationRemoved, "station_removed", kStation},
    {EventKind::Docked, "docked", kShip | kStation},
    {EventKind::Undocked, "undocked", kShip | kStation},
    {EventKind::Targeted, "targeted", kShip | kByShip},
    {EventKind::CommandRejected, "command_rejected", kSeq | kReason},
};

// Welcome ranges: wide enough for any server setting, narrow enough to catch garbage.
constexpr double kMinTickRate_hz = 0.01;
constexpr double kMaxTickRate_hz = 1000.0;
constexpr double kMaxTimeScale = 1.0e6;

const EventKindInfo* event_info(EventKind kind) {
    for (const EventKindInfo& info : kEventKinds) {
        if (info.kind == kind) {
            return &info;
        }
    }
    return nullptr;
}

bool decode_welcome(const Json& o, Fields& f, ServerMessage* m, DecodeError* e) {
    return json::check_fields(o, {"protocol", "player_id", "username", "ship_id", "tick_rate_hz", "time_scale",
                                  "paused", "hash_interval_ticks"},
                              e) &&
           f.int32("protocol", &m->protocol_version) &&
           f.unsigned_integer("player_id", json::kMaxSafeInteger, &m->player_id) &&
           f.text("username", 1, kMaxServerTextBytes, TextRule::NoControl, &m->username) &&
           f.u32("ship_id", &m->ship_id) &&
           f.number("tick_rate_hz", kMinTickRate_hz, kMaxTickRate_hz, &m->tick_rate_hz) &&
           f.number("time_scale", 0.0, kMaxTimeScale, &m->time_scale) && f.boolean("paused", &m->paused) &&
           f.u32("hash_interval_ticks", &m->hash_interval_ticks);
}

bool decode_error(const Json& o, Fields& f, ServerMessage* m, DecodeError* e) {
    std::string code;
    if (!json::check_fields(o, {"code", "message", "seq"}, e) || !f.word("code", &code)) {
        return false;
    }
    if (!error_code_from_string(code.c_str(), &m->code)) {
        return f.fail(ErrorCode::OutOfRange, "\"code\": unknown error code");
    }
    return f.text("message", 1, kMaxServerTextBytes, TextRule::NoControl, &m->message) &&
           (!f.has("seq") || f.u32("seq", &m->seq));
}

bool decode_event(const Json& o, Fields& f, ServerMessage* m, DecodeError* e) {
    std::string name;
    if (!f.word("event", &name)) {
        return false;
    }
    const EventKindInfo* info = nullptr;
    for (const EventKindInfo& candidate : kEventKinds) {
        if (name == candidate.name) {
            info = &candidate;
        }
    }
    if (info == nullptr) {
        return f.fail(ErrorCode::OutOfRange, "\"event\": unknown event");
    }
    m->event = info->kind;
    const unsigned want = info->fields;
    // Fields of other kinds are unknown here, as in every other message.
    for (const auto& item : o.items()) {
        const std::string& key = item.key();
        bool known = key == "type" || key == "event" || key == "tick";
        for (const EventFieldName& field : kEventFieldNames) {
            known = known || ((want & field.bit) != 0 && key == field.name);
        }
        if (!known) {
            *e = DecodeError{ErrorCode::InvalidField, "\"" + key + "\": unknown field for this event"};
            return false;
        }
    }
    return f.unsigned_integer("tick", json::kMaxSafeInteger, &m->tick) &&
           ((want & kShip) == 0 || f.u32("ship", &m->ship)) &&
           ((want & kStation) == 0 || f.u32("station", &m->station)) &&
           ((want & kBody) == 0 || f.u32("body", &m->body)) &&
           ((want & kByShip) == 0 || f.u32("by_ship", &m->by_ship)) &&
           ((want & kSeq) == 0 || f.u32("seq", &m->seq)) &&
           ((want & kReason) == 0 ||
            f.text("reason", 1, kMaxServerTextBytes, TextRule::NoControl, &m->reason));
}

bool decode_fields(ServerMessageType type, const Json& o, Fields& f, ServerMessage* m, DecodeError* e) {
    switch (type) {
        case ServerMessageType::Welcome: return decode_welcome(o, f, m, e);
        case ServerMessageType::Ack:
            return json::check_fields(o, {"seq", "tick"}, e) && f.u32("seq", &m->seq) &&
                   f.unsigned_integer("tick", json::kMaxSafeInteger, &m->tick);
        case ServerMessageType::Error: return decode_error(o, f, m, e);
        case ServerMessageType::Pong:
            return json::check_fields(o, {"nonce", "tick", "server_time_us"}, e) &&
                   f.unsigned_integer("nonce", json::kMaxSafeInteger, &m->nonce) &&
                   f.unsigned_integer("tick", json::kMaxSafeInteger, &m->tick) &&
                   f.unsigned_integer("server_time_us", json::kMaxSafeInteger, &m->server_time_us);
        case ServerMessageType::Event: return decode_event(o, f, m, e);
        case ServerMessageType::Chat:
            return json::check_fields(o, {"from", "from_ship", "text", "server_time_us"}, e) &&
                   f.text("from", 1, kMaxServerTextBytes, TextRule::NoControl, &m->from) &&
                   f.u32("from_ship", &m->from_ship) &&
                   f.text("text", 1, kMaxChatBytes, TextRule::NoControl, &m->text) &&
                   f.unsigned_integer("server_time_us", json::kMaxSafeInteger, &m->server_time_us);
    }
    return false;
}

void encode_event(const ServerMessage& m, Json& o) {
    const EventKindInfo* info = event_info(m.event);
    const unsigned fields = info != nullptr ? info->fields : 0;
    o["event"] = info != nullptr ? info->name : "";
    o["tick"] = m.tick;
    if ((fields & kShip) != 0) o["ship"] = m.ship;
    if ((fields & kStation) != 0) o["station"] = m.station;
    if ((fields & kBody) != 0) o["body"] = m.body;
    if ((fields & kByShip) != 0) o["by_ship"] = m.by_ship;
    if ((fields & kSeq) != 0) o["seq"] = m.seq;
    if ((fields & kReason) != 0) o["reason"] = m.reason;
}

}  // namespace

const char* event_kind_name(EventKind kind) {
    const EventKindInfo* info = event_info(kind);
    return info != nullptr ? info->name : "";
}

std::string encode_server_message(const ServerMessage& m) {
    Json o = Json::object();
    for (const TypeName& t : kTypeNames) {
        if (t.type == m.type) {
            o["type"] = t.name;
        }
    }
    switch (m.type) {
        case ServerMessageType::Welcome:
            o["protocol"] = m.protocol_version;
            o["player_id"] = m.player_id;
            o["username"] = m.username;
            o["ship_id"] = m.ship_id;
            o["tick_rate_hz"] = m.tick_rate_hz;
            o["time_scale"] = m.time_scale;
            o["paused"] = m.paused;
            o["hash_interval_ticks"] = m.hash_interval_ticks;
            break;
        case ServerMessageType::Ack:
            o["seq"] = m.seq;
            o["tick"] = m.tick;
            break;
        case ServerMessageType::Error:
            o["code"] = error_code_string(m.code);
            o["message"] = m.message;
            // seq 0 stands for "not about a command" and is left out.
            if (m.seq != 0) o["seq"] = m.seq;
            break;
        case ServerMessageType::Pong:
            o["nonce"] = m.nonce;
            o["tick"] = m.tick;
            o["server_time_us"] = m.server_time_us;
            break;
        case ServerMessageType::Event:
            encode_event(m, o);
            break;
        case ServerMessageType::Chat:
            o["from"] = m.from;
            o["from_ship"] = m.from_ship;
            o["text"] = m.text;
            o["server_time_us"] = m.server_time_us;
            break;
    }
    return json::dump(o);
}

bool decode_server_message(std::string_view text, ServerMessage* out, DecodeError* error) {
    return json::decode_message(text, kTypeNames, decode_fields, out, error);
}

bool operator==(const ServerMessage& a, const ServerMessage& b) {
    return a.type == b.type && a.protocol_version == b.protocol_version && a.player_id == b.player_id &&
           a.username == b.username && a.ship_id == b.ship_id && a.tick_rate_hz == b.tick_rate_hz &&
           a.time_scale == b.time_scale && a.paused == b.paused &&
           a.hash_interval_ticks == b.hash_interval_ticks && a.seq == b.seq && a.tick == b.tick &&
           a.code == b.code && a.message == b.message && a.nonce == b.nonce &&
           a.server_time_us == b.server_time_us && a.event == b.event && a.ship == b.ship &&
           a.station == b.station && a.body == b.body && a.by_ship == b.by_ship && a.reason == b.reason &&
           a.from == b.from && a.from_ship == b.from_ship && a.text == b.text;
}

}  // namespace galaxy::proto
