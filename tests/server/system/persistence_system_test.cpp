// Whole-process persistence tests: galaxy-server runs as a child process against its own
// private PostgreSQL cluster, and is stopped cleanly, killed with SIGKILL, or loses its
// database while players fly. A player's client follows the world from its keyframe and
// updates (applying them with proto::apply_tick), so it knows the state hash of every tick
// independently of the server; the restarted server must recover exactly that world.
#include "net/asio.hpp"   // first: it quiets a false warning in Asio's headers

#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "galaxy/sim/hash.hpp"
#include "server/support/ws_fixture.hpp"
#include "server/system/server_process.hpp"

namespace galaxy::test {
namespace {

std::uint16_t free_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor acceptor(
        io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
    return acceptor.local_endpoint().port();
}

// A player's client that follows the world from its keyframe, applying every update with
// proto::apply_tick, and records the state hash of its replica after every tick and the tick
// of every ack.
struct TrackedPlayer {
    std::unique_ptr<WsClient> client;
    proto::Keyframe world;
    std::map<std::uint64_t, std::uint64_t> hash_at_tick;
    std::map<std::uint32_t, std::uint64_t> acked_tick;   // seq -> tick

    // Handles one message; false on timeout, close or a frame that does not apply.
    bool pump(double timeout_s) {
        std::optional<WsFrame> frame = client->read(timeout_s);
        if (!frame) return false;
        proto::DecodeError error;
        if (!frame->binary) {
            proto::ServerMessage message;
            if (proto::decode_server_message(frame->data, &message, &error) &&
                message.type == proto::ServerMessageType::Ack) {
                acked_tick[message.seq] = message.tick;
            }
            return true;
        }
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(frame->data.data());
        proto::Update update;
        if (!proto::decode_update(bytes, frame->data.size(), &update, &error)) return false;
        for (const proto::TickRecord& record : update.ticks) {
            if (record.tick <= world.tick) continue;
            if (record.tick != world.tick + 1) return false;
            proto::apply_tick(world.world, record);
            world.tick = record.tick;
            hash_at_tick[world.tick] = sim::state_hash(world.world);
        }
        return !update.has_hash || hash_at_tick[world.tick] == update.state_hash;
    }

    // Pumps until condition() holds; false on timeout_s, close or a bad frame.
    template <class Condition>
    bool pump_until(Condition condition, double timeout_s) {
        const auto deadline = std::chrono::steady_clock::now() +
                              std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                  std::chrono::duration<double>(timeout_s));
        while (!condition()) {
            const double left =
                std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
            if (left <= 0.0 || !pump(left)) return false;
        }
        return true;
    }

    bool follow_until(std::uint64_t tick, double timeout_s = 20.0) {
        return pump_until([&] { return world.tick >= tick; }, timeout_s);
    }

