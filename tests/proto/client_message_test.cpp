// Client messages (client_message.hpp) against PROTOCOL.md, "Client messages": the wire names,
// round trips of every type, the boundaries that are accepted, and one table row per rule that
// rejects, each with its error code.
#include "galaxy/proto/client_message.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "proto/samples.hpp"

namespace gp = galaxy::proto;
namespace gs = galaxy::sim;

namespace {

gp::ClientMessage decode_ok(const std::string& text) {
    gp::ClientMessage m;
    gp::DecodeError error;
    EXPECT_TRUE(gp::decode_client_message(text, &m, &error)) << text << " -> " << error.message;
    return m;
}

std::string repeat(const std::string& unit, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += unit;
    return s;
}

TEST(ClientMessage, EverySampleRoundTripsThroughItsJson) {
    for (const gp::ClientMessage& m : gp::test::sample_client_messages()) {
        const std::string text = gp::encode_client_message(m);
        gp::ClientMessage back;
        gp::DecodeError error;
        ASSERT_TRUE(gp::decode_client_message(text, &back, &error)) << text << " -> " << error.message;
        EXPECT_TRUE(back == m) << text;
        EXPECT_EQ(gp::encode_client_message(back), text);
    }
}

TEST(ClientMessage, EncodesTheFieldNamesOfTheSpecification) {
    gp::ClientMessage m;
    m.type = gp::ClientMessageType::Control;
    m.seq = 7;
    m.throttle = 0.5;
    m.attitude = gs::AttitudeMode::Manual;
    m.manual_rates_rad_s = gs::Vec3{0.0, 0.25, -0.5};
    m.rcs_translation = gs::Vec3{1.0, 0.0, -1.0};
    EXPECT_EQ(gp::encode_client_message(m),
              R"({"type":"control","seq":7,"throttle":0.5,"attitude":"MANUAL","rates":[0.0,0.25,-0.5],"rcs":[1.0,0.0,-1.0]})");

    gp::ClientMessage auth;
    auth.type = gp::ClientMessageType::Auth;
    auth.token = "abc";
    auth.protocol_version = 1;
    EXPECT_EQ(gp::encode_client_message(auth), R"({"type":"auth","token":"abc","protocol":1})");

    gp::ClientMessage target;
    target.type = gp::ClientMessageType::Target;
    target.seq = 3;
    target.target = gs::TargetRef{gs::TargetKind::Station, 2};
    EXPECT_EQ(gp::encode_client_message(target), R"({"type":"target","seq":3,"kind":"station","id":2})");

    gp::ClientMessage reset;
    reset.type = gp::ClientMessageType::Service;
    reset.seq = 4;
    reset.service = gp::ServiceAction::Reset;
    reset.ship_class = gs::ShipClass::CargoHauler;
    EXPECT_EQ(gp::encode_client_message(reset),
              R"({"type":"service","seq":4,"action":"reset","ship_class":"cargo_hauler"})");

    gp::ClientMessage request;
    request.type = gp::ClientMessageType::KeyframeRequest;
    EXPECT_EQ(gp::encode_client_message(request), R"({"type":"keyframe_request"})");
}

TEST(ClientMessage, DecodesEveryTypeFromHandWrittenJson) {
    EXPECT_EQ(decode_ok(R"({"protocol":1,"token":"t","type":"auth"})").token, "t");
    EXPECT_EQ(decode_ok(R"({"type":"dock","seq":11})").type, gp::ClientMessageType::Dock);
    EXPECT_EQ(decode_ok(R"({"type":"undock","seq":12})").seq, 12u);
    EXPECT_EQ(decode_ok(R"({"type":"rename","seq":1,"name":"Nova"})").text, "Nova");
    EXPECT_EQ(decode_ok(R"({"type":"chat","text":"hi"})").text, "hi");
    EXPECT_EQ(decode_ok(R"({"type":"ping","nonce":77})").nonce, 77u);
    EXPECT_EQ(decode_ok(R"({"type":"service","seq":1,"action":"refuel"})").service, gp::ServiceAction::Refuel);
    const gp::ClientMessage target = decode_ok(R"({"type":"target","seq":1,"kind":"body","id":3})");
    EXPECT_EQ(target.target.kind, gs::TargetKind::Body);
    EXPECT_EQ(target.target.id, 3u);
    const gp::ClientMessage control = decode_ok(" \n{ \"type\" : \"control\", \"seq\": 2, \"attitude\": \"PROGRADE\" } ");
    ASSERT_TRUE(control.attitude.has_value());
    EXPECT_EQ(*control.attitude, gs::AttitudeMode::Prograde);
    EXPECT_FALSE(control.throttle.has_value());
}

TEST(ClientMessage, AcceptsValuesAtTheEdgesOfEveryRange) {
    EXPECT_EQ(*decode_ok(R"({"type":"control","seq":0,"throttle":0})").throttle, 0.0);
    EXPECT_EQ(*decode_ok(R"({"type":"control","seq":4294967295,"throttle":1})").throttle, 1.0);
    EXPECT_EQ(decode_ok(R"({"type":"control","seq":4294967295,"throttle":1})").seq, 4294967295u);
    EXPECT_EQ(decode_ok(R"({"type":"control","seq":1,"rates":[10,-10,1e-300]})").manual_rates_rad_s->y, -10.0);
    EXPECT_EQ(decode_ok(R"({"type":"control","seq":1,"rcs":[-1,1,-0.0]})").rcs_translation->x, -1.0);
    EXPECT_EQ(decode_ok(R"({"type":"ping","nonce":9007199254740992})").nonce, 9007199254740992u);
    EXPECT_EQ(decode_ok(R"({"type":"auth","token":"t","protocol":-2147483648})").protocol_version, -2147483647 - 1);
    EXPECT_EQ(decode_ok(R"({"type":"auth","token":"t","protocol":2147483647})").protocol_version, 2147483647);
    const std::string token(gp::kMaxTokenBytes, 'a');
    EXPECT_EQ(decode_ok(R"({"type":"auth","protocol":1,"token":")" + token + "\"}").token, token);
    const std::string chat = repeat("\xe2\x82\xac", gp::kMaxChatBytes / 3) + "x";   // 85 euro signs + x
    ASSERT_EQ(chat.size(), gp::kMaxChatBytes);
    EXPECT_EQ(decode_ok(R"({"type":"chat","text":")" + chat + "\"}").text, chat);
    const std::string name = repeat("n", gs::kMaxNameLength);
    EXPECT_EQ(decode_ok(R"({"type":"rename","seq":1,"name":")" + name + "\"}").text, name);
    EXPECT_EQ(decode_ok(R"({"type":"rename","seq":1,"name":" a "})").text, " a ");
    EXPECT_EQ(decode_ok(R"({"type":"chat","text":"   "})").text, "   ");
    EXPECT_EQ(decode_ok(R"({"type":"target","seq":1,"kind":"none","id":0})").target.kind, gs::TargetKind::None);
    EXPECT_EQ(decode_ok(R"({"type":"control","seq":1,"attitude":"MANUAL","rates":[0,0,1]})").attitude,
              gs::AttitudeMode::Manual);
    EXPECT_EQ(decode_ok(R"({"type":"service","seq":1,"action":"reset","ship_class":"fast_frigate"})").ship_class,
              gs::ShipClass::FastFrigate);
}

