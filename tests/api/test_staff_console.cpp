// The staff console's endpoints over HTTP against the real server: role scoping, queue paging and
// sorting, audited reveals, work records and re-triage, the change feed, accounts and live policy
// edits.
#include <catch2/catch.hpp>

#include <future>
#include <set>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

std::string Q(const std::string& query) { return "/api/v1/staff/queue?" + query; }

struct Reply {
    int status = 0;
    Json body;
};

// One HTTP call on the test's server; a fresh client per call, so calls may run concurrently.
class Api {
public:
    explicit Api(Running& env) : env_(env) {}

    Reply Call(const std::string& method, const std::string& path, const Json& body = nullptr,
               const std::string& token = {}) {
        httplib::Client client = env_.server->Client();
        client.set_read_timeout(30, 0);
        httplib::Result result = method == "GET" ? GetJson(client, path, token)
                                 : method == "PUT"
                                     ? client.Put(path.c_str(),
                                                  httplib::Headers{{"Authorization", "Bearer " + token}},
                                                  body.dump(), "application/json")
                                     : PostJson(client, path, body, token);
        REQUIRE(result);
        return Reply{result->status, Json::parse(result->body, nullptr, false)};
    }

    std::string Login(const std::string& username, const std::string& password) {
        const Reply reply = Call("POST", "/api/v1/staff/login", {{"username", username}, {"password", password}});
        INFO(reply.body.dump());
        REQUIRE(reply.status == 200);
        return reply.body["access_token"].get<std::string>();
    }

    // Creates a staff account through the admin API and signs it in.
    std::string Staff(const std::string& admin_token, const std::string& username, const std::string& role) {
        const std::string password = "password-for-" + username;
        const Reply created = Call("POST", "/api/v1/staff/members",
                                   {{"username", username}, {"display_name", username}, {"roles", {role}},
                                    {"password", password}},
                                   admin_token);
        INFO(created.body.dump());
        REQUIRE(created.status == 201);
        return Login(username, password);
    }

    // A customer's repair request; returns (service number, customer token).
    std::pair<std::string, std::string> CustomerTicket(const std::string& subject,
                                                       const std::string& priority = "general") {
        Json draft = RepairDraft("13911112222", subject);
        draft["priority"] = priority;
        draft["address"] = "杭州市西湖区文三路 90 号东部软件园";
        httplib::Client client = env_.server->Client();
        const Json created = CreateTicket(client, draft);
        return {created["service_number"].get<std::string>(), created["access_token"].get<std::string>()};
    }

private:
    Running& env_;
};

int PriorityRank(const Json& priority) {
    return priority == "urgent" ? 2 : priority == "serious" ? 1 : 0;
}

} // namespace

TEST_CASE("agents see their own and unassigned tickets — supervisors see all", "[api][staff]") {
    Running env;
    Api server(env);
    const std::string admin = env.staff_token;
    const std::string agent = server.Staff(admin, "agent.chen", "agent");
    const std::string lead = server.Staff(admin, "lead.zhou", "supervisor");

    const Reply all = server.Call("GET", Q("limit=200"), nullptr, lead);
    REQUIRE(all.status == 200);
    const Reply mine = server.Call("GET", Q("limit=200"), nullptr, agent);
    REQUIRE(mine.status == 200);
    CHECK(mine.body["total"].get<int>() < all.body["total"].get<int>());
    CHECK(mine.body["total"].get<std::size_t>() == mine.body["items"].size());
    std::string someone_elses;
    for (const Json& item : all.body["items"]) {
        if (!item["assignee"].get<std::string>().empty()) someone_elses = item["service_number"].get<std::string>();
    }
    for (const Json& item : mine.body["items"]) CHECK(item["assignee"].get<std::string>().empty());
    REQUIRE_FALSE(someone_elses.empty());

    // The demo's assigned ticket is engineer.li's: the agent may not read or act on it.
    CHECK(server.Call("GET", "/api/v1/staff/tickets/" + someone_elses, nullptr, agent).status == 403);
    CHECK(server.Call("POST", "/api/v1/staff/tickets/" + someone_elses + "/reveal",
                      {{"field", "phone"}, {"reason", "contact_customer"}}, agent)
              .status == 403);
    CHECK(server.Call("GET", "/api/v1/staff/tickets/" + someone_elses, nullptr, lead).status == 200);
    // A customer token is not a staff session.
    const auto [number, customer] = server.CustomerTicket("理疗仪屏幕闪烁");
    CHECK(server.Call("GET", Q(""), nullptr, customer).status == 403);
    CHECK(server.Call("GET", Q(""), nullptr, "").status == 401);
}

