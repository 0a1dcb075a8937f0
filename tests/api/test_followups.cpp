// Follow-up visits (回访): resolved tickets fall due policy followup.after_days later and leave the
// queue once a call reaches the customer; call records never reach a customer token (view, pages,
// long-poll); a rating taken by phone is recorded with its channel, once per ticket; the
// statistics split satisfaction by channel and show the response rates; periodic follow-ups of a
// key customer's product fall due, take the 售后系统运行调查表 and move on by their period.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <future>
#include <set>
#include <thread>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

const std::string kTickets = "/api/v1/staff/tickets/";
const std::string kQueue = "/api/v1/staff/followups";
// Three days (the policy default) and a minute: every follow-up resolved before the restart is due.
const std::string kPastDue = std::to_string(3 * 86400 + 60);

void Act(httplib::Client& client, const std::string& token, const std::string& number, const Json& body) {
    const auto answer = PostJson(client, kTickets + number + "/transition", body, token);
    INFO(body.dump() << " -> " << (answer ? answer->body : std::string("no answer")));
    REQUIRE(answer->status == 200);
}

void Resolve(httplib::Client& client, const std::string& token, const std::string& number) {
    Act(client, token, number, {{"action", "accept"}});
    REQUIRE(PostJson(client, kTickets + number + "/assign", {{"assignee", "admin"}}, token)->status == 200);
    Act(client, token, number, {{"action", "start"}});
    REQUIRE(PostJson(client, kTickets + number + "/work", ServiceReportWork(), token)->status == 201);
    Act(client, token, number, {{"action", "resolve"}, {"note", "更换电源板"}});
}

Json Stars(int n) {
    return {{"quality", n}, {"speed", n}, {"attitude", n}, {"scope", n}, {"guarantee", n}, {"solved", true},
            {"comment", ""}};
}

struct Ticket {
    std::string number;
    std::string token;
};

Ticket Create(httplib::Client& client, const std::string& phone, const std::string& name) {
    Json draft = RepairDraft(phone, "设备无法开机");
    draft["customer"]["name"] = name;
    const Json created = CreateTicket(client, draft);
    return {created["service_number"].get<std::string>(), created["access_token"].get<std::string>()};
}

std::vector<std::string> QueueNumbers(const Json& queue) {
    std::vector<std::string> numbers;
    for (const auto& item : queue["items"]) numbers.push_back(item["service_number"].get<std::string>());
    return numbers;
}

ServerOptions Quiet(const std::string& dir, std::vector<std::string> args = {}) {
    ServerOptions options{dir, std::move(args)};
    options.seed_demo = false;  // the queue holds exactly what the test resolved
    return options;
}

}  // namespace

