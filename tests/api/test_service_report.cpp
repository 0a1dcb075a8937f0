// The service report (售后服务报告单) and paid repairs (#19), on SQLite and PostgreSQL: a repair is
// resolved only with its report; out of warranty the charges follow the standard's cost-only
// default; paid work needs the customer's accepted quote, answered once through their own token and
// announced by e-mail, pausing the clocks until it is answered; every field problem of a report comes back at once; charges a client sends
// are ignored.
#include <catch2/catch.hpp>

#include "mail_sink.hpp"
#include "server_process.hpp"

using namespace aftercare::test;

namespace {

const std::string kStaff = "/api/v1/staff/tickets/";

void Act(httplib::Client& client, const std::string& token, const std::string& number, const Json& body) {
    const auto answer = PostJson(client, kStaff + number + "/transition", body, token);
    INFO(body.dump() << " -> " << (answer ? answer->body : std::string("no answer")));
    REQUIRE(answer->status == 200);
}

Json Board(int quantity) {
    return {{"part_number", "MB-2040"}, {"name", "主板"}, {"new_serial", "mb-2611-0456"},
            {"original", true},         {"quantity", quantity}, {"unit_cost_fen", 15000}};
}

Json ReportWith(Json parts) {
    Json work = ServiceReportWork();
    work["report"]["parts"] = std::move(parts);
    return work;
}

}  // namespace

TEST_CASE("paid repair: quote, the customer's acceptance, the report within it, then resolve",
          "[service_report]") {
    SmtpSink sink;
    Running env(ServerOptions{{}, {"--smtp-url", sink.url(), "--smtp-from", "service@aftercare.test"}});
    auto& client = env.http();
    Json draft = RepairDraft();
    draft["product"]["serial"] = "OLD-2019-0310"; // not in the register: the customer's date counts
    draft["product"]["purchase_date"] = "2019-03-10"; // long out of warranty
    draft["customer"]["email"] = "customer@example.com";
    const Json created = CreateTicket(client, draft);
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const std::string staff = env.staff_token;
    Act(client, staff, number, {{"action", "accept"}});
    REQUIRE(PostJson(client, kStaff + number + "/assign", {{"assignee", "engineer.li"}}, staff)->status == 200);
    Act(client, staff, number, {{"action", "start"}});

    // Paid parts before any quote: refused, with the amount.
    const auto early = PostJson(client, kStaff + number + "/work", ReportWith({Board(2)}), staff);
    CHECK(early->status == 409);
    CHECK(BodyOf(early)["error"]["code"] == "quote_required");
    CHECK(early->body.find("300.00") != std::string::npos);

    // The quote: parts at cost only (§13.4), whatever charges the client claims.
    Json quote{{"kind", "quote"},
               {"quote", {{"parts", {Board(2)}}, {"charges", {{"free", true}, {"total_fen", 0}}}}}};
    const auto quoted = PostJson(client, kStaff + number + "/work", quote, staff);
    REQUIRE(quoted->status == 201);
    const Json charges = BodyOf(quoted)["quote"]["work"]["quote"]["charges"];
    CHECK(charges["total_fen"] == 30000);
    CHECK(charges["labour_fen"] == 0);
    CHECK(charges["free"] == false);

    // The customer hears of it, and sees it on their own ticket.
    const auto mail = WaitForMail(sink, [&](const Mail& m) {
        return m.subject.find(number) != std::string::npos && m.subject.find("报价") != std::string::npos;
    });
    REQUIRE(mail);
    CHECK(mail->body.find("300.00") != std::string::npos);
    const Json seen = BodyOf(GetJson(client, "/api/v1/tickets/" + number, token));
    CHECK(seen["quote"]["work"]["quote"]["charges"]["total_fen"] == 30000);
    CHECK_FALSE(seen.contains("quote_answer"));
    // Its clocks wait with it: the wait is the customer's; the ticket stays with its engineer.
    CHECK(seen["state"] == "in_progress");
    CHECK(seen["sla"]["paused"] == true);

    // Only this ticket's token answers, once; staff cannot answer for the customer.
    const Json other = CreateTicket(client, RepairDraft("13900139000"));
    CHECK(PostJson(client, "/api/v1/tickets/" + number + "/quote", {{"accept", true}},
                   other["access_token"].get<std::string>())
              ->status == 404);
    CHECK(PostJson(client, "/api/v1/tickets/" + number + "/quote", {{"accept", true}}, staff)->status == 403);
    CHECK(PostJson(client, kStaff + number + "/work", {{"kind", "quote_accepted"}}, staff)->status == 403);
    CHECK(PostJson(client, "/api/v1/tickets/" + number + "/quote", Json::object(), token)->status == 400);
    const auto accepted = PostJson(client, "/api/v1/tickets/" + number + "/quote", {{"accept", true}}, token);
    REQUIRE(accepted->status == 200);
    CHECK(BodyOf(accepted)["quote_answer"]["work"]["kind"] == "quote_accepted");
    CHECK(BodyOf(accepted)["quote_answer"]["actor"]["role"] == "customer");
    CHECK(BodyOf(accepted)["sla"]["paused"] == false);
    const auto twice = PostJson(client, "/api/v1/tickets/" + number + "/quote", {{"accept", false}}, token);
    CHECK(twice->status == 409);
    CHECK(BodyOf(twice)["error"]["code"] == "already_done");

    // More than was accepted needs a new quote; within it the report is recorded with its charges.
    CHECK(BodyOf(PostJson(client, kStaff + number + "/work", ReportWith({Board(3)}), staff))["error"]["code"] ==
          "quote_required");
    const auto reported = PostJson(client, kStaff + number + "/work", ReportWith({Board(2)}), staff);
    REQUIRE(reported->status == 201);
    const Json report = BodyOf(reported)["service_report"]["work"]["report"];
    CHECK(report["charges"]["total_fen"] == 30000);
    CHECK(report["parts"][0]["new_serial"] == "MB-2611-0456");
    CHECK(report["outcome"] == "repaired");
    Act(client, staff, number, {{"action", "resolve"}, {"note", "更换主板"}});

    // The customer's copy of the report, charges included.
    const Json mine = BodyOf(GetJson(client, "/api/v1/tickets/" + number, token));
    CHECK(mine["state"] == "resolved");
    CHECK(mine["service_report"]["work"]["report"]["diagnosis"] == "电源板电容鼓包");
    CHECK(mine["service_report"]["work"]["report"]["charges"]["total_fen"] == 30000);
}