TEST_CASE("the queue's totals follow every change and match the rows it lists, for each filter", "[api][staff]") {
    Running env;
    Api server(env);
    const std::string admin = env.staff_token;
    const std::string agent = server.Staff(admin, "agent.wu", "agent");
    const auto check_totals = [&](const std::string& when) {
        for (const char* filter : {"", "priority=urgent", "priority=serious", "state=submitted", "state=accepted",
                                   "state=in_progress", "state=waiting_customer", "state=cancelled", "kind=repair",
                                   "unassigned=true", "assignee=engineer.li", "breached=false", "sla=breached"}) {
            for (const std::string* token : {&admin, &agent}) {
                const Reply page = server.Call("GET", Q(std::string(filter) + "&limit=200"), nullptr, *token);
                INFO(when << ": " << filter << (token == &agent ? " (agent)" : ""));
                REQUIRE(page.status == 200);
                REQUIRE(page.body["items"].size() < 200);
                CHECK(page.body["total"].get<std::size_t>() == page.body["items"].size());
            }
        }
    };
    check_totals("the demo data");

    std::vector<std::string> numbers;
    for (int i = 0; i < 4; ++i) numbers.push_back(server.CustomerTicket("合计测试 " + std::to_string(i)).first);
    check_totals("four new tickets");
    const auto act = [&](const std::string& number, const Json& body) {
        const Reply reply = server.Call("POST", "/api/v1/staff/tickets/" + number + "/transition", body, admin);
        INFO(number << " " << body.dump() << ": " << reply.body.dump());
        REQUIRE(reply.status == 200);
    };
    for (const std::string& number : numbers) act(number, {{"action", "accept"}});
    act(numbers[0], {{"action", "reprioritize"}, {"priority", "urgent"}, {"note", "影响治疗"}});
    REQUIRE(server.Call("POST", "/api/v1/staff/tickets/" + numbers[1] + "/assign", {{"assignee", "engineer.li"}}, admin)
                .status == 200);
    act(numbers[1], {{"action", "start"}});
    act(numbers[1], {{"action", "request_info"}, {"note", "请上传照片"}});
    check_totals("accepted, re-triaged, assigned, waiting");
    act(numbers[1], {{"action", "resume"}});
    REQUIRE(server.Call("POST", "/api/v1/staff/tickets/" + numbers[2] + "/assign", {{"assignee", "agent.wu"}}, admin)
                .status == 200);
    check_totals("resumed, and one assigned to the agent");
}

TEST_CASE("the queue pages by offset in an allowlisted order and counts what the filter matches", "[api][staff]") {
    Running env;
    Api server(env);
    const std::string admin = env.staff_token;
    for (int i = 0; i < 6; ++i) server.CustomerTicket("排序测试 " + std::to_string(i), i % 3 == 0 ? "urgent" : "general");

    const Reply full = server.Call("GET", Q("sort=priority&dir=desc&limit=200"), nullptr, admin);
    REQUIRE(full.status == 200);
    const Json& items = full.body["items"];
    REQUIRE(items.size() == full.body["total"].get<std::size_t>());
    for (std::size_t i = 1; i < items.size(); ++i)
        CHECK(PriorityRank(items[i - 1]["priority"]) >= PriorityRank(items[i]["priority"]));

    // Any window is the same rows as the same slice of the whole list.
    const Reply window = server.Call("GET", Q("sort=priority&dir=desc&offset=3&limit=4"), nullptr, admin);
    REQUIRE(window.status == 200);
    CHECK(window.body["offset"] == 3);
    REQUIRE(window.body["items"].size() == 4);
    for (std::size_t i = 0; i < 4; ++i)
        CHECK(window.body["items"][i]["service_number"] == items[3 + i]["service_number"]);

    const Reply urgent = server.Call("GET", Q("priority=urgent&limit=200"), nullptr, admin);
    for (const Json& item : urgent.body["items"]) CHECK(item["priority"] == "urgent");
    CHECK(urgent.body["total"].get<int>() >= 2);

    // The SLA buckets split the open queue without overlap.
    const int breached = server.Call("GET", Q("sla=breached"), nullptr, admin).body["total"].get<int>();
    const int soon = server.Call("GET", Q("sla=soon"), nullptr, admin).body["total"].get<int>();
    const int on_track = server.Call("GET", Q("sla=on_track"), nullptr, admin).body["total"].get<int>();
    CHECK(breached + soon + on_track == server.Call("GET", Q(""), nullptr, admin).body["total"].get<int>());
    CHECK(soon >= 2);  // the urgent ones answer within 10 minutes

    CHECK(server.Call("GET", Q("sort=body"), nullptr, admin).status == 400);
    CHECK(server.Call("GET", Q("dir=sideways"), nullptr, admin).status == 400);
    CHECK(server.Call("GET", Q("sla=later"), nullptr, admin).status == 400);
}