    // The tick of seq's ack, 0 if none within timeout_s.
    std::uint64_t wait_ack(std::uint32_t seq, double timeout_s) {
        pump_until([&] { return acked_tick.count(seq) != 0; }, timeout_s);
        return acked_tick.count(seq) ? acked_tick[seq] : 0;
    }
};

class PersistenceSystemTest : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
        dir_ = std::filesystem::temp_directory_path() /
               ("galaxy-system-" + std::to_string(::getpid()) + "-" + name);
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        pg_ = std::make_unique<PgCluster>((dir_ / "pg").string(), free_port());
        ASSERT_TRUE(pg_->start()) << "could not start PostgreSQL";
        port_ = free_port();
        env_ = {{"GALAXY_DATABASE_URL", pg_->url()},
                {"GALAXY_JWT_SECRET", kTestJwtSecret},
                {"GALAXY_BIND", "127.0.0.1"},
                {"GALAXY_PORT", std::to_string(port_)},
                {"GALAXY_WEB_ROOT", dir_.string()},
                {"GALAXY_TICK_RATE_HZ", "20"},
                {"GALAXY_HASH_INTERVAL_TICKS", "1"},
                {"GALAXY_SNAPSHOT_INTERVAL_S", "2"},
                {"GALAXY_ARGON2_OPSLIMIT", "1"},
                {"GALAXY_ARGON2_MEMLIMIT_BYTES", "8192"}};
    }

    void TearDown() override {
        server_.reset();
        pg_.reset();
        if (!HasFailure()) std::filesystem::remove_all(dir_);
    }

    // Starts (or restarts) the server and waits until it is ready; the log file is shared
    // by every run of one test (log lines of earlier runs come first).
    ::testing::AssertionResult start_server() {
        server_ = std::make_unique<ServerProcess>(env_, (dir_ / "server.log").string());
        server_->start();
        if (!server_->wait_for_log("server_ready", 90.0, runs_)) {
            return ::testing::AssertionFailure() << "not ready:\n" << server_->log_text();
        }
        ++runs_;
        return ::testing::AssertionSuccess();
    }

    // The world_recovered line of the latest run (start_server waited for it to be ready, and
    // recovery is logged before readiness).
    std::optional<nlohmann::json> recovered() const {
        std::optional<nlohmann::json> last;
        for (auto& line : server_->log_lines()) {
            if (line.value("event", "") == "world_recovered") last = std::move(line);
        }
        return last;
    }

    // A gauge from /metrics; -2 when absent.
    double metric(const std::string& name) const {
        const HttpResult result = http_request(port_, boost::beast::http::verb::get, "/metrics");
        std::istringstream lines(result.body);
        std::string line;
        while (std::getline(lines, line)) {
            if (line.rfind(name + " ", 0) == 0) return std::stod(line.substr(name.size() + 1));
        }
        return -2.0;
    }

    ::testing::AssertionResult join(TrackedPlayer* tracked, const std::string& username) {
        const HttpResult result = register_player(port_, username, kTestPassword);
        if (result.status != 201) return ::testing::AssertionFailure() << result.body;
        token_ = result.json()["token"].get<std::string>();
        ship_id_ = result.json()["ship_id"].get<std::uint32_t>();
        return reconnect(tracked);
    }

    ::testing::AssertionResult reconnect(TrackedPlayer* tracked) {
        tracked->client = std::make_unique<WsClient>();
        if (!tracked->client->connect(port_)) return ::testing::AssertionFailure() << "refused";
        tracked->client->send_text(auth_text(token_));
        if (!tracked->client->read_message(proto::ServerMessageType::Welcome)) {
            return ::testing::AssertionFailure() << "no welcome";
        }
        const std::optional<std::string> frame = tracked->client->read_binary();
        proto::DecodeError error;
        if (!frame || !proto::decode_keyframe(reinterpret_cast<const std::uint8_t*>(frame->data()),
                                              frame->size(), &tracked->world, &error)) {
            return ::testing::AssertionFailure() << "no keyframe " << error.message;
        }
        tracked->hash_at_tick[tracked->world.tick] = sim::state_hash(tracked->world.world);
        return ::testing::AssertionSuccess();
    }

    // Kills the server with SIGKILL and restarts it; the recovered world must be the client's
    // replica at the recovered tick, which is no earlier than last_acked.
    ::testing::AssertionResult kill_and_recover(TrackedPlayer& pilot, std::uint64_t last_acked) {
        server_->signal(SIGKILL);
        if (const int status = server_->wait_exit(5.0); status != 128 + SIGKILL) {
            return ::testing::AssertionFailure() << "exit status " << status;
        }
        if (auto started = start_server(); !started) return started;
        const auto recovered_line = recovered();
        if (!recovered_line) return ::testing::AssertionFailure() << server_->log_text();
        const auto tick = (*recovered_line)["tick"].get<std::uint64_t>();
        if (tick < last_acked) {
            return ::testing::AssertionFailure()
                   << "an acknowledged command was lost: recovered tick " << tick << " < "
                   << last_acked;
        }
        if (!pilot.hash_at_tick.count(tick)) {
            return ::testing::AssertionFailure() << "the client never saw tick " << tick;
        }
        const auto hash = (*recovered_line)["state_hash"].get<std::uint64_t>();
        if (hash != pilot.hash_at_tick[tick]) {
            return ::testing::AssertionFailure() << "recovered hash " << hash << " != client's "
                                                 << pilot.hash_at_tick[tick] << " at tick " << tick;
        }
        return ::testing::AssertionSuccess();
    }

    // Sends a throttle command; returns the tick its ack names (0 if none within timeout_s).
    static std::uint64_t set_throttle(TrackedPlayer* tracked, double throttle, std::uint32_t seq,
                                      double timeout_s = 10.0) {
        send_throttle(tracked, throttle, seq);
        return tracked->wait_ack(seq, timeout_s);
    }

    static void send_throttle(TrackedPlayer* tracked, double throttle, std::uint32_t seq) {
        proto::ClientMessage control;
        control.type = proto::ClientMessageType::Control;
        control.seq = seq;
        control.throttle = throttle;
        tracked->client->send_text(encode(control));
    }

    // The own ship's throttle in the world of the latest keyframe (after reconnect()).
    double keyframe_throttle(const TrackedPlayer& tracked) const {
        const sim::Ship* ship = sim::find_ship(tracked.world.world, ship_id_);
        return ship ? ship->controls.throttle : -1.0;
    }

    std::filesystem::path dir_;
    std::unique_ptr<PgCluster> pg_;
    std::unique_ptr<ServerProcess> server_;
    std::map<std::string, std::string> env_;
    std::uint16_t port_ = 0;
    std::size_t runs_ = 0;
    std::string token_;
    std::uint32_t ship_id_ = 0;
};