TEST_CASE("service report: required before resolve, every bad field at once, free in warranty",
          "[service_report]") {
    Running env;
    auto& client = env.http();
    Json draft = RepairDraft();
    draft["product"]["serial"] = "NEW-2026-0001";
    draft["product"]["purchase_date"] = DayInBeijing(-30); // bought a month ago
    const Json created = CreateTicket(client, draft);
    const std::string number = created["service_number"].get<std::string>();
    const std::string staff = env.staff_token;
    Act(client, staff, number, {{"action", "accept"}});
    REQUIRE(PostJson(client, kStaff + number + "/assign", {{"assignee", "engineer.li"}}, staff)->status == 200);

    // Before the work starts there is nothing to report.
    CHECK(PostJson(client, kStaff + number + "/work", ServiceReportWork(), staff)->status == 409);
    Act(client, staff, number, {{"action", "start"}});
    const auto unreported = PostJson(client, kStaff + number + "/transition", {{"action", "resolve"}}, staff);
    CHECK(unreported->status == 409);
    CHECK(BodyOf(unreported)["error"]["code"] == "report_required");

    Json bad = ReportWith({{{"part_number", ""}, {"quantity", 0}, {"unit_cost_fen", -5}}});
    bad["report"]["diagnosis"] = " ";
    bad["report"]["labour_minutes"] = -1;
    const auto refused = PostJson(client, kStaff + number + "/work", bad, staff);
    REQUIRE(refused->status == 422);
    const Json body = BodyOf(refused);
    std::vector<std::string> fields;
    for (const Json& error : body["error"]["details"]) fields.push_back(error["field"].get<std::string>());
    CHECK(fields == std::vector<std::string>{"diagnosis", "parts.0.part_number", "parts.0.quantity",
                                             "parts.0.unit_cost_fen", "labour_minutes"});
    Json unknown_cause = ServiceReportWork();
    unknown_cause["report"]["cause"] = "gremlins";
    CHECK(PostJson(client, kStaff + number + "/work", unknown_cause, staff)->status == 400);

    // In warranty: parts are free and no quote is needed (or accepted).
    CHECK(BodyOf(PostJson(client, kStaff + number + "/work", {{"kind", "quote"}, {"quote", {{"parts", {Board(1)}}}}},
                          staff))["error"]["code"] == "not_needed");
    const auto reported = PostJson(client, kStaff + number + "/work", ReportWith({Board(1)}), staff);
    REQUIRE(reported->status == 201);
    CHECK(BodyOf(reported)["service_report"]["work"]["report"]["charges"]["free"] == true);
    Act(client, staff, number, {{"action", "resolve"}, {"note", "更换主板"}});
}
