// scripts/pg-cluster.sh: idempotent start and stop, status and url, and clear errors.
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "server/support/pg_cluster.hpp"

namespace galaxy::test {
namespace {

struct ScriptResult {
    int status = -1;      // exit status
    std::string output;   // stdout and stderr
};

ScriptResult run_script(const std::string& arguments) {
    const std::string command = std::string(GALAXY_PG_CLUSTER_SCRIPT) + " " + arguments + " 2>&1";
    ScriptResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return result;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) result.output += buffer;
    const int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string arguments(const ScratchCluster& cluster) {
    return "'" + cluster.dir().string() + "' " + std::to_string(cluster.port());
}

// One cluster for the suite: creating one takes seconds.
class PgClusterTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { cluster_ = new ScratchCluster(); }
    static void TearDownTestSuite() {
        delete cluster_;
        cluster_ = nullptr;
    }
    static ScratchCluster* cluster_;
};

ScratchCluster* PgClusterTest::cluster_ = nullptr;

TEST_F(PgClusterTest, StartCreatesTheClusterAndIsQuietAndIdempotent) {
    const ScriptResult first = run_script("start " + arguments(*cluster_));
    EXPECT_EQ(first.status, 0) << first.output;
    EXPECT_EQ(first.output, "");
    const ScriptResult again = run_script("start " + arguments(*cluster_));
    EXPECT_EQ(again.status, 0) << again.output;
    EXPECT_EQ(again.output, "");

    pqxx::connection connection(cluster_->url());
    pqxx::nontransaction tx(connection);
    EXPECT_EQ(tx.exec("SELECT current_user")[0][0].as<std::string>(), "galaxy");
    EXPECT_EQ(tx.exec("SHOW server_encoding")[0][0].as<std::string>(), "UTF8");
    EXPECT_EQ(tx.exec("SHOW listen_addresses")[0][0].as<std::string>(), "127.0.0.1");
}

TEST_F(PgClusterTest, StatusSaysWhetherItRuns) {
    ASSERT_TRUE(cluster_->start());
    const ScriptResult running = run_script("status " + arguments(*cluster_));
    EXPECT_EQ(running.status, 0);
    EXPECT_EQ(running.output, "running\n");
    ASSERT_TRUE(cluster_->stop());
    const ScriptResult stopped = run_script("status " + arguments(*cluster_));
    EXPECT_EQ(stopped.status, 3);
    EXPECT_EQ(stopped.output, "stopped\n");
}

TEST_F(PgClusterTest, StopIsIdempotent) {
    ASSERT_TRUE(cluster_->start());
    EXPECT_EQ(run_script("stop " + arguments(*cluster_)).status, 0);
    const ScriptResult again = run_script("stop " + arguments(*cluster_));
    EXPECT_EQ(again.status, 0) << again.output;
    EXPECT_EQ(again.output, "");
    EXPECT_THROW(pqxx::connection{cluster_->url()}, pqxx::broken_connection);
}

TEST(PgClusterScriptTest, UrlNamesTheGalaxyUserOnLoopback) {
    const ScriptResult url = run_script("url /nonexistent/dir 55999");
    EXPECT_EQ(url.status, 0);
    EXPECT_EQ(url.output, "postgresql://galaxy@127.0.0.1:55999/postgres\n");
}

TEST(PgClusterScriptTest, APortInUseIsAClearError) {
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(listener, 1), 0);
    ASSERT_EQ(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
    const int port = ntohs(address.sin_port);

    ScratchCluster unused;   // only for its directory
    const ScriptResult result =
        run_script("start '" + unused.dir().string() + "' " + std::to_string(port));
    ::close(listener);
    EXPECT_EQ(result.status, 1);
    EXPECT_NE(result.output.find("port " + std::to_string(port) + " on 127.0.0.1 is in use"),
              std::string::npos)
        << result.output;
}

TEST(PgClusterScriptTest, BadArgumentsPrintUsage) {
    const ScriptResult result = run_script("restart /tmp/x 5432");
    EXPECT_EQ(result.status, 1);
    EXPECT_NE(result.output.find("usage: pg-cluster.sh start|stop|status|url DIR PORT"),
              std::string::npos)
        << result.output;
    EXPECT_EQ(run_script("start /tmp/x notaport").status, 1);
}

}  // namespace
}  // namespace galaxy::test