TEST_CASE("phone and address are masked until revealed, and every reveal is audited", "[api][staff]") {
    Running env;
    Api server(env);
    const std::string admin = env.staff_token;
    const std::string agent = server.Staff(admin, "agent.chen", "agent");
    const auto [number, customer] = server.CustomerTicket("需要上门检修");

    const Reply view = server.Call("GET", "/api/v1/staff/tickets/" + number, nullptr, agent);
    REQUIRE(view.status == 200);
    CHECK(view.body["phone_masked"] == "139****2222");
    CHECK(view.body["address"] == "杭州市西湖区****");
    // The customer sees their own address as typed.
    CHECK(server.Call("GET", "/api/v1/tickets/" + number, nullptr, customer).body["address"] ==
          "杭州市西湖区文三路 90 号东部软件园");

    const Reply phone = server.Call("POST", "/api/v1/staff/tickets/" + number + "/reveal",
                                    {{"field", "phone"}, {"reason", "contact_customer"}}, agent);
    REQUIRE(phone.status == 200);
    CHECK(phone.body["value"] == "+8613911112222");
    const Reply address =
        server.Call("POST", "/api/v1/staff/tickets/" + number + "/reveal",
                    {{"field", "address"}, {"reason", "other"}, {"note", "核对快递面单"}}, agent);
    CHECK(address.body["value"] == "杭州市西湖区文三路 90 号东部软件园");
    CHECK(server.Call("POST", "/api/v1/staff/tickets/" + number + "/reveal",
                      {{"field", "description"}, {"reason", "contact_customer"}}, agent)
              .status == 400);

    const Reply audit = server.Call("GET", "/api/v1/staff/audit?ticket=" + number, nullptr, agent);
    REQUIRE(audit.status == 200);
    REQUIRE(audit.body["entries"].size() == 2);
    CHECK(audit.body["entries"][0]["action"] == "reveal_address");  // newest first
    CHECK(audit.body["entries"][1]["action"] == "reveal_phone");
    CHECK(audit.body["entries"][0]["detail"] == "other: 核对快递面单");  // the reason given
    CHECK(audit.body["entries"][1]["detail"] == "contact_customer");
    CHECK(audit.body["entries"][1]["staff"] == "agent.chen");
    CHECK(audit.body["entries"][1]["service_number"] == number);
    // The whole log is for supervisors and admins.
    CHECK(server.Call("GET", "/api/v1/staff/audit", nullptr, agent).status == 403);
    CHECK(server.Call("GET", "/api/v1/staff/audit", nullptr, admin).status == 200);
}

