#include "galaxy/admin/cli.hpp"

#include <chrono>
#include <cstdlib>
#include <ostream>

#include "command_support.hpp"
#include "galaxy/admin/api_client.hpp"
#include "galaxy/admin/args.hpp"
#include "galaxy/admin/commands.hpp"
#include "galaxy/admin/help.hpp"
#include "galaxy/admin/settings.hpp"

namespace galaxy::admin {
namespace {

int usage_error(std::ostream& err, const ParsedArgs& parsed, const std::string& message) {
    err << "galaxy-admin: " << message << "\n" << parsed.help_hint() << "\n";
    return kExitUsage;
}

double unix_now_s() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

EnvLookup process_environment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (value == nullptr) return std::nullopt;
        return std::string(value);
    };
}

int run_admin_cli(const std::vector<std::string>& args, const EnvLookup& env, std::istream& in,
                  std::ostream& out, std::ostream& err) {
    const ParsedArgs parsed = parse_args(args);
    if (!parsed.error.empty()) return usage_error(err, parsed, parsed.error);
    if (parsed.global.version) {
        out << version_text();
        return kExitOk;
    }
    if (parsed.global.help) {
        out << (parsed.command != nullptr ? command_help(*parsed.command)
                : parsed.group.empty()    ? main_help()
                                          : group_help(parsed.group));
        return kExitOk;
    }
    if (const std::string error = validate_arguments(parsed); !error.empty()) {
        return usage_error(err, parsed, error);
    }

    const SettingsResult resolved = resolve_settings(parsed.global, env);
    if (resolved.exit_code == kExitUsage) return usage_error(err, parsed, resolved.error);
    if (resolved.exit_code != kExitOk) {
        err << "galaxy-admin: " << resolved.error << "\n";
        return resolved.exit_code;
    }
    const Settings& settings = resolved.settings;
    BaseUrl base;
    std::string url_error;
    if (!parse_base_url(settings.url, &base, &url_error)) {
        return usage_error(err, parsed, url_error);
    }

    ApiClient api(base);
    const ApiResponse login = api.request(
        "POST", "/api/admin/login", {{"username", settings.user}, {"password", settings.password}});
    if (login.status != 200) return report_failure(err, login);
    const std::string token = json_text(login.body, "token");
    if (token.empty()) {
        err << "galaxy-admin: the login answer holds no token\n";
        return kExitServer;
    }
    api.set_token(token);

    CommandContext ctx{api, parsed, in, out, err, unix_now_s()};
    return find_command_function(std::string(parsed.command->name))(ctx);
}

}  // namespace galaxy::admin
