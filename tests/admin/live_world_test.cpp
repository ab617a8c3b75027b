// galaxy-admin against a live server, the world: status, pause and resume, the settings,
// snapshots (create, list, restore), world reset with and without --yes, the audit trail,
// and the exit codes of failed logins and refused values.
#include <string>

#include <gtest/gtest.h>

#include "admin/support/live_server.hpp"

namespace galaxy::admin::test {
namespace {

using nlohmann::json;

class AdminCliWorld : public LiveAdminTest {
protected:
    // The names of the stations the API lists.
    static std::vector<std::string> station_names() {
        std::vector<std::string> names;
        const json listed = api_get("/api/admin/stations");
        for (const json& station : listed["stations"]) {
            names.push_back(station["name"].get<std::string>());
        }
        return names;
    }
    static bool has_station(const std::string& name) {
        const auto names = station_names();
        return std::find(names.begin(), names.end(), name) != names.end();
    }
};

TEST_F(AdminCliWorld, StatusPrintsAlignedLinesWithUnits) {
    const CliRun run = admin({"status"});
    ASSERT_EQ(run.exit_code, kExitOk) << run.err;
    EXPECT_TRUE(run.err.empty()) << run.err;
    EXPECT_EQ(run.out.rfind("tick  ", 0), 0u) << run.out;
    for (const char* line :
         {"\ntick rate      10 Hz set, ", "\ntime scale     1x set, ", "\npaused         no\n",
          "\ndatabase       up\n", "\nregistrations  open\n", "\ntick duration  p50 "}) {
        EXPECT_NE(run.out.find(line), std::string::npos) << line << " in\n" << run.out;
    }
}

TEST_F(AdminCliWorld, JsonPrintsOnlyTheServersAnswer) {
    const CliRun run = admin({"status", "--json"});
    ASSERT_EQ(run.exit_code, kExitOk) << run.err;
    const json status = run.json();
    ASSERT_TRUE(status.is_object()) << run.out;
    EXPECT_TRUE(status["tick"].is_number_integer());
    EXPECT_EQ(status["tick_rate_hz"], 10.0);
    EXPECT_EQ(status["paused"], false);
}

TEST_F(AdminCliWorld, PauseMakesTheWorldPausedAndResumeRunsItAgain) {
    const CliRun pause = admin({"pause"});
    ASSERT_EQ(pause.exit_code, kExitOk) << pause.err;
    EXPECT_NE(pause.out.find("paused         yes\n"), std::string::npos) << pause.out;
    EXPECT_EQ(api_get("/api/admin/status")["paused"], true);

    const CliRun resume = admin({"resume"});
    ASSERT_EQ(resume.exit_code, kExitOk) << resume.err;
    EXPECT_NE(resume.out.find("paused         no\n"), std::string::npos) << resume.out;
    EXPECT_EQ(api_get("/api/admin/status")["paused"], false);
}

TEST_F(AdminCliWorld, SetChangesEachSettingTheServerRunsWith) {
    ASSERT_EQ(admin({"set", "tick-rate", "20"}).exit_code, kExitOk);
    ASSERT_EQ(admin({"set", "time-scale", "2.5"}).exit_code, kExitOk);
    ASSERT_EQ(admin({"set", "time-sync", "on"}).exit_code, kExitOk);
    const CliRun closed = admin({"set", "registrations", "closed"});
    ASSERT_EQ(closed.exit_code, kExitOk) << closed.err;
    EXPECT_NE(closed.out.find("registrations  closed\n"), std::string::npos) << closed.out;

    const json status = api_get("/api/admin/status");
    EXPECT_EQ(status["tick_rate_hz"], 20.0);
    EXPECT_EQ(status["time_scale"], 2.5);
    EXPECT_EQ(status["time_sync"], true);
    EXPECT_EQ(status["registration_open"], false);
    EXPECT_NE(galaxy::test::register_player(port(), "Too_Late", kPlayerPassword).status, 201);

    // Back to the defaults for the other tests.
    ASSERT_EQ(admin({"set", "tick-rate", "10"}).exit_code, kExitOk);
    ASSERT_EQ(admin({"set", "time-scale", "1"}).exit_code, kExitOk);
    ASSERT_EQ(admin({"set", "time-sync", "off"}).exit_code, kExitOk);
    ASSERT_EQ(admin({"set", "registrations", "open"}).exit_code, kExitOk);
    EXPECT_EQ(api_get("/api/admin/status")["registration_open"], true);
}

TEST_F(AdminCliWorld, AValueTheServerRefusesExitsThreeWithItsCode) {
    const CliRun run = admin({"set", "tick-rate", "1000"});
    EXPECT_EQ(run.exit_code, kExitServer);
    EXPECT_EQ(run.err.rfind("galaxy-admin: E004 ", 0), 0u) << run.err;
    EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "one line: " << run.err;
    EXPECT_TRUE(run.out.empty());
    EXPECT_EQ(api_get("/api/admin/status")["tick_rate_hz"], 10.0);
}

TEST_F(AdminCliWorld, SnapshotsCreateThenListShowsIt) {
    const CliRun create = admin({"snapshots", "create", "--label", "cli nightly", "--json"});
    ASSERT_EQ(create.exit_code, kExitOk) << create.err;
    const json created = create.json();
    const json& snapshot = created["snapshot"];
    ASSERT_TRUE(snapshot["id"].is_number_integer()) << create.out;
    EXPECT_EQ(snapshot["label"], "cli nightly");
    EXPECT_EQ(snapshot["kind"], "manual");

    const CliRun list = admin({"snapshots", "list"});
    ASSERT_EQ(list.exit_code, kExitOk) << list.err;
    EXPECT_EQ(list.out.rfind("ID  ", 0), 0u) << list.out;
    EXPECT_NE(list.out.find("manual  cli nightly"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find(snapshot["state_hash"].get<std::string>()), std::string::npos);

    const json listed = api_get("/api/admin/snapshots")["snapshots"];
    ASSERT_FALSE(listed.empty());
    EXPECT_EQ(listed[0]["id"], snapshot["id"]);  // newest first
}

TEST_F(AdminCliWorld, SnapshotsRestoreBringsBackTheEarlierWorld) {
    const CliRun create = admin({"snapshots", "create", "--json"});
    ASSERT_EQ(create.exit_code, kExitOk) << create.err;
    const json created = create.json();
    const json& snapshot = created["snapshot"];
    ASSERT_EQ(
        admin({"stations", "spawn", "Restore Probe", "--body", "Earth", "--altitude-km", "700"})
            .exit_code,
        kExitOk);
    ASSERT_TRUE(has_station("Restore Probe"));

    const CliRun restore = admin({"snapshots", "restore", snapshot["id"].dump()});
    ASSERT_EQ(restore.exit_code, kExitOk) << restore.err;
    EXPECT_EQ(restore.out.rfind("snapshot " + snapshot["id"].dump() + " restored", 0), 0u)
        << restore.out;
    EXPECT_FALSE(has_station("Restore Probe"));
    EXPECT_EQ(api_get("/api/admin/snapshots")["snapshots"][0]["kind"], "restore");
}

TEST_F(AdminCliWorld, RestoringAnUnknownSnapshotExitsThree) {
    const CliRun run = admin({"snapshots", "restore", "999999"});
    EXPECT_EQ(run.exit_code, kExitServer);
    EXPECT_EQ(run.err.rfind("galaxy-admin: E024 ", 0), 0u) << run.err;
}

TEST_F(AdminCliWorld, WorldResetAsksForRESETUnlessYesIsGiven) {
    ASSERT_EQ(admin({"stations", "spawn", "Reset Probe", "--body", "Mars", "--altitude-km", "900"})
                  .exit_code,
              kExitOk);

    const CliRun declined = admin({"world", "reset"}, "reset\n");
    EXPECT_EQ(declined.exit_code, kExitUsage);
    EXPECT_NE(declined.err.find("Type RESET to confirm: "), std::string::npos) << declined.err;
    EXPECT_NE(declined.err.find("galaxy-admin: world reset cancelled\n"), std::string::npos);
    EXPECT_TRUE(has_station("Reset Probe"));

    const CliRun confirmed = admin({"world", "reset"}, "RESET\n");
    ASSERT_EQ(confirmed.exit_code, kExitOk) << confirmed.err;
    EXPECT_EQ(confirmed.out.rfind("world reset at tick ", 0), 0u) << confirmed.out;
    EXPECT_FALSE(has_station("Reset Probe"));

    ASSERT_EQ(
        admin({"stations", "spawn", "Reset Probe 2", "--body", "Mars", "--altitude-km", "900"})
            .exit_code,
        kExitOk);
    const CliRun yes = admin({"world", "reset", "--yes", "--json"});
    ASSERT_EQ(yes.exit_code, kExitOk) << yes.err;
    EXPECT_EQ(yes.json()["reset"], true);
    EXPECT_TRUE(yes.err.empty()) << "no question with --yes: " << yes.err;
    EXPECT_FALSE(has_station("Reset Probe 2"));
    EXPECT_EQ(api_get("/api/admin/status")["ships"], 0);
}

TEST_F(AdminCliWorld, AuditListsTheNewestActionsFirst) {
    ASSERT_EQ(admin({"pause"}).exit_code, kExitOk);
    ASSERT_EQ(admin({"resume"}).exit_code, kExitOk);

    const CliRun json_run = admin({"audit", "--limit", "2", "--json"});
    ASSERT_EQ(json_run.exit_code, kExitOk) << json_run.err;
    const json entries = json_run.json()["entries"];
    ASSERT_EQ(entries.size(), 2u) << json_run.out;
    EXPECT_GT(entries[0]["id"].get<std::int64_t>(), entries[1]["id"].get<std::int64_t>());
    EXPECT_EQ(entries[0]["admin"], "admin");
    EXPECT_EQ(entries[0]["ok"], true);

    const CliRun table = admin({"audit", "--limit", "2"});
    ASSERT_EQ(table.exit_code, kExitOk) << table.err;
    EXPECT_EQ(table.out.rfind("ID  WHEN", 0), 0u) << table.out;
    EXPECT_NE(table.out.find(entries[0]["action"].get<std::string>()), std::string::npos);
    EXPECT_EQ(std::count(table.out.begin(), table.out.end(), '\n'), 3) << table.out;
}

TEST_F(AdminCliWorld, AWrongPasswordExitsTwo) {
    const std::string wrong = files_->write("wrong.pw", "not the admin password\n");
    const CliRun run = run_cli({"--url", url(), "--password-file", wrong, "status"});
    EXPECT_EQ(run.exit_code, kExitAuth);
    EXPECT_EQ(run.err.rfind("galaxy-admin: E020 ", 0), 0u) << run.err;
    EXPECT_TRUE(run.out.empty());
}

TEST_F(AdminCliWorld, SettingsFromTheEnvironmentReachTheServer) {
    const CliRun run =
        run_cli({"status", "--json"}, env_of({{"GALAXY_ADMIN_URL", url()},
                                              {"GALAXY_ADMIN_USER", "admin"},
                                              {"GALAXY_ADMIN_PASSWORD", kAdminPassword}}));
    ASSERT_EQ(run.exit_code, kExitOk) << run.err;
    EXPECT_TRUE(run.json().is_object());
}

}  // namespace
}  // namespace galaxy::admin::test
