// players list | reset-password | delete | disconnect.
#include <ostream>

#include "command_support.hpp"
#include "galaxy/admin/cli.hpp"
#include "galaxy/admin/commands.hpp"
#include "galaxy/admin/format.hpp"
#include "galaxy/admin/settings.hpp"
#include "galaxy/admin/table.hpp"

namespace galaxy::admin {

using nlohmann::json;

namespace {

std::string option_or_empty(const CommandContext& ctx, const char* name) {
    const auto it = ctx.args.options.find(name);
    return it == ctx.args.options.end() ? std::string() : it->second;
}

}  // namespace

int run_players_list(CommandContext& ctx) {
    const std::string target =
        with_query("/api/admin/players", {{"search", option_or_empty(ctx, "search")},
                                          {"limit", option_or_empty(ctx, "limit")},
                                          {"offset", option_or_empty(ctx, "offset")}});
    const ApiResponse response = ctx.api.request("GET", target);
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    Table table({"ID", "USERNAME", "SHIP", "CLASS", "ONLINE", "CREATED"},
                {Align::Right, Align::Left, Align::Right});
    for (const json& player : json_array(response.body, "players")) {
        table.add_row({json_number_text(player, "id"), json_text(player, "username", "-"),
                       json_number_text(player, "ship_id"), json_text(player, "ship_class", "-"),
                       json_bool(player, "online") ? "yes" : "no",
                       format_age(json_number(player, "created_at"), ctx.now_s)});
    }
    const std::string total = json_number_text(response.body, "total");
    if (table.row_count() == 0) {
        ctx.out << "no players shown (" << total << " match)\n";
        return kExitOk;
    }
    const std::string offset = option_or_empty(ctx, "offset");
    const auto first = (offset.empty() ? 0 : *parse_integer(offset, 0, kMaxId)) + 1;
    ctx.out << table.render() << "players " << first << "-"
            << first + static_cast<std::int64_t>(table.row_count()) - 1 << " of " << total << "\n";
    return kExitOk;
}

int run_players_reset_password(CommandContext& ctx) {
    std::string password;
    if (const auto file = ctx.args.options.find("password-file"); file != ctx.args.options.end()) {
        std::string error;
        if (!read_secret_file(file->second, &password, &error)) {
            ctx.err << "galaxy-admin: " << error << "\n";
            return kExitUsage;
        }
    } else {
        ctx.err << "New password for player " << id_argument(ctx) << ": " << std::flush;
        read_input_line(ctx.in, true, &password);
    }
    if (password.empty()) {
        ctx.err << "galaxy-admin: no new password given\n" << ctx.args.help_hint() << "\n";
        return kExitUsage;
    }
    const ApiResponse response = ctx.api.request(
        "POST", "/api/admin/players/" + id_argument(ctx) + "/password", {{"password", password}});
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    ctx.out << "password of player " << id_argument(ctx) << " changed\n";
    return kExitOk;
}

int run_players_delete(CommandContext& ctx) {
    const ApiResponse response =
        ctx.api.request("DELETE", "/api/admin/players/" + id_argument(ctx));
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    ctx.out << "player " << id_argument(ctx) << " deleted with their ship\n";
    return kExitOk;
}

int run_players_disconnect(CommandContext& ctx) {
    const ApiResponse response = ctx.api.request(
        "POST", "/api/admin/players/" + id_argument(ctx) + "/disconnect", json::object());
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    ctx.out << "player " << id_argument(ctx)
            << (json_bool(response.body, "was_online") ? " disconnected\n" : " was not online\n");
    return kExitOk;
}

}  // namespace galaxy::admin
