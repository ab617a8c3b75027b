// Writes the fuzzers' seed corpora: the test samples (tests/proto/samples.hpp) as one file each,
// under <dir>/<target>/. Run from the fuzz build to regenerate proto/fuzz/corpus:
//   build/fuzz/proto/fuzz/galaxy-fuzz-corpus proto/fuzz/corpus
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "galaxy/proto/client_message.hpp"
#include "galaxy/proto/server_message.hpp"
#include "galaxy/proto/sync.hpp"
#include "galaxy/sim/scenario.hpp"
#include "proto/samples.hpp"

namespace {

namespace fs = std::filesystem;
namespace gp = galaxy::proto;
namespace gs = galaxy::sim;

bool write(const fs::path& dir, const std::string& name, const std::string& bytes) {
    fs::create_directories(dir);
    std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

bool write(const fs::path& dir, const std::string& name, const std::vector<std::uint8_t>& bytes) {
    return write(dir, name, std::string(bytes.begin(), bytes.end()));
}

std::string numbered(std::size_t i, const std::string& what) {
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%02zu_", i);
    return prefix + what;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <corpus dir>\n", argv[0]);
        return 2;
    }
    const fs::path root = argv[1];
    bool ok = true;

    const std::vector<gp::ClientMessage> client = gp::test::sample_client_messages();
    for (std::size_t i = 0; i < client.size(); ++i) {
        ok = write(root / "decode_client_message_fuzz", numbered(i, "client.json"), gp::encode_client_message(client[i])) && ok;
    }
    const std::vector<gp::ServerMessage> server = gp::test::sample_server_messages();
    for (std::size_t i = 0; i < server.size(); ++i) {
        ok = write(root / "decode_server_message_fuzz", numbered(i, "server.json"), gp::encode_server_message(server[i])) && ok;
    }

    const std::vector<gs::Command> commands = gp::test::sample_commands();
    const fs::path commands_dir = root / "decode_commands_fuzz";
    ok = write(commands_dir, "00_empty", gp::encode_commands({})) && ok;
    ok = write(commands_dir, "01_all_types", gp::encode_commands(commands)) && ok;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        ok = write(commands_dir, numbered(i + 2, "one"), gp::encode_commands({commands[i]})) && ok;
    }

    const fs::path update_dir = root / "decode_update_fuzz";
    gp::Update update = gp::test::sample_update();
    ok = write(update_dir, "00_three_ticks_hash", gp::encode_update(update)) && ok;
    update.has_hash = false;
    update.ticks.resize(1);
    update.ticks[0].commands.resize(2);
    ok = write(update_dir, "01_one_tick", gp::encode_update(update)) && ok;
    update.ticks[0].commands.clear();
    update.ticks[0].dt_s = 3600.0 * 24.0;
    ok = write(update_dir, "02_empty_long_tick", gp::encode_update(update)) && ok;

    const fs::path keyframe_dir = root / "decode_keyframe_fuzz";
    gp::Keyframe keyframe;
    keyframe.tick = 1000;
    keyframe.server_time_us = gp::test::kSampleTime_us;
    keyframe.dt_s = 0.1;
    keyframe.world = gs::scenario_bodies({"Earth"}, false);
    ok = write(keyframe_dir, "00_earth_only", gp::encode_keyframe(keyframe)) && ok;
    keyframe.world = gp::test::sample_world();
    ok = write(keyframe_dir, "01_earth_moon_ships_stations", gp::encode_keyframe(keyframe)) && ok;

    if (!ok) {
        std::fprintf(stderr, "could not write every file under %s\n", root.string().c_str());
        return 1;
    }
    return 0;
}
