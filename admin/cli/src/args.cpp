#include "galaxy/admin/args.hpp"

#include <charconv>
#include <cmath>

namespace galaxy::admin {
namespace {

// One --option as written, before it is known to be global or the command's.
struct Occurrence {
    std::string name;
    std::string value;
    std::size_t words_before;  // positional words before it
};

bool is_global(std::string_view name) { return find_option(global_options(), name) != nullptr; }

// The arity of an option name in any scope: a value option takes a value everywhere (the
// table keeps it so), so the parser can split the words before knowing the command.
const OptionSpec* find_any_option(std::string_view name) {
    if (const OptionSpec* option = find_option(global_options(), name)) return option;
    for (const CommandSpec& command : command_table()) {
        if (const OptionSpec* option = find_option(command.options, name)) return option;
    }
    return nullptr;
}

bool looks_like_number(std::string_view word) { return parse_number(word).has_value(); }

void set_global(GlobalOptions* global, const std::string& name, const std::string& value) {
    if (name == "url") global->url = value;
    if (name == "user") global->user = value;
    if (name == "password-file") global->password_file = value;
    if (name == "config") global->config = value;
    if (name == "json") global->json = true;
    if (name == "help") global->help = true;
    if (name == "version") global->version = true;
}

// Matches the command words at the start of words; returns how many words it used.
std::size_t match_command(const std::vector<std::string>& words, ParsedArgs* parsed) {
    if (words.empty()) return 0;
    if (is_command_group(words[0])) {
        parsed->group = words[0];
        if (words.size() < 2) return 1;
        parsed->command = find_command(words[0] + " " + words[1]);
        if (parsed->command == nullptr) {
            parsed->error = "unknown command '" + words[0] + " " + words[1] + "'";
            return 1;
        }
        return 2;
    }
    parsed->command = find_command(words[0]);
    if (parsed->command == nullptr) parsed->error = "unknown command '" + words[0] + "'";
    return 1;
}

std::string argument_error(const CommandSpec& command, std::size_t given) {
    const std::string name(command.name);
    if (command.argument_count == 0) return name + " takes no arguments";
    if (given < command.argument_count) {
        return name + " needs " + std::string(command.arguments);
    }
    return name + " takes only " + std::string(command.arguments);
}

}  // namespace

std::string ParsedArgs::help_hint() const {
    if (command != nullptr) return "see galaxy-admin " + std::string(command->name) + " --help";
    if (!group.empty()) return "see galaxy-admin " + group + " --help";
    return "see galaxy-admin --help";
}

ParsedArgs parse_args(const std::vector<std::string>& args) {
    ParsedArgs parsed;
    std::vector<std::string> words;
    std::vector<Occurrence> occurrences;
    std::string first_error;  // reported after the command is known, for the hint
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (options_done || arg.empty() || arg[0] != '-' || arg == "-" || looks_like_number(arg)) {
            words.push_back(arg);
            continue;
        }
        if (arg == "--") {
            options_done = true;
            continue;
        }
        if (arg == "-h") {
            occurrences.push_back({"help", "", words.size()});
            continue;
        }
        if (arg.rfind("--", 0) != 0) {
            if (first_error.empty()) first_error = "unknown option " + arg;
            continue;
        }
        const auto equals = arg.find('=');
        const std::string name = arg.substr(2, equals == std::string::npos ? equals : equals - 2);
        const OptionSpec* spec = find_any_option(name);
        if (spec == nullptr) {
            if (first_error.empty()) first_error = "unknown option --" + name;
            continue;
        }
        std::string value;
        if (spec->value_name.empty()) {
            if (equals != std::string::npos && first_error.empty()) {
                first_error = "--" + name + " takes no value";
            }
        } else if (equals != std::string::npos) {
            value = arg.substr(equals + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else if (first_error.empty()) {
            first_error = "--" + name + " needs a value (" + std::string(spec->value_name) + ")";
        }
        occurrences.push_back({name, value, words.size()});
    }

    const std::size_t command_words = match_command(words, &parsed);
    if (command_words < words.size()) {
        parsed.arguments.assign(words.begin() + static_cast<std::ptrdiff_t>(command_words),
                                words.end());
    }
    for (const Occurrence& occurrence : occurrences) {
        const bool commands_own =
            parsed.command != nullptr &&
            find_option(parsed.command->options, occurrence.name) != nullptr &&
            (!is_global(occurrence.name) || occurrence.words_before >= command_words);
        if (commands_own) {
            parsed.options[occurrence.name] = occurrence.value;
        } else if (is_global(occurrence.name)) {
            set_global(&parsed.global, occurrence.name, occurrence.value);
        } else if (first_error.empty()) {
            first_error = "--" + occurrence.name + " is not an option of " +
                          (parsed.command != nullptr ? std::string(parsed.command->name)
                                                     : std::string("this command"));
        }
    }
    if (parsed.error.empty()) parsed.error = first_error;
    if (!parsed.error.empty() || parsed.global.help || parsed.global.version) return parsed;

    if (parsed.command == nullptr) {
        parsed.error =
            parsed.group.empty() ? "no command given" : parsed.group + " needs a command";
        return parsed;
    }
    if (parsed.arguments.size() != parsed.command->argument_count) {
        parsed.error = argument_error(*parsed.command, parsed.arguments.size());
        return parsed;
    }
    for (const OptionSpec& option : parsed.command->options) {
        if (option.required && !parsed.has_option(std::string(option.name))) {
            parsed.error = std::string(parsed.command->name) + " needs --" +
                           std::string(option.name) + " " + std::string(option.value_name);
            return parsed;
        }
    }
    return parsed;
}

std::optional<double> parse_number(std::string_view text) {
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> parse_integer(std::string_view text, std::int64_t min,
                                          std::int64_t max) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || value < min || value > max) {
        return std::nullopt;
    }
    return value;
}

}  // namespace galaxy::admin
