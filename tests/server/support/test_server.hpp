// A ServerApp running in-process for gateway tests: port 0 on 127.0.0.1, a fresh database from
// the postgres test fixture (pg.hpp), cheap Argon2 parameters, a private web root.
#pragma once

#include <sodium.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "net/server_app.hpp"
#include "server/support/pg.hpp"

namespace galaxy::test {

inline constexpr char kTestJwtSecret[] = "test-secret-of-at-least-32-bytes-for-hs256";
inline constexpr double kTestReadyTimeout_s = 60.0;

// A server configuration for tests: everything small and fast.
inline server::ServerConfig test_server_config(const std::string& database_url,
                                               const std::string& web_root) {
    server::ServerConfig config;
    config.bind_address = "127.0.0.1";
    config.port = 0;
    config.io_threads = 2;
    config.database_url = database_url;
    config.jwt_secret = kTestJwtSecret;
    config.web_root = web_root;
    config.argon2_opslimit = crypto_pwhash_OPSLIMIT_MIN;
    config.argon2_memlimit_bytes = crypto_pwhash_MEMLIMIT_MIN;
    config.snapshot_interval_s = 3600.0;
    return config;
}

// A temporary directory removed on destruction.
class TempDir {
public:
    explicit TempDir(const std::string& tag) {
        static std::atomic<int> counter{0};
        path_ =
            std::filesystem::temp_directory_path() /
            ("galaxy_" + tag + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Writes a file below the directory (parents created).
    void write(const std::string& relative, const std::string& text) const {
        const auto file = path_ / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
    }

private:
    std::filesystem::path path_;
};

// A started ServerApp on its own database. Construct, adjust config(), then start().
class TestServer {
public:
    // database_url empty: a fresh database of the postgres fixture.
    explicit TestServer(std::string database_url = {}) : web_("web") {
        if (database_url.empty()) {
            database_ = std::make_unique<TestDatabase>();
            database_url = database_->url();
        }
        config_ = test_server_config(database_url, web_.path().string());
    }
    ~TestServer() {
        if (app_) app_->shutdown();
    }

    server::ServerConfig& config() { return config_; }  // before start()
    const TempDir& web() const { return web_; }
    const std::string& database_url() const { return config_.database_url; }

    // Starts the app; with wait_ready, also waits until the world runs.
    ::testing::AssertionResult start(bool wait_ready = true) {
        app_ = std::make_unique<server::ServerApp>(config_);
        std::string error;
        if (!app_->start(&error)) return ::testing::AssertionFailure() << "start: " << error;
        if (wait_ready && !app_->wait_until_ready(kTestReadyTimeout_s)) {
            return ::testing::AssertionFailure() << "the server did not become ready";
        }
        return ::testing::AssertionSuccess();
    }
    server::ServerApp& app() { return *app_; }
    std::uint16_t port() const { return app_->port(); }
    void shutdown() { app_->shutdown(); }

private:
    TempDir web_;
    std::unique_ptr<TestDatabase> database_;
    server::ServerConfig config_;
    std::unique_ptr<server::ServerApp> app_;
};

}  // namespace galaxy::test