TEST(ClientMessage, AcceptsAMessageOfExactlyTheSizeLimit) {
    std::string text = R"({"type":"keyframe_request"})";
    text += std::string(gp::kMaxMessageBytes - text.size(), ' ');
    decode_ok(text);
    text += ' ';
    gp::ClientMessage m;
    gp::DecodeError error;
    EXPECT_FALSE(gp::decode_client_message(text, &m, &error));
    EXPECT_EQ(error.code, gp::ErrorCode::MessageTooLarge);
}

struct BadCase {
    const char* what;
    std::string text;
    gp::ErrorCode code;
};

std::vector<BadCase> bad_cases() {
    using gp::ErrorCode;
    const std::string long_token(gp::kMaxTokenBytes + 1, 'a');
    const std::string long_chat(gp::kMaxChatBytes + 1, 'c');
    const std::string long_name(gs::kMaxNameLength + 1, 'n');
    return {
        // E001: not JSON or not an object.
        {"empty", "", ErrorCode::MalformedJson},
        {"not json", "hello", ErrorCode::MalformedJson},
        {"unterminated", R"({"type":"ping")", ErrorCode::MalformedJson},
        {"trailing text", R"({"type":"ping","nonce":1} x)", ErrorCode::MalformedJson},
        {"array", R"([{"type":"ping","nonce":1}])", ErrorCode::MalformedJson},
        {"string", R"("ping")", ErrorCode::MalformedJson},
        {"number", "42", ErrorCode::MalformedJson},
        {"null", "null", ErrorCode::MalformedJson},
        {"invalid utf-8", "{\"type\":\"chat\",\"text\":\"\xff\xfe\"}", ErrorCode::MalformedJson},
        {"overlong utf-8", "{\"type\":\"chat\",\"text\":\"\xc0\xaf\"}", ErrorCode::MalformedJson},
        {"lone surrogate", R"({"type":"chat","text":"\ud800"})", ErrorCode::MalformedJson},
        {"number beyond double", R"({"type":"control","seq":1,"throttle":1e400})", ErrorCode::MalformedJson},
        {"NaN literal", R"({"type":"control","seq":1,"throttle":NaN})", ErrorCode::MalformedJson},
        {"Infinity literal", R"({"type":"control","seq":1,"throttle":Infinity})", ErrorCode::MalformedJson},
        // E002: type missing or unknown.
        {"no type", R"({"nonce":1})", ErrorCode::UnknownType},
        {"type not a string", R"({"type":3})", ErrorCode::UnknownType},
        {"type null", R"({"type":null})", ErrorCode::UnknownType},
        {"type wrong case", R"({"type":"PING","nonce":1})", ErrorCode::UnknownType},
        {"server type", R"({"type":"welcome"})", ErrorCode::UnknownType},
        {"unknown type", R"({"type":"warp","seq":1})", ErrorCode::UnknownType},
        // E003: missing, wrong type, unknown, repeated, inconsistent.
        {"repeated field", R"({"type":"ping","nonce":1,"nonce":2})", ErrorCode::InvalidField},
        {"repeated type", R"({"type":"ping","type":"ping","nonce":1})", ErrorCode::InvalidField},
        {"unknown field", R"({"type":"ping","nonce":1,"extra":0})", ErrorCode::InvalidField},
        {"field of another type", R"({"type":"dock","seq":1,"throttle":0.5})", ErrorCode::InvalidField},
        {"keyframe_request field", R"({"type":"keyframe_request","seq":1})", ErrorCode::InvalidField},
        {"missing seq", R"({"type":"dock"})", ErrorCode::InvalidField},
        {"seq string", R"({"type":"dock","seq":"1"})", ErrorCode::InvalidField},
        {"seq float", R"({"type":"dock","seq":1.0})", ErrorCode::InvalidField},
        {"seq exponent", R"({"type":"dock","seq":1e3})", ErrorCode::InvalidField},
        {"seq beyond 2^64", R"({"type":"dock","seq":18446744073709551616})", ErrorCode::InvalidField},
        {"seq object", R"({"type":"dock","seq":{}})", ErrorCode::InvalidField},
        {"seq null", R"({"type":"dock","seq":null})", ErrorCode::InvalidField},
        {"seq bool", R"({"type":"dock","seq":true})", ErrorCode::InvalidField},
        {"missing token", R"({"type":"auth","protocol":1})", ErrorCode::InvalidField},
        {"missing protocol", R"({"type":"auth","token":"t"})", ErrorCode::InvalidField},
        {"protocol string", R"({"type":"auth","token":"t","protocol":"1"})", ErrorCode::InvalidField},
        {"protocol float", R"({"type":"auth","token":"t","protocol":1.5})", ErrorCode::InvalidField},
        {"token number", R"({"type":"auth","token":5,"protocol":1})", ErrorCode::InvalidField},
        {"control without inputs", R"({"type":"control","seq":1})", ErrorCode::InvalidField},
        {"throttle string", R"({"type":"control","seq":1,"throttle":"0.5"})", ErrorCode::InvalidField},
        {"throttle null", R"({"type":"control","seq":1,"throttle":null})", ErrorCode::InvalidField},
        {"attitude number", R"({"type":"control","seq":1,"attitude":1})", ErrorCode::InvalidField},
        {"rates two numbers", R"({"type":"control","seq":1,"rates":[1,2]})", ErrorCode::InvalidField},
        {"rates four numbers", R"({"type":"control","seq":1,"rates":[1,2,3,4]})", ErrorCode::InvalidField},
        {"rates with a string", R"({"type":"control","seq":1,"rates":[1,"2",3]})", ErrorCode::InvalidField},
        {"rates nested", R"({"type":"control","seq":1,"rates":[[1],2,3]})", ErrorCode::InvalidField},
        {"rcs object", R"({"type":"control","seq":1,"rcs":{"x":1}})", ErrorCode::InvalidField},
        {"rates without MANUAL", R"({"type":"control","seq":1,"attitude":"HOLD","rates":[0,0,0]})",
         ErrorCode::InvalidField},
        {"action missing", R"({"type":"service","seq":1})", ErrorCode::InvalidField},
        {"ship_class with refuel", R"({"type":"service","seq":1,"action":"refuel","ship_class":"fast_frigate"})",
         ErrorCode::InvalidField},
        {"ship_class number", R"({"type":"service","seq":1,"action":"reset","ship_class":1})", ErrorCode::InvalidField},
        {"target id missing", R"({"type":"target","seq":1,"kind":"ship"})", ErrorCode::InvalidField},
        {"target kind missing", R"({"type":"target","seq":1,"id":2})", ErrorCode::InvalidField},
        {"target id string", R"({"type":"target","seq":1,"kind":"ship","id":"2"})", ErrorCode::InvalidField},
        {"rename name missing", R"({"type":"rename","seq":1})", ErrorCode::InvalidField},
        {"chat text array", R"({"type":"chat","text":["hi"]})", ErrorCode::InvalidField},
        {"chat with seq", R"({"type":"chat","text":"hi","seq":1})", ErrorCode::InvalidField},
        {"nonce float", R"({"type":"ping","nonce":0.5})", ErrorCode::InvalidField},
        // E004: numbers out of range, unknown enum names.
        {"seq negative", R"({"type":"dock","seq":-1})", ErrorCode::OutOfRange},
        {"seq 2^32", R"({"type":"dock","seq":4294967296})", ErrorCode::OutOfRange},
        {"throttle above 1", R"({"type":"control","seq":1,"throttle":1.0000000000000002})", ErrorCode::OutOfRange},
        {"throttle negative", R"({"type":"control","seq":1,"throttle":-0.1})", ErrorCode::OutOfRange},
        {"throttle huge", R"({"type":"control","seq":1,"throttle":1.7976931348623157e308})", ErrorCode::OutOfRange},
        {"throttle huge integer", R"({"type":"control","seq":1,"throttle":18446744073709551615})", ErrorCode::OutOfRange},
        {"rates over 10", R"({"type":"control","seq":1,"rates":[0,10.000001,0]})", ErrorCode::OutOfRange},
        {"rates huge", R"({"type":"control","seq":1,"rates":[-1e308,0,0]})", ErrorCode::OutOfRange},
        {"rcs over 1", R"({"type":"control","seq":1,"rcs":[0,0,-1.5]})", ErrorCode::OutOfRange},
        {"attitude lower case", R"({"type":"control","seq":1,"attitude":"hold"})", ErrorCode::OutOfRange},
        {"attitude unknown", R"({"type":"control","seq":1,"attitude":"SPIN"})", ErrorCode::OutOfRange},
        {"action unknown", R"({"type":"service","seq":1,"action":"repair"})", ErrorCode::OutOfRange},
        {"ship_class unknown", R"({"type":"service","seq":1,"action":"reset","ship_class":"battleship"})",
         ErrorCode::OutOfRange},
        {"target kind unknown", R"({"type":"target","seq":1,"kind":"planet","id":1})", ErrorCode::OutOfRange},
        {"target none with id", R"({"type":"target","seq":1,"kind":"none","id":5})", ErrorCode::OutOfRange},
        {"target id 2^32", R"({"type":"target","seq":1,"kind":"ship","id":4294967296})", ErrorCode::OutOfRange},
        {"nonce over 2^53", R"({"type":"ping","nonce":9007199254740993})", ErrorCode::OutOfRange},
        {"nonce negative", R"({"type":"ping","nonce":-1})", ErrorCode::OutOfRange},
        {"protocol over 32 bits", R"({"type":"auth","token":"t","protocol":2147483648})", ErrorCode::OutOfRange},
        {"protocol under 32 bits", R"({"type":"auth","token":"t","protocol":-2147483649})", ErrorCode::OutOfRange},
        // E005: strings too long, empty or with forbidden characters.
        {"token empty", R"({"type":"auth","token":"","protocol":1})", ErrorCode::InvalidString},
        {"token too long", R"({"type":"auth","protocol":1,"token":")" + long_token + "\"}", ErrorCode::InvalidString},
        {"token with newline", R"({"type":"auth","token":"a\nb","protocol":1})", ErrorCode::InvalidString},
        {"chat empty", R"({"type":"chat","text":""})", ErrorCode::InvalidString},
        {"chat too long", R"({"type":"chat","text":")" + long_chat + "\"}", ErrorCode::InvalidString},
        {"chat NUL", R"({"type":"chat","text":"a\u0000b"})", ErrorCode::InvalidString},
        {"chat tab", R"({"type":"chat","text":"a\tb"})", ErrorCode::InvalidString},
        {"chat DEL", "{\"type\":\"chat\",\"text\":\"a\x7f\"}", ErrorCode::InvalidString},
        {"chat C1 control", R"({"type":"chat","text":"a\u0085"})", ErrorCode::InvalidString},
        {"rename empty", R"({"type":"rename","seq":1,"name":""})", ErrorCode::InvalidString},
        {"rename too long", R"({"type":"rename","seq":1,"name":")" + long_name + "\"}", ErrorCode::InvalidString},
        {"rename only spaces", R"({"type":"rename","seq":1,"name":"   "})", ErrorCode::InvalidString},
        {"rename escape", R"({"type":"rename","seq":1,"name":"a\u001bb"})", ErrorCode::InvalidString},
        // E010: over the size limit.
        {"too large", R"({"type":"chat","text":")" + std::string(gp::kMaxMessageBytes, 'x') + "\"}",
         ErrorCode::MessageTooLarge},
    };
}

