// Service records for staff (#19): internal notes and 重大质量问题 never reach a customer token (view,
// pages, long-poll, messages); the quality role is told by e-mail; a customer's other tickets are
// found by phone; a repair soon after a resolved repair of the same serial is a repeat repair; the
// statistics count reopens, repeat repairs and quality incidents, overall and per staff member.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

#include "mail_sink.hpp"
#include "server_process.hpp"

using namespace aftercare::test;

namespace {

const std::string kTickets = "/api/v1/staff/tickets/";

void Act(httplib::Client& client, const std::string& token, const std::string& number, const Json& body) {
    const auto answer = PostJson(client, kTickets + number + "/transition", body, token);
    INFO(body.dump() << " -> " << (answer ? answer->body : std::string("no answer")));
    REQUIRE(answer->status == 200);
}

void Resolve(httplib::Client& client, const std::string& token, const std::string& number) {
    Act(client, token, number, {{"action", "accept"}});
    REQUIRE(PostJson(client, kTickets + number + "/assign", {{"assignee", "engineer.li"}}, token)->status == 200);
    Act(client, token, number, {{"action", "start"}});
    REQUIRE(PostJson(client, kTickets + number + "/work", ServiceReportWork(), token)->status == 201);
    Act(client, token, number, {{"action", "resolve"}, {"note", "更换电源板"}});
}

Json WithSerial(const std::string& phone, const std::string& serial) {
    Json draft = RepairDraft(phone, "设备无法开机");
    draft["product"]["serial"] = serial;
    return draft;
}

}  // namespace

