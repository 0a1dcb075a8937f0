// POST /api/v1/tickets with repair service details: on-site needs an address and a slot, and the
// details come back on the ticket the customer reads.
#include <catch2/catch.hpp>

#include <ctime>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

// Tomorrow's date in Beijing (UTC+8), as the portal would offer it for a visit.
std::string TomorrowInBeijing() {
    const std::time_t tomorrow = std::time(nullptr) + 8 * 3600 + 86400;
    std::tm utc{};
    gmtime_r(&tomorrow, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

Json OnSiteRepairDraft() {
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
    Running env({}, /*with_admin=*/false);
    const auto response = env.http().Post("/api/v1/tickets", OnSiteRepairDraft().dump(), "application/json");
    REQUIRE(response);
    CHECK(response->status == 422);
    const Json body = Json::parse(response->body);
    CHECK(body["error"]["field"] == "address");
}

TEST_CASE("repair service details are stored and shown on the ticket", "[api][tickets]") {
    Running env({}, /*with_admin=*/false);
    auto& client = env.http();
    Json draft = OnSiteRepairDraft();
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
