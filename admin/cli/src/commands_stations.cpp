// stations list | spawn | remove.
#include <ostream>

#include "command_support.hpp"
#include "galaxy/admin/cli.hpp"
#include "galaxy/admin/commands.hpp"
#include "galaxy/admin/format.hpp"
#include "galaxy/admin/table.hpp"

namespace galaxy::admin {

using nlohmann::json;

namespace {

constexpr double kMetresPerKm = 1000.0;

}  // namespace

int run_stations_list(CommandContext& ctx) {
    const ApiResponse response = ctx.api.request("GET", "/api/admin/stations");
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    Table table({"ID", "NAME", "BODY", "ALTITUDE", "DOCKED"},
                {Align::Right, Align::Left, Align::Left, Align::Right, Align::Right});
    for (const json& station : json_array(response.body, "stations")) {
        table.add_row({json_number_text(station, "id"), json_text(station, "name", "-"),
                       json_text(station, "body", "-"),
                       format_km(json_number(station, "altitude_m")),
                       json_number_text(station, "docked_ships")});
    }
    if (table.row_count() == 0) {
        ctx.out << "no stations\n";
    } else {
        ctx.out << table.render();
    }
    return kExitOk;
}

int run_stations_spawn(CommandContext& ctx) {
    const auto& options = ctx.args.options;
    json body = {{"name", ctx.args.arguments[0]},
                 {"body", options.at("body")},
                 {"altitude_m", *parse_number(options.at("altitude-km")) * kMetresPerKm}};
    if (const auto inclination = options.find("inclination-deg"); inclination != options.end()) {
        body["inclination_deg"] = *parse_number(inclination->second);
    }
    const ApiResponse response = ctx.api.request("POST", "/api/admin/stations", body);
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 201, &exit_code) || ctx.args.global.json) return exit_code;
    const json& station = json_member(response.body, "station");
    ctx.out << "station " << json_number_text(station, "id") << " \"" << json_text(station, "name")
            << "\" orbits " << json_text(station, "body", "-") << " at "
            << format_km(json_number(station, "altitude_m")) << "\n";
    return kExitOk;
}

int run_stations_remove(CommandContext& ctx) {
    const ApiResponse response =
        ctx.api.request("DELETE", "/api/admin/stations/" + id_argument(ctx));
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    ctx.out << "station " << id_argument(ctx) << " removed\n";
    return kExitOk;
}

}  // namespace galaxy::admin
