// galaxy-sim: the headless runner. Loads the J2000 Solar System, optionally adds scripted ships,
// steps the world for a given span of game time and prints the final state as one JSON
// document on stdout. Built natively and as galaxy-sim.js (run with node); the cross-target
// determinism test compares the hashes the two print.
//
// Output keys: tick, game_time_s, hash (16 lowercase hex digits), bodies and ships (arrays of
// {name, position_m, velocity_m_s}, ICRF barycentric, SI units) and, with --checkpoints,
// checkpoints (array of {tick, hash}).
//
// No exceptions anywhere (the WASM build aborts on a throw): arguments are parsed without
// them, and the JSON is dumped with invalid UTF-8 replaced rather than thrown on.
#include <cinttypes>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "galaxy/sim/command.hpp"
#include "galaxy/sim/hash.hpp"
#include "galaxy/sim/scenario.hpp"
#include "galaxy/sim/vec3.hpp"
#include "galaxy/sim/world.hpp"
#include "runner_args.hpp"

namespace {

namespace gs = galaxy::sim;
namespace gr = galaxy::runner;
// ordered_json keeps keys in insertion order (name, position_m, velocity_m_s; tick, hash).
using Json = nlohmann::ordered_json;

struct Checkpoint {
    std::uint64_t tick = 0;
    std::uint64_t hash = 0;
};

std::string hash_hex(std::uint64_t hash) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016" PRIx64, hash);
    return buffer;
}

Json vec3_json(gs::Vec3 v) { return Json::array({v.x, v.y, v.z}); }

// Runs the scenario and returns the checkpoints taken on the way. Tick 1 applies the spawn
// commands first, then the pilots' commands (none yet: the ships only exist after the spawns);
// every later tick applies the pilots' commands for the current state.
std::vector<Checkpoint> run(gs::World& world, const gr::RunnerArgs& args) {
    const std::vector<std::uint64_t> wanted = gr::checkpoint_ticks(args.ticks, args.checkpoints);
    std::vector<Checkpoint> taken;
    taken.reserve(wanted.size());
    std::size_t next = 0;
    if (next < wanted.size() && wanted[next] == 0) {
        taken.push_back({world.tick, gs::state_hash(world)});
        ++next;
    }
    std::vector<gs::Command> commands = gs::scripted_spawns(world, args.ships, args.seed);
    for (std::uint64_t done = 0; done < args.ticks;) {
        std::vector<gs::Command> controls = gs::scripted_controls(world, args.seed);
        commands.insert(commands.end(), controls.begin(), controls.end());
        gs::step(world, args.dt_s, commands);
        commands.clear();
        ++done;
        if (next < wanted.size() && wanted[next] == done) {
            taken.push_back({world.tick, gs::state_hash(world)});
            ++next;
        }
    }
    return taken;
}

Json entity_json(const std::string& name, gs::Vec3 position_m, gs::Vec3 velocity_m_s) {
    Json entity = Json::object();
    entity["name"] = name;
    entity["position_m"] = vec3_json(position_m);
    entity["velocity_m_s"] = vec3_json(velocity_m_s);
    return entity;
}

// Compact JSON of one value. Doubles print with up to 17 significant digits, enough to
// round-trip every bit; the replace handler turns invalid UTF-8 in a name into U+FFFD instead
// of throwing.
std::string compact(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Appends `"key": [` and then one element per line, so the document stays readable (one line
// per body or ship) without spreading every vector over five lines.
void append_array(std::string* out, const char* key, const std::vector<Json>& items, bool last) {
    *out += "  \"";
    *out += key;
    *out += "\": [";
    for (std::size_t i = 0; i < items.size(); ++i) {
        *out += i == 0 ? "\n    " : ",\n    ";
        *out += compact(items[i]);
    }
    *out += items.empty() ? "]" : "\n  ]";
    *out += last ? "\n" : ",\n";
}

// The output document, keys in the documented order.
std::string world_document(const gs::World& world, const std::vector<Checkpoint>& checkpoints,
                           bool with_checkpoints) {
    std::vector<Json> bodies;
    bodies.reserve(world.bodies.size());
    for (const gs::Body& body : world.bodies) {
        bodies.push_back(entity_json(body.def.name, body.position_m, body.velocity_m_s));
    }
    std::vector<Json> ships;
    ships.reserve(world.ships.size());
    for (const gs::Ship& ship : world.ships) {
        ships.push_back(entity_json(ship.name, ship.position_m, ship.velocity_m_s));
    }
    std::string out = "{\n";
    out += "  \"tick\": " + compact(Json(world.tick)) + ",\n";
    out += "  \"game_time_s\": " + compact(Json(world.game_time_s)) + ",\n";
    out += "  \"hash\": \"" + hash_hex(gs::state_hash(world)) + "\",\n";
    append_array(&out, "bodies", bodies, false);
    append_array(&out, "ships", ships, !with_checkpoints);
    if (with_checkpoints) {
        std::vector<Json> list;
        list.reserve(checkpoints.size());
        for (const Checkpoint& checkpoint : checkpoints) {
            Json entry = Json::object();
            entry["tick"] = checkpoint.tick;
            entry["hash"] = hash_hex(checkpoint.hash);
            list.push_back(std::move(entry));
        }
        append_array(&out, "checkpoints", list, true);
    }
    out += "}\n";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const char* program = argc > 0 ? argv[0] : "galaxy-sim";
    const gr::ParseResult parsed = gr::parse_runner_args(argc, argv);
    switch (parsed.status) {
        case gr::ParseStatus::Help:
            std::fputs(gr::runner_usage(program).c_str(), stdout);
            return 0;
        case gr::ParseStatus::Error:
            std::fprintf(stderr, "galaxy-sim: %s\n\n%s", parsed.error.c_str(),
                         gr::runner_usage(program).c_str());
            return 2;
        case gr::ParseStatus::Run:
            break;
    }

    gs::World world = gs::scenario_solar_system();
    const std::vector<Checkpoint> checkpoints = run(world, parsed.args);
    const std::string text = world_document(world, checkpoints, parsed.args.checkpoints > 0);
    std::fputs(text.c_str(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}
