// Structured logging: line format, levels, audit lines, awkward fields, and whole lines on
// stdout under concurrent writers.
#include "core/log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

namespace galaxy::server {
namespace {

// "dddd-dd-ddTdd:dd:dd.dddZ" (std::regex is avoided: GCC 12 warns inside it under ASan).
bool is_utc_ms_timestamp(const std::string& ts) {
    const std::string pattern = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (ts.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const bool ok = pattern[i] == 'd' ? (ts[i] >= '0' && ts[i] <= '9') : ts[i] == pattern[i];
        if (!ok) return false;
    }
    return true;
}

// Captures lines through the sink for the duration of a test and restores the defaults.
class LogTest : public ::testing::Test {
protected:
    void SetUp() override {
        set_log_level(LogLevel::Info);
        set_log_sink([this](std::string_view line) { lines_.emplace_back(line); });
    }
    void TearDown() override {
        set_log_sink({});
        set_log_level(LogLevel::Info);
    }
    nlohmann::json only_line() const {
        EXPECT_EQ(lines_.size(), 1u);
        return lines_.empty() ? nlohmann::json() : nlohmann::json::parse(lines_.back());
    }
    std::vector<std::string> lines_;
};

TEST_F(LogTest, LineStartsWithTimestampLevelAndEventThenTheFields) {
    log_event(LogLevel::Info, "server_started", {{"port", 8000}, {"bind", "0.0.0.0"}});
    ASSERT_EQ(lines_.size(), 1u);
    const std::string& text = lines_[0];
    const std::string open = R"({"ts":")";
    const std::string rest = R"(","level":"info","event":"server_started",)";
    ASSERT_GT(text.size(), open.size() + 24 + rest.size()) << text;
    EXPECT_EQ(text.substr(0, open.size()), open) << text;
    EXPECT_TRUE(is_utc_ms_timestamp(text.substr(open.size(), 24))) << text;
    EXPECT_EQ(text.substr(open.size() + 24, rest.size()), rest) << text;
    EXPECT_EQ(lines_[0].find('\n'), std::string::npos);
    const auto line = nlohmann::json::parse(lines_[0]);
    EXPECT_EQ(line["port"], 8000);
    EXPECT_EQ(line["bind"], "0.0.0.0");
    EXPECT_EQ(line.size(), 5u);
}

TEST_F(LogTest, TimestampIsCurrentUtcTime) {
    const std::time_t before = std::time(nullptr);
    log_event(LogLevel::Warn, "tick");
    const std::time_t after = std::time(nullptr);
    const std::string ts = only_line()["ts"];
    EXPECT_TRUE(is_utc_ms_timestamp(ts)) << ts;
    std::tm utc{};
    ASSERT_NE(strptime(ts.c_str(), "%Y-%m-%dT%H:%M:%S", &utc), nullptr) << ts;
    const std::time_t logged = timegm(&utc);
    EXPECT_GE(logged, before);
    EXPECT_LE(logged, after);
}

TEST_F(LogTest, MessagesBelowTheLevelAreDropped) {
    set_log_level(LogLevel::Warn);
    log_event(LogLevel::Debug, "a");
    log_event(LogLevel::Info, "b");
    log_event(LogLevel::Warn, "c");
    log_event(LogLevel::Error, "d");
    ASSERT_EQ(lines_.size(), 2u);
    EXPECT_EQ(nlohmann::json::parse(lines_[0])["level"], "warn");
    EXPECT_EQ(nlohmann::json::parse(lines_[1])["event"], "d");
    EXPECT_EQ(nlohmann::json::parse(lines_[1])["level"], "error");
}

TEST_F(LogTest, DebugLevelWritesDebugLines) {
    set_log_level(LogLevel::Debug);
    log_event(LogLevel::Debug, "detail");
    EXPECT_EQ(only_line()["level"], "debug");
}

