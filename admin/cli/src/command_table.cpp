#include "galaxy/admin/command_table.hpp"

namespace galaxy::admin {

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> table = {
        {"status",
         "",
         0,
         {},
         "the world's clock, load, players and persistence",
         "Shows the server's state: tick, game time, tick rate (set and measured), time scale,\n"
         "pause and time sync, tick durations, players, ships, stations, connections, the\n"
         "database, the last snapshot, registrations, bytes sent and uptime."},
        {"pause",
         "",
         0,
         {},
         "stop the world's clock",
         "Pauses the world: no ticks run until resume. Connected clients are told."},
        {"resume", "", 0, {}, "start the world's clock again", "Resumes a paused world."},
        {"set tick-rate",
         "<hz>",
         1,
         {},
         "ticks per second of real time (0.1..60)",
         "Sets how many ticks the server runs per second of real time (0.1..60 Hz). The value\n"
         "is kept in the database and survives a restart."},
        {"set time-scale",
         "<x>",
         1,
         {},
         "game seconds per real second (0.1..100000)",
         "Sets how many seconds of game time pass per second of real time (0.1..100000). The\n"
         "value is kept in the database and survives a restart."},
        {"set time-sync",
         "on|off",
         1,
         {},
         "follow the real clock (at time scale 1)",
         "With time sync on, the game clock follows the real UTC clock; it only has an effect\n"
         "at time scale 1."},
        {"set registrations",
         "open|closed",
         1,
         {},
         "allow or refuse new accounts",
         "Opens or closes registration of new player accounts."},
        {"snapshots list",
         "",
         0,
         {},
         "the newest 100 snapshots of the world",
         "Lists the world's snapshots, newest first (at most 100): id, tick, kind (auto,\n"
         "manual, restore), label, size, age and state hash."},
        {"snapshots create",
         "",
         0,
         {{"label", "L", "a label of up to 64 printable bytes"}},
         "take a manual snapshot now",
         "Takes a manual snapshot at the next tick boundary and waits until it is written.\n"
         "Manual snapshots are kept until deleted in SQL."},
        {"snapshots restore",
         "<id>",
         1,
         {},
         "run the world from a snapshot",
         "Loads the snapshot's world at the next tick boundary. The tick keeps counting up;\n"
         "every connected client gets a keyframe; a 'restore' snapshot of the new state is\n"
         "written at once."},
        {"players list",
         "",
         0,
         {{"search", "S", "only usernames containing S (case-insensitive)"},
          {"limit", "N", "at most N players (1..500, default 100)"},
          {"offset", "N", "skip the first N players (default 0)"}},
         "player accounts, online or not",
         "Lists player accounts: id, username, ship, ship class, online, age of the account;\n"
         "then how many match in all."},
        {"players reset-password",
         "<id>",
         1,
         {{"password-file", "F", "read the new password from F (default: one line of stdin)"}},
         "give a player a new password",
         "Sets a player's password (8..128 bytes). The new password is read from the file\n"
         "given by --password-file after the command words, or else from one line of standard\n"
         "input; it is never taken from the command line, where other users could see it.\n"
         "The admin's own --password-file must then come before the command words."},
        {"players delete",
         "<id>",
         1,
         {},
         "delete an account and its ship",
         "Deletes a player account; its ship is removed and an open session closed."},
        {"players disconnect",
         "<id>",
         1,
         {},
         "close a player's session",
         "Closes the player's game session (close code 4008, \"Disconnected by an admin\")."},
        {"stations list",
         "",
         0,
         {},
         "every station",
         "Lists the stations: id, name, the body whose sphere of influence holds it, its\n"
         "altitude and how many ships are docked."},
        {"stations spawn",
         "<name>",
         1,
         {{"body", "B", "the body it orbits, by name (case-insensitive)", true},
          {"altitude-km", "KM", "altitude above the body's radius in km (100 km..1e6 km)", true},
          {"inclination-deg", "D", "orbit inclination in degrees (-180..180, default 0)"}},
         "put a new station in a circular orbit",
         "Creates a station named <name> in a circular orbit around a body."},
        {"stations remove",
         "<id>",
         1,
         {},
         "remove a station",
         "Removes a station; docked ships are undocked first."},
        {"world reset",
         "",
         0,
         {{"yes", "", "do not ask for confirmation"}},
         "start a new world from the configured epoch",
         "Replaces the world with a new one from the configured epoch, with the default\n"
         "stations and no ships; every player's ship is spawned again when they next join.\n"
         "Without --yes it asks you to type RESET on standard input first."},
        {"audit",
         "",
         0,
         {{"limit", "N", "at most N entries (1..500, default 100)"}},
         "the newest admin actions",
         "Lists the admin audit log, newest first: id, age, admin, address, action, result\n"
         "and the action's parameters."},
    };
    return table;
}

const std::vector<OptionSpec>& global_options() {
    static const std::vector<OptionSpec> options = {
        {"url", "URL", "server base URL, http:// only (default http://localhost:8000)"},
        {"user", "NAME", "admin name (default admin)"},
        {"password-file", "F", "file holding the admin password"},
        {"config", "F", "settings file (default ~/.config/galaxy/admin.json)"},
        {"json", "", "print the server's JSON answer, nothing else"},
        {"help", "", "show help (of a command when one is given)"},
        {"version", "", "show the version"},
    };
    return options;
}

const CommandSpec* find_command(std::string_view name) {
    for (const CommandSpec& command : command_table()) {
        if (command.name == name) return &command;
    }
    return nullptr;
}

bool is_command_group(std::string_view word) {
    for (const CommandSpec& command : command_table()) {
        const std::string_view name = command.name;
        const auto space = name.find(' ');
        if (space != std::string_view::npos && name.substr(0, space) == word) return true;
    }
    return false;
}

const OptionSpec* find_option(const std::vector<OptionSpec>& options, std::string_view name) {
    for (const OptionSpec& option : options) {
        if (option.name == name) return &option;
    }
    return nullptr;
}

}  // namespace galaxy::admin
