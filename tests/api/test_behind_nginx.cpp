// The reference deployment's nginx files (deploy/nginx/) in front of a real server: Debian's nginx
// runs the very snippet an operator installs, on loopback. The server trusts it (--trusted-proxies)
// and sees each client's own address; oversized bodies stop at nginx; /metrics is not served;
// live-update long-polls pass through and wake as they do directly.
#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "server_process.hpp"

extern char** environ;

using namespace aftercare::test;

namespace {

int FreePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

// Debian's nginx with a configuration that includes deploy/nginx/*.conf, stopped with the object.
class Nginx {
public:
    explicit Nginx(int upstream_port) : port_(FreePort()) {
        // Worker processes run as another user when started by root: they must reach the prefix.
        chmod(dir_.path().c_str(), 0755);
        const std::string deploy = std::string(AFTERCARE_SOURCE_DIR) + "/deploy/nginx/";
        std::ofstream conf(dir_.path() + "/nginx.conf");
        conf << "daemon off;\nworker_processes 1;\npid " << dir_.path() << "/nginx.pid;\n"
             << "error_log " << dir_.path() << "/error.log warn;\nevents { worker_connections 256; }\n"
             << "http {\n  access_log off;\n  include " << deploy << "aftercare-limits.conf;\n"
             << "  upstream aftercare { server 127.0.0.1:" << upstream_port << "; keepalive 8; }\n"
             << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    include " << deploy << "aftercare-proxy.conf;\n  }\n}\n";
        conf.close();
        const std::string prefix = dir_.path() + "/";
        const std::string config = dir_.path() + "/nginx.conf";
        const char* argv[] = {AFTERCARE_NGINX, "-p", prefix.c_str(), "-c", config.c_str(), nullptr};
        REQUIRE(posix_spawn(&pid_, AFTERCARE_NGINX, nullptr, nullptr, const_cast<char* const*>(argv), environ) == 0);
        // Ready when it answers (a generous bound: nginx starts in milliseconds).
        httplib::Client probe = Client();
        for (int i = 0; i < 200; ++i) {
            if (probe.Get("/healthz")) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        FAIL("nginx did not start: " << ErrorLog());
    }
    ~Nginx() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    Nginx(const Nginx&) = delete;
    Nginx& operator=(const Nginx&) = delete;

    // A client of nginx whose connections come from `source` (another loopback address is
    // another client).
    httplib::Client Client(const std::string& source = "127.0.0.1") const {
        httplib::Client client("127.0.0.1", port_);
        client.set_interface(source);
        client.set_read_timeout(60, 0);
        return client;
    }
    std::string ErrorLog() const {
        std::ifstream in(dir_.path() + "/error.log");
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

private:
    TempDir dir_;
    int port_;
    pid_t pid_ = -1;
};

}  // namespace

TEST_CASE("behind the reference nginx: the client's own address, bodies capped, /metrics hidden, long-polls wake",
          "[deploy][proxy][live]") {
    ServerOptions options;
    options.args = {"--trusted-proxies", "127.0.0.1"};
    Running env(options);
    Nginx nginx(env.server->port());

    // A customer at 127.0.0.2 creates a ticket through nginx; a forged header changes nothing.
    auto customer = nginx.Client("127.0.0.2");
    auto created = PostJson(customer, "/api/v1/tickets", RepairDraft(), {}, {{"X-Forwarded-For", "198.51.100.66"}});
    REQUIRE(created);
    REQUIRE(created->status == 201);
    const Json body = BodyOf(created);
    const std::string number = body["service_number"].get<std::string>();
    const std::string token = body["access_token"].get<std::string>();
    const std::string log = env.server->Log();
    CHECK(log.find("\"route\":\"/api/v1/tickets\",\"status\":201") != std::string::npos);
    CHECK(log.find("\"client\":\"127.0.0.2\"") != std::string::npos);
    CHECK(log.find("198.51.100.66") == std::string::npos);

    // Larger than the server would ever take: refused by nginx, never forwarded.
    const std::string big(12 * 1024 * 1024, 'x');
    auto too_big = customer.Post("/api/v1/tickets", big, "application/json");
    REQUIRE(too_big);
    CHECK(too_big->status == 413);
    CHECK(env.server->Log().find("\"status\":413") == std::string::npos);  // the server never saw it

    auto metrics = GetJson(customer, "/metrics", kMetricsToken);
    REQUIRE(metrics);
    CHECK(metrics->status == 404);

    // A long-poll through nginx wakes on the staff change, with the event.
    auto seen = BodyOf(GetJson(customer, "/api/v1/tickets/" + number + "/events?after=0&wait=0", token));
    const int last = seen["last_sequence"].get<int>();
    auto poll = std::async(std::launch::async, [&] {
        auto own = nginx.Client("127.0.0.2");
        return GetJson(own, "/api/v1/tickets/" + number + "/events?after=" + std::to_string(last) + "&wait=20", token);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto accepted = PostJson(env.http(), "/api/v1/staff/tickets/" + number + "/transition", {{"action", "accept"}},
                             env.staff_token);
    REQUIRE(accepted->status == 200);
    auto woke = poll.get();
    REQUIRE(woke);
    REQUIRE(woke->status == 200);
    const Json events = BodyOf(woke);
    REQUIRE(events["events"].size() == 1);
    CHECK(events["events"][0]["action"] == "accept");
}