TEST_CASE("an agent takes a ticket through work records and re-triage — escalation is a supervisor's", "[api][staff]") {
    Running env;
    Api server(env);
    const std::string admin = env.staff_token;
    const std::string agent = server.Staff(admin, "agent.chen", "agent");
    const std::string other = server.Staff(admin, "agent.wu", "agent");
    const std::string lead = server.Staff(admin, "lead.zhou", "supervisor");
    const auto [number, customer] = server.CustomerTicket("设备报错 E05");
    const std::string base = "/api/v1/staff/tickets/" + number;

    REQUIRE(server.Call("POST", base + "/transition", {{"action", "accept"}}, agent).status == 200);
    REQUIRE(server.Call("POST", base + "/assign", {{"assignee", "agent.chen"}}, agent).status == 200);
    // Now it is agent.chen's: another agent can neither work it nor move it.
    CHECK(server.Call("POST", base + "/assign", {{"assignee", "agent.wu"}}, other).status == 403);
    CHECK(server.Call("POST", base + "/assign", {{"assignee", "nobody.here"}}, lead).status == 422);

    const Reply arrived = server.Call("POST", base + "/work", {{"kind", "arrival"}, {"note", "已到达现场"}}, agent);
    REQUIRE(arrived.status == 201);
    CHECK(arrived.body["state"] == "in_progress");
    const Reply part =
        server.Call("POST", base + "/work", {{"kind", "part_ordered"}, {"part", "电源板"}, {"note", "库存不足"}}, agent);
    REQUIRE(part.status == 201);
    const Json& event = part.body["timeline"].back();
    CHECK(event["type"] == "work");
    CHECK(event["work"]["due_at"].get<std::int64_t>() - event["at"].get<std::int64_t>() == 8 * 3600);

    const Reply no_reason =
        server.Call("POST", base + "/transition", {{"action", "reprioritize"}, {"priority", "serious"}}, agent);
    CHECK(no_reason.status == 400);
    CHECK(no_reason.body["error"]["field"] == "note");
    const Reply retriaged = server.Call(
        "POST", base + "/transition", {{"action", "reprioritize"}, {"priority", "serious"}, {"note", "影响治疗"}}, agent);
    REQUIRE(retriaged.status == 200);
    CHECK(retriaged.body["priority"] == "serious");

    CHECK(server.Call("POST", base + "/transition", {{"action", "escalate"}, {"note", "客户投诉"}}, agent).status == 403);
    const Reply escalated =
        server.Call("POST", base + "/transition", {{"action", "escalate"}, {"note", "客户投诉"}}, lead);
    REQUIRE(escalated.status == 200);
    CHECK(escalated.body["escalation"] == "department_manager");

    // The customer sees the same timeline, work records included.
    const Reply mine = server.Call("GET", "/api/v1/tickets/" + number, nullptr, customer);
    bool saw_part = false;
    for (const Json& e : mine.body["timeline"]) saw_part = saw_part || (e.contains("work") && e["work"]["part"] == "电源板");
    CHECK(saw_part);
}

// The SLA deadline of `clock` in a ticket view.
Json ClockOf(const Json& view, const std::string& clock) {
    for (const Json& deadline : view["sla"]["deadlines"])
        if (deadline["clock"] == clock) return deadline;
    FAIL("no " << clock << " clock in the view");
    return {};
}

TEST_CASE("the engineer departs and arrives: dispatch and arrival are met, the customer sees both", "[api][staff]") {
    Running env;
    Api server(env);
    const std::string admin = env.staff_token;
    const std::string agent = server.Staff(admin, "agent.chen", "agent");
    const auto [number, customer] = server.CustomerTicket("整机不通电", "serious");
    const std::string base = "/api/v1/staff/tickets/" + number;

    const Reply fresh = server.Call("GET", "/api/v1/tickets/" + number, nullptr, customer);
    REQUIRE(fresh.status == 200);
    CHECK(ClockOf(fresh.body, "dispatch")["status"] == "running");
    const Json arrival = ClockOf(fresh.body, "arrival");
    CHECK(arrival["status"] == "running");  // serious: on site within 2 h of submission
    CHECK(arrival["due_at"].get<std::int64_t>() - arrival["started_at"].get<std::int64_t>() == 2 * 3600);

    // Arrival and departure belong to someone's assigned work, not to a ticket nobody holds.
    CHECK(server.Call("POST", base + "/work", {{"kind", "departure"}}, agent).status == 409);
    REQUIRE(server.Call("POST", base + "/transition", {{"action", "accept"}}, agent).status == 200);
    const Reply assigned = server.Call("POST", base + "/assign", {{"assignee", "agent.chen"}}, agent);
    REQUIRE(assigned.status == 200);
    CHECK(ClockOf(assigned.body, "dispatch")["status"] == "running");  // assigning is not leaving

    const Reply departed = server.Call("POST", base + "/work", {{"kind", "departure"}}, agent);
    REQUIRE(departed.status == 201);
    CHECK(departed.body["state"] == "assigned");
    CHECK(ClockOf(departed.body, "dispatch")["status"] == "met_on_time");
    const Reply again = server.Call("POST", base + "/work", {{"kind", "departure"}}, agent);
    CHECK(again.status == 409);
    CHECK(again.body["error"]["code"] == "already_done");

    const Reply arrived = server.Call("POST", base + "/work", {{"kind", "arrival"}}, agent);
    REQUIRE(arrived.status == 201);
    CHECK(arrived.body["state"] == "in_progress");
    CHECK(ClockOf(arrived.body, "arrival")["status"] == "met_on_time");

    // The customer's page reads both steps from the timeline.
    const Reply mine = server.Call("GET", "/api/v1/tickets/" + number, nullptr, customer);
    std::vector<std::string> steps;
    for (const Json& e : mine.body["timeline"])
        if (e.contains("work")) steps.push_back(e["work"]["kind"].get<std::string>());
    CHECK(steps == std::vector<std::string>{"departure", "arrival"});
}

