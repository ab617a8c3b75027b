// Server messages (server_message.hpp) against PROTOCOL.md, "Server messages": wire names,
// round trips of every type and event kind, and one table row per rule that rejects.
#include "galaxy/proto/server_message.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "proto/samples.hpp"

namespace gp = galaxy::proto;

namespace {

gp::ServerMessage decode_ok(const std::string& text) {
    gp::ServerMessage m;
    gp::DecodeError error;
    EXPECT_TRUE(gp::decode_server_message(text, &m, &error)) << text << " -> " << error.message;
    return m;
}

TEST(ServerMessage, EverySampleRoundTripsThroughItsJson) {
    for (const gp::ServerMessage& m : gp::test::sample_server_messages()) {
        const std::string text = gp::encode_server_message(m);
        gp::ServerMessage back;
        gp::DecodeError error;
        ASSERT_TRUE(gp::decode_server_message(text, &back, &error)) << text << " -> " << error.message;
        EXPECT_TRUE(back == m) << text;
        EXPECT_EQ(gp::encode_server_message(back), text);
    }
}

TEST(ServerMessage, EncodesTheFieldNamesOfTheSpecification) {
    const std::vector<gp::ServerMessage> s = gp::test::sample_server_messages();
    EXPECT_EQ(gp::encode_server_message(s[0]),
              R"({"type":"welcome","protocol":1,"player_id":42,"username":"alice","ship_id":17,)"
              R"("tick_rate_hz":10.0,"time_scale":1.0,"paused":false,"hash_interval_ticks":10})");
    EXPECT_EQ(gp::encode_server_message(s[2]), R"({"type":"ack","seq":12,"tick":123456})");
    EXPECT_EQ(gp::encode_server_message(s[3]),
              R"({"type":"error","code":"E004","message":"\"throttle\": must be within 0.0..1.0","seq":13})");
    EXPECT_EQ(gp::encode_server_message(s[4]),
              R"({"type":"error","code":"E011","message":"over 50 messages per second"})");
    EXPECT_EQ(gp::encode_server_message(s[5]),
              R"({"type":"pong","nonce":99,"tick":1000,"server_time_us":1760000000000000})");
    EXPECT_EQ(gp::encode_server_message(s.back()),
              R"({"type":"chat","from":"bob","from_ship":22,"text":"o7","server_time_us":1760000000000000})");
}

TEST(ServerMessage, EventsCarryExactlyTheFieldsOfTheirKind) {
    const char* expected[] = {
        R"({"type":"event","event":"ship_spawned","tick":5000,"ship":21})",
        R"({"type":"event","event":"ship_removed","tick":5000,"ship":21})",
        R"({"type":"event","event":"ship_crashed","tick":5000,"ship":21,"body":0})",
        R"({"type":"event","event":"station_spawned","tick":5000,"station":3})",
        R"({"type":"event","event":"station_removed","tick":5000,"station":3})",
        R"({"type":"event","event":"docked","tick":5000,"ship":21,"station":1})",
        R"({"type":"event","event":"undocked","tick":5000,"ship":21,"station":1})",
        R"({"type":"event","event":"targeted","tick":5000,"ship":21,"by_ship":22})",
        R"({"type":"event","event":"command_rejected","tick":5000,"seq":14,"reason":"refuelling needs the ship docked"})",
    };
    std::size_t i = 0;
    for (const gp::ServerMessage& m : gp::test::sample_server_messages()) {
        if (m.type != gp::ServerMessageType::Event) continue;
        ASSERT_LT(i, std::size(expected));
        EXPECT_EQ(gp::encode_server_message(m), expected[i]);
        ++i;
    }
    EXPECT_EQ(i, std::size(expected));
}

TEST(ServerMessage, EventKindNamesAreTheWireNames) {
    EXPECT_STREQ(gp::event_kind_name(gp::EventKind::ShipSpawned), "ship_spawned");
    EXPECT_STREQ(gp::event_kind_name(gp::EventKind::ShipRemoved), "ship_removed");
    EXPECT_STREQ(gp::event_kind_name(gp::EventKind::ShipCrashed), "ship_crashed");
    EXPECT_STREQ(gp::event_kind_name(gp::EventKind::StationSpawned), "station_spawned");
    EXPECT_STREQ(gp::event_kind_name(gp::EventKind::StationRemoved), "station_removed");
    EXPECT_STREQ(gp::event_kind_name(gp::EventKind::Docked), "docked");
    EXPECT_STREQ(gp::event_kind_name(gp::EventKind::Undocked), "undocked");
    EXPECT_STREQ(gp::event_kind_name(gp::EventKind::Targeted), "targeted");
    EXPECT_STREQ(gp::event_kind_name(gp::EventKind::CommandRejected), "command_rejected");
    EXPECT_STREQ(gp::event_kind_name(static_cast<gp::EventKind>(200)), "");
}

TEST(ServerMessage, AnErrorWithoutSeqDecodesAsSeqZero) {
    const gp::ServerMessage m = decode_ok(R"({"type":"error","code":"E006","message":"authenticate first"})");
    EXPECT_EQ(m.code, gp::ErrorCode::NotAuthenticated);
    EXPECT_EQ(m.seq, 0u);
    EXPECT_EQ(decode_ok(R"({"type":"error","code":"E012","message":"m","seq":9})").seq, 9u);
}

