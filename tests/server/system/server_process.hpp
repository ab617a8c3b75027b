// Runs galaxy-server as a child process for whole-process tests (shutdown, crash, restart),
// with its JSON log lines captured in a file, and a private PostgreSQL cluster per test suite.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace galaxy::test {

// A private cluster (scripts/pg-cluster.sh) in dir on port; stopped and kept on destruction.
class PgCluster {
public:
    PgCluster(std::string dir, int port) : dir_(std::move(dir)), port_(port) {}
    ~PgCluster() { stop(); }
    bool start() { return run("start"); }
    bool stop() { return run("stop"); }
    std::string url() const {
        return "postgresql://galaxy@127.0.0.1:" + std::to_string(port_) + "/postgres";
    }

private:
    bool run(const char* verb) {
        const std::string command = std::string(GALAXY_PG_CLUSTER_SCRIPT) + " " + verb + " " +
                                    dir_ + " " + std::to_string(port_);
        return std::system(command.c_str()) == 0;
    }
    std::string dir_;
    int port_;
};

// galaxy-server with the given GALAXY_* variables (plus PATH), output to log_path.
class ServerProcess {
public:
    ServerProcess(std::map<std::string, std::string> env, std::string log_path)
        : env_(std::move(env)), log_path_(std::move(log_path)) {}
    ~ServerProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }

    void start() {
        std::vector<std::string> entries;
        if (const char* path = std::getenv("PATH")) entries.push_back(std::string("PATH=") + path);
        for (const auto& [name, value] : env_) entries.push_back(name + "=" + value);
        std::vector<char*> envp;
        for (auto& entry : entries) envp.push_back(entry.data());
        envp.push_back(nullptr);
        const int fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd < 0) throw std::runtime_error("cannot open " + log_path_);
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            char* argv[] = {const_cast<char*>(GALAXY_SERVER_BINARY), nullptr};
            ::execve(GALAXY_SERVER_BINARY, argv, envp.data());
            ::_exit(127);
        }
        ::close(fd);
        if (pid_ < 0) throw std::runtime_error("fork failed");
    }

    void signal(int sig) const { ::kill(pid_, sig); }

    // The exit status (WEXITSTATUS, or 128 + signal), or -1 if still running after timeout_s.
    int wait_exit(double timeout_s) {
        const auto deadline = now() + to_duration(timeout_s);
        while (now() < deadline) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return -1;
    }

    // Every JSON line the server has written so far (other lines are skipped).
    std::vector<nlohmann::json> log_lines() const {
        std::vector<nlohmann::json> lines;
        std::ifstream in(log_path_);
        std::string line;
        while (std::getline(in, line)) {
            auto json = nlohmann::json::parse(line, nullptr, false);
            if (!json.is_discarded() && json.is_object()) lines.push_back(std::move(json));
        }
        return lines;
    }

    // The first line with "event" == event written after `after` earlier such lines; polls the
    // log file (the server's own output is the only signal of a child process).
    std::optional<nlohmann::json> wait_for_log(const std::string& event, double timeout_s,
                                               std::size_t after = 0) const {
        const auto deadline = now() + to_duration(timeout_s);
        do {
            std::size_t seen = 0;
            for (auto& line : log_lines()) {
                if (line.value("event", "") == event && seen++ == after) return line;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        } while (now() < deadline);
        return std::nullopt;
    }

    std::string log_text() const {
        std::ifstream in(log_path_);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

private:
    static std::chrono::steady_clock::time_point now() { return std::chrono::steady_clock::now(); }
    static std::chrono::steady_clock::duration to_duration(double s) {
        return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(s));
    }
    std::map<std::string, std::string> env_;
    std::string log_path_;
    pid_t pid_ = -1;
};

}  // namespace galaxy::test