TEST_CASE("follow-up queue: due after the policy's days, oldest first, a not-reached call keeps it, a reached one ends it",
          "[followups][queue]") {
    TempDir dir;
    REQUIRE(CreateAdmin(dir.path(), kAdminUser, kAdminPassword) == 0);
    Ticket first, second, cancelled, open;
    {
        ServerProcess server(Quiet(dir.path()));
        auto client = server.Client();
        const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
        first = Create(client, "13800138001", "王𠮷");
        second = Create(client, "13800138002", "李四");
        cancelled = Create(client, "13800138003", "张三");
        open = Create(client, "13800138004", "赵六");
        // `second` is resolved first, so it falls due first.
        Resolve(client, staff, second.number);
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        Resolve(client, staff, first.number);
        REQUIRE(PostJson(client, "/api/v1/tickets/" + cancelled.number + "/cancel", Json::object(), cancelled.token)
                    ->status == 200);
        // Resolved just now: nothing is due yet.
        const Json queue = BodyOf(GetJson(client, kQueue, staff));
        CHECK(queue["items"].empty());
        CHECK(queue["total"] == 0);
        CHECK(queue["after_days"] == 3);
    }
    ServerProcess server(Quiet(dir.path(), {"--clock-offset", kPastDue}));
    auto client = server.Client();
    const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
    Json queue = BodyOf(GetJson(client, kQueue, staff));
    REQUIRE(QueueNumbers(queue) == std::vector<std::string>{second.number, first.number});
    CHECK(queue["total"] == 2);
    const Json& item = queue["items"][1];
    CHECK(item["customer_name"] == "王𠮷");
    CHECK(item["phone_masked"] == "138****8001");
    CHECK(item["days_overdue"] == 0);
    CHECK(item["attempts"] == 0);
    CHECK(item["due_at"].get<std::int64_t>() - item["resolved_at"].get<std::int64_t>() == 3 * 86400);
    CHECK(QueueNumbers(BodyOf(GetJson(client, kQueue + "?offset=1&limit=1", staff))) ==
          std::vector<std::string>{first.number});
    CHECK(GetJson(client, kQueue + "?limit=0", staff)->status == 400);
    CHECK(GetJson(client, kQueue, first.token)->status == 403);

    // A call that did not reach the customer: still due, with the attempt and what was noted.
    const std::string secret = "无人接听，客户可能出差";
    auto missed = PostJson(client, kTickets + first.number + "/followup-calls", {{"reached", false}, {"note", secret}}, staff);
    REQUIRE(missed->status == 201);
    CHECK(BodyOf(missed)["timeline"].back()["type"] == "followup");
    CHECK(BodyOf(missed)["timeline"].back()["call"]["reached"] == false);
    queue = BodyOf(GetJson(client, kQueue, staff));
    REQUIRE(QueueNumbers(queue) == std::vector<std::string>{second.number, first.number});
    CHECK(queue["items"][1]["attempts"] == 1);
    CHECK(queue["items"][1]["last_note"] == secret);

    // Reached, with the customer's rating given on the phone; the same key again records nothing more.
    const Json reached{{"reached", true}, {"note", "客户确认已修好"}, {"rating", Stars(4)}};
    const httplib::Headers key{{"Idempotency-Key", "call-1"}};
    auto call = PostJson(client, kTickets + first.number + "/followup-calls", reached, staff, key);
    REQUIRE(call->status == 201);
    const auto events = BodyOf(call)["timeline_total"].get<int>();
    auto again = PostJson(client, kTickets + first.number + "/followup-calls", reached, staff, key);
    REQUIRE(again->status == 201);
    CHECK(again->get_header_value("Idempotent-Replayed") == "true");
    CHECK(BodyOf(again)["timeline_total"] == events);
    Json other = reached;
    other["note"] = "another body";
    CHECK(PostJson(client, kTickets + first.number + "/followup-calls", other, staff, key)->status == 422);
    CHECK(QueueNumbers(BodyOf(GetJson(client, kQueue, staff))) == std::vector<std::string>{second.number});

    // Cancelled and open tickets take no call.
    CHECK(PostJson(client, kTickets + cancelled.number + "/followup-calls", {{"reached", true}}, staff)->status == 409);
    CHECK(PostJson(client, kTickets + open.number + "/followup-calls", {{"reached", true}}, staff)->status == 409);
    // A rating needs a call that reached the customer.
    CHECK(PostJson(client, kTickets + second.number + "/followup-calls", {{"reached", false}, {"rating", Stars(5)}}, staff)
              ->status == 422);

    // Audited.
    const Json audit = BodyOf(GetJson(client, "/api/v1/staff/audit?limit=50", staff));
    int calls = 0;
    for (const auto& entry : audit["entries"]) calls += entry["action"] == "followup_call";
    CHECK(calls == 2);
}

