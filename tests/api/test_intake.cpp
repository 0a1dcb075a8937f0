// Issue 19, part B: the channel of every ticket, and staff intake for callers and walk-ins
// (POST /api/v1/staff/tickets): same validation, service number and tracking as self-service.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

Json CallerDraft(const std::string& channel = "phone") {
    Json draft = RepairDraft("13912345678", "来电报修：打印机卡纸");
    draft["customer"]["name"] = "𠮷田 美穗";
    draft["channel"] = channel;
    return draft;
}

httplib::Result Intake(httplib::Client& client, const std::string& token, const Json& draft,
                       const std::string& key = {}) {
    httplib::Headers headers;
    if (!key.empty()) headers.emplace("Idempotency-Key", key);
    return PostJson(client, "/api/v1/staff/tickets", draft, token, headers);
}

void CheckChannelRefused(const httplib::Result& result) {
    REQUIRE(result);
    INFO(result->body);
    CHECK(result->status == 422);
    const Json error = BodyOf(result)["error"];
    CHECK(error["field"] == "channel");
    CHECK(error["code"] == "not_allowed");
}

}  // namespace

TEST_CASE("staff intake: a caller's ticket gets a service number and a token the customer then tracks it with",
          "[intake]") {
    Running env;
    auto& client = env.http();
    auto created = Intake(client, env.staff_token, CallerDraft(), "desk-1-call-0001");
    REQUIRE(created);
    INFO(created->body);
    REQUIRE(created->status == 201);
    const Json body = BodyOf(created);
    const std::string number = body["service_number"].get<std::string>();
    CHECK_FALSE(number.empty());
    CHECK(body["ticket"]["channel"] == "phone");
    CHECK(body["ticket"]["state"] == "submitted");
    // The same SLA clocks as a self-service ticket: registering it is not the first response.
    bool first_response_running = false;
    for (const auto& deadline : body["ticket"]["sla"]["deadlines"])
        if (deadline["clock"] == "first_response") first_response_running = deadline["status"] == "running";
    CHECK(first_response_running);

    // The customer's own link works: the token the desk hands over reads the ticket.
    const std::string token = body["access_token"].get<std::string>();
    auto read = GetJson(client, "/api/v1/tickets/" + number, token);
    REQUIRE(read->status == 200);
    const Json view = BodyOf(read);
    CHECK(view["customer_name"] == "𠮷田 美穗");
    CHECK(view["channel"] == "phone");
    // The created event names the staff member who registered it.
    REQUIRE(view["timeline"].size() >= 1);
    CHECK(view["timeline"][0]["type"] == "created");
    CHECK(view["timeline"][0]["actor"]["role"] == "staff");
    CHECK(view["timeline"][0]["actor"]["id"] == kAdminUser);
    // And the ordinary lookup by number + last 4 digits of the phone works as well.
    auto lookup = PostJson(client, "/api/v1/lookup", {{"service_number", number}, {"phone_last4", "5678"}});
    CHECK(lookup->status == 200);

    // Staff see the channel in the queue and in the workspace, and the intake is audited.
    const Json staff_view = BodyOf(GetJson(client, "/api/v1/staff/tickets/" + number, env.staff_token));
    CHECK(staff_view["channel"] == "phone");
    bool queued = false;
    const auto queue = GetJson(client, "/api/v1/staff/queue?limit=200", env.staff_token);
    INFO(queue->body);
    const Json queued_items = BodyOf(queue)["items"];  // held: a temporary's member would dangle in the loop
    for (const auto& item : queued_items) {
        if (item["service_number"] != number) continue;
        queued = true;
        CHECK(item["channel"] == "phone");
    }
    CHECK(queued);
    const Json audit = BodyOf(GetJson(client, "/api/v1/staff/audit?ticket=" + number, env.staff_token))["entries"];
    REQUIRE(audit.size() >= 1);
    CHECK(audit[0]["action"] == "ticket_intake");
    CHECK(audit[0]["staff"] == kAdminUser);
    CHECK(audit[0]["detail"] == "phone");
}

TEST_CASE("staff intake: idempotent per staff member with an Idempotency-Key, another body with the key is refused",
          "[intake]") {
    Running env;
    auto& client = env.http();
    const Json first = BodyOf(Intake(client, env.staff_token, CallerDraft("walk_in"), "desk-1-walkin-0007"));
    REQUIRE(first.contains("service_number"));
    auto replay = Intake(client, env.staff_token, CallerDraft("walk_in"), "desk-1-walkin-0007");
    REQUIRE(replay->status == 201);
    CHECK(replay->get_header_value("Idempotent-Replayed") == "true");
    CHECK(BodyOf(replay)["service_number"] == first["service_number"]);
    CHECK(BodyOf(replay)["ticket"]["created_at"] == first["ticket"]["created_at"]);

    Json other = CallerDraft("walk_in");
    other["subject"] = "另一件事";
    auto reused = Intake(client, env.staff_token, other, "desk-1-walkin-0007");
    CHECK(reused->status == 422);
    CHECK(BodyOf(reused)["error"]["code"] == "idempotency_key_reused");

    // The same key from a customer is another scope: it makes a ticket of its own.
    Json self_service = RepairDraft();
    const Json customer = CreateTicket(client, self_service, "desk-1-walkin-0007");
    CHECK(customer["service_number"] != first["service_number"]);
}

