// The built galaxy-admin executable, once: main passes its arguments, environment and streams
// to the library and its exit code back.
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "admin/support/live_server.hpp"

#ifndef GALAXY_ADMIN_BINARY
#error "the build defines GALAXY_ADMIN_BINARY (the galaxy-admin executable)"
#endif

namespace galaxy::admin::test {
namespace {

// What a shell command printed on stdout, and its exit code.
struct Process {
    int exit_code = -1;
    std::string out;
};

Process run_shell(const std::string& command) {
    Process process;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return process;
    char chunk[4096];
    std::size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, pipe)) > 0) process.out.append(chunk, n);
    const int status = ::pclose(pipe);
    process.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return process;
}

class AdminCliBinary : public LiveAdminTest {};

TEST_F(AdminCliBinary, HelpAndAStatusRunThroughTheExecutable) {
    const std::string binary = GALAXY_ADMIN_BINARY;
    const Process help = run_shell("'" + binary + "' --help");
    EXPECT_EQ(help.exit_code, kExitOk);
    EXPECT_NE(help.out.find("Commands:\n"), std::string::npos) << help.out;

    // The password comes from the environment, the URL from a flag; HOME holds no config.
    const Process status =
        run_shell("HOME='" + files_->path("home") + "' GALAXY_ADMIN_PASSWORD='" +
                  std::string(kAdminPassword) + "' '" + binary + "' status --json --url " + url());
    ASSERT_EQ(status.exit_code, kExitOk) << status.out;
    const nlohmann::json body = nlohmann::json::parse(status.out, nullptr, false);
    ASSERT_TRUE(body.is_object()) << status.out;
    EXPECT_TRUE(body["tick"].is_number_integer());

    const Process usage = run_shell("'" + binary + "' status extra 2>/dev/null");
    EXPECT_EQ(usage.exit_code, kExitUsage);
}

}  // namespace
}  // namespace galaxy::admin::test
