// Helpers shared by the command files: reading fields of an answer that may lack them, the
// validation of argument values (before any network traffic), and reading a line of input.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "galaxy/admin/args.hpp"
#include "galaxy/admin/commands.hpp"

namespace galaxy::admin {

inline constexpr std::int64_t kMaxId = 9007199254740991;  // 2^53 - 1: exact in every JSON reader

// Field readers: the fallback when the field is missing or of another type.
double json_number(const nlohmann::json& object, const char* key, double fallback = 0.0);
std::string json_text(const nlohmann::json& object, const char* key,
                      const std::string& fallback = "");
bool json_bool(const nlohmann::json& object, const char* key, bool fallback = false);
// A number as written by people: integers without decimals, others with at most `decimals`.
std::string json_number_text(const nlohmann::json& object, const char* key, int decimals = 2);
// The value under key (null when missing).
const nlohmann::json& json_member(const nlohmann::json& object, const char* key);
// The array under key (an empty one when missing).
const nlohmann::json& json_array(const nlohmann::json& object, const char* key);

// The error in the values of the command's arguments and options ("" when they are valid):
// ids, numbers and words are checked here, ranges by the server.
std::string validate_arguments(const ParsedArgs& args);
// The id argument (validate_arguments checked it).
std::string id_argument(const CommandContext& ctx);

// Prints the answer as pretty JSON on out when --json was given.
void print_json_if_asked(CommandContext& ctx, const ApiResponse& response);

// Reads one line (without its line break) from in; with secret and in being the terminal,
// without echoing it. False at end of input.
bool read_input_line(std::istream& in, bool secret, std::string* line);

// A path with its query string: target + "?" + the non-empty parameters, URL-encoded.
std::string with_query(const std::string& target,
                       const std::vector<std::pair<std::string, std::string>>& parameters);

}  // namespace galaxy::admin