TEST_F(LogTest, AuditLinesAreWrittenAtAnyLevelAndMarked) {
    set_log_level(LogLevel::Error);
    log_audit("account_created", {{"player_id", 7}, {"username", "ada"}});
    const auto line = only_line();
    EXPECT_EQ(line["event"], "account_created");
    EXPECT_EQ(line["audit"], true);
    EXPECT_EQ(line["player_id"], 7);
    EXPECT_EQ(line["username"], "ada");
}

TEST_F(LogTest, FieldsNamedLikeReservedKeysAreRenamed) {
    log_event(LogLevel::Info, "odd", {{"ts", 1}, {"level", 2}, {"event", 3}, {"audit", 4}});
    const auto line = only_line();
    EXPECT_EQ(line["event"], "odd");
    EXPECT_EQ(line["level"], "info");
    EXPECT_EQ(line.count("audit"), 0u);
    EXPECT_EQ(line["field_ts"], 1);
    EXPECT_EQ(line["field_level"], 2);
    EXPECT_EQ(line["field_event"], 3);
    EXPECT_EQ(line["field_audit"], 4);
}

TEST_F(LogTest, NonObjectFieldsAreWrittenAsDetail) {
    log_event(LogLevel::Info, "note", "plain text");
    EXPECT_EQ(only_line()["detail"], "plain text");
}

TEST_F(LogTest, InvalidUtf8AndQuotesStillGiveValidJson) {
    log_event(LogLevel::Info, "bad \"name\"\n",
              {{"username", std::string("a\xff\xfe"
                                        "b")}});
    const auto line = only_line();
    EXPECT_EQ(line["event"], "bad \"name\"\n");
    EXPECT_EQ(line["username"],
              "a\xEF\xBF\xBD\xEF\xBF\xBD"
              "b");  // U+FFFD each
}

TEST(LogLevelName, NamesRoundTripAndOthersAreRefused) {
    for (LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warn, LogLevel::Error}) {
        LogLevel parsed = LogLevel::Error;
        ASSERT_TRUE(log_level_from_name(log_level_name(level), &parsed));
        EXPECT_EQ(parsed, level);
    }
    LogLevel parsed = LogLevel::Debug;
    EXPECT_FALSE(log_level_from_name("WARN", &parsed));
    EXPECT_FALSE(log_level_from_name("warning", &parsed));
    EXPECT_FALSE(log_level_from_name("", &parsed));
    EXPECT_EQ(parsed, LogLevel::Debug);
}

// Redirects file descriptor 1 to a file, so the real stdout path is what is tested.
TEST(LogStdout, ConcurrentWritersProduceWholeLines) {
    const auto path =
        std::filesystem::temp_directory_path() / ("galaxy_log_test_" + std::to_string(getpid()));
    std::fflush(stdout);
    const int saved = dup(STDOUT_FILENO);
    ASSERT_GE(saved, 0);
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_GE(fd, 0);
    ASSERT_GE(dup2(fd, STDOUT_FILENO), 0);
    close(fd);

    constexpr int kThreads = 4;
    constexpr int kLines = 500;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t] {
            for (int i = 0; i < kLines; ++i) {
                log_event(LogLevel::Info, "concurrent",
                          {{"thread", t}, {"i", i}, {"padding", std::string(200, 'x')}});
            }
        });
    }
    for (auto& thread : threads) thread.join();

    std::fflush(stdout);
    ASSERT_GE(dup2(saved, STDOUT_FILENO), 0);
    close(saved);

    std::ifstream in(path);
    std::string text;
    std::vector<int> next(kThreads, 0);
    int count = 0;
    while (std::getline(in, text)) {
        const auto line = nlohmann::json::parse(text, nullptr, false);
        ASSERT_FALSE(line.is_discarded()) << text;
        const int thread = line["thread"];
        EXPECT_EQ(line["i"], next[thread]++);  // each writer's lines stay in order
        ++count;
    }
    std::filesystem::remove(path);
    EXPECT_EQ(count, kThreads * kLines);
}

}  // namespace
}  // namespace galaxy::server
