// POST /api/v1/tickets with repair service details: on-site needs an address and a slot, and the
// details come back on the ticket the customer reads.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <chrono>

#include "core/time.h"
#include "test_server.h"

namespace {

using Json = nlohmann::json;

std::string TomorrowInBeijing() {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    return aftercare::core::FormatIsoDate(
        aftercare::core::LocalDate(now + aftercare::core::kSecondsPerDay, aftercare::core::kChinaUtcOffset));
}

Json RepairDraft() {
    return Json{{"kind", "repair"},
                {"priority", "serious"},
                {"customer", {{"name", "李雷"}, {"phone", "13800138000"}}},
                {"product", {{"model", "康复理疗仪 KF-200"}, {"serial", "KF200-2401-0123"}}},
                {"subject", "无法开机"},
                {"description", "按电源键没有任何反应，指示灯不亮。"},
                {"repair",
                 {{"mode", "on_site"},
                  {"visit", {{"date", TomorrowInBeijing()}, {"slot", "afternoon"}}},
                  {"fault_category", "no_power"}}}};
}

}  // namespace

TEST_CASE("an on-site repair without an address is refused with the field named", "[api][tickets]") {
    aftercare::test::TestServer server;
    const auto response = server.client().Post("/api/v1/tickets", RepairDraft().dump(), "application/json");
    REQUIRE(response);
    CHECK(response->status == 422);
    const Json body = Json::parse(response->body);
    CHECK(body["error"]["field"] == "address");
}

TEST_CASE("repair service details are stored and shown on the ticket", "[api][tickets]") {
    aftercare::test::TestServer server;
    auto& client = server.client();
    Json draft = RepairDraft();
    draft["address"] = "北京市海淀区中关村大街 1 号";
    const auto created = client.Post("/api/v1/tickets", draft.dump(), "application/json");
    REQUIRE(created);
    REQUIRE(created->status == 201);
    const Json answer = Json::parse(created->body);
    const auto number = answer["service_number"].get<std::string>();
    const auto token = answer["access_token"].get<std::string>();

    const auto read = client.Get(("/api/v1/tickets/" + number).c_str(),
                                 httplib::Headers{{"Authorization", "Bearer " + token}});
    REQUIRE(read);
    REQUIRE(read->status == 200);
    const Json ticket = Json::parse(read->body);
    CHECK(ticket["priority"] == "serious");
    CHECK(ticket["repair"]["mode"] == "on_site");
    CHECK(ticket["repair"]["visit"]["slot"] == "afternoon");
    CHECK(ticket["repair"]["visit"]["date"] == TomorrowInBeijing());
    CHECK(ticket["repair"]["fault_category"] == "no_power");
    CHECK(ticket["address"] == "北京市海淀区中关村大街 1 号");
}
