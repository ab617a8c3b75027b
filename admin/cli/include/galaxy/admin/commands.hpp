// One function per galaxy-admin command. Each calls the admin API through a logged-in client,
// prints the answer for people (or the server's JSON with --json) and returns the exit code.
#pragma once

#include <iosfwd>
#include <string>

#include "galaxy/admin/api_client.hpp"
#include "galaxy/admin/args.hpp"

namespace galaxy::admin {

// What a command works with.
struct CommandContext {
    ApiClient& api;          // logged in
    const ParsedArgs& args;  // the command line (its arguments and options are valid)
    std::istream& in;        // confirmations and new passwords
    std::ostream& out;       // results
    std::ostream& err;       // errors and prompts
    double now_s;            // Unix seconds when the run started: ages are relative to it
};

using CommandFunction = int (*)(CommandContext& ctx);
CommandFunction find_command_function(const std::string& name);  // null when unknown

int run_status(CommandContext& ctx);
int run_pause(CommandContext& ctx);
int run_resume(CommandContext& ctx);
int run_set_tick_rate(CommandContext& ctx);
int run_set_time_scale(CommandContext& ctx);
int run_set_time_sync(CommandContext& ctx);
int run_set_registrations(CommandContext& ctx);
int run_world_reset(CommandContext& ctx);
int run_audit(CommandContext& ctx);
int run_snapshots_list(CommandContext& ctx);
int run_snapshots_create(CommandContext& ctx);
int run_snapshots_restore(CommandContext& ctx);
int run_players_list(CommandContext& ctx);
int run_players_reset_password(CommandContext& ctx);
int run_players_delete(CommandContext& ctx);
int run_players_disconnect(CommandContext& ctx);
int run_stations_list(CommandContext& ctx);
int run_stations_spawn(CommandContext& ctx);
int run_stations_remove(CommandContext& ctx);

// The answer when it has the expected status: prints it with --json and returns true;
// otherwise prints "galaxy-admin: <code> <message>" on err, sets *exit_code (kExitAuth for
// 401, else kExitServer) and returns false.
bool check_response(CommandContext& ctx, const ApiResponse& response, int expected_status,
                    int* exit_code);
// The one-line error for an answer that is not a success, and its exit code.
int report_failure(std::ostream& err, const ApiResponse& response);

}  // namespace galaxy::admin