TEST_CASE("internal notes: staff see them, a customer token never does (view, pages, long-poll)",
          "[service_records][notes]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const std::string secret = "客户曾在别处拆机，保修需核实";

    // The customer waits for news; an internal note is not news to them.
    const Json seen = BodyOf(GetJson(client, "/api/v1/tickets/" + number + "/events?after=0&wait=0", token));
    const int last = seen["last_sequence"].get<int>();
    auto poll = std::async(std::launch::async, [&] {
        auto own = env.server->Client();
        return GetJson(own, "/api/v1/tickets/" + number + "/events?after=" + std::to_string(last) + "&wait=2", token);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto noted = PostJson(client, kTickets + number + "/notes", {{"text", secret}}, env.staff_token);
    REQUIRE(noted->status == 201);
    const Json staff_view = BodyOf(noted);
    CHECK(staff_view["timeline"].back()["type"] == "note");
    CHECK(staff_view["timeline"].back()["note"] == secret);
    const auto woke = poll.get();
    REQUIRE(woke->status == 200);
    CHECK(BodyOf(woke)["events"].empty());
    CHECK(woke->body.find(secret) == std::string::npos);

    // Nor in the ticket, any page, or the staff answer's customer-facing twin.
    const auto view = GetJson(client, "/api/v1/tickets/" + number, token);
    REQUIRE(view->status == 200);
    CHECK(view->body.find(secret) == std::string::npos);
    CHECK(view->body.find("\"note\",") == std::string::npos);
    CHECK(BodyOf(view)["timeline_total"] == last);
    const auto page = GetJson(client, "/api/v1/tickets/" + number + "/events?before=100", token);
    CHECK(page->body.find(secret) == std::string::npos);

    // The next visible event reaches the customer as usual.
    Act(client, env.staff_token, number, {{"action", "accept"}});
    const Json after = BodyOf(GetJson(client, "/api/v1/tickets/" + number + "/events?after=" + std::to_string(last) + "&wait=0", token));
    REQUIRE(after["events"].size() == 1);
    CHECK(after["events"][0]["action"] == "accept");

    // Bad input: empty, too long, not staff.
    CHECK(PostJson(client, kTickets + number + "/notes", {{"text", "  "}}, env.staff_token)->status == 422);
    CHECK(PostJson(client, kTickets + number + "/notes", {{"text", std::string(5001, 'x')}}, env.staff_token)->status == 422);
    CHECK(PostJson(client, kTickets + number + "/notes", {{"text", "x"}}, token)->status == 403);
    CHECK(PostJson(client, kTickets + number + "/notes", {{"text", "x"}})->status == 401);
}

TEST_CASE("quality incident: flagged once, the quality role is told by e-mail, the customer hears nothing",
          "[service_records][quality]") {
    SmtpSink sink;
    Running env(ServerOptions{{}, {"--smtp-url", sink.url(), "--smtp-from", "service@aftercare.test"}});
    auto& client = env.http();
    const Json member{{"username", "quality.zhou"}, {"display_name", "周质检"}, {"roles", {"quality"}},
                      {"password", "password-for-zhou"}};
    REQUIRE(PostJson(client, "/api/v1/staff/members", member, env.staff_token)->status == 201);
    REQUIRE(PostJson(client, "/api/v1/staff/members/quality.zhou", {{"email", "zhou@vendor.example"}}, env.staff_token)
                ->status == 200);

    Json draft = RepairDraft();
    draft["customer"]["email"] = "customer@example.com";
    const Json created = CreateTicket(client, draft);
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const auto flagged = PostJson(client, kTickets + number + "/notes",
                                  {{"text", "同批次电源板电容鼓包，已见三例"}, {"quality_incident", true}}, env.staff_token);
    REQUIRE(flagged->status == 201);
    CHECK(BodyOf(flagged)["quality_incident"]["note"] == "同批次电源板电容鼓包，已见三例");
    const auto again = PostJson(client, kTickets + number + "/notes", {{"text", "again"}, {"quality_incident", true}},
                                env.staff_token);
    CHECK(again->status == 409);

    const auto notice = WaitForMail(sink, [&](const Mail& m) {
        return m.subject.find("重大质量问题") != std::string::npos && m.subject.find(number) != std::string::npos;
    });
    REQUIRE(notice);
    CHECK(notice->headers.find("zhou@vendor.example") != std::string::npos);
    CHECK(notice->body.find("电容鼓包") != std::string::npos);
    // Once the outbox has marked it sent, the staff view says when the quality role was told.
    bool told = false;
    for (int attempt = 0; attempt < 100 && !told; ++attempt) {
        told = BodyOf(GetJson(client, kTickets + number, env.staff_token)).contains("quality_notice_sent_at");
        if (!told) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(told);

    // The quality role may open the ticket (investigation), though it is nobody's assignment.
    const std::string quality = StaffLogin(client, "quality.zhou", "password-for-zhou");
    CHECK(GetJson(client, kTickets + number, quality)->status == 200);

    const auto view = GetJson(client, "/api/v1/tickets/" + number, token);
    CHECK(view->body.find("电容鼓包") == std::string::npos);
    CHECK_FALSE(BodyOf(view).contains("quality_incident"));
    // Only the ticket-received mail went to the customer; nothing about the incident.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    for (const std::string& raw : sink.Messages()) {
        const Mail mail = Parse(raw);
        if (mail.headers.find("customer@example.com") != std::string::npos) CHECK(mail.body.find("质量") == std::string::npos);
    }
}

TEST_CASE("customer history by phone, repeat repairs by serial, and the service-quality statistics",
          "[service_records][history]") {
    Running env;
    auto& client = env.http();
    const auto from = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count() - 60;

    const Json first = CreateTicket(client, WithSerial("13700137001", "SN-HIST-0001"));
    const std::string first_number = first["service_number"].get<std::string>();
    Resolve(client, env.staff_token, first_number);
    // The customer reopens: the fix did not hold.
    REQUIRE(PostJson(client, "/api/v1/tickets/" + first_number + "/reopen", {{"note", "还是开不了机"}},
                     first["access_token"].get<std::string>())
                ->status == 200);
    Act(client, env.staff_token, first_number, {{"action", "start"}});
    // A reopened repair is resolved with a new report.
    REQUIRE(PostJson(client, kTickets + first_number + "/work", ServiceReportWork(), env.staff_token)->status == 201);
    Act(client, env.staff_token, first_number, {{"action", "resolve"}, {"note", "更换主板"}});

    // Same serial again: a repeat repair of the first. Another phone's repair of another serial is not.
    const std::string second = CreateTicket(client, WithSerial("13700137001", "SN-HIST-0001"))["service_number"].get<std::string>();
    const std::string other = CreateTicket(client, WithSerial("13600136002", "SN-HIST-0002"))["service_number"].get<std::string>();
    const Json second_view = BodyOf(GetJson(client, kTickets + second, env.staff_token));
    CHECK(second_view["repeat_of"] == first_number);
    CHECK_FALSE(BodyOf(GetJson(client, kTickets + other, env.staff_token)).contains("repeat_of"));
    const Json created_second = BodyOf(GetJson(client, kTickets + first_number, env.staff_token));
    CHECK_FALSE(created_second.contains("repeat_of"));

    const Json history = BodyOf(GetJson(client, kTickets + second + "/customer-history", env.staff_token));
    REQUIRE(history["tickets"].size() == 2);
    CHECK(history["tickets"][0]["service_number"] == second);  // newest first
    CHECK(history["tickets"][0]["repeat_of"] == first_number);
    CHECK(history["tickets"][1]["service_number"] == first_number);
    CHECK(history["more"] == false);
    CHECK(BodyOf(GetJson(client, kTickets + other + "/customer-history", env.staff_token))["tickets"].size() == 1);
    CHECK(GetJson(client, kTickets + second + "/customer-history")->status == 401);

    const auto to = from + 3600;
    const Json stats = BodyOf(GetJson(client, "/api/v1/staff/stats?from=" + std::to_string(from) + "&to=" + std::to_string(to),
                                      env.staff_token));
    CHECK(stats["repairs"] == 3);
    CHECK(stats["repeat_repairs"] == 1);
    CHECK(stats["resolved"] == 1);
    CHECK(stats["reopened"] == 1);
    CHECK(stats["reopen_rate"].get<double>() == Approx(1.0));
    CHECK(stats["repeat_repair_rate"].get<double>() == Approx(1.0 / 3.0));
    CHECK(stats["quality_incidents"] == 0);
    const auto flagged = PostJson(client, kTickets + other + "/notes",
                                  {{"text", "外壳开裂，疑似批次问题"}, {"quality_incident", true}}, env.staff_token);
    REQUIRE(flagged->status == 201);
    // No one holds the quality role here and no channel is set: the view must not say anyone was told.
    CHECK(BodyOf(flagged).contains("quality_incident"));
    CHECK_FALSE(BodyOf(flagged).contains("quality_notice_sent_at"));
    const Json after = BodyOf(GetJson(client, "/api/v1/staff/stats?from=" + std::to_string(from) + "&to=" + std::to_string(to),
                                      env.staff_token));
    CHECK(after["quality_incidents"] == 1);
}

TEST_CASE("a repeat repair is found behind many later tickets of the same serial", "[service_records][history]") {
    Running env;
    auto& client = env.http();
    const Json first = CreateTicket(client, WithSerial("13700137011", "SN-BUSY-0001"));
    const std::string first_number = first["service_number"].get<std::string>();
    Resolve(client, env.staff_token, first_number);
    // More later tickets of the serial than the check would ever load, none of them resolved: a
    // check that read the serial's newest tickets would stop before the one that counts.
    constexpr int kLater = 60;
    for (int i = 0; i < kLater; ++i) {
        Json draft = WithSerial("13700137011", "SN-BUSY-0001");
        draft["kind"] = "consultation";
        REQUIRE(CreateTicket(client, draft).contains("service_number"));
    }
    const std::string repeat = CreateTicket(client, WithSerial("13700137011", "SN-BUSY-0001"))["service_number"].get<std::string>();
    CHECK(BodyOf(GetJson(client, kTickets + repeat, env.staff_token))["repeat_of"] == first_number);
}

TEST_CASE("statistics by staff member: tickets, promises kept, reopens and ratings, an agent seeing only their own row",
          "[service_records][stats]") {
    Running env;
    auto& client = env.http();
    const auto from = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count() - 60;
    const std::string agent = NewStaffLogin(client, env.staff_token, "agent.wu", "吴", "agent");

    // engineer.li resolves two repairs: one holds and is rated, the other the customer reopens.
    const Json held = CreateTicket(client, WithSerial("13700137011", "SN-KPI-0001"));
    const Json undone = CreateTicket(client, WithSerial("13700137012", "SN-KPI-0002"));
    // agent.wu holds one open ticket; another stays unassigned and is nobody's.
    const std::string open_number =
        CreateTicket(client, WithSerial("13700137013", "SN-KPI-0003"))["service_number"].get<std::string>();
    CreateTicket(client, WithSerial("13700137014", "SN-KPI-0004"));
    for (const Json* ticket : {&held, &undone}) Resolve(client, env.staff_token, (*ticket)["service_number"].get<std::string>());
    REQUIRE(PostJson(client, "/api/v1/tickets/" + undone["service_number"].get<std::string>() + "/reopen",
                     {{"note", "还是开不了机"}}, undone["access_token"].get<std::string>())
                ->status == 200);
    const Json stars{{"quality", 5}, {"speed", 5}, {"attitude", 5}, {"scope", 5}, {"guarantee", 5}, {"solved", true},
                     {"comment", ""}};
    REQUIRE(PostJson(client, "/api/v1/tickets/" + held["service_number"].get<std::string>() + "/rating", stars,
                     held["access_token"].get<std::string>())
                ->status == 201);
    Act(client, env.staff_token, open_number, {{"action", "accept"}});
    REQUIRE(PostJson(client, kTickets + open_number + "/assign", {{"assignee", "agent.wu"}}, env.staff_token)->status == 200);

    const std::string period = "/api/v1/staff/stats?from=" + std::to_string(from) + "&to=" + std::to_string(from + 3600);
    const Json stats = BodyOf(GetJson(client, period, env.staff_token));
    REQUIRE(stats["by_assignee"].size() == 2);  // the unassigned ticket is nobody's row
    const Json& li = stats["by_assignee"][0];  // most tickets first
    CHECK(li["assignee"] == "engineer.li");
    CHECK(li["tickets"] == 2);
    CHECK(li["resolved"] == 2);
    CHECK(li["reopened"] == 1);
    CHECK(li["breached"] == 0);
    CHECK(li["on_time_rate"].get<double>() == Approx(1.0));
    CHECK(li["repeat_repairs"] == 0);
    CHECK(li["mean_resolution_seconds"] == stats["mean_resolution_seconds"]);  // the only resolution standing
    CHECK(li["satisfaction"]["count"] == 1);
    CHECK(li["satisfaction"]["satisfied"] == 1);
    const Json& wu = stats["by_assignee"][1];
    CHECK(wu["assignee"] == "agent.wu");
    CHECK(wu["tickets"] == 1);
    CHECK(wu["resolved"] == 0);
    CHECK(wu["satisfaction"]["count"] == 0);

    // An agent's appraisal is theirs: the colleagues' rows are not in their answer.
    const Json own = BodyOf(GetJson(client, period, agent));
    REQUIRE(own["by_assignee"].size() == 1);
    CHECK(own["by_assignee"][0]["assignee"] == "agent.wu");
    CHECK(own["by_assignee"][0]["tickets"] == 1);

    // The same rows as a file for the appraisal, with each person's name.
    const std::string query = "?from=" + std::to_string(from) + "&to=" + std::to_string(from + 3600);
    auto csv = GetJson(client, "/api/v1/staff/export/people" + query, env.staff_token, {{"Accept-Language", "zh-CN"}});
    REQUIRE(csv->status == 200);
    CHECK(csv->get_header_value("Content-Disposition").rfind("attachment; filename=\"aftercare-people-", 0) == 0);
    const auto lines = CsvLines(csv->body);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "账号,姓名,工单数,已解决,超时,准时率 (%),被客户重开,返修,平均解决用时 (小时),评价数,满意度 (%)");
    char hours[24];
    std::snprintf(hours, sizeof hours, "%.1f", li["mean_resolution_seconds"].get<double>() / 3600.0);
    CHECK(lines[1] == std::string("engineer.li,李工,2,2,0,100.0,1,0,") + hours + ",1,100.0");
    CHECK(lines[2] == "agent.wu,吴,1,0,0,100.0,0,0,,0,");  // nothing resolved or rated: no mean, no rate
    auto english = GetJson(client, "/api/v1/staff/export/people" + query, env.staff_token, {{"Accept-Language", "en"}});
    CHECK(CsvLines(english->body)[0] == "Username,Name,Tickets,Resolved,Breached,On time (%),Reopened by customer,"
                                        "Repeat repairs,Mean resolution (hours),Ratings,Satisfaction (%)");
}
