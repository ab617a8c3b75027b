// galaxy-admin against a live server, the players: list and search, reset-password (from a
// file and from standard input), disconnect of a playing session, delete.
#include <string>

#include <gtest/gtest.h>

#include "admin/support/live_server.hpp"
#include "server/support/ws_fixture.hpp"

namespace galaxy::admin::test {
namespace {

using nlohmann::json;

class AdminCliPlayers : public LiveAdminTest {};

TEST_F(AdminCliPlayers, ListSearchesUsernamesCaseInsensitively) {
    const std::int64_t alpha = register_player("Lst_Alpha");
    register_player("lst_beta");
    register_player("Other_Gamma");

    const CliRun run = admin({"players", "list", "--search", "LST_"});
    ASSERT_EQ(run.exit_code, kExitOk) << run.err;
    EXPECT_EQ(run.out.rfind("ID  USERNAME", 0), 0u) << run.out;
    EXPECT_NE(run.out.find("Lst_Alpha"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("lst_beta"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("Other_Gamma"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("fast_frigate"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\nplayers 1-2 of 2\n"), std::string::npos) << run.out;

    const CliRun page = admin({"players", "list", "--search", "lst_", "--limit", "1", "--json"});
    ASSERT_EQ(page.exit_code, kExitOk) << page.err;
    const json body = page.json();
    EXPECT_EQ(body["total"], 2);
    ASSERT_EQ(body["players"].size(), 1u);
    const CliRun second = admin({"players", "list", "--search", "lst_", "--offset", "1", "--json"});
    ASSERT_EQ(second.exit_code, kExitOk) << second.err;
    ASSERT_EQ(second.json()["players"].size(), 1u);
    EXPECT_NE(second.json()["players"][0]["id"], body["players"][0]["id"]);
    EXPECT_TRUE(body["players"][0]["id"] == alpha || second.json()["players"][0]["id"] == alpha);
}

TEST_F(AdminCliPlayers, ResetPasswordFromAFileLetsThePlayerLogInWithIt) {
    const std::int64_t id = register_player("Pw_File");
    const std::string file = files_->write("new.pw", "a brand new secret\n");
    const CliRun run =
        admin({"players", "reset-password", std::to_string(id), "--password-file", file});
    ASSERT_EQ(run.exit_code, kExitOk) << run.err;
    EXPECT_EQ(run.out, "password of player " + std::to_string(id) + " changed\n");
    EXPECT_EQ(galaxy::test::login(port(), "Pw_File", "a brand new secret").status, 200);
    EXPECT_EQ(galaxy::test::login(port(), "Pw_File", kPlayerPassword).status, 401);
}

TEST_F(AdminCliPlayers, ResetPasswordReadsOneLineOfStandardInput) {
    const std::int64_t id = register_player("Pw_Stdin");
    const CliRun run =
        admin({"players", "reset-password", std::to_string(id)}, "typed in secret\nignored\n");
    ASSERT_EQ(run.exit_code, kExitOk) << run.err;
    EXPECT_NE(run.err.find("New password for player " + std::to_string(id) + ": "),
              std::string::npos);
    EXPECT_EQ(galaxy::test::login(port(), "Pw_Stdin", "typed in secret").status, 200);
}

TEST_F(AdminCliPlayers, ResetPasswordWithoutAPasswordIsAUsageError) {
    const std::int64_t id = register_player("Pw_None");
    const CliRun run = admin({"players", "reset-password", std::to_string(id)}, "");
    EXPECT_EQ(run.exit_code, kExitUsage);
    EXPECT_NE(run.err.find("galaxy-admin: no new password given\n"), std::string::npos) << run.err;
    EXPECT_EQ(galaxy::test::login(port(), "Pw_None", kPlayerPassword).status, 200);
}

TEST_F(AdminCliPlayers, ATooShortPasswordIsRefusedByTheServer) {
    const std::int64_t id = register_player("Pw_Short");
    const CliRun run = admin({"players", "reset-password", std::to_string(id)}, "short\n");
    EXPECT_EQ(run.exit_code, kExitServer);
    EXPECT_EQ(run.err.substr(run.err.find("galaxy-admin: ")).rfind("galaxy-admin: E005 ", 0), 0u)
        << run.err;
}

TEST_F(AdminCliPlayers, DisconnectClosesThePlayersSession) {
    const galaxy::test::HttpResult registered =
        galaxy::test::register_player(port(), "Kicked_Out", kPlayerPassword);
    ASSERT_EQ(registered.status, 201) << registered.body;
    const std::int64_t id = registered.json()["player_id"].get<std::int64_t>();
    galaxy::test::WsPlayer player;
    ASSERT_TRUE(player.client->connect(port()));
    ASSERT_TRUE(player.client->send_text(
        galaxy::test::auth_text(registered.json()["token"].get<std::string>())));
    ASSERT_TRUE(player.next(proto::ServerMessageType::Welcome).has_value());

    const CliRun run = admin({"players", "disconnect", std::to_string(id)});
    ASSERT_EQ(run.exit_code, kExitOk) << run.err;
    EXPECT_EQ(run.out, "player " + std::to_string(id) + " disconnected\n");
    ASSERT_TRUE(player.client->wait_closed());
    EXPECT_EQ(player.client->close_code(), 4008);
    EXPECT_EQ(player.client->close_reason(), "Disconnected by an admin");

    const CliRun again = admin({"players", "disconnect", std::to_string(id)});
    ASSERT_EQ(again.exit_code, kExitOk) << again.err;
    EXPECT_EQ(again.out, "player " + std::to_string(id) + " was not online\n");
}

TEST_F(AdminCliPlayers, DeleteRemovesTheAccount) {
    const std::int64_t id = register_player("Gone_Soon");
    const CliRun run = admin({"players", "delete", std::to_string(id)});
    ASSERT_EQ(run.exit_code, kExitOk) << run.err;
    EXPECT_EQ(galaxy::test::login(port(), "Gone_Soon", kPlayerPassword).status, 401);
    EXPECT_EQ(api_get("/api/admin/players?search=gone_soon")["total"], 0);

    const CliRun again = admin({"players", "delete", std::to_string(id)});
    EXPECT_EQ(again.exit_code, kExitServer);
    EXPECT_EQ(again.err.rfind("galaxy-admin: E024 ", 0), 0u) << again.err;
}

}  // namespace
}  // namespace galaxy::admin::test
