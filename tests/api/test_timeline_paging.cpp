// Timelines are paged (issue #14, finding 13): a ticket's detail carries only its newest events,
// the events endpoint pages back (?before=) and forward (?after=) by a bounded ?limit=, and what
// needs the whole history (parts owed, the open question, the SLA) comes from the server.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

constexpr int kPage = 50;  // api::kTimelinePage, as a client sees it

std::vector<int> Sequences(const Json& events) {
    std::vector<int> sequences;
    for (const auto& event : events) sequences.push_back(event["sequence"].get<int>());
    return sequences;
}

std::vector<int> Range(int first, int last) {
    std::vector<int> range;
    for (int s = first; s <= last; ++s) range.push_back(s);
    return range;
}

// Staff replies are not capped per day, so they grow a timeline quickly.
void StaffMessages(httplib::Client& client, const std::string& number, const std::string& token, int count) {
    for (int i = 0; i < count; ++i)
        REQUIRE(PostJson(client, "/api/v1/staff/tickets/" + number + "/messages",
                         {{"text", "进度说明 " + std::to_string(i)}}, token)
                    ->status == 201);
}

}  // namespace

TEST_CASE("timeline paging: the detail holds the newest 50 events and before= pages back to the first",
          "[security][tickets]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    StaffMessages(client, number, env.staff_token, 60);  // 61 events with "created"

    for (const std::string& base : {"/api/v1/tickets/" + number, "/api/v1/staff/tickets/" + number}) {
        INFO(base);
        const std::string& who = base.find("/staff/") != std::string::npos ? env.staff_token : token;
        const Json view = BodyOf(GetJson(client, base, who));
        CHECK(Sequences(view["timeline"]) == Range(61 - kPage + 1, 61));
        CHECK(view["timeline_has_earlier"] == true);
        CHECK(view["timeline_total"] == 61);

        const Json earlier = BodyOf(GetJson(client, base + "/events?before=12&limit=50", who));
        CHECK(Sequences(earlier["events"]) == Range(1, 11));
        CHECK(earlier["events"][0]["type"] == "created");
        CHECK(earlier["has_earlier"] == false);
        CHECK(earlier["has_later"] == true);
        CHECK(earlier["last_sequence"] == 61);

        const Json five = BodyOf(GetJson(client, base + "/events?before=12&limit=5", who));
        CHECK(Sequences(five["events"]) == Range(7, 11));
        CHECK(five["has_earlier"] == true);

        // Live updates are bounded too, and say when to come straight back for the rest.
        const Json first = BodyOf(GetJson(client, base + "/events?after=0&wait=0", who));
        CHECK(Sequences(first["events"]) == Range(1, kPage));
        CHECK(first["has_later"] == true);
        const Json rest = BodyOf(GetJson(client, base + "/events?after=" + std::to_string(kPage) + "&wait=0", who));
        CHECK(Sequences(rest["events"]) == Range(kPage + 1, 61));
        CHECK(rest["has_later"] == false);
        CHECK(Sequences(BodyOf(GetJson(client, base + "/events?after=0&limit=200&wait=0", who))["events"]) ==
              Range(1, 61));
        CHECK(BodyOf(GetJson(client, base + "/events?before=1", who))["events"].empty());
    }
}

TEST_CASE("timeline paging: bad before and after and limit values get a 400 in Chinese and English",
          "[security][tickets]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"limit=0", "limit"},           {"limit=201", "limit"},    {"limit=abc", "limit"},
        {"before=-1", "before"},        {"before=0", "before"},    {"before=2x", "before"},
        {"after=-5", "after"},          {"after=one", "after"},    {"before=3&after=1", "before"},
        {"before=99999999999", "before"}};
    for (const std::string& base : {"/api/v1/tickets/" + number, "/api/v1/staff/tickets/" + number}) {
        const std::string& who = base.find("/staff/") != std::string::npos ? env.staff_token : token;
        for (const auto& [query, field] : bad) {
            INFO(base << "/events?" << query);
            auto answer = GetJson(client, base + "/events?" + query + "&wait=0", who);
            REQUIRE(answer);
            CHECK(answer->status == 400);
            const Json error = BodyOf(answer)["error"];
            CHECK(error["code"] == "invalid_value");
            CHECK(error["field"] == field);
            CHECK_FALSE(error["message_zh"].get<std::string>().empty());
            CHECK(error["message_en"].get<std::string>().find(field) != std::string::npos);
        }
    }
}

