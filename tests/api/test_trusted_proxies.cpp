// --trusted-proxies: behind a load balancer, rate limits and idempotency scopes follow the client
// its X-Forwarded-For names; from anyone else that header changes nothing.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

// A lookup with junk input: it only spends the address's lookup budget. True when admitted (422
// for the junk), false when that budget is spent (429).
bool Admitted(httplib::Client& client, const std::string& forwarded_for) {
    httplib::Headers headers;
    if (!forwarded_for.empty()) headers.emplace("X-Forwarded-For", forwarded_for);
    auto result = PostJson(client, "/api/v1/lookup", {{"service_number", "junk"}, {"phone_last4", "1"}}, {}, headers);
    REQUIRE(result);
    REQUIRE((result->status == 422 || result->status == 429));
    return result->status == 422;
}

ServerOptions LookupLimited(const std::string& dir, std::vector<std::string> extra) {
    ServerOptions options{dir, {"--rate-lookup", "3", "--rate-create", "1000", "--rate-login", "1000"}};
    options.generous_limits = false;
    options.args.insert(options.args.end(), extra.begin(), extra.end());
    return options;
}

}  // namespace

TEST_CASE("trusted proxies: each forwarded client has its own budget, nobody else picks one", "[security][proxy]") {
    TempDir dir;
    ServerProcess server(LookupLimited(dir.path(), {"--trusted-proxies", "127.0.0.1/32"}));
    auto balancer = server.Client();  // 127.0.0.1: the trusted proxy
    for (int i = 0; i < 3; ++i) CHECK(Admitted(balancer, "198.51.100.1"));
    CHECK_FALSE(Admitted(balancer, "198.51.100.1"));
    // Another client behind the same balancer is not held back by the first ...
    CHECK(Admitted(balancer, "198.51.100.2"));
    // ... nor is one whose own header names another address: the balancer's entry (rightmost) counts.
    CHECK(Admitted(balancer, "198.51.100.1, 198.51.100.3"));
    CHECK_FALSE(Admitted(balancer, "198.51.100.2, 198.51.100.1"));
    // An IPv6 subscriber spends one budget for its whole /64.
    for (int i = 0; i < 3; ++i) CHECK(Admitted(balancer, "2001:db8:7:7::" + std::to_string(i + 1)));
    CHECK_FALSE(Admitted(balancer, "2001:db8:7:7:ffff::1"));
    CHECK(Admitted(balancer, "2001:db8:7:8::1"));

    // A peer that is not a trusted proxy: its header is ignored, a fresh address per request buys nothing.
    auto direct = server.ClientFrom("127.0.0.2");
    for (int i = 0; i < 3; ++i) CHECK(Admitted(direct, "203.0.113." + std::to_string(i)));
    CHECK_FALSE(Admitted(direct, "203.0.113.99"));

    // The request log names the client, not the balancer.
    const std::string log = server.LogWithRequestsSoFar();
    CHECK(log.find("\"client\":\"198.51.100.2\"") != std::string::npos);
    CHECK(log.find("\"client\":\"2001:db8:7:7::/64\"") != std::string::npos);
}

TEST_CASE("without trusted proxies X-Forwarded-For is the client's own claim and changes nothing", "[security][proxy]") {
    TempDir dir;
    ServerProcess server(LookupLimited(dir.path(), {}));
    auto client = server.Client();
    for (int i = 0; i < 3; ++i) CHECK(Admitted(client, "198.51.100." + std::to_string(i)));
    CHECK_FALSE(Admitted(client, "198.51.100.50"));
}

TEST_CASE("trusted proxies: an Idempotency-Key belongs to the forwarded client", "[security][proxy][tickets]") {
    TempDir dir;
    ServerOptions options{dir.path(), {"--trusted-proxies", "127.0.0.1"}};
    ServerProcess server(options);
    auto balancer = server.Client();
    auto create = [&](const std::string& forwarded_for) {
        auto result = PostJson(balancer, "/api/v1/tickets", RepairDraft(), {},
                               {{"Idempotency-Key", "kiosk-3-submit-0042"}, {"X-Forwarded-For", forwarded_for}});
        REQUIRE(result);
        REQUIRE((result->status == 201 || result->status == 200));
        return BodyOf(result)["service_number"].get<std::string>();
    };
    // The kiosk's retry (same client, maybe through another balancer) replays its own ticket ...
    const std::string first = create("198.51.100.7");
    CHECK(create("198.51.100.7") == first);
    // ... and another client's identical key is another client's ticket.
    CHECK(create("198.51.100.8") != first);
}

TEST_CASE("trusted proxies: a flag that is not an address range is refused", "[security][proxy][cli]") {
    CHECK(RunServerCommand({"--trusted-proxies", "10.0.0.0/40"}).first == 2);
    CHECK(RunServerCommand({"--trusted-proxies", "lb.internal"}).first == 2);
}
