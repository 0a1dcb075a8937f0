// Timelines cannot grow without bound (issue #14, finding 13): a customer's messages on one ticket
// are capped per 24 hours; staff replies are not.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

TEST_CASE("timeline: 20 customer messages a day per ticket, then 429 — staff may still reply", "[security][tickets]") {
    Running env;
    auto& client = env.http();
    const Json ticket = CreateTicket(client, RepairDraft());
    const std::string number = ticket["service_number"].get<std::string>();
    const std::string token = ticket["access_token"].get<std::string>();
    const std::string path = "/api/v1/tickets/" + number + "/messages";
    for (int i = 0; i < 20; ++i)
        REQUIRE(PostJson(client, path, {{"text", "补充说明 " + std::to_string(i)}}, token)->status == 201);
    auto refused = PostJson(client, path, {{"text", "还有一条"}}, token);
    REQUIRE(refused);
    CHECK(refused->status == 429);
    CHECK(BodyOf(refused)["error"]["code"] == "too_many_messages");
    CHECK(PostJson(client, "/api/v1/staff/tickets/" + number + "/messages", {{"text", "已收到，稍后回复"}},
                   env.staff_token)
              ->status == 201);
    // Nothing was lost: 20 customer messages and the staff reply are on the timeline.
    const Json view = BodyOf(GetJson(client, "/api/v1/tickets/" + number, token));
    int messages = 0;
    for (const auto& event : view["timeline"]) messages += event["type"] == "message";
    CHECK(messages == 21);
}