TEST(ClientMessage, RejectsEveryMalformedInputWithItsErrorCode) {
    for (const BadCase& c : bad_cases()) {
        gp::ClientMessage m;
        m.nonce = 12345;   // must survive a failed decode
        gp::DecodeError error;
        EXPECT_FALSE(gp::decode_client_message(c.text, &m, &error)) << c.what;
        EXPECT_EQ(gp::error_code_string(error.code), std::string(gp::error_code_string(c.code))) << c.what;
        EXPECT_FALSE(error.message.empty()) << c.what;
        EXPECT_EQ(m.nonce, 12345u) << c.what;
    }
}

TEST(ClientMessage, ErrorMessagesNameTheField) {
    gp::ClientMessage m;
    gp::DecodeError error;
    ASSERT_FALSE(gp::decode_client_message(R"({"type":"control","seq":1,"throttle":2})", &m, &error));
    EXPECT_NE(error.message.find("throttle"), std::string::npos) << error.message;
    ASSERT_FALSE(gp::decode_client_message(R"({"type":"ping","nonce":1,"bogus":1})", &m, &error));
    EXPECT_NE(error.message.find("bogus"), std::string::npos) << error.message;
}

TEST(ClientMessage, EqualityComparesEveryField) {
    const std::vector<gp::ClientMessage> samples = gp::test::sample_client_messages();
    for (std::size_t i = 0; i < samples.size(); ++i) {
        for (std::size_t j = 0; j < samples.size(); ++j) {
            EXPECT_EQ(samples[i] == samples[j], i == j) << i << " vs " << j;
        }
    }
}

}  // namespace