TEST_F(PersistenceSystemTest, SigtermClosesClientsWritesASnapshotAndTheNextRunContinues) {
    ASSERT_TRUE(start_server());
    TrackedPlayer pilot;
    ASSERT_TRUE(join(&pilot, "pilot_term"));
    const std::uint64_t acked = set_throttle(&pilot, 0.5, 1);
    ASSERT_GT(acked, 0u);

    const auto signalled = std::chrono::steady_clock::now();
    server_->signal(SIGTERM);
    ASSERT_TRUE(pilot.client->wait_closed(10.0));
    EXPECT_EQ(pilot.client->close_code(), proto::close_code::kShuttingDown);
    EXPECT_EQ(pilot.client->close_reason(), "Server shutting down");
    ASSERT_EQ(server_->wait_exit(10.0), 0) << server_->log_text();
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - signalled).count(),
              10.0);
    const auto final_snapshot = server_->wait_for_log("final_snapshot", 1.0);
    ASSERT_TRUE(final_snapshot) << server_->log_text();
    const auto complete = server_->wait_for_log("shutdown_complete", 1.0);
    ASSERT_TRUE(complete);
    EXPECT_TRUE((*complete)["final_snapshot_written"].get<bool>());

    // The restarted server is exactly the world the first run saved last.
    ASSERT_TRUE(start_server());
    const auto recovered_line = recovered();
    ASSERT_TRUE(recovered_line) << server_->log_text();
    EXPECT_EQ((*recovered_line)["tick"], (*final_snapshot)["tick"]);
    EXPECT_EQ((*recovered_line)["state_hash"], (*final_snapshot)["state_hash"]);
    EXPECT_GE((*recovered_line)["tick"].get<std::uint64_t>(), acked);
    ASSERT_TRUE(reconnect(&pilot));
    EXPECT_EQ(keyframe_throttle(pilot), 0.5);
}

TEST_F(PersistenceSystemTest, KillNineRecoversTheWorldAtTheLastJournaledTick) {
    ASSERT_TRUE(start_server());
    TrackedPlayer pilot;
    ASSERT_TRUE(join(&pilot, "pilot_kill"));
    std::uint64_t last_acked = 0;
    const double throttles[] = {0.25, 1.0, 0.0, 0.75};
    std::uint32_t seq = 1;
    for (double throttle : throttles) {
        last_acked = set_throttle(&pilot, throttle, seq++);
        ASSERT_GT(last_acked, 0u) << "command " << seq - 1 << " not acknowledged";
        ASSERT_TRUE(pilot.follow_until(pilot.world.tick + 5));
    }
    ASSERT_TRUE(kill_and_recover(pilot, last_acked));
    ASSERT_TRUE(reconnect(&pilot));
    EXPECT_EQ(keyframe_throttle(pilot), 0.75);
}

TEST_F(PersistenceSystemTest, DatabaseOutageKeepsTheGameRunningAndLosesNothingAcknowledged) {
    ASSERT_TRUE(start_server());
    TrackedPlayer pilot;
    ASSERT_TRUE(join(&pilot, "pilot_outage"));
    ASSERT_GT(set_throttle(&pilot, 0.1, 1), 0u);

    ASSERT_TRUE(pg_->stop());
    // The world keeps ticking for the connected player.
    const std::uint64_t before = pilot.world.tick;
    ASSERT_TRUE(pilot.follow_until(before + 40));
    // Readiness and the account API report the outage.
    EXPECT_TRUE(eventually([&] { return http_request(port_, boost::beast::http::verb::get,
                                                     "/health/ready").status == 503; },
                           30.0));
    const HttpResult refused = register_player(port_, "pilot_late", kTestPassword);
    EXPECT_EQ(refused.status, 503);
    EXPECT_EQ(refused.code(), "E023");
    // A command is applied at once but acknowledged only when it is journaled.
    send_throttle(&pilot, 0.9, 2);
    EXPECT_EQ(pilot.wait_ack(2, 2.0), 0u) << "acknowledged while the journal is unreachable";

    ASSERT_TRUE(pg_->start());
    const std::uint64_t acked = pilot.wait_ack(2, 90.0);
    ASSERT_GT(acked, 0u) << "the journal did not catch up after the database returned";
    EXPECT_TRUE(eventually([&] { return http_request(port_, boost::beast::http::verb::get,
                                                     "/health/ready").status == 200; },
                           60.0));
    // Snapshots resume (every 2 s here): the newest is soon younger than the outage.
    EXPECT_TRUE(eventually([&] {
        const double age = metric("galaxy_snapshot_age_seconds");
        return age >= 0.0 && age < 3.0;
    }, 30.0));

    ASSERT_TRUE(pilot.follow_until(pilot.world.tick + 10));
    ASSERT_TRUE(kill_and_recover(pilot, acked));
    ASSERT_TRUE(reconnect(&pilot));
    EXPECT_EQ(keyframe_throttle(pilot), 0.9);
}

}  // namespace
}  // namespace galaxy::test
