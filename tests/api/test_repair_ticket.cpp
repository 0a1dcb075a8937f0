// POST /api/v1/tickets with repair service details: on-site needs an address and a slot, and the
// details come back on the ticket the customer reads.
#include <catch2/catch.hpp>

#include <ctime>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

std::string TomorrowInBeijing() { return DayInBeijing(1); }

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

TEST_CASE("staff reschedule a booked visit with the customer's agreement: the customer sees the new window",
          "[api][tickets]") {
    Running env;
    httplib::Client& client = env.http();
    Json draft = OnSiteRepairDraft();
    draft["address"] = "北京市海淀区中关村大街 1 号";
    const auto created = PostJson(client, "/api/v1/tickets", draft);
    REQUIRE(created);
    REQUIRE(created->status == 201);
    const Json answer = Json::parse(created->body);
    const std::string number = answer["service_number"].get<std::string>();
    const std::string token = answer["access_token"].get<std::string>();
    const std::string transition = "/api/v1/staff/tickets/" + number + "/transition";

    const Json later{{"date", DayInBeijing(3)}, {"slot", "morning"}};
    // A reason is required (what the customer agreed to), and a window the customer can be given.
    const auto silent = PostJson(client, transition, {{"action", "reschedule"}, {"visit", later}}, env.staff_token);
    REQUIRE(silent);
    CHECK(silent->status == 400);  // missing_field
    CHECK(Json::parse(silent->body)["error"]["field"] == "note");
    const auto past = PostJson(client, transition,
                               {{"action", "reschedule"}, {"note", "客户改约"},
                                {"visit", {{"date", DayInBeijing(-1)}, {"slot", "morning"}}}},
                               env.staff_token);
    REQUIRE(past);
    CHECK(past->status == 422);
    CHECK(Json::parse(past->body)["error"]["field"] == "visit.date");
    // Customers cannot move it themselves (their token opens no staff endpoint): they call, and
    // staff record what was agreed.
    const auto by_customer =
        PostJson(client, transition, {{"action", "reschedule"}, {"note", "改约"}, {"visit", later}}, token);
    REQUIRE(by_customer);
    CHECK((by_customer->status == 401 || by_customer->status == 403));

    const auto moved = PostJson(client, transition,
                                {{"action", "reschedule"}, {"note", "客户来电：明天不在家，改到三天后上午"}, {"visit", later}},
                                env.staff_token);
    REQUIRE(moved);
    REQUIRE(moved->status == 200);

    const auto read = GetJson(client, "/api/v1/tickets/" + number, token);
    REQUIRE(read);
    const Json ticket = Json::parse(read->body);
    CHECK(ticket["repair"]["visit"] == later);
    const Json& event = ticket["timeline"].back();
    CHECK(event["action"] == "reschedule");
    CHECK(event["visit"] == later);
    CHECK(event["note"] == "客户来电：明天不在家，改到三天后上午");
    for (const Json& deadline : ticket["sla"]["deadlines"]) {
        if (deadline["clock"] != "arrival") continue;
        // Due at the new window's end: 12:00 Beijing time on that day.
        CHECK(deadline["due_at"].get<std::int64_t>() % 86400 == 4 * 3600);
    }
}

TEST_CASE("staff record the interim plan agreed with the customer, and the customer's ticket carries it", "[api][tickets]") {
    Running env;
    httplib::Client& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const std::string staff = "/api/v1/staff/tickets/" + number;
    REQUIRE(PostJson(client, staff + "/transition", {{"action", "accept"}}, env.staff_token)->status == 200);
    REQUIRE(PostJson(client, staff + "/assign", {{"assignee", "engineer.li"}}, env.staff_token)->status == 200);

    const auto blank = PostJson(client, staff + "/work", {{"kind", "interim_plan"}, {"note", " "}}, env.staff_token);
    REQUIRE(blank);
    CHECK(blank->status == 400);
    CHECK(BodyOf(blank)["error"]["code"] == "missing_field");
    CHECK(BodyOf(blank)["error"]["field"] == "note");
    const auto by_customer = PostJson(client, staff + "/work", {{"kind", "interim_plan"}, {"note", "x"}}, token);
    REQUIRE(by_customer);
    CHECK((by_customer->status == 401 || by_customer->status == 403));

    const std::string plan = "维修期间借用备用机一台（KF-200，序列号 KF200-LOAN-01），修复后上门取回";
    const auto recorded = PostJson(client, staff + "/work", {{"kind", "interim_plan"}, {"note", plan}}, env.staff_token);
    REQUIRE(recorded);
    REQUIRE(recorded->status == 201);
    CHECK(BodyOf(recorded)["interim_plan"]["note"] == plan);

    const Json mine = BodyOf(GetJson(client, "/api/v1/tickets/" + number, token));
    CHECK(mine["interim_plan"]["note"] == plan);
    CHECK(mine["interim_plan"]["work"]["kind"] == "interim_plan");
    CHECK(mine["timeline"].back()["work"]["kind"] == "interim_plan");
}
