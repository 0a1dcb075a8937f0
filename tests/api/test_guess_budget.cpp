// Guess budgets for service numbers and orders (issue #14, finding 1): a concurrent burst is
// evaluated no more often than the budget, a right answer is never punished, and a spent budget
// does not lock the owner out from their own address.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

struct Outcomes {
    std::atomic<int> evaluated{0};  // 404: the digits were checked and wrong
    std::atomic<int> refused{0};    // 429: refused before checking
    std::atomic<int> other{0};
};

// `count` concurrent POSTs of `body` to `path`, each on its own connection.
void Burst(const ServerProcess& server, const std::string& path, const Json& body, int count, Outcomes& out) {
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i) {
        threads.emplace_back([&] {
            auto client = server.Client();
            auto result = PostJson(client, path, body);
            if (result && result->status == 404) ++out.evaluated;
            else if (result && result->status == 429 && result->has_header("Retry-After")) ++out.refused;
            else ++out.other;
        });
    }
    for (auto& thread : threads) thread.join();
}

ServerOptions BudgetOf(const std::string& dir, int failures) {
    // No per-address request limit, so only the guess budget decides.
    ServerOptions options{dir, {"--rate-lookup", "0", "--rate-create", "0", "--rate-lookup-failures",
                                std::to_string(failures)}};
    options.generous_limits = false;
    return options;
}

Json Lookup(const std::string& number, const std::string& last4) {
    return {{"service_number", number}, {"phone_last4", last4}};
}

}  // namespace

TEST_CASE("lookup budget: a burst of 60 wrong guesses is evaluated exactly 5 times, the owner still gets in",
          "[security][lookup]") {
    TempDir dir;
    ServerProcess server(BudgetOf(dir.path(), 5));
    auto client = server.Client();
    const Json ticket = CreateTicket(client, RepairDraft("13912345678"));
    const std::string number = ticket["service_number"].get<std::string>();

    Outcomes burst;
    Burst(server, "/api/v1/lookup", Lookup(number, "0000"), 60, burst);
    CHECK(burst.evaluated == 5);
    CHECK(burst.refused == 55);
    CHECK(burst.other == 0);

    // The attacker's address is spent; the owner, from another address, gets in with the right digits,
    auto owner = server.ClientFrom("127.0.0.2");
    auto found = PostJson(owner, "/api/v1/lookup", Lookup(number, "5678"));
    REQUIRE(found->status == 200);
    CHECK(BodyOf(found)["access_token"].get<std::string>().size() == 43);
    // and a right answer costs nothing: again and again.
    for (int i = 0; i < 3; ++i) CHECK(PostJson(owner, "/api/v1/lookup", Lookup(number, "5678"))->status == 200);
    // A third address gets one evaluated guess a day at a number whose budget is spent.
    auto third = server.ClientFrom("127.0.0.3");
    CHECK(PostJson(third, "/api/v1/lookup", Lookup(number, "1111"))->status == 404);
    auto again = PostJson(third, "/api/v1/lookup", Lookup(number, "2222"));
    CHECK(again->status == 429);
    CHECK(BodyOf(again)["error"]["code"] == "rate_limited");
    // The attacker's own address cannot use the owner's way in.
    CHECK(PostJson(client, "/api/v1/lookup", Lookup(number, "5678"))->status == 429);
}

TEST_CASE("lookup budget: right answers never use it up", "[security][lookup]") {
    TempDir dir;
    ServerProcess server(BudgetOf(dir.path(), 2));
    auto client = server.Client();
    const std::string number = CreateTicket(client, RepairDraft("13912345678"))["service_number"].get<std::string>();
    for (int i = 0; i < 10; ++i) REQUIRE(PostJson(client, "/api/v1/lookup", Lookup(number, "5678"))->status == 200);
    CHECK(PostJson(client, "/api/v1/lookup", Lookup(number, "0000"))->status == 404);
    CHECK(PostJson(client, "/api/v1/lookup", Lookup(number, "5678"))->status == 200);
}

TEST_CASE("order budget: order lookups are reserved like ticket lookups, the owner still gets in",
          "[security][orders]") {
    TempDir dir;
    ServerProcess server(BudgetOf(dir.path(), 5));
    Outcomes burst;
    Burst(server, "/api/v1/orders/lookup", {{"order_number", "DD-20261001"}, {"phone", "13700137000"}}, 40, burst);
    CHECK(burst.evaluated == 5);
    CHECK(burst.refused == 35);
    auto owner = server.ClientFrom("127.0.0.2");
    CHECK(PostJson(owner, "/api/v1/orders/lookup", {{"order_number", "DD-20261001"}, {"phone", "13800138000"}})
              ->status == 200);
}

TEST_CASE("order budget: creating a return checks the order's phone and is charged like a lookup",
          "[security][orders][returns]") {
    TempDir dir;
    ServerProcess server(BudgetOf(dir.path(), 2));
    auto client = server.Client();
    auto return_draft = [](const std::string& phone) {
        Json draft = RepairDraft(phone, "七天无理由退货");
        draft["kind"] = "return";
        draft["return_reason"] = "no_reason";
        draft["product"]["order_number"] = "DD-20261001";
        return draft;
    };
    for (const char* phone : {"13700137000", "13600136000"}) {
        auto wrong = PostJson(client, "/api/v1/tickets", return_draft(phone));
        CHECK(wrong->status == 404);
        CHECK(BodyOf(wrong)["error"]["code"] == "order_not_found");
    }
    // The order's budget is spent from this address: the create cannot confirm another guess...
    auto refused = PostJson(client, "/api/v1/tickets", return_draft("13500135000"));
    CHECK(refused->status == 429);
    // ...nor can a lookup of the same order from here; the owner elsewhere still creates the return.
    CHECK(PostJson(client, "/api/v1/orders/lookup", {{"order_number", "DD-20261001"}, {"phone", "13400134000"}})
              ->status == 429);
    auto owner = server.ClientFrom("127.0.0.2");
    CHECK(PostJson(owner, "/api/v1/tickets", return_draft("13800138000"))->status == 201);
}