TEST_CASE("channels: a customer may not claim phone, walk-in or e-mail - staff intake may claim nothing else",
          "[intake]") {
    Running env;
    auto& client = env.http();
    for (const char* channel : {"phone", "walk_in", "email"}) {
        INFO(channel);
        Json draft = RepairDraft();
        draft["channel"] = channel;
        CheckChannelRefused(PostJson(client, "/api/v1/tickets", draft));
    }
    for (const char* channel : {"web", "kiosk", "embed"}) {
        INFO(channel);
        CheckChannelRefused(Intake(client, env.staff_token, CallerDraft(channel)));
        Json draft = RepairDraft();
        draft["channel"] = channel;
        CHECK(CreateTicket(client, draft)["ticket"]["channel"] == channel);
    }
    // No channel: a customer's ticket is web; staff must say how the customer came.
    CHECK(CreateTicket(client, RepairDraft())["ticket"]["channel"] == "web");
    Json unsaid = CallerDraft();
    unsaid.erase("channel");
    CheckChannelRefused(Intake(client, env.staff_token, unsaid));
    Json bogus = CallerDraft("fax");
    CHECK(Intake(client, env.staff_token, bogus)->status == 400);

    // The intake validates like the customer form: every field error at once, nothing created.
    Json bad = CallerDraft();
    bad["customer"]["phone"] = "12345";
    bad["description"] = "";
    auto invalid = Intake(client, env.staff_token, bad);
    REQUIRE(invalid->status == 422);
    CHECK(BodyOf(invalid)["error"]["field"] == "customer.phone");
    CHECK(BodyOf(invalid)["error"]["details"].size() >= 2);

    // Staff only: no token, or a customer's token, is refused.
    CHECK(Intake(client, "", CallerDraft())->status == 401);
    const std::string customer_token = CreateTicket(client, RepairDraft())["access_token"].get<std::string>();
    const int as_customer = Intake(client, customer_token, CallerDraft())->status;
    CHECK((as_customer == 401 || as_customer == 403));
}

TEST_CASE("staff intake: any staff role may register a caller (an agent too)", "[intake]") {
    Running env;
    auto& client = env.http();
    const std::string agent = NewStaffLogin(client, env.staff_token, "agent.zhou", "周", "agent");
    Json draft = CallerDraft("email");
    draft["kind"] = "consultation";
    draft["subject"] = "邮件咨询：保修期多久";
    auto created = Intake(client, agent, draft);
    REQUIRE(created->status == 201);
    const Json view = BodyOf(created)["ticket"];
    CHECK(view["kind"] == "consultation");
    CHECK(view["channel"] == "email");
    CHECK(view["timeline"][0]["actor"]["id"] == "agent.zhou");
}

TEST_CASE("stats: tickets by channel, every channel listed", "[intake][stats]") {
    Running env;
    auto& client = env.http();
    const Json before = BodyOf(GetJson(client, "/api/v1/staff/stats", env.staff_token));
    REQUIRE(before.contains("by_channel"));
    for (const char* channel : {"web", "kiosk", "embed", "phone", "walk_in", "email"}) CHECK(before["by_channel"].contains(channel));
    // The demo tickets came in before channels were recorded: they read as web.
    CHECK(before["by_channel"]["web"] == before["tickets_total"]);

    REQUIRE(Intake(client, env.staff_token, CallerDraft("phone"))->status == 201);
    REQUIRE(Intake(client, env.staff_token, CallerDraft("phone"))->status == 201);
    REQUIRE(Intake(client, env.staff_token, CallerDraft("walk_in"))->status == 201);
    Json kiosk = RepairDraft();
    kiosk["channel"] = "kiosk";
    CreateTicket(client, kiosk);

    const Json after = BodyOf(GetJson(client, "/api/v1/staff/stats", env.staff_token));
    CHECK(after["by_channel"]["phone"] == before["by_channel"]["phone"].get<int>() + 2);
    CHECK(after["by_channel"]["walk_in"] == before["by_channel"]["walk_in"].get<int>() + 1);
    CHECK(after["by_channel"]["kiosk"] == before["by_channel"]["kiosk"].get<int>() + 1);
    CHECK(after["by_channel"]["web"] == before["by_channel"]["web"]);
    CHECK(after["by_channel"]["email"] == 0);
}
