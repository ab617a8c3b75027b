// Client messages: JSON field names, rules and the commands they stand for follow PROTOCOL.md,
// "Client messages".
#include "galaxy/proto/client_message.hpp"

#include <iterator>
#include <string>
#include <utility>

#include "json_fields.hpp"

namespace galaxy::proto {

namespace {

using json::Fields;
using json::Json;
using json::TextRule;

struct TypeName {
    ClientMessageType type;
    const char* name;
};

constexpr TypeName kTypeNames[] = {
    {ClientMessageType::Auth, "auth"},
    {ClientMessageType::Control, "control"},
    {ClientMessageType::Service, "service"},
    {ClientMessageType::Dock, "dock"},
    {ClientMessageType::Undock, "undock"},
    {ClientMessageType::Target, "target"},
    {ClientMessageType::Rename, "rename"},
    {ClientMessageType::Chat, "chat"},
    {ClientMessageType::Ping, "ping"},
    {ClientMessageType::KeyframeRequest, "keyframe_request"},
};

constexpr const char* kTargetKindNames[] = {"none", "body", "ship", "station"};
constexpr sim::ShipClass kShipClasses[] = {sim::ShipClass::CargoHauler, sim::ShipClass::FastFrigate};

const char* type_name(ClientMessageType type) {
    for (const TypeName& t : kTypeNames) {
        if (t.type == type) {
            return t.name;
        }
    }
    return "";
}

bool seq_field(Fields& f, ClientMessage* m) { return f.u32("seq", &m->seq); }

bool decode_auth(const Json& o, Fields& f, ClientMessage* m, DecodeError* e) {
    return json::check_fields(o, {"token", "protocol"}, e) &&
           f.text("token", 1, kMaxTokenBytes, TextRule::NoControl, &m->token) &&
           f.int32("protocol", &m->protocol_version);
}

bool decode_control(const Json& o, Fields& f, ClientMessage* m, DecodeError* e) {
    if (!json::check_fields(o, {"seq", "throttle", "attitude", "rates", "rcs"}, e) || !seq_field(f, m)) {
        return false;
    }
    if (!f.has("throttle") && !f.has("attitude") && !f.has("rates") && !f.has("rcs")) {
        return f.fail(ErrorCode::InvalidField, "control: needs at least one of throttle, attitude, rates, rcs");
    }
    if (f.has("throttle")) {
        double throttle = 0.0;
        if (!f.number("throttle", 0.0, 1.0, &throttle)) return false;
        m->throttle = throttle;
    }
    if (f.has("attitude")) {
        std::string name;
        sim::AttitudeMode mode = sim::AttitudeMode::Hold;
        if (!f.word("attitude", &name)) return false;
        if (!sim::attitude_mode_from_name(name, &mode)) {
            return f.fail(ErrorCode::OutOfRange, "\"attitude\": unknown attitude mode");
        }
        m->attitude = mode;
    }
    if (f.has("rates")) {
        sim::Vec3 rates;
        if (!f.vec3("rates", kMaxManualRate_rad_s, &rates)) return false;
        if (m->attitude.has_value() && *m->attitude != sim::AttitudeMode::Manual) {
            return f.fail(ErrorCode::InvalidField, "\"attitude\": must be \"MANUAL\" when \"rates\" is given");
        }
        m->manual_rates_rad_s = rates;
    }
    if (f.has("rcs")) {
        sim::Vec3 rcs;
        if (!f.vec3("rcs", 1.0, &rcs)) return false;
        m->rcs_translation = rcs;
    }
    return true;
}

bool decode_service(const Json& o, Fields& f, ClientMessage* m, DecodeError* e) {
    std::string action;
    if (!json::check_fields(o, {"seq", "action", "ship_class"}, e) || !seq_field(f, m) ||
        !f.word("action", &action)) {
        return false;
    }
    if (action == "refuel") {
        m->service = ServiceAction::Refuel;
    } else if (action == "reset") {
        m->service = ServiceAction::Reset;
    } else {
        return f.fail(ErrorCode::OutOfRange, "\"action\": must be \"refuel\" or \"reset\"");
    }
    if (!f.has("ship_class")) {
        return true;
    }
    if (m->service != ServiceAction::Reset) {
        return f.fail(ErrorCode::InvalidField, "\"ship_class\": only with \"action\": \"reset\"");
    }
    std::string name;
    if (!f.word("ship_class", &name)) return false;
    for (sim::ShipClass c : kShipClasses) {
        if (name == sim::ship_class_def(c).name) {
            m->ship_class = c;
            return true;
        }
    }
    return f.fail(ErrorCode::OutOfRange, "\"ship_class\": must be \"fast_frigate\" or \"cargo_hauler\"");
}

bool decode_target(const Json& o, Fields& f, ClientMessage* m, DecodeError* e) {
    std::string kind;
    if (!json::check_fields(o, {"seq", "kind", "id"}, e) || !seq_field(f, m) || !f.word("kind", &kind)) {
        return false;
    }
    bool known = false;
    for (std::size_t i = 0; i < std::size(kTargetKindNames); ++i) {
        if (kind == kTargetKindNames[i]) {
            m->target.kind = static_cast<sim::TargetKind>(i);
            known = true;
        }
    }
    if (!known) {
        return f.fail(ErrorCode::OutOfRange, "\"kind\": must be \"none\", \"body\", \"ship\" or \"station\"");
    }
    if (!f.u32("id", &m->target.id)) return false;
    if (m->target.kind == sim::TargetKind::None && m->target.id != 0) {
        return f.fail(ErrorCode::OutOfRange, "\"id\": must be 0 when \"kind\" is \"none\"");
    }
    return true;
}

bool decode_fields(ClientMessageType type, const Json& o, Fields& f, ClientMessage* m, DecodeError* e) {
    switch (type) {
        case ClientMessageType::Auth: return decode_auth(o, f, m, e);
        case ClientMessageType::Control: return decode_control(o, f, m, e);
        case ClientMessageType::Service: return decode_service(o, f, m, e);
        case ClientMessageType::Dock:
        case ClientMessageType::Undock: return json::check_fields(o, {"seq"}, e) && seq_field(f, m);
        case ClientMessageType::Target: return decode_target(o, f, m, e);
        case ClientMessageType::Rename:
            return json::check_fields(o, {"seq", "name"}, e) && seq_field(f, m) &&
                   f.text("name", 1, sim::kMaxNameLength, TextRule::Name, &m->text);
        case ClientMessageType::Chat:
            return json::check_fields(o, {"text"}, e) &&
                   f.text("text", 1, kMaxChatBytes, TextRule::NoControl, &m->text);
        case ClientMessageType::Ping:
            return json::check_fields(o, {"nonce"}, e) && f.unsigned_integer("nonce", json::kMaxSafeInteger, &m->nonce);
        case ClientMessageType::KeyframeRequest: return json::check_fields(o, {}, e);
    }
    return false;
}

Json vec3_json(const sim::Vec3& v) { return Json::array({v.x, v.y, v.z}); }

sim::Command ship_command(sim::CommandType type, std::uint32_t ship_id) {
    sim::Command c;
    c.type = type;
    c.ship = ship_id;
    return c;
}

bool same_target(const sim::TargetRef& a, const sim::TargetRef& b) { return a.kind == b.kind && a.id == b.id; }

}  // namespace

bool decode_client_message(std::string_view text, ClientMessage* out, DecodeError* error) {
    if (text.size() > kMaxMessageBytes) {
        *error = DecodeError{ErrorCode::MessageTooLarge,
                             "message over " + std::to_string(kMaxMessageBytes) + " bytes"};
        return false;
    }
    return json::decode_message(text, kTypeNames, decode_fields, out, error);
}

std::string encode_client_message(const ClientMessage& m) {
    Json o = Json::object();
    o["type"] = type_name(m.type);
    switch (m.type) {
        case ClientMessageType::Auth:
            o["token"] = m.token;
            o["protocol"] = m.protocol_version;
            break;
        case ClientMessageType::Control:
            o["seq"] = m.seq;
            if (m.throttle) o["throttle"] = *m.throttle;
            if (m.attitude) o["attitude"] = sim::attitude_mode_name(*m.attitude);
            if (m.manual_rates_rad_s) o["rates"] = vec3_json(*m.manual_rates_rad_s);
            if (m.rcs_translation) o["rcs"] = vec3_json(*m.rcs_translation);
            break;
        case ClientMessageType::Service:
            o["seq"] = m.seq;
            o["action"] = m.service == ServiceAction::Reset ? "reset" : "refuel";
            if (m.service == ServiceAction::Reset && m.ship_class) {
                o["ship_class"] = sim::ship_class_def(*m.ship_class).name;
            }
            break;
        case ClientMessageType::Dock:
        case ClientMessageType::Undock:
            o["seq"] = m.seq;
            break;
        case ClientMessageType::Target: {
            const auto kind = static_cast<std::size_t>(m.target.kind);
            o["seq"] = m.seq;
            o["kind"] = kind < std::size(kTargetKindNames) ? kTargetKindNames[kind] : "";
            o["id"] = m.target.id;
            break;
        }
        case ClientMessageType::Rename:
            o["seq"] = m.seq;
            o["name"] = m.text;
            break;
        case ClientMessageType::Chat:
            o["text"] = m.text;
            break;
        case ClientMessageType::Ping:
            o["nonce"] = m.nonce;
            break;
        case ClientMessageType::KeyframeRequest:
            break;
    }
    return json::dump(o);
}

std::vector<sim::Command> commands_for(const ClientMessage& m, std::uint32_t ship_id) {
    using sim::CommandType;
    std::vector<sim::Command> commands;
    switch (m.type) {
        case ClientMessageType::Control:
            if (m.throttle) {
                commands.push_back(ship_command(CommandType::SetThrottle, ship_id));
                commands.back().value = *m.throttle;
            }
            if (m.attitude) {
                commands.push_back(ship_command(CommandType::SetAttitudeMode, ship_id));
                commands.back().mode = *m.attitude;
            }
            if (m.manual_rates_rad_s) {
                commands.push_back(ship_command(CommandType::SetManualRates, ship_id));
                commands.back().vector = *m.manual_rates_rad_s;
            }
            if (m.rcs_translation) {
                commands.push_back(ship_command(CommandType::SetRcsTranslation, ship_id));
                commands.back().vector = *m.rcs_translation;
            }
            break;
        case ClientMessageType::Service:
            if (m.service == ServiceAction::Refuel) {
                commands.push_back(ship_command(CommandType::Refuel, ship_id));
            } else {
                commands.push_back(ship_command(CommandType::ResetShip, ship_id));
                commands.back().ship_class = m.ship_class.value_or(sim::ShipClass::FastFrigate);
            }
            break;
        case ClientMessageType::Dock:
            commands.push_back(ship_command(CommandType::Dock, ship_id));
            break;
        case ClientMessageType::Undock:
            commands.push_back(ship_command(CommandType::Undock, ship_id));
            break;
        case ClientMessageType::Target:
            commands.push_back(ship_command(CommandType::SetTarget, ship_id));
            commands.back().target = m.target;
            break;
        case ClientMessageType::Rename:
            commands.push_back(ship_command(CommandType::RenameShip, ship_id));
            commands.back().name = m.text;
            break;
        case ClientMessageType::Auth:
        case ClientMessageType::Chat:
        case ClientMessageType::Ping:
        case ClientMessageType::KeyframeRequest:
            break;
    }
    return commands;
}

bool operator==(const ClientMessage& a, const ClientMessage& b) {
    return a.type == b.type && a.seq == b.seq && a.token == b.token &&
           a.protocol_version == b.protocol_version && a.throttle == b.throttle &&
           a.attitude == b.attitude && a.manual_rates_rad_s == b.manual_rates_rad_s &&
           a.rcs_translation == b.rcs_translation && a.service == b.service &&
           a.ship_class == b.ship_class && same_target(a.target, b.target) && a.text == b.text &&
           a.nonce == b.nonce;
}

}  // namespace galaxy::proto