TEST_CASE("follow-up calls never reach a customer token: view, pages, long-poll", "[followups][privacy]") {
    TempDir dir;
    REQUIRE(CreateAdmin(dir.path(), kAdminUser, kAdminPassword) == 0);
    Ticket ticket;
    {
        ServerProcess server(Quiet(dir.path()));
        auto client = server.Client();
        const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
        ticket = Create(client, "13800138005", "客户甲");
        Resolve(client, staff, ticket.number);
    }
    ServerProcess server(Quiet(dir.path(), {"--clock-offset", kPastDue}));
    auto client = server.Client();
    const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
    const std::string secret = "客户抱怨工程师迟到，回访时情绪激动";

    const Json seen = BodyOf(GetJson(client, "/api/v1/tickets/" + ticket.number + "/events?after=0&wait=0", ticket.token));
    const int last = seen["last_sequence"].get<int>();
    auto poll = std::async(std::launch::async, [&] {
        auto own = server.Client();
        return GetJson(own, "/api/v1/tickets/" + ticket.number + "/events?after=" + std::to_string(last) + "&wait=2",
                       ticket.token);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    REQUIRE(PostJson(client, kTickets + ticket.number + "/followup-calls", {{"reached", false}, {"note", secret}}, staff)
                ->status == 201);
    const auto woke = poll.get();
    REQUIRE(woke->status == 200);
    CHECK(BodyOf(woke)["events"].empty());
    CHECK(woke->body.find(secret) == std::string::npos);

    const auto view = GetJson(client, "/api/v1/tickets/" + ticket.number, ticket.token);
    REQUIRE(view->status == 200);
    CHECK(view->body.find(secret) == std::string::npos);
    CHECK(view->body.find("followup") == std::string::npos);
    CHECK(BodyOf(view)["timeline_total"] == last);
    const auto page = GetJson(client, "/api/v1/tickets/" + ticket.number + "/events?before=100", ticket.token);
    CHECK(page->body.find(secret) == std::string::npos);
    const auto after = GetJson(client, "/api/v1/tickets/" + ticket.number + "/events?after=0", ticket.token);
    CHECK(after->body.find(secret) == std::string::npos);
    // Staff see it.
    CHECK(GetJson(client, kTickets + ticket.number, staff)->body.find(secret) != std::string::npos);
    // A customer token cannot record one.
    CHECK(PostJson(client, kTickets + ticket.number + "/followup-calls", {{"reached", true}}, ticket.token)->status == 403);
}

TEST_CASE("phone ratings: recorded with their channel, once per ticket, and the statistics split by channel",
          "[followups][rating][stats]") {
    TempDir dir;
    REQUIRE(CreateAdmin(dir.path(), kAdminUser, kAdminPassword) == 0);
    Ticket by_phone, on_portal, unrated;
    {
        ServerProcess server(Quiet(dir.path()));
        auto client = server.Client();
        const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
        by_phone = Create(client, "13800138006", "电话评价");
        on_portal = Create(client, "13800138007", "网上评价");
        unrated = Create(client, "13800138008", "未评价");
        for (const Ticket* t : {&by_phone, &on_portal, &unrated}) Resolve(client, staff, t->number);
        Create(client, "13800138009", "未解决");
        REQUIRE(PostJson(client, "/api/v1/tickets/" + on_portal.number + "/rating", Stars(5), on_portal.token)->status ==
                201);
    }
    ServerProcess server(Quiet(dir.path(), {"--clock-offset", kPastDue}));
    auto client = server.Client();
    const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);

    const auto phoned = PostJson(client, kTickets + by_phone.number + "/followup-calls",
                                 {{"reached", true}, {"note", "电话回访"}, {"rating", Stars(2)}}, staff);
    REQUIRE(phoned->status == 201);
    CHECK(BodyOf(phoned)["rating"]["quality"] == 2);
    // The customer sees their rating recorded (not the call).
    const Json view = BodyOf(GetJson(client, "/api/v1/tickets/" + by_phone.number, by_phone.token));
    CHECK(view["rating"]["quality"] == 2);
    CHECK(view["timeline"].back()["type"] == "rating");
    // Once per ticket, whichever channel came first.
    CHECK(PostJson(client, "/api/v1/tickets/" + by_phone.number + "/rating", Stars(5), by_phone.token)->status == 409);
    auto twice = PostJson(client, kTickets + by_phone.number + "/followup-calls", {{"reached", true}, {"rating", Stars(5)}}, staff);
    CHECK(twice->status == 409);
    CHECK(BodyOf(twice)["error"]["code"] == "already_rated");
    CHECK(PostJson(client, kTickets + on_portal.number + "/followup-calls", {{"reached", true}, {"rating", Stars(5)}}, staff)
              ->status == 409);
    // Reached without a rating: the portal-rated ticket leaves the queue too.
    REQUIRE(PostJson(client, kTickets + on_portal.number + "/followup-calls", {{"reached", true}}, staff)->status == 201);
    REQUIRE(PostJson(client, kTickets + unrated.number + "/followup-calls", {{"reached", false}}, staff)->status == 201);

    const Json stats = BodyOf(GetJson(client, "/api/v1/staff/stats?from=0&to=99999999999", staff));
    CHECK(stats["satisfaction"]["count"] == 2);
    CHECK(stats["satisfaction_portal"]["count"] == 1);
    CHECK(stats["satisfaction_portal"]["satisfied"] == 1);
    CHECK(stats["satisfaction_phone"]["count"] == 1);
    CHECK(stats["satisfaction_phone"]["satisfied"] == 0);
    CHECK(stats["resolved"] == 3);
    CHECK(stats["rated"] == 2);
    CHECK(stats["rating_response_rate"].get<double>() == Approx(2.0 / 3.0));
    CHECK(stats["followups_due"] == 3);
    CHECK(stats["followups_reached"] == 2);
    CHECK(stats["followup_reach_rate"].get<double>() == Approx(2.0 / 3.0));
}

TEST_CASE("follow-ups off: after_days 0 leaves the queue empty", "[followups][off]") {
    TempDir dir;
    REQUIRE(CreateAdmin(dir.path(), kAdminUser, kAdminPassword) == 0);
    const std::string policy = dir.path() + "/policy.json";
    std::ofstream(policy) << R"({"followup": {"after_days": 0}})";
    {
        ServerProcess server(Quiet(dir.path(), {"--policy", policy}));
        auto client = server.Client();
        const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
        Resolve(client, staff, Create(client, "13800138010", "关闭回访").number);
    }
    ServerProcess server(Quiet(dir.path(), {"--policy", policy, "--clock-offset", "8640000"}));
    auto client = server.Client();
    const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
    const Json queue = BodyOf(GetJson(client, kQueue, staff));
    CHECK(queue["items"].empty());
    CHECK(queue["after_days"] == 0);
}

TEST_CASE("periodic follow-ups: scheduled, due in the queue, the survey recorded, the next due date moved on",
          "[followups][periodic]") {
    TempDir dir;
    REQUIRE(CreateAdmin(dir.path(), kAdminUser, kAdminPassword) == 0);
    const std::string first_due = DayInBeijing(0);
    std::int64_t schedule_id = 0;
    {
        ServerProcess server(Quiet(dir.path()));
        auto client = server.Client();
        const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
        // Field errors, every one named.
        const auto bad = PostJson(client, "/api/v1/staff/followup-schedules",
                                  {{"serial", "x"}, {"customer_name", ""}, {"customer_phone", "123"}, {"project_name", ""},
                                   {"period", "weekly"}, {"first_due", DayInBeijing(-1)}},
                                  staff);
        INFO(bad->body);
        REQUIRE(bad->status == 422);
        const Json refused = BodyOf(bad);
        std::set<std::string> fields;
        for (const auto& detail : refused["error"]["details"]) fields.insert(detail["field"].get<std::string>());
        CHECK(fields == std::set<std::string>{"serial", "customer_name", "customer_phone", "project_name", "period", "first_due"});

        const Json schedule{{"serial", "kf200-2401-0123"}, {"customer_name", "市一医院康复科"}, {"customer_phone", "13800138011"},
                            {"project_name", "康复科理疗设备"}, {"contract_number", "HT-2026-018"}, {"period", "quarterly"},
                            {"first_due", first_due}};
        const httplib::Headers key{{"Idempotency-Key", "schedule-1"}};
        const auto made = PostJson(client, "/api/v1/staff/followup-schedules", schedule, staff, key);
        REQUIRE(made->status == 201);
        const Json body = BodyOf(made);
        schedule_id = body["id"].get<std::int64_t>();
        CHECK(body["serial"] == "KF200-2401-0123");
        CHECK(body["next_due"] == first_due);
        CHECK(body["phone_masked"] == "138****8011");
        const auto again = PostJson(client, "/api/v1/staff/followup-schedules", schedule, staff, key);
        REQUIRE(again->status == 201);
        CHECK(BodyOf(again)["id"] == schedule_id);
        CHECK(again->get_header_value("Idempotent-Replayed") == "true");

        // Due today: in the queue, marked periodic.
        const Json queue = BodyOf(GetJson(client, kQueue, staff));
        REQUIRE(queue["items"].size() == 1);
        CHECK(queue["items"][0]["periodic"] == true);
        CHECK(queue["items"][0]["schedule_id"] == schedule_id);
        CHECK(queue["items"][0]["project_name"] == "康复科理疗设备");
        CHECK(queue["items"][0]["due_date"] == first_due);
        CHECK(queue["total"] == 1);

        // The survey: an anomaly needs its description.
        Json survey{{"equipment_usage", "每天两班使用"}, {"system_operation", "运行正常"}, {"system_stability", "稳定"},
                    {"anomaly", true}, {"response_satisfaction", 5}};
        const std::string surveys = "/api/v1/staff/followup-schedules/" + std::to_string(schedule_id) + "/surveys";
        const auto missing = PostJson(client, surveys, survey, staff);
        REQUIRE(missing->status == 422);
        CHECK(BodyOf(missing)["error"]["field"] == "anomaly_description");
        survey["response_satisfaction"] = 6;
        survey["anomaly_description"] = "夜间偶发重启";
        const auto out_of_range = PostJson(client, surveys, survey, staff);
        REQUIRE(out_of_range->status == 422);
        CHECK(BodyOf(out_of_range)["error"]["field"] == "response_satisfaction");
        survey["response_satisfaction"] = 4;
        survey["remarks"] = "客户希望下次提前一天电话预约";
        const auto recorded = PostJson(client, surveys, survey, staff, {{"Idempotency-Key", "survey-1"}});
        REQUIRE(recorded->status == 201);
        const Json answer = BodyOf(recorded);
        CHECK(answer["survey"]["due_date"] == first_due);
        CHECK(answer["survey"]["project_name"] == "康复科理疗设备");
        CHECK(answer["survey"]["contract_number"] == "HT-2026-018");
        CHECK(answer["survey"]["survey"]["anomaly_description"] == "夜间偶发重启");
        const std::string next_due = answer["schedule"]["next_due"].get<std::string>();
        CHECK(next_due > first_due);
        // Replayed: nothing new.
        const auto replay = PostJson(client, surveys, survey, staff, {{"Idempotency-Key", "survey-1"}});
        REQUIRE(replay->status == 201);
        CHECK(BodyOf(replay)["survey"]["id"] == answer["survey"]["id"]);
        CHECK(BodyOf(replay)["schedule"]["next_due"] == next_due);

        // Not due any more; the product's record lists the schedule and the survey.
        CHECK(BodyOf(GetJson(client, kQueue, staff))["items"].empty());
        const Json product = BodyOf(GetJson(client, "/api/v1/staff/products/KF200-2401-0123/followups", staff));
        REQUIRE(product["schedules"].size() == 1);
        CHECK(product["schedules"][0]["next_due"] == next_due);
        REQUIRE(product["surveys"].size() == 1);
        CHECK(product["surveys"][0]["survey"]["equipment_usage"] == "每天两班使用");
        CHECK(product["surveys"][0]["staff"] == kAdminUser);
        CHECK(PostJson(client, "/api/v1/staff/followup-schedules/999999/surveys", survey, staff)->status == 404);
    }
    // A quarter later (a little over 92 days): due again.
    ServerProcess server(Quiet(dir.path(), {"--clock-offset", std::to_string(93 * 86400)}));
    auto client = server.Client();
    const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
    const Json queue = BodyOf(GetJson(client, kQueue, staff));
    REQUIRE(queue["items"].size() == 1);
    CHECK(queue["items"][0]["schedule_id"] == schedule_id);
}

TEST_CASE("periodic follow-ups: an ended schedule leaves the queue, takes no survey, keeps its surveys, audited",
          "[followups][periodic]") {
    Running env(Quiet({}));
    auto& client = env.http();
    const std::string staff = env.staff_token;
    const Json schedule{{"serial", "KF200-2401-0456"}, {"customer_name", "区妇幼保健院"}, {"customer_phone", "13800138022"},
                        {"project_name", "理疗中心设备"}, {"period", "monthly"}, {"first_due", DayInBeijing(0)}};
    const auto made = PostJson(client, "/api/v1/staff/followup-schedules", schedule, staff);
    REQUIRE(made->status == 201);
    const std::string base = "/api/v1/staff/followup-schedules/" + std::to_string(BodyOf(made)["id"].get<std::int64_t>());
    const Json survey{{"equipment_usage", "每天使用"}, {"system_operation", "正常"}, {"system_stability", "稳定"},
                      {"anomaly", false}, {"response_satisfaction", 5}};
    REQUIRE(PostJson(client, base + "/surveys", survey, staff)->status == 201);
    CHECK(BodyOf(GetJson(client, kQueue, staff))["items"].empty());  // surveyed: due again next month

    const auto ended = PostJson(client, base + "/end", Json::object(), staff);
    REQUIRE(ended->status == 200);
    CHECK(BodyOf(ended)["active"] == false);
    CHECK(PostJson(client, base + "/end", Json::object(), staff)->status == 404);  // once
    CHECK(PostJson(client, base + "/surveys", survey, staff)->status == 404);
    CHECK(PostJson(client, "/api/v1/staff/followup-schedules/not-a-number/end", Json::object(), staff)->status == 404);

    const Json product = BodyOf(GetJson(client, "/api/v1/staff/products/KF200-2401-0456/followups", staff));
    REQUIRE(product["schedules"].size() == 1);
    CHECK(product["schedules"][0]["active"] == false);
    CHECK(product["surveys"].size() == 1);  // the record stays
    bool audited = false;
    const Json audit = BodyOf(GetJson(client, "/api/v1/staff/audit?limit=50", staff));  // named: the loop reads into it
    for (const auto& entry : audit["entries"])
        audited = audited || (entry["action"] == "followup_schedule_end" && entry["detail"] == "KF200-2401-0456 monthly");
    CHECK(audited);
}