TEST_CASE("the change feed answers when any ticket changes", "[api][staff]") {
    Running env;
    Api server(env);
    const std::string admin = env.staff_token;
    const Reply now = server.Call("GET", "/api/v1/staff/changes?since=0&wait=0", nullptr, admin);
    REQUIRE(now.status == 200);
    const std::int64_t version = now.body["version"].get<std::int64_t>();
    CHECK(server.Call("GET", Q(""), nullptr, admin).body["version"].get<std::int64_t>() == version);

    auto waiting = std::async(std::launch::async, [&server, &admin, version] {
        return server.Call("GET", "/api/v1/staff/changes?since=" + std::to_string(version), nullptr, admin);
    });
    server.CustomerTicket("新的报修");
    const Reply changed = waiting.get();
    REQUIRE(changed.status == 200);
    CHECK(changed.body["version"].get<std::int64_t>() > version);
}

TEST_CASE("admins manage accounts and edit the policy with validation — it applies at once", "[api][staff]") {
    Running env;
    Api server(env);
    const std::string admin = env.staff_token;
    const std::string agent = server.Staff(admin, "agent.chen", "agent");

    const Reply weak = server.Call("POST", "/api/v1/staff/members",
                                   {{"username", "x.y"}, {"display_name", "X"}, {"roles", {"agent"}}, {"password", "short"}},
                                   admin);
    CHECK(weak.status == 422);
    CHECK(weak.body["error"]["field"] == "password");
    const Reply unknown_role = server.Call(
        "POST", "/api/v1/staff/members", {{"username", "x.y"}, {"display_name", "X"}, {"roles", {"root"}}}, admin);
    CHECK(unknown_role.status == 422);
    CHECK(server.Call("POST", "/api/v1/staff/members", {{"username", "x.y"}, {"display_name", "X"}, {"roles", {"agent"}}},
                      agent)
              .status == 403);
    const Reply members = server.Call("GET", "/api/v1/staff/members", nullptr, agent);
    REQUIRE(members.status == 200);
    std::set<std::string> names;
    for (const Json& m : members.body["members"]) names.insert(m["id"].get<std::string>());
    CHECK(names.count("engineer.li") == 1);
    CHECK(names.count("agent.chen") == 1);

    // Deactivating ends the account's sessions; an admin cannot deactivate themselves.
    CHECK(server.Call("POST", "/api/v1/staff/members/admin", {{"active", false}}, admin).status == 422);
    REQUIRE(server.Call("POST", "/api/v1/staff/members/agent.chen", {{"active", false}}, admin).status == 200);
    CHECK(server.Call("GET", Q(""), nullptr, agent).status == 401);
    CHECK(server.Call("POST", "/api/v1/staff/login", {{"username", "agent.chen"}, {"password", "password-for-agent.chen"}})
              .status == 401);

    Json policy = server.Call("GET", "/api/v1/staff/policy", nullptr, admin).body;
    REQUIRE(policy.contains("sla"));
    Json bad = policy;
    bad["sla"]["urgent"]["first_response_minutes"] = -5;
    const Reply refused = server.Call("PUT", "/api/v1/staff/policy", bad, admin);
    CHECK(refused.status == 422);
    CHECK(refused.body["error"]["field"] == "sla.urgent.first_response_minutes");
    Json typo = policy;
    typo["sla"]["urgnet"] = Json::object();
    CHECK(server.Call("PUT", "/api/v1/staff/policy", typo, admin).status == 400);
    CHECK(server.Call("PUT", "/api/v1/staff/policy", policy, server.Staff(admin, "lead.zhou", "supervisor")).status ==
          403);

    Json faster = policy;
    faster["sla"]["urgent"]["first_response_minutes"] = 5;
    const Reply saved = server.Call("PUT", "/api/v1/staff/policy", faster, admin);
    REQUIRE(saved.status == 200);
    CHECK(saved.body["sla"]["urgent"]["first_response_minutes"] == 5);
    CHECK(saved.body["version"].get<int>() == policy["version"].get<int>() + 1);
    const auto [number, customer] = server.CustomerTicket("紧急停机", "urgent");
    const Json ticket = server.Call("GET", "/api/v1/staff/tickets/" + number, nullptr, admin).body;
    const Json& first_response = ticket["sla"]["deadlines"][0];
    CHECK(first_response["allowance_seconds"] == 5 * 60);
    const Reply log = server.Call("GET", "/api/v1/staff/audit", nullptr, admin);
    CHECK(log.body["entries"][0]["action"] == "policy_update");
}