TEST(ServerMessage, WelcomeAcceptsIntegersForItsRealNumbers) {
    const gp::ServerMessage m = decode_ok(
        R"({"type":"welcome","protocol":1,"player_id":1,"username":"u","ship_id":2,"tick_rate_hz":60,)"
        R"("time_scale":100000,"paused":true,"hash_interval_ticks":1})");
    EXPECT_EQ(m.tick_rate_hz, 60.0);
    EXPECT_EQ(m.time_scale, 100000.0);
    EXPECT_TRUE(m.paused);
}

struct BadCase {
    const char* what;
    std::string text;
    gp::ErrorCode code;
};

std::string welcome_with(const std::string& field, const std::string& value) {
    gp::ServerMessage m = gp::test::sample_server_messages()[0];
    std::string text = gp::encode_server_message(m);
    const std::string key = "\"" + field + "\":";
    const std::size_t at = text.find(key);
    const std::size_t end = text.find_first_of(",}", at + key.size());
    return text.substr(0, at + key.size()) + value + text.substr(end);
}

std::vector<BadCase> bad_cases() {
    using gp::ErrorCode;
    return {
        {"not json", "{", ErrorCode::MalformedJson},
        {"not an object", "[]", ErrorCode::MalformedJson},
        {"no type", R"({"seq":1,"tick":2})", ErrorCode::UnknownType},
        {"client type", R"({"type":"ping","nonce":1})", ErrorCode::UnknownType},
        {"ack repeated seq", R"({"type":"ack","seq":1,"seq":2,"tick":2})", ErrorCode::InvalidField},
        {"ack missing tick", R"({"type":"ack","seq":1})", ErrorCode::InvalidField},
        {"ack unknown field", R"({"type":"ack","seq":1,"tick":2,"ship":3})", ErrorCode::InvalidField},
        {"ack tick over 2^53", R"({"type":"ack","seq":1,"tick":9007199254740993})", ErrorCode::OutOfRange},
        {"welcome protocol string", welcome_with("protocol", "\"1\""), ErrorCode::InvalidField},
        {"welcome player_id negative", welcome_with("player_id", "-1"), ErrorCode::OutOfRange},
        {"welcome username empty", welcome_with("username", "\"\""), ErrorCode::InvalidString},
        {"welcome username control", welcome_with("username", "\"a\\nb\""), ErrorCode::InvalidString},
        {"welcome ship_id 2^32", welcome_with("ship_id", "4294967296"), ErrorCode::OutOfRange},
        {"welcome tick rate zero", welcome_with("tick_rate_hz", "0"), ErrorCode::OutOfRange},
        {"welcome tick rate huge", welcome_with("tick_rate_hz", "1e300"), ErrorCode::OutOfRange},
        {"welcome time scale negative", welcome_with("time_scale", "-1"), ErrorCode::OutOfRange},
        {"welcome paused number", welcome_with("paused", "1"), ErrorCode::InvalidField},
        {"welcome hash interval float", welcome_with("hash_interval_ticks", "10.5"), ErrorCode::InvalidField},
        {"error unknown code", R"({"type":"error","code":"E099","message":"m"})", ErrorCode::OutOfRange},
        {"error code number", R"({"type":"error","code":1,"message":"m"})", ErrorCode::InvalidField},
        {"error message missing", R"({"type":"error","code":"E001"})", ErrorCode::InvalidField},
        {"error message empty", R"({"type":"error","code":"E001","message":""})", ErrorCode::InvalidString},
        {"error message too long",
         R"({"type":"error","code":"E001","message":")" + std::string(gp::kMaxServerTextBytes + 1, 'm') + "\"}",
         ErrorCode::InvalidString},
        {"pong nonce missing", R"({"type":"pong","tick":1,"server_time_us":2})", ErrorCode::InvalidField},
        {"pong time float", R"({"type":"pong","nonce":1,"tick":1,"server_time_us":2.5})", ErrorCode::InvalidField},
        {"event unknown kind", R"({"type":"event","event":"exploded","tick":1,"ship":1})", ErrorCode::OutOfRange},
        {"event kind missing", R"({"type":"event","tick":1,"ship":1})", ErrorCode::InvalidField},
        {"event field of another kind", R"({"type":"event","event":"ship_spawned","tick":1,"ship":1,"station":2})",
         ErrorCode::InvalidField},
        {"event field missing", R"({"type":"event","event":"docked","tick":1,"ship":1})", ErrorCode::InvalidField},
        {"event reason empty", R"({"type":"event","event":"command_rejected","tick":1,"seq":1,"reason":""})",
         ErrorCode::InvalidString},
        {"chat text too long",
         R"({"type":"chat","from":"a","from_ship":1,"server_time_us":1,"text":")" +
             std::string(gp::kMaxChatBytes + 1, 't') + "\"}",
         ErrorCode::InvalidString},
        {"chat from missing", R"({"type":"chat","from_ship":1,"text":"t","server_time_us":1})", ErrorCode::InvalidField},
    };
}

TEST(ServerMessage, RejectsEveryMalformedInputWithItsErrorCode) {
    for (const BadCase& c : bad_cases()) {
        gp::ServerMessage m;
        gp::DecodeError error;
        EXPECT_FALSE(gp::decode_server_message(c.text, &m, &error)) << c.what << ": " << c.text;
        EXPECT_EQ(gp::error_code_string(error.code), std::string(gp::error_code_string(c.code)))
            << c.what << ": " << error.message;
    }
}

}  // namespace
