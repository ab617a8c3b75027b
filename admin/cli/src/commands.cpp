#include "galaxy/admin/commands.hpp"

#include <map>
#include <ostream>

#include "command_support.hpp"
#include "galaxy/admin/cli.hpp"

namespace galaxy::admin {

CommandFunction find_command_function(const std::string& name) {
    static const std::map<std::string, CommandFunction> functions = {
        {"status", run_status},
        {"pause", run_pause},
        {"resume", run_resume},
        {"set tick-rate", run_set_tick_rate},
        {"set time-scale", run_set_time_scale},
        {"set time-sync", run_set_time_sync},
        {"set registrations", run_set_registrations},
        {"snapshots list", run_snapshots_list},
        {"snapshots create", run_snapshots_create},
        {"snapshots restore", run_snapshots_restore},
        {"players list", run_players_list},
        {"players reset-password", run_players_reset_password},
        {"players delete", run_players_delete},
        {"players disconnect", run_players_disconnect},
        {"stations list", run_stations_list},
        {"stations spawn", run_stations_spawn},
        {"stations remove", run_stations_remove},
        {"world reset", run_world_reset},
        {"audit", run_audit},
    };
    const auto it = functions.find(name);
    return it == functions.end() ? nullptr : it->second;
}

int report_failure(std::ostream& err, const ApiResponse& response) {
    if (response.status == 0) {
        err << "galaxy-admin: " << response.transport_error << "\n";
        return kExitServer;
    }
    const std::string code = response.error_code();
    if (code.empty()) {
        err << "galaxy-admin: HTTP " << response.status << " " << response.error_message() << "\n";
    } else {
        err << "galaxy-admin: " << code << " " << response.error_message() << "\n";
    }
    return response.status == 401 ? kExitAuth : kExitServer;
}

bool check_response(CommandContext& ctx, const ApiResponse& response, int expected_status,
                    int* exit_code) {
    if (response.status != expected_status) {
        *exit_code = report_failure(ctx.err, response);
        return false;
    }
    print_json_if_asked(ctx, response);
    *exit_code = kExitOk;
    return true;
}

}  // namespace galaxy::admin
