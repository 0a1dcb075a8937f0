// The HTTP layer under hostile and busy clients (issue #13), over real loopback sockets: half-open
// and trickling connections do not starve other clients, oversized bodies are refused whatever their
// framing without the server's memory growing, and thousands of long-polls wait without threads and
// all wake on one change. The time bounds are the issue's own, far above what a working server needs
// and far below what the old thread-per-connection server took (14.5 s for /healthz).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fstream>
#include <future>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "server_process.hpp"

using namespace aftercare::test;
using Clock = std::chrono::steady_clock;

namespace {

// A blocking loopback socket to the server; -1 when it cannot connect.
int Connect(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// False when the server closed the connection (or it failed) before everything was sent.
bool SendAll(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

// Reads until the connection closes or `seconds` pass; returns what arrived.
std::string ReadUntilClosed(int fd, int seconds) {
    std::string in;
    const auto end = Clock::now() + std::chrono::seconds(seconds);
    char buffer[16384];
    while (Clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        in.append(buffer, static_cast<std::size_t>(n));
    }
    return in;
}

int StatusOf(const std::string& response) {
    if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) return -1;
    return std::stoi(response.substr(9, 3));
}

// The server's resident memory in KiB, from /proc.
long ResidentKiB(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
}

std::string Gzip(const std::string& plain) {
    z_stream stream{};
    deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, plain.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    stream.avail_in = static_cast<uInt>(plain.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

// Sum of aftercare_http_requests_total for one route template, any method and status.
long RequestsFor(httplib::Client& client, const std::string& route) {
    auto metrics = GetMetrics(client);
    REQUIRE(metrics);
    long total = 0;
    const std::string label = "route=\"" + route + "\"";
    std::size_t at = 0;
    while ((at = metrics->body.find("aftercare_http_requests_total{", at)) != std::string::npos) {
        const std::size_t end = metrics->body.find('\n', at);
        const std::string line = metrics->body.substr(at, end - at);
        if (line.find(label) != std::string::npos) total += std::stol(line.substr(line.rfind(' ') + 1));
        at = end;
    }
    return total;
}

long Gauge(httplib::Client& client, const std::string& name) {
    auto metrics = GetMetrics(client);
    REQUIRE(metrics);
    const std::size_t at = metrics->body.find("\n" + name + " ");
    if (at == std::string::npos) return -1;
    return std::stol(metrics->body.substr(at + name.size() + 2));
}

}  // namespace

TEST_CASE("http: 70 half-open connections and a byte-a-second client leave /healthz answering within 100 ms",
          "[http][hygiene]") {
    Running env({}, false);
    const int port = env.server->port();
    std::vector<int> half_open;
    for (int i = 0; i < 70; ++i) {
        const int fd = Connect(port);
        REQUIRE(fd >= 0);
        CHECK(SendAll(fd, "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"));
        half_open.push_back(fd);
    }
    // The trickler sends a valid request one byte a second and never gets to its end in time.
    const int trickle = Connect(port);
    REQUIRE(trickle >= 0);
    std::atomic<bool> stop{false};
    std::atomic<bool> refused_write{false};
    std::thread trickler([&] {
        const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(100, 'a') + "\r\n\r\n";
        for (char c : request) {
            if (stop) return;
            if (!SendAll(trickle, std::string(1, c))) {
                refused_write = true;
                return;
            }
            std::this_thread::sleep_for(std::chrono::seconds(1));
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // the trickle is under way

    auto client = env.server->Client();
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
        const auto start = Clock::now();
        auto health = client.Get("/healthz");
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        REQUIRE(health);
        CHECK(health->status == 200);
    }
    std::sort(times.begin(), times.end());
    INFO("healthz times (ms), sorted: " << times[0] << " " << times[2] << " " << times[4]);
    CHECK(times[2] < 100.0);  // the median; the bound

    // The header deadline (10 s) ends the trickle: the server closes, whatever the client still sends.
    const std::string answer = ReadUntilClosed(trickle, 20);
    CHECK(answer.find("200 OK") == std::string::npos);  // it never got its answer
    stop = true;
    trickler.join();
    // And the half-open ones are closed too.
    int closed = 0;
    for (int fd : half_open) {
        char byte;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 1000) > 0 && ::recv(fd, &byte, 1, 0) <= 0) ++closed;
        ::close(fd);
    }
    CHECK(closed == 70);
    ::close(trickle);
}

TEST_CASE("http: a chunked 20 MiB body and a gzip bomb get 413 and the server's memory grows by less than 20 MB",
          "[http][hygiene]") {
    Running env({}, false);
    const int port = env.server->port();
    const pid_t pid = env.server->pid();
    auto client = env.server->Client();
    REQUIRE(client.Get("/healthz")->status == 200);
    const long before = ResidentKiB(pid);
    REQUIRE(before > 0);

    // 20 MiB in 64 KiB chunks, with no Content-Length: to a JSON route (64 KiB limit) and to the
    // attachment upload (the largest limit, 11 MiB), which must cut it off just the same.
    const std::string chunk(64 * 1024, 'x');
    char size_line[32];
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
    std::string chunked;
    for (int i = 0; i < 20 * 16; ++i) chunked += size_line + chunk + "\r\n";
    chunked += "0\r\n\r\n";
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    for (const std::string& head :
         {std::string("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"),
          "POST /api/v1/tickets/" + number + "/attachments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
              "\r\nContent-Type: image/png\r\nX-File-Name: a.png\r\n"}) {
        const int fd = Connect(port);
        REQUIRE(fd >= 0);
        SendAll(fd, head + "Transfer-Encoding: chunked\r\n\r\n" + chunked);  // may fail once refused
        const std::string answer = ReadUntilClosed(fd, 10);
        ::close(fd);
        INFO(head);
        CHECK(StatusOf(answer) == 413);
        CHECK(answer.find("payload_too_large") != std::string::npos);
    }

    // 400 MiB of zeros, gzip-compressed to about 400 KiB, to the route with the largest limit.
    const std::string bomb = Gzip(std::string(400u * 1024 * 1024, '\0'));
    REQUIRE(bomb.size() < 1024 * 1024);
    httplib::Headers headers{{"Authorization", "Bearer " + token}, {"Content-Encoding", "gzip"}, {"X-File-Name", "a.png"}};
    auto bombed = client.Post("/api/v1/tickets/" + number + "/attachments", headers, bomb, "image/png");
    REQUIRE(bombed);
    CHECK(bombed->status == 413);
    auto json_bomb = client.Post("/api/v1/tickets", {{"Content-Encoding", "gzip"}}, bomb, "application/json");
    REQUIRE(json_bomb);
    CHECK(json_bomb->status == 413);
    // A coding the server does not inflate is refused, not passed on.
    auto brotli = client.Post("/api/v1/tickets", {{"Content-Encoding", "br"}}, "{}", "application/json");
    REQUIRE(brotli);
    CHECK(brotli->status == 415);

    const long after = ResidentKiB(pid);
    INFO("VmRSS before " << before << " KiB, after " << after << " KiB");
    CHECK(after - before < 20 * 1000);
    CHECK(client.Get("/healthz")->status == 200);
}

// How fast they wake is measured by scripts/bench-live (docs/benchmarks.md), not here: a timing bound
// in a test fails on a busy machine (this one did, under a parallel run, at a load of 4.7).
TEST_CASE("http: 2,000 concurrent long-polls on one instance all wake on a staff change, once each",
          "[http][live]") {
    constexpr int kPolls = 2000;
    // The test process holds 2,000 sockets too.
    rlimit files{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &files) == 0);
    if (files.rlim_cur < 4 * kPolls && files.rlim_max >= 4 * kPolls) {
        files.rlim_cur = 4 * kPolls;
        REQUIRE(::setrlimit(RLIMIT_NOFILE, &files) == 0);
    }
    // Every poll comes from 127.0.0.1: lift the per-address cap above them.
    Running env(ServerOptions({}, {"--max-connections-per-client", std::to_string(kPolls + 64)}));
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const int seen = BodyOf(GetJson(client, "/api/v1/tickets/" + number + "/events?after=0&wait=0", token))["last_sequence"].get<int>();
    const std::string request = "GET /api/v1/tickets/" + number + "/events?after=" + std::to_string(seen) +
                                "&wait=20 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n";

    std::vector<int> polls;
    for (int i = 0; i < kPolls; ++i) {
        const int fd = Connect(env.server->port());
        REQUIRE(fd >= 0);
        REQUIRE(SendAll(fd, request));
        polls.push_back(fd);
    }
    const std::string route = "/api/v1/tickets/{number}/events";
    const long requests_before = RequestsFor(client, route);
    // All parked: the gauge counts them (no thread each: the server has 64 workers).
    const auto parked_by = Clock::now() + std::chrono::seconds(20);
    while (Gauge(client, "aftercare_live_waiters") < kPolls && Clock::now() < parked_by)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(Gauge(client, "aftercare_live_waiters") == kPolls);
    // None taken for a client that hung up: a late readiness event once made the server drop a
    // waiting poll whose client was still there (1 run in ~17 on a busy machine).
    CHECK(Gauge(client, "aftercare_live_abandoned_total") == 0);

    auto accepted = PostJson(client, "/api/v1/staff/tickets/" + number + "/transition",
                             {{"action", "accept"}, {"note", "已受理"}}, env.staff_token);
    REQUIRE(accepted->status == 200);
    const auto changed = Clock::now();

    // Read every answer (each is one complete response; the server keeps the connection open).
    std::vector<std::string> answers(kPolls);
    std::vector<bool> done(kPolls, false);
    int remaining = kPolls;
    const auto give_up = changed + std::chrono::seconds(60);  // only so a broken wake-up cannot hang the run
    while (remaining > 0 && Clock::now() < give_up) {
        std::vector<pollfd> waiting;
        std::vector<int> index;
        for (int i = 0; i < kPolls; ++i) {
            if (done[static_cast<std::size_t>(i)]) continue;
            waiting.push_back({polls[static_cast<std::size_t>(i)], POLLIN, 0});
            index.push_back(i);
        }
        if (::poll(waiting.data(), waiting.size(), 100) <= 0) continue;
        for (std::size_t k = 0; k < waiting.size(); ++k) {
            if (!(waiting[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const auto i = static_cast<std::size_t>(index[k]);
            char buffer[8192];
            const ssize_t n = ::recv(polls[i], buffer, sizeof buffer, 0);
            if (n > 0) answers[i].append(buffer, static_cast<std::size_t>(n));
            const std::size_t end = answers[i].find("\r\n\r\n");
            const std::size_t length_at = answers[i].find("Content-Length: ");
            const bool complete = end != std::string::npos && length_at != std::string::npos &&
                                  answers[i].size() >= end + 4 + std::stoul(answers[i].substr(length_at + 16));
            if (complete || n <= 0) {
                done[i] = true;
                --remaining;
            }
        }
    }
    const double woke_ms = std::chrono::duration<double, std::milli>(Clock::now() - changed).count();
    for (int fd : polls) ::close(fd);
    REQUIRE(remaining == 0);
    INFO("all " << kPolls << " polls answered " << woke_ms << " ms after the change");
    int with_event = 0;
    for (const std::string& answer : answers) {
        if (StatusOf(answer) == 200 && answer.find("\"action\":\"accept\"") != std::string::npos) ++with_event;
    }
    CHECK(with_event == kPolls);
    // No request loop: exactly one request per poll reached the route (a parked poll that runs again
    // after its wake-up is still one request).
    CHECK(RequestsFor(client, route) - requests_before == kPolls);
}

TEST_CASE("http: one client address holds at most --max-connections-per-client connections — others are served",
          "[http][hygiene]") {
    Running env(ServerOptions({}, {"--max-connections-per-client", "4"}), false);
    const int port = env.server->port();
    std::vector<int> held;
    for (int i = 0; i < 4; ++i) {
        const int fd = Connect(port);
        REQUIRE(fd >= 0);
        held.push_back(fd);
    }
    // The fifth from 127.0.0.1 is closed at accept, before it could send anything.
    const int extra = Connect(port);
    REQUIRE(extra >= 0);
    SendAll(extra, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(StatusOf(ReadUntilClosed(extra, 5)) == -1);
    ::close(extra);
    // Another address is not affected, and /metrics counts the refusal.
    auto other = env.server->ClientFrom("127.0.0.2");
    auto health = other.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(Gauge(other, "aftercare_http_connections_refused_total") >= 1);
    // Closing one frees a place.
    ::close(held.back());
    held.pop_back();
    bool served = false;
    for (int attempt = 0; attempt < 50 && !served; ++attempt) {
        auto again = env.server->Client().Get("/healthz");
        served = again && again->status == 200;
        if (!served) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(served);
    for (int fd : held) ::close(fd);
}

TEST_CASE("http: on SIGTERM a parked long-poll is answered (with what there is) before the server exits",
          "[http][live]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const int fd = Connect(env.server->port());
    REQUIRE(fd >= 0);
    REQUIRE(SendAll(fd, "GET /api/v1/tickets/" + number + "/events?after=1&wait=20 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                            token + "\r\n\r\n"));
    const auto parked_by = Clock::now() + std::chrono::seconds(10);
    while (Gauge(client, "aftercare_live_waiters") < 1 && Clock::now() < parked_by)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(Gauge(client, "aftercare_live_waiters") == 1);

    auto stopped = std::async(std::launch::async, [&] { return env.server->StopWith(SIGTERM); });
    const std::string answer = ReadUntilClosed(fd, 10);
    ::close(fd);
    CHECK(StatusOf(answer) == 200);
    CHECK(answer.find("\"events\":[]") != std::string::npos);
    CHECK(answer.find("Connection: close") != std::string::npos);
    CHECK(stopped.get() == 0);
}

TEST_CASE("http: a long-poll whose client hangs up gives its waiting place back at once, not at its deadline",
          "[http][live]") {
    constexpr int kPolls = 50;
    // Deadlines two minutes away: a place given back at the deadline would fail the bound below.
    Running env(ServerOptions({}, {"--long-poll-seconds", "120"}));
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const std::string request = "GET /api/v1/tickets/" + number + "/events?after=1&wait=120 HTTP/1.1\r\nHost: x\r\n"
                                "Authorization: Bearer " + token + "\r\n\r\n";
    std::vector<int> polls;
    for (int i = 0; i < kPolls; ++i) {
        const int fd = Connect(env.server->port());
        REQUIRE(fd >= 0);
        REQUIRE(SendAll(fd, request));
        polls.push_back(fd);
    }
    const auto parked_by = Clock::now() + std::chrono::seconds(20);
    while (Gauge(client, "aftercare_live_waiters") < kPolls && Clock::now() < parked_by)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(Gauge(client, "aftercare_live_waiters") == kPolls);
    const long connections = Gauge(client, "aftercare_http_connections");

    // Every page is closed (a reload, a tab shut): the sockets go, the places come back.
    for (int fd : polls) ::close(fd);
    const auto freed_by = Clock::now() + std::chrono::seconds(30);
    while (Gauge(client, "aftercare_live_waiters") > 0 && Clock::now() < freed_by)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(Gauge(client, "aftercare_live_waiters") == 0);
    CHECK(Gauge(client, "aftercare_live_abandoned_total") == kPolls);
    // ... and their connections are closed on the server side too.
    const auto closed_by = Clock::now() + std::chrono::seconds(10);
    while (Gauge(client, "aftercare_http_connections") > connections - kPolls && Clock::now() < closed_by)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(Gauge(client, "aftercare_http_connections") <= connections - kPolls);

    // A poll that stays is still answered when the ticket changes.
    const int fd = Connect(env.server->port());
    REQUIRE(SendAll(fd, request));
    while (Gauge(client, "aftercare_live_waiters") < 1 && Clock::now() < freed_by)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(PostJson(client, "/api/v1/staff/tickets/" + number + "/transition", {{"action", "accept"}}, env.staff_token)
                ->status == 200);
    pollfd readable{fd, POLLIN, 0};
    REQUIRE(::poll(&readable, 1, 10000) == 1);
    char buffer[4096];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    ::close(fd);
    REQUIRE(n > 0);
    CHECK(StatusOf(std::string(buffer, static_cast<std::size_t>(n))) == 200);
}

TEST_CASE("http: a request path that is not UTF-8 is logged as a valid JSON line", "[http][hygiene]") {
    Running env({}, false);
    const int fd = Connect(env.server->port());
    REQUIRE(fd >= 0);
    // The path decodes to bytes 0xFF 0xFE, which no UTF-8 text holds; any client can send them.
    REQUIRE(SendAll(fd, "GET /api/v1/tickets/%FF%FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    CHECK(StatusOf(ReadUntilClosed(fd, 5)) == 401);
    ::close(fd);

    std::istringstream log(env.server->LogWithRequestsSoFar());
    bool found = false;
    for (std::string line; std::getline(log, line);) {
        if (line.empty() || line.front() != '{') continue;
        INFO(line);
        nlohmann::json entry;
        REQUIRE_NOTHROW(entry = nlohmann::json::parse(line));  // nlohmann refuses text that is not UTF-8
        if (entry.value("route", "") == "/api/v1/tickets/{number}") {
            CHECK(entry["path"] == "/api/v1/tickets/\xEF\xBF\xBD\xEF\xBF\xBD");  // each byte a U+FFFD
            found = true;
        }
    }
    CHECK(found);
}
