// status, pause, resume, set ..., world reset and audit.
#include <istream>
#include <ostream>

#include "command_support.hpp"
#include "galaxy/admin/cli.hpp"
#include "galaxy/admin/commands.hpp"
#include "galaxy/admin/format.hpp"
#include "galaxy/admin/table.hpp"

namespace galaxy::admin {
namespace {

using nlohmann::json;

std::string on_off(bool value) { return value ? "on" : "off"; }
std::string yes_no(bool value) { return value ? "yes" : "no"; }

// PATCH /api/admin/settings with one change; prints the settings the server now runs with.
int patch_settings(CommandContext& ctx, const json& change) {
    const ApiResponse response = ctx.api.request("PATCH", "/api/admin/settings", change);
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    const json& settings = json_member(response.body, "settings");
    ctx.out << render_key_values({
        {"paused", yes_no(json_bool(settings, "paused"))},
        {"tick rate", json_number_text(settings, "tick_rate_hz") + " Hz"},
        {"time scale", json_number_text(settings, "time_scale") + "x"},
        {"time sync", on_off(json_bool(settings, "time_sync"))},
        {"registrations", json_bool(settings, "registration_open") ? "open" : "closed"},
    });
    return kExitOk;
}

std::string last_snapshot_text(const json& status) {
    if (!status.contains("last_snapshot_tick") || !status["last_snapshot_tick"].is_number()) {
        return "none yet";
    }
    return "tick " + json_number_text(status, "last_snapshot_tick") + ", " +
           format_duration(json_number(status, "last_snapshot_age_s")) + " ago";
}

}  // namespace

int run_status(CommandContext& ctx) {
    const ApiResponse response = ctx.api.request("GET", "/api/admin/status");
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    const json& s = response.body;
    const bool time_sync = json_bool(s, "time_sync");
    ctx.out << render_key_values({
        {"tick", json_number_text(s, "tick")},
        {"game time", json_text(s, "game_time_utc", "-") + " (" +
                          json_number_text(s, "game_time_s", 1) + " s after J2000)"},
        {"tick rate", json_number_text(s, "tick_rate_hz") + " Hz set, " +
                          json_number_text(s, "actual_tick_rate_hz") + " Hz measured"},
        {"time scale", json_number_text(s, "time_scale") + "x set, " +
                           json_number_text(s, "effective_time_scale") + "x effective"},
        {"paused", yes_no(json_bool(s, "paused"))},
        {"time sync", time_sync ? "on, drift " + json_number_text(s, "time_sync_drift_s", 3) + " s"
                                : std::string("off")},
        {"ticks behind", json_number_text(s, "ticks_behind")},
        {"tick duration", "p50 " + format_ms(json_number(s, "tick_duration_p50_ms")) + ", p99 " +
                              format_ms(json_number(s, "tick_duration_p99_ms"))},
        {"players", json_number_text(s, "players_online") + " online, " +
                        json_number_text(s, "players_total") + " total"},
        {"ships", json_number_text(s, "ships")},
        {"stations", json_number_text(s, "stations")},
        {"connections", json_number_text(s, "connections")},
        {"database", json_bool(s, "database_up") ? "up" : "DOWN"},
        {"last snapshot", last_snapshot_text(s)},
        {"journal lag", json_number_text(s, "journal_lag_ticks") + " ticks"},
        {"registrations", json_bool(s, "registration_open") ? "open" : "closed"},
        {"bytes sent", format_bytes(json_number(s, "bytes_sent_total"))},
        {"uptime", format_duration(json_number(s, "uptime_s"))},
    });
    return kExitOk;
}

int run_pause(CommandContext& ctx) { return patch_settings(ctx, {{"paused", true}}); }

int run_resume(CommandContext& ctx) { return patch_settings(ctx, {{"paused", false}}); }

int run_set_tick_rate(CommandContext& ctx) {
    return patch_settings(ctx, {{"tick_rate_hz", *parse_number(ctx.args.arguments[0])}});
}

int run_set_time_scale(CommandContext& ctx) {
    return patch_settings(ctx, {{"time_scale", *parse_number(ctx.args.arguments[0])}});
}

int run_set_time_sync(CommandContext& ctx) {
    return patch_settings(ctx, {{"time_sync", ctx.args.arguments[0] == "on"}});
}

int run_set_registrations(CommandContext& ctx) {
    return patch_settings(ctx, {{"registration_open", ctx.args.arguments[0] == "open"}});
}

int run_world_reset(CommandContext& ctx) {
    // The first call only hands out a confirmation token (409 E027).
    const ApiResponse first = ctx.api.request("POST", "/api/admin/world/reset", json::object());
    if (first.status != 409 || first.error_code() != "E027" ||
        json_text(first.body, "confirm_token").empty()) {
        return report_failure(ctx.err, first);
    }
    if (!ctx.args.has_option("yes")) {
        ctx.err << "This replaces the world with a new one from the configured epoch: every ship "
                   "and every added station is lost.\nType RESET to confirm: "
                << std::flush;
        std::string answer;
        if (!read_input_line(ctx.in, false, &answer) || answer != "RESET") {
            ctx.err << "galaxy-admin: world reset cancelled\n";
            return kExitUsage;
        }
    }
    const ApiResponse second =
        ctx.api.request("POST", "/api/admin/world/reset",
                        {{"confirm_token", json_text(first.body, "confirm_token")}});
    int exit_code = kExitOk;
    if (!check_response(ctx, second, 200, &exit_code) || ctx.args.global.json) return exit_code;
    ctx.out << "world reset at tick " << json_number_text(second.body, "tick") << " (state hash "
            << json_text(second.body, "state_hash", "-") << ")\n";
    return kExitOk;
}

int run_audit(CommandContext& ctx) {
    const auto limit = ctx.args.options.find("limit");
    const ApiResponse response = ctx.api.request(
        "GET", with_query("/api/admin/audit",
                          {{"limit", limit == ctx.args.options.end() ? "" : limit->second}}));
    int exit_code = kExitOk;
    if (!check_response(ctx, response, 200, &exit_code) || ctx.args.global.json) return exit_code;
    Table table({"ID", "WHEN", "ADMIN", "ADDRESS", "ACTION", "RESULT", "DETAILS"}, {Align::Right});
    for (const json& entry : json_array(response.body, "entries")) {
        const json& details = json_member(entry, "details");
        table.add_row({json_number_text(entry, "id"),
                       format_age(json_number(entry, "at"), ctx.now_s),
                       json_text(entry, "admin", "-"), json_text(entry, "ip", "-"),
                       json_text(entry, "action", "-"), json_bool(entry, "ok") ? "ok" : "failed",
                       details.is_string() ? details.get<std::string>()
                       : details.is_null() ? std::string()
                                           : details.dump()});
    }
    if (table.row_count() == 0) {
        ctx.out << "no audit entries\n";
    } else {
        ctx.out << table.render();
    }
    return kExitOk;
}

}  // namespace galaxy::admin
