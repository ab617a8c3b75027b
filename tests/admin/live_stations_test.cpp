// galaxy-admin against a live server, the stations: spawn, list, remove, and a refused body.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "admin/support/live_server.hpp"

namespace galaxy::admin::test {
namespace {

using nlohmann::json;

// Distance of a station above its body as listed a few ticks after the spawn: J2's short-period
// terms and the Moon move a near-circular low Earth orbit's radius by a few km at most.
constexpr double kAltitudeTolerance_m = 10000.0;

class AdminCliStations : public LiveAdminTest {
protected:
    // The listed station of that name (null when absent).
    static json station_named(const std::string& name) {
        const json listed = api_get("/api/admin/stations");
        for (const json& station : listed["stations"]) {
            if (station["name"] == name) return station;
        }
        return nullptr;
    }
};

TEST_F(AdminCliStations, SpawnListAndRemoveAStation) {
    const CliRun spawn = admin({"stations", "spawn", "Cli Outpost", "--body", "earth",
                                "--altitude-km", "500", "--inclination-deg", "30"});
    ASSERT_EQ(spawn.exit_code, kExitOk) << spawn.err;
    EXPECT_NE(spawn.out.find("\"Cli Outpost\" orbits Earth at "), std::string::npos) << spawn.out;
    const json station = station_named("Cli Outpost");
    ASSERT_TRUE(station.is_object());
    EXPECT_EQ(station["body"], "Earth");
    EXPECT_NEAR(station["altitude_m"].get<double>(), 500000.0, kAltitudeTolerance_m);

    const CliRun list = admin({"stations", "list"});
    ASSERT_EQ(list.exit_code, kExitOk) << list.err;
    EXPECT_EQ(list.out.rfind("ID  NAME", 0), 0u) << list.out;
    EXPECT_NE(list.out.find("Cli Outpost"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find(" km"), std::string::npos) << list.out;

    const std::string id = station["id"].dump();
    const CliRun remove = admin({"stations", "remove", id});
    ASSERT_EQ(remove.exit_code, kExitOk) << remove.err;
    EXPECT_EQ(remove.out, "station " + id + " removed\n");
    EXPECT_TRUE(station_named("Cli Outpost").is_null());
}

TEST_F(AdminCliStations, ListJsonIsTheServersAnswer) {
    const CliRun run = admin({"stations", "list", "--json"});
    ASSERT_EQ(run.exit_code, kExitOk) << run.err;
    EXPECT_EQ(run.json(), api_get("/api/admin/stations"));
}

TEST_F(AdminCliStations, AnUnknownBodyIsRefusedByTheServer) {
    const CliRun run =
        admin({"stations", "spawn", "Nowhere", "--body", "Vulcan", "--altitude-km", "500"});
    EXPECT_EQ(run.exit_code, kExitServer);
    EXPECT_EQ(run.err.rfind("galaxy-admin: E0", 0), 0u) << run.err;
    EXPECT_TRUE(station_named("Nowhere").is_null());
}

TEST_F(AdminCliStations, RemovingAnUnknownStationExitsThree) {
    const CliRun run = admin({"stations", "remove", "999999"});
    EXPECT_EQ(run.exit_code, kExitServer);
    EXPECT_EQ(run.err.rfind("galaxy-admin: E024 ", 0), 0u) << run.err;
}

}  // namespace
}  // namespace galaxy::admin::test
