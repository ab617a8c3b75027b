// commands_for (client_message.hpp): which sim-core commands each client message stands for,
// in the order PROTOCOL.md, "Commands of a message" gives.
#include <gtest/gtest.h>

#include <vector>

#include "galaxy/proto/client_message.hpp"

namespace gp = galaxy::proto;
namespace gs = galaxy::sim;

namespace {

constexpr std::uint32_t kShip = 77;

gp::ClientMessage message(gp::ClientMessageType type) {
    gp::ClientMessage m;
    m.type = type;
    m.seq = 1;
    return m;
}

TEST(CommandsFor, ControlGivesOneCommandPerFieldInTheFixedOrder) {
    gp::ClientMessage m = message(gp::ClientMessageType::Control);
    m.rcs_translation = gs::Vec3{0.0, 1.0, 0.0};
    m.manual_rates_rad_s = gs::Vec3{0.1, 0.2, 0.3};
    m.attitude = gs::AttitudeMode::Manual;
    m.throttle = 0.25;
    const std::vector<gs::Command> c = gp::commands_for(m, kShip);
    ASSERT_EQ(c.size(), 4u);
    EXPECT_EQ(c[0].type, gs::CommandType::SetThrottle);
    EXPECT_EQ(c[0].value, 0.25);
    EXPECT_EQ(c[1].type, gs::CommandType::SetAttitudeMode);
    EXPECT_EQ(c[1].mode, gs::AttitudeMode::Manual);
    EXPECT_EQ(c[2].type, gs::CommandType::SetManualRates);
    EXPECT_EQ(c[2].vector, (gs::Vec3{0.1, 0.2, 0.3}));
    EXPECT_EQ(c[3].type, gs::CommandType::SetRcsTranslation);
    EXPECT_EQ(c[3].vector, (gs::Vec3{0.0, 1.0, 0.0}));
    for (const gs::Command& command : c) {
        EXPECT_EQ(command.ship, kShip);
    }
}

TEST(CommandsFor, ControlLeavesOutFieldsThatAreAbsent) {
    gp::ClientMessage m = message(gp::ClientMessageType::Control);
    m.attitude = gs::AttitudeMode::Retrograde;
    std::vector<gs::Command> c = gp::commands_for(m, kShip);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].type, gs::CommandType::SetAttitudeMode);
    EXPECT_EQ(c[0].mode, gs::AttitudeMode::Retrograde);

    m = message(gp::ClientMessageType::Control);
    m.manual_rates_rad_s = gs::Vec3{0.0, 0.0, -1.0};
    c = gp::commands_for(m, kShip);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].type, gs::CommandType::SetManualRates);
}

TEST(CommandsFor, RefuelGivesRefuel) {
    gp::ClientMessage m = message(gp::ClientMessageType::Service);
    m.service = gp::ServiceAction::Refuel;
    const std::vector<gs::Command> c = gp::commands_for(m, kShip);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].type, gs::CommandType::Refuel);
    EXPECT_EQ(c[0].ship, kShip);
}

TEST(CommandsFor, ResetUsesTheGivenClassOrFastFrigate) {
    gp::ClientMessage m = message(gp::ClientMessageType::Service);
    m.service = gp::ServiceAction::Reset;
    std::vector<gs::Command> c = gp::commands_for(m, kShip);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].type, gs::CommandType::ResetShip);
    EXPECT_EQ(c[0].ship_class, gs::ShipClass::FastFrigate);

    m.ship_class = gs::ShipClass::CargoHauler;
    c = gp::commands_for(m, kShip);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].ship_class, gs::ShipClass::CargoHauler);
}

TEST(CommandsFor, DockUndockTargetAndRenameMapOneToOne) {
    std::vector<gs::Command> c = gp::commands_for(message(gp::ClientMessageType::Dock), kShip);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].type, gs::CommandType::Dock);

    c = gp::commands_for(message(gp::ClientMessageType::Undock), kShip);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].type, gs::CommandType::Undock);

    gp::ClientMessage target = message(gp::ClientMessageType::Target);
    target.target = gs::TargetRef{gs::TargetKind::Ship, 12};
    c = gp::commands_for(target, kShip);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].type, gs::CommandType::SetTarget);
    EXPECT_EQ(c[0].target.kind, gs::TargetKind::Ship);
    EXPECT_EQ(c[0].target.id, 12u);

    gp::ClientMessage rename = message(gp::ClientMessageType::Rename);
    rename.text = "Nova";
    c = gp::commands_for(rename, kShip);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].type, gs::CommandType::RenameShip);
    EXPECT_EQ(c[0].name, "Nova");
    EXPECT_EQ(c[0].ship, kShip);
}

TEST(CommandsFor, NonCommandMessagesGiveNothing) {
    for (gp::ClientMessageType type : {gp::ClientMessageType::Auth, gp::ClientMessageType::Chat,
                                       gp::ClientMessageType::Ping, gp::ClientMessageType::KeyframeRequest}) {
        gp::ClientMessage m = message(type);
        m.text = "hello";
        EXPECT_TRUE(gp::commands_for(m, kShip).empty()) << static_cast<int>(type);
    }
}

}  // namespace