TEST_CASE("timeline paging: a customer token pages back through its own ticket only", "[security][access]") {
    Running env;
    auto& client = env.http();
    const Json a = CreateTicket(client, RepairDraft("13800138000", "A 的工单"));
    const Json b = CreateTicket(client, RepairDraft("13912345678", "B 的工单"));
    const std::string token_a = a["access_token"].get<std::string>();
    const std::string number_b = b["service_number"].get<std::string>();
    StaffMessages(client, number_b, env.staff_token, 3);
    // B's history exists, yet A's token learns nothing of it, even its existence from a 400.
    for (const char* query : {"?before=3&limit=2", "?limit=999", "?after=0&wait=0"}) {
        INFO(query);
        auto on_b = GetJson(client, "/api/v1/tickets/" + number_b + "/events" + query, token_a);
        REQUIRE(on_b);
        CHECK(on_b->status == 404);
    }
    CHECK(GetJson(client, "/api/v1/tickets/" + number_b + "/events?before=3")->status == 401);
    const Json own = BodyOf(GetJson(client, "/api/v1/tickets/" + number_b + "/events?before=3&limit=2",
                                    b["access_token"].get<std::string>()));
    CHECK(Sequences(own["events"]) == Range(1, 2));
}

TEST_CASE("timeline paging: parts owed and the open question come from the whole history, not the page",
          "[security][tickets][staff]") {
    Running env;
    auto& client = env.http();
    const std::string admin = env.staff_token;
    const Json created = CreateTicket(client, RepairDraft("13800138000", "主板故障"));
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const std::string base = "/api/v1/staff/tickets/" + number;
    REQUIRE(PostJson(client, base + "/transition", {{"action", "accept"}}, admin)->status == 200);
    REQUIRE(PostJson(client, base + "/assign", {{"assignee", "admin"}}, admin)->status == 200);
    REQUIRE(PostJson(client, base + "/work", {{"kind", "arrival"}, {"note", "到达现场"}}, admin)->status == 201);
    auto reserved = PostJson(client, base + "/work", {{"kind", "part_reserved"}, {"part", "mainboard"}}, admin);
    REQUIRE(reserved->status == 201);
    const int part_sequence = BodyOf(reserved)["timeline"].back()["sequence"].get<int>();
    REQUIRE(PostJson(client, base + "/transition", {{"action", "request_info"}, {"note", "请上传主板照片"}}, admin)
                ->status == 200);
    StaffMessages(client, number, admin, kPage + 5);  // both events above scroll off the page

    for (const auto& [path, who] : {std::pair{base, admin}, std::pair{"/api/v1/tickets/" + number, token}}) {
        INFO(path);
        const Json view = BodyOf(GetJson(client, path, who));
        REQUIRE(view["timeline"].size() == static_cast<size_t>(kPage));
        CHECK(view["timeline"][0]["sequence"].get<int>() > part_sequence + 1);
        REQUIRE(view["parts"].size() == 1);
        CHECK(view["parts"][0]["sequence"] == part_sequence);
        CHECK(view["parts"][0]["part"] == "mainboard");
        CHECK(view["parts"][0]["in_stock"] == true);
        CHECK_FALSE(view["parts"][0].contains("done_at"));
        CHECK(view["open_question"] == "请上传主板照片");
        CHECK(view["state"] == "waiting_customer");
        CHECK(view["state_before"] == "in_progress");
        // The SLA was evaluated over every event: first response met by the accept, clocks paused.
        CHECK(view["sla"]["paused"] == true);
        CHECK(view["sla"]["deadlines"][0]["status"] == "met_on_time");
    }
}
