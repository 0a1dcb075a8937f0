// Staff endpoints: queue filters and paging, assign, transition with note and optimistic
// concurrency, staff messages, statistics; and the SLA sweeper's escalations.
#include <catch2/catch.hpp>

#include <set>

#include "server_process.hpp"

using namespace aftercare::test;

TEST_CASE("staff queue: filters by state, kind, priority, assignee and SLA state — pages with a cursor", "[staff][queue]") {
    Running env;
    auto& client = env.http();
    const auto& token = env.staff_token;

    const Json open = BodyOf(GetJson(client, "/api/v1/staff/queue", token));
    REQUIRE(open["items"].size() >= 8);
    for (const auto& item : open["items"]) {
        const std::string state = item["state"].get<std::string>();
        CHECK(state != "closed");
        CHECK(state != "cancelled");
        CHECK(state != "rejected");
    }
    // Most urgent first: the overdue urgent demo ticket leads.
    CHECK(open["items"][0]["sla"]["breached"] == true);

    for (const char* state : {"submitted", "accepted", "assigned", "in_progress", "waiting_customer", "awaiting_item",
                              "item_received", "resolved", "confirmed", "closed", "cancelled", "rejected"}) {
        const Json page = BodyOf(GetJson(client, std::string("/api/v1/staff/queue?state=") + state, token));
        INFO(state);
        REQUIRE_FALSE(page["items"].empty());  // the demo seed has every state
        for (const auto& item : page["items"]) CHECK(item["state"] == state);
    }
    // Named: a loop over BodyOf(...)["items"] would read a temporary already destroyed.
    const Json returns = BodyOf(GetJson(client, "/api/v1/staff/queue?kind=return&state=rejected", token));
    REQUIRE_FALSE(returns["items"].empty());
    for (const auto& item : returns["items"]) CHECK(item["kind"] == "return");
    const Json urgent = BodyOf(GetJson(client, "/api/v1/staff/queue?priority=urgent", token));
    REQUIRE_FALSE(urgent["items"].empty());
    for (const auto& item : urgent["items"]) CHECK(item["priority"] == "urgent");
    const Json mine = BodyOf(GetJson(client, "/api/v1/staff/queue?assignee=engineer.li", token));
    REQUIRE_FALSE(mine["items"].empty());
    for (const auto& item : mine["items"]) CHECK(item["assignee"] == "engineer.li");
    const Json breached = BodyOf(GetJson(client, "/api/v1/staff/queue?breached=true", token));
    REQUIRE_FALSE(breached["items"].empty());
    for (const auto& item : breached["items"]) CHECK(item["sla"]["breached"] == true);

    // Paging: pages of 3 cover the open queue exactly once.
    std::set<std::string> seen;
    std::string cursor;
    int pages = 0;
    do {
        const Json page = BodyOf(GetJson(client, "/api/v1/staff/queue?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor), token));
        for (const auto& item : page["items"]) CHECK(seen.insert(item["service_number"].get<std::string>()).second);
        cursor = page["next_cursor"].get<std::string>();
        ++pages;
    } while (!cursor.empty() && pages < 20);
    CHECK(seen.size() == open["items"].size());

    CHECK(GetJson(client, "/api/v1/staff/queue?state=bogus", token)->status == 400);
    CHECK(GetJson(client, "/api/v1/staff/queue?limit=1000", token)->status == 400);
    CHECK(GetJson(client, "/api/v1/staff/queue?cursor=x", token)->status == 400);
    CHECK(GetJson(client, "/api/v1/staff/queue?breached=maybe", token)->status == 400);
}

TEST_CASE("staff workflow: accept, assign, start, request info, resolve — conflicts and illegal moves refused",
          "[staff][transition]") {
    Running env;
    auto& client = env.http();
    const auto& token = env.staff_token;
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string base = "/api/v1/staff/tickets/" + number;

    const Json detail = BodyOf(GetJson(client, base, token));
    CHECK(detail["state"] == "submitted");
    CHECK(detail["available_actions"].dump().find("accept") != std::string::npos);

    // Optimistic concurrency: a stale expected_sequence is a 409.
    auto stale = PostJson(client, base + "/transition", {{"action", "accept"}, {"expected_sequence", 0}}, token);
    CHECK(stale->status == 409);
    CHECK(BodyOf(stale)["error"]["code"] == "conflict");
    auto accepted = PostJson(client, base + "/transition",
                             {{"action", "accept"}, {"priority", "serious"}, {"note", "已受理"}, {"expected_sequence", 1}}, token);
    REQUIRE(accepted->status == 200);
    CHECK(BodyOf(accepted)["priority"] == "serious");
    const Json last = BodyOf(accepted)["timeline"].back();
    CHECK(last["actor"]["role"] == "staff");
    CHECK(last["actor"]["id"] == kAdminUser);
    CHECK(last["note"] == "已受理");

    CHECK(PostJson(client, base + "/assign", {{"assignee", "nobody.here"}}, token)->status == 422);
    auto assigned = PostJson(client, base + "/assign", {{"assignee", "engineer.li"}, {"note", "李工负责"}}, token);
    REQUIRE(assigned->status == 200);
    CHECK(BodyOf(assigned)["assignee"] == "engineer.li");
    CHECK(BodyOf(GetJson(client, "/api/v1/staff/queue?assignee=engineer.li", token)).dump().find(number) != std::string::npos);

    // Illegal in this state, per core: customer-only and out-of-order actions.
    auto confirm = PostJson(client, base + "/transition", {{"action", "confirm"}}, token);
    CHECK(confirm->status == 409);
    CHECK(PostJson(client, base + "/transition", {{"action", "reject"}}, token)->status == 409);  // repair: no reject after assign
    CHECK(PostJson(client, base + "/transition", {{"action", "fly"}}, token)->status == 400);

    REQUIRE(PostJson(client, base + "/transition", {{"action", "start"}}, token)->status == 200);
    CHECK(BodyOf(PostJson(client, base + "/transition", {{"action", "request_info"}}, token))["error"]["field"] == "note");
    auto waiting = PostJson(client, base + "/transition", {{"action", "request_info"}, {"note", "请上传照片"}}, token);
    REQUIRE(waiting->status == 200);
    CHECK(BodyOf(waiting)["sla"]["paused"] == true);
    REQUIRE(PostJson(client, base + "/transition", {{"action", "resume"}}, token)->status == 200);

    auto message = PostJson(client, base + "/messages", {{"text", "配件已寄出"}}, token);
    REQUIRE(message->status == 201);
    // A repair is resolved with its service report (售后服务报告单) on record.
    auto unreported = PostJson(client, base + "/transition", {{"action", "resolve"}, {"note", "更换电源"}}, token);
    CHECK(unreported->status == 409);
    CHECK(BodyOf(unreported)["error"]["code"] == "report_required");
    REQUIRE(PostJson(client, base + "/work", ServiceReportWork(), token)->status == 201);
    auto resolved = PostJson(client, base + "/transition", {{"action", "resolve"}, {"note", "更换电源"}}, token);
    REQUIRE(resolved->status == 200);
    CHECK(BodyOf(resolved)["state"] == "resolved");

    // The customer sees all of it, and can now confirm.
    const std::string customer = created["access_token"].get<std::string>();
    const Json view = BodyOf(GetJson(client, "/api/v1/tickets/" + number, customer));
    CHECK(view["state"] == "resolved");
    CHECK(view["available_actions"].dump().find("confirm") != std::string::npos);
    CHECK(PostJson(client, "/api/v1/tickets/" + number + "/confirm", Json::object(), customer)->status == 200);
    CHECK(PostJson(client, base + "/transition", {{"action", "close"}}, token)->status == 200);
    CHECK(GetJson(client, "/api/v1/staff/tickets/RAAA-AAAA-AAAA", token)->status == 404);
}

TEST_CASE("staff stats: satisfaction against the 90% target, dimensions, SLA compliance, time percentiles",
          "[staff][stats]") {
    Running env;
    auto& client = env.http();
    auto result = GetJson(client, "/api/v1/staff/stats", env.staff_token);
    REQUIRE(result->status == 200);
    const Json stats = BodyOf(result);
    CHECK(stats["tickets_total"] == 13);
    // Demo ratings: one satisfied (mean 4.8), one not (mean 3.0) -> 50%, below the target.
    CHECK(stats["satisfaction"]["count"] == 2);
    CHECK(stats["satisfaction"]["satisfied"] == 1);
    CHECK(stats["satisfaction"]["rate"].get<double>() == Approx(0.5));
    CHECK(stats["satisfaction_target"].get<double>() == Approx(0.9));
    CHECK(stats["satisfaction_meets_target"] == false);
    CHECK(stats["satisfaction"]["mean_quality"].get<double>() == Approx(4.0));
    for (const char* priority : {"general", "serious", "urgent"}) {
        const Json c = stats["sla_compliance"][priority];
        CHECK(c["tickets"].get<int>() >= 1);
        CHECK(c["compliance_rate"].get<double>() >= 0.0);
        CHECK(c["compliance_rate"].get<double>() <= 1.0);
    }
    CHECK(stats["sla_compliance"]["urgent"]["breached"].get<int>() >= 1);  // the overdue demo ticket
    CHECK(stats["first_response_seconds"]["count"].get<int>() >= 8);
    CHECK(stats["first_response_seconds"]["p50"].get<long long>() <= stats["first_response_seconds"]["p90"].get<long long>());
    CHECK(stats["resolution_seconds"]["count"].get<int>() >= 2);
    CHECK(stats["by_state"]["submitted"] == 2);

    CHECK(GetJson(client, "/api/v1/staff/stats?from=100&to=50", env.staff_token)->status == 400);
    const Json empty = BodyOf(GetJson(client, "/api/v1/staff/stats?from=0&to=1", env.staff_token));
    CHECK(empty["tickets_total"] == 0);
}

TEST_CASE("SLA sweeper escalates a breached ticket one level at a time and records it on the timeline",
          "[sweeper][sla]") {
    TempDir dir;
    REQUIRE(CreateAdmin(dir.path(), kAdminUser, kAdminPassword) == 0);
    std::string number, token;
    {
        ServerProcess server(ServerOptions{dir.path(), {"--sweep-interval", "3600"}});
        auto client = server.Client();
        Json draft = RepairDraft();
        draft["priority"] = "urgent";
        const Json created = CreateTicket(client, draft);
        number = created["service_number"].get<std::string>();
        token = created["access_token"].get<std::string>();
        CHECK(created["ticket"]["escalation"] == "none");
    }
    // Restart with the clock 15 minutes ahead: the 10-minute first response is overdue by 50%
    // (department manager), not yet by 100% (general manager).
    {
        ServerProcess server(ServerOptions{dir.path(), {"--sweep-interval", "1", "--clock-offset", "900"}});
        auto client = server.Client();
        Json view;
        for (int i = 0; i < 100; ++i) {
            view = BodyOf(GetJson(client, "/api/v1/tickets/" + number + "/events?after=1&wait=5", token));
            if (!view["events"].empty()) break;
        }
        REQUIRE(view["events"].size() >= 1);
        CHECK(view["events"][0]["type"] == "escalation");
        CHECK(view["events"][0]["escalation"] == "department_manager");
        CHECK(view["events"][0]["actor"]["role"] == "system");
        const Json ticket = BodyOf(GetJson(client, "/api/v1/tickets/" + number, token));
        CHECK(ticket["escalation"] == "department_manager");
        CHECK(ticket["sla"]["breached"] == true);
    }
    // An hour later the next level follows, still one step, still on the timeline.
    {
        ServerProcess server(ServerOptions{dir.path(), {"--sweep-interval", "1", "--clock-offset", "3600"}});
        auto client = server.Client();
        Json ticket;
        for (int i = 0; i < 100; ++i) {
            ticket = BodyOf(GetJson(client, "/api/v1/tickets/" + number, token));
            if (ticket["escalation"] == "general_manager") break;
            GetJson(client, "/api/v1/tickets/" + number + "/events?after=" + std::to_string(ticket["timeline"].size()) + "&wait=5", token);
        }
        CHECK(ticket["escalation"] == "general_manager");
        int escalations = 0;
        for (const auto& event : ticket["timeline"]) escalations += event["type"] == "escalation";
        CHECK(escalations == 2);
        auto metrics = GetMetrics(client);
        CHECK(metrics->body.find("aftercare_sla_escalations_total") != std::string::npos);
    }
}
