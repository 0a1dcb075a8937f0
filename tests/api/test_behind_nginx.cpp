// The reference deployment's nginx files (deploy/nginx/) in front of a real server: Debian's nginx
// runs the very snippet an operator installs, on loopback. The server trusts it (--trusted-proxies)
// and sees each client's own address; oversized bodies stop at nginx; /metrics is not served;
// live-update long-polls pass through and wake as they do directly.
#include <catch2/catch.hpp>

#include <chrono>
#include <future>
#include <thread>

#include "nginx_process.hpp"
#include "server_process.hpp"

using namespace aftercare::test;

TEST_CASE("behind the reference nginx: the client's own address, bodies capped, /metrics hidden, long-polls wake",
          "[deploy][proxy][live]") {
    ServerOptions options;
    options.args = {"--trusted-proxies", "127.0.0.1"};
    Running env(options);
    NginxProcess nginx({env.server->port()});

    // A customer at 127.0.0.2 creates a ticket through nginx; a forged header changes nothing.
    auto customer = nginx.Client("127.0.0.2");
    auto created = PostJson(customer, "/api/v1/tickets", RepairDraft(), {}, {{"X-Forwarded-For", "198.51.100.66"}});
    REQUIRE(created);
    REQUIRE(created->status == 201);
    const Json body = BodyOf(created);
    const std::string number = body["service_number"].get<std::string>();
    const std::string token = body["access_token"].get<std::string>();
    const std::string log = env.server->LogWithRequestsSoFar();
    CHECK(log.find("\"route\":\"/api/v1/tickets\",\"status\":201") != std::string::npos);
    CHECK(log.find("\"client\":\"127.0.0.2\"") != std::string::npos);
    CHECK(log.find("198.51.100.66") == std::string::npos);

    // Larger than the server would ever take: refused by nginx, never forwarded.
    const std::string big(12 * 1024 * 1024, 'x');
    auto too_big = customer.Post("/api/v1/tickets", big, "application/json");
    REQUIRE(too_big);
    CHECK(too_big->status == 413);
    CHECK(env.server->LogWithRequestsSoFar().find("\"status\":413") == std::string::npos);  // the server never saw it

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
