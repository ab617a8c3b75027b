// snapshots list | create | restore.
#include <ostream>

#include "command_support.hpp"
#include "galaxy/admin/cli.hpp"
#include "galaxy/admin/commands.hpp"
#include "galaxy/admin/format.hpp"
#include "galaxy/admin/table.hpp"

namespace galaxy::admin {

using nlohmann::json;

int run_snapshots_list(CommandContext& ctx) {
    const ApiResponse response = ctx.api.request("GET", "/api/admin/snapshots");
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    Table table({"ID", "TICK", "KIND", "LABEL", "SIZE", "CREATED", "STATE HASH"},
                {Align::Right, Align::Right, Align::Left, Align::Left, Align::Right});
    for (const json& snapshot : json_array(response.body, "snapshots")) {
        table.add_row({json_number_text(snapshot, "id"), json_number_text(snapshot, "tick"),
                       json_text(snapshot, "kind", "-"), json_text(snapshot, "label"),
                       format_bytes(json_number(snapshot, "bytes")),
                       format_age(json_number(snapshot, "created_at"), ctx.now_s),
                       json_text(snapshot, "state_hash", "-")});
    }
    if (table.row_count() == 0) {
        ctx.out << "no snapshots\n";
    } else {
        ctx.out << table.render();
    }
    return kExitOk;
}

int run_snapshots_create(CommandContext& ctx) {
    json body = json::object();
    if (const auto label = ctx.args.options.find("label"); label != ctx.args.options.end()) {
        body["label"] = label->second;
    }
    const ApiResponse response = ctx.api.request("POST", "/api/admin/snapshots", body);
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 201, &exit_code) || ctx.args.global.json) return exit_code;
    const json& snapshot = json_member(response.body, "snapshot");
    ctx.out << "snapshot " << json_number_text(snapshot, "id") << " written at tick "
            << json_number_text(snapshot, "tick") << " ("
            << format_bytes(json_number(snapshot, "bytes")) << ", state hash "
            << json_text(snapshot, "state_hash", "-") << ")\n";
    return kExitOk;
}

int run_snapshots_restore(CommandContext& ctx) {
    const ApiResponse response = ctx.api.request(
        "POST", "/api/admin/snapshots/" + id_argument(ctx) + "/restore", json::object());
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    ctx.out << "snapshot " << json_number_text(response.body, "restored_id")
            << " restored; the world runs from tick " << json_number_text(response.body, "tick")
            << " (state hash " << json_text(response.body, "state_hash", "-") << ")\n";
    return kExitOk;
}

}  // namespace galaxy::admin
