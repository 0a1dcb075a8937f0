// The request log's buffer (serve/request_log.cpp): every line arrives whole and in the order each
// thread added it, a batch goes out without anyone asking once its moment has passed, and what is
// still buffered is written when the log goes away.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <limits.h>  // PIPE_BUF
#include <unistd.h>

#include <cstdio>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "request_log.hpp"
#include "temp_data_dir.hpp"

using namespace aftercare::serve;
using aftercare::serve::testing::TempDataDir;

namespace {

struct LogFile {
    TempDataDir dir;
    std::string path;
    int fd = -1;
    LogFile() {
        std::filesystem::create_directories(dir.path);
        path = (dir.path / "requests.log").string();
        fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        REQUIRE(fd >= 0);
    }
    ~LogFile() { ::close(fd); }
    std::string Text() const {
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
};

}  // namespace

// The server's other log lines (log.hpp) are written to the same descriptor directly, one write(2)
// each: a batch split inside a line would let one of them in.
TEST_CASE("request log: lines from many threads arrive whole, each thread's in order, beside direct writes",
          "[log]") {
    LogFile file;
    constexpr int kThreads = 4;
    constexpr int kLines = 5000;  // ~100 KB a thread: several batches go out while lines are added
    std::atomic<int> short_writes{0};  // Catch's assertions are for the test's own thread
    {
        RequestLog log(file.fd, std::chrono::milliseconds(5));
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&log, t] {
                for (int i = 0; i < kLines; ++i)
                    log.Add("{\"thread\":" + std::to_string(t) + ",\"line\":" + std::to_string(i) + "}\n");
            });
        }
        threads.emplace_back([&file, &short_writes] {
            for (int i = 0; i < kLines; ++i) {
                const std::string event = "{\"event\":" + std::to_string(i) + "}\n";
                const ssize_t written = ::write(file.fd, event.data(), event.size());
                if (written != static_cast<ssize_t>(event.size())) ++short_writes;
            }
        });
        // A line longer than a pipe's atomic write goes out whole too.
        log.Add("{\"long\":\"" + std::string(3 * PIPE_BUF, 'x') + "\"}\n");
        for (auto& thread : threads) thread.join();
    }  // the rest is written as the log goes away

    REQUIRE(short_writes == 0);
    std::istringstream lines(file.Text());
    std::map<int, int> next;  // thread -> the line it must write next
    int long_lines = 0;
    int events = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("{\"long\":\"", 0) == 0) {
            CHECK(line.size() == 3 * PIPE_BUF + 11);
            ++long_lines;
            continue;
        }
        if (line.rfind("{\"event\":", 0) == 0) {
            CHECK(line == "{\"event\":" + std::to_string(events++) + "}");
            continue;
        }
        int thread = -1, number = -1;
        REQUIRE(std::sscanf(line.c_str(), "{\"thread\":%d,\"line\":%d}", &thread, &number) == 2);
        CHECK(number == next[thread]);
        next[thread] = number + 1;
    }
    CHECK(long_lines == 1);
    CHECK(events == kLines);
    REQUIRE(next.size() == kThreads);
    for (const auto& [thread, count] : next) CHECK(count == kLines);
}

TEST_CASE("request log: lines wait for their batch, and a batch goes out by itself a moment after it starts",
          "[log]") {
    {
        LogFile file;
        RequestLog log(file.fd, std::chrono::hours(1));
        log.Add("{\"first\":1}\n");
        log.Add("{\"second\":2}\n");
        CHECK(file.Text().empty());  // nothing is written per line
        log.Flush();
        CHECK(file.Text() == "{\"first\":1}\n{\"second\":2}\n");
    }  // and the log goes away at once, not an hour later

    LogFile file;
    RequestLog log(file.fd, std::chrono::milliseconds(20));
    log.Add("{\"third\":3}\n");
    // Waits for the flusher thread, not for a time: only a batch never written runs out the 10 s.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (file.Text().empty() && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(file.Text() == "{\"third\":3}\n");
}
