// Period export (GET /api/v1/staff/export/{set}): CSV a supervisor opens in Excel — UTF-8 with a
// BOM, the same numbers as /staff/stats, the request's language, a customer's formula never run,
// supervisors only, audited.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

const std::string kBom = "\xEF\xBB\xBF";

httplib::Result Export(httplib::Client& client, const std::string& set, const std::string& token,
                       const std::string& language = "zh-CN", const std::string& query = "") {
    return GetJson(client, "/api/v1/staff/export/" + set + query, token, {{"Accept-Language", language}});
}

}  // namespace

TEST_CASE("export: tickets, ratings, complaints and SLA as Excel-ready CSV, matching the statistics",
          "[staff][export]") {
    Running env;
    auto& client = env.http();
    // A customer's comment that a spreadsheet would run as a formula.
    const std::string resolved = DemoNumber(client, env.staff_token, "resolved");
    auto lookup = PostJson(client, "/api/v1/lookup", {{"service_number", resolved}, {"phone_last4", "8000"}});
    const std::string token = BodyOf(lookup)["access_token"].get<std::string>();
    REQUIRE(PostJson(client, "/api/v1/tickets/" + resolved + "/rating",
                     {{"quality", 5}, {"speed", 4}, {"attitude", 5}, {"scope", 4}, {"guarantee", 5}, {"solved", true},
                      {"comment", "=HYPERLINK(\"http://x\",\"点我\")"}},
                     token)
                ->status == 201);
    const Json stats = BodyOf(GetJson(client, "/api/v1/staff/stats", env.staff_token));

    auto tickets = Export(client, "tickets", env.staff_token);
    REQUIRE(tickets);
    REQUIRE(tickets->status == 200);
    CHECK(tickets->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(tickets->get_header_value("Content-Disposition").rfind("attachment; filename=\"aftercare-tickets-", 0) == 0);
    CHECK(tickets->body.rfind(kBom, 0) == 0);
    const auto ticket_lines = CsvLines(tickets->body);
    REQUIRE(!ticket_lines.empty());
    CHECK(ticket_lines[0] == "服务编号,类型,紧急程度,状态,负责人,提交时间,首次响应,解决时间,超时,已升级");
    CHECK(static_cast<int>(ticket_lines.size()) - 1 == stats["tickets_total"].get<int>());
    CHECK(tickets->body.find(resolved) != std::string::npos);

    // English column names for an English request.
    auto english = Export(client, "tickets", env.staff_token, "en");
    CHECK(CsvLines(english->body)[0].rfind("Service number,Kind,Priority,State", 0) == 0);

    auto ratings = Export(client, "ratings", env.staff_token);
    REQUIRE(ratings->status == 200);
    const auto rating_lines = CsvLines(ratings->body);
    CHECK(static_cast<int>(rating_lines.size()) - 1 == stats["satisfaction"]["count"].get<int>());
    // Quoted, quotes doubled, and an apostrophe in front: Excel shows the text and runs nothing.
    CHECK(ratings->body.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"\r\n") != std::string::npos);

    auto sla = Export(client, "sla", env.staff_token, "en");
    const auto sla_lines = CsvLines(sla->body);
    REQUIRE(sla_lines.size() == 5);  // header, urgent, serious, general, all
    const Json urgent = stats["sla_compliance"]["urgent"];
    CHECK(sla_lines[1].rfind("Urgent," + std::to_string(urgent["tickets"].get<int>()) + "," +
                                 std::to_string(urgent["breached"].get<int>()) + ",",
                             0) == 0);
    CHECK(sla_lines[4].rfind("All," + std::to_string(stats["tickets_total"].get<int>()) + ",", 0) == 0);
    // The mean resolution against the policy's 48 h average target, on the "All" row only.
    CHECK(sla_lines[0].find(",Mean resolution (hours),Mean resolution target (hours),Mean target met") != std::string::npos);
    CHECK(sla_lines[1].find(",,,") != std::string::npos);
    const std::string target_cell = ",48.0,";
    CHECK(sla_lines[4].find(target_cell) != std::string::npos);
    CHECK(sla_lines[4].substr(sla_lines[4].rfind(',') + 1) ==
          (stats["resolution_seconds"]["count"].get<int>() == 0 ? ""
           : stats["resolution_meets_target"].get<bool>() ? "yes" : "no"));

    auto complaints = Export(client, "complaints", env.staff_token);
    CHECK(static_cast<int>(CsvLines(complaints->body).size()) - 1 ==
          static_cast<int>(stats["complaints"].size()));

    // Every export is in the audit log.
    const Json audit = BodyOf(GetJson(client, "/api/v1/staff/audit", env.staff_token));
    int exports = 0;
    for (const Json& entry : audit["entries"]) exports += entry["action"] == "export";
    CHECK(exports == 5);
}

TEST_CASE("export: supervisors and admins only, a sane period, a known set", "[staff][export][security]") {
    Running env;
    auto& client = env.http();
    const std::string agent = NewStaffLogin(client, env.staff_token, "agent.wu", "吴", "agent");
    CHECK(Export(client, "tickets", agent)->status == 403);
    CHECK(Export(client, "people", agent)->status == 403);  // an agent sees their own figures on screen only
    CHECK(GetJson(client, "/api/v1/staff/export/tickets")->status == 401);
    CHECK(Export(client, "phones", env.staff_token)->status == 404);
    CHECK(Export(client, "tickets", env.staff_token, "zh-CN", "?from=2000&to=1000")->status == 400);
    CHECK(Export(client, "tickets", env.staff_token, "zh-CN", "?from=0&to=40000000")->status == 400);  // > 400 days
    CHECK(Export(client, "tickets", env.staff_token, "zh-CN", "?from=abc")->status == 400);
}
