// POST /api/v1/orders/lookup: an order's items for the returns flow, by order number and the phone
// it was placed with; misses are indistinguishable and budgeted per order number.
#include <catch2/catch.hpp>

#include <chrono>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

httplib::Result LookUpOrder(httplib::Client& client, const std::string& order, const std::string& phone) {
    return PostJson(client, "/api/v1/orders/lookup", {{"order_number", order}, {"phone", phone}});
}

}  // namespace

TEST_CASE("order lookup: the item, the masked phone and the dates of a delivered order", "[returns][orders]") {
    Running env({}, /*with_admin=*/false);
    auto& client = env.http();
    auto found = LookUpOrder(client, "DD-20261001", "138 0013 8000");
    REQUIRE(found->status == 200);
    const Json order = BodyOf(found);
    CHECK(order["order_number"] == "DD-20261001");
    CHECK(order["phone_masked"] == "138****8000");
    REQUIRE(order["items"].size() == 1);
    CHECK(order["items"][0]["model"] == "磁疗仪 MT-5");
    CHECK(order["items"][0]["serial"] == "MT5-2611-1001");
    // Seeded "delivered 3 days ago".
    const std::int64_t delivered_at = order["delivered_at"].get<std::int64_t>();
    CHECK((Now() - delivered_at + kDay / 2) / kDay == 3);
    CHECK(order["purchase_date"].get<std::string>().size() == 10);

    // Not delivered yet: the order, without a delivery time.
    auto pending = LookUpOrder(client, "DD-20261003", "+86 139-1234-5678");
    REQUIRE(pending->status == 200);
    CHECK_FALSE(BodyOf(pending).contains("delivered_at"));
    CHECK(BodyOf(pending)["items"][0]["model"] == "超声理疗仪 CS-30");
}

TEST_CASE("order lookup: a wrong phone and an unknown order are the same 404 — bad input names its field",
          "[returns][orders]") {
    Running env({}, /*with_admin=*/false);
    auto& client = env.http();
    auto wrong_phone = LookUpOrder(client, "DD-20261001", "13912345678");
    auto unknown = LookUpOrder(client, "DD-99999999", "13800138000");
    CHECK(wrong_phone->status == 404);
    CHECK(BodyOf(wrong_phone)["error"]["code"] == "order_not_found");
    CHECK(BodyOf(wrong_phone)["error"]["field"] == "order_number");
    CHECK(wrong_phone->body == unknown->body);

    auto bad_order = LookUpOrder(client, "DD 1", "13800138000");
    CHECK(bad_order->status == 422);
    CHECK(BodyOf(bad_order)["error"]["field"] == "order_number");
    auto bad_phone = LookUpOrder(client, "DD-20261001", "12345");
    CHECK(bad_phone->status == 422);
    CHECK(BodyOf(bad_phone)["error"]["field"] == "phone");
    auto smuggled = PostJson(client, "/api/v1/orders/lookup",
                             {{"order_number", "DD-20261001"}, {"phone", "13800138000"}, {"admin", true}});
    CHECK(smuggled->status == 400);
    CHECK(PostJson(client, "/api/v1/orders/lookup", {{"order_number", "DD-20261001"}})->status == 400);
}

TEST_CASE("order lookup: wrong phones use up the order's failure budget, then even the right phone waits",
          "[returns][orders][security]") {
    TempDir dir;
    ServerOptions options{dir.path(), {"--rate-lookup", "1000", "--rate-lookup-failures", "2"}};
    options.generous_limits = false;
    ServerProcess server(options);
    auto client = server.Client();
    CHECK(LookUpOrder(client, "DD-20261002", "13700137000")->status == 404);
    // Eligibility with the wrong last four digits is charged to the same order.
    CHECK(PostJson(client, "/api/v1/returns/eligibility",
                   {{"order_number", "DD-20261002"}, {"phone_last4", "1234"}, {"reason", "no_reason"}, {"wanted", "refund"}})
              ->status == 404);
    auto locked = LookUpOrder(client, "DD-20261002", "13800138000");
    CHECK(locked->status == 429);
    CHECK(BodyOf(locked)["error"]["code"] == "rate_limited");
    CHECK(locked->has_header("Retry-After"));
    // Other orders keep their own budget.
    CHECK(LookUpOrder(client, "DD-20261001", "13800138000")->status == 200);
}

TEST_CASE("eligibility reads phone_last4 as a field of its body, next to the order's dates", "[returns][orders]") {
    Running env({}, /*with_admin=*/false);
    auto& client = env.http();
    auto exchange = PostJson(client, "/api/v1/returns/eligibility",
                             {{"order_number", "DD-20261001"}, {"phone_last4", "8000"}, {"reason", "dead_on_arrival"},
                              {"wanted", "exchange"}, {"delivered_at", 0}, {"item_intact", true}});
    REQUIRE(exchange->status == 200);
    CHECK(BodyOf(exchange)["granted"] == true);
    CHECK(BodyOf(exchange)["rule"] == "dead_on_arrival");
    CHECK(BodyOf(exchange)["day_number"] == 3);
    CHECK(PostJson(client, "/api/v1/returns/eligibility",
                   {{"order_number", "DD-20261001"}, {"phone_last4", 8000}, {"reason", "no_reason"}, {"wanted", "refund"}})
              ->status == 400);
}
