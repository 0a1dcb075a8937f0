// Customer sessions can end (issue #14, finding 11): "sign out on all devices" revokes every token
// of a ticket, and a ticket's tokens stop working a policy-set number of days after it ended.
#include <catch2/catch.hpp>

#include <fstream>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

std::string Last4(const std::string& phone) { return phone.substr(phone.size() - 4); }

Json Lookup(httplib::Client& client, const std::string& number, const std::string& last4, int expect_status) {
    auto result = PostJson(client, "/api/v1/lookup", {{"service_number", number}, {"phone_last4", last4}});
    REQUIRE(result);
    CHECK(result->status == expect_status);
    return BodyOf(result);
}

int Status(const httplib::Result& result) { return result ? result->status : -1; }

// The repository's policy with one setting changed, written next to the test's database.
std::string PolicyWithAccessDays(const TempDir& dir, int days) {
    std::ifstream in(SourcePath("assets/policy.json"));
    Json policy = Json::parse(in);
    policy["tickets"]["customer_access_days_after_close"] = days;
    const std::string path = dir.path() + "/policy-test.json";
    std::ofstream(path) << policy.dump(2);
    return path;
}

}  // namespace

TEST_CASE("sign out on all devices: every token of the ticket gets 401, a new lookup works", "[security][sessions]") {
    Running env;
    auto& client = env.http();
    const std::string phone = "13800138000";
    const Json created = CreateTicket(client, RepairDraft(phone, "要退出的工单"));
    const std::string number = created["service_number"].get<std::string>();
    const std::string on_phone = created["access_token"].get<std::string>();
    // The same ticket opened on a second device, and an unrelated ticket.
    const std::string on_laptop = Lookup(client, number, Last4(phone), 200)["access_token"].get<std::string>();
    const Json other = CreateTicket(client, RepairDraft("13912345678", "别人的工单"));
    const std::string other_token = other["access_token"].get<std::string>();
    const std::string path = "/api/v1/tickets/" + number;
    REQUIRE(Status(GetJson(client, path, on_phone)) == 200);
    REQUIRE(Status(GetJson(client, path, on_laptop)) == 200);

    // A body with anything in it is refused and revokes nothing.
    auto odd = PostJson(client, path + "/sign-out-everywhere", {{"all", true}}, on_laptop);
    CHECK(Status(odd) == 400);
    CHECK(BodyOf(odd)["error"]["code"] == "unknown_field");
    // A staff token is not the ticket's own token.
    CHECK(Status(PostJson(client, path + "/sign-out-everywhere", Json::object(), env.staff_token)) == 403);
    REQUIRE(Status(GetJson(client, path, on_phone)) == 200);

    auto signed_out = PostJson(client, path + "/sign-out-everywhere", Json::object(), on_laptop);
    REQUIRE(Status(signed_out) == 200);
    CHECK(BodyOf(signed_out)["sessions_ended"] == 2);

    // Both devices are out, on every kind of route, with an answer that says what to do.
    for (const std::string& token : {on_phone, on_laptop}) {
        auto read = GetJson(client, path, token);
        CHECK(Status(read) == 401);
        CHECK(BodyOf(read)["error"]["code"] == "unauthorized");
        CHECK(BodyOf(read)["error"]["message_en"].get<std::string>().find("verify again") != std::string::npos);
        CHECK(BodyOf(read)["error"]["message_zh"].get<std::string>().find("重新验证") != std::string::npos);
        CHECK(Status(GetJson(client, path + "/events?wait=0", token)) == 401);
        CHECK(Status(PostJson(client, path + "/messages", {{"text", "还在吗"}}, token)) == 401);
        CHECK(Status(PostJson(client, path + "/sign-out-everywhere", Json::object(), token)) == 401);
    }
    // Another ticket's session is untouched.
    CHECK(Status(GetJson(client, "/api/v1/tickets/" + other["service_number"].get<std::string>(), other_token)) == 200);

    // The owner gets back in with the number and the phone's last 4, and only that new token works.
    const std::string again = Lookup(client, number, Last4(phone), 200)["access_token"].get<std::string>();
    CHECK(Status(GetJson(client, path, again)) == 200);
    CHECK(Status(GetJson(client, path, on_phone)) == 401);
    // An empty body (no JSON at all) is accepted too.
    auto bare = client.Post((path + "/sign-out-everywhere").c_str(), {{"Authorization", "Bearer " + again}}, "",
                            "application/json");
    CHECK(Status(bare) == 200);
    CHECK(Status(GetJson(client, path, again)) == 401);
}

TEST_CASE("a ticket's tokens end N days after it closed (policy), and a lookup then says why", "[security][sessions]") {
    TempDir dir;
    const std::string policy = PolicyWithAccessDays(dir, 2);
    const std::string phone = "13800138000";
    std::string ended_number, ended_token, open_number, open_token;
    {
        ServerProcess server(ServerOptions{dir.path(), {"--policy", policy}});
        auto client = server.Client();
        const Json ended = CreateTicket(client, RepairDraft(phone, "已取消的工单"));
        ended_number = ended["service_number"].get<std::string>();
        ended_token = ended["access_token"].get<std::string>();
        const Json open = CreateTicket(client, RepairDraft(phone, "还在处理的工单"));
        open_number = open["service_number"].get<std::string>();
        open_token = open["access_token"].get<std::string>();
        auto cancelled = PostJson(client, "/api/v1/tickets/" + ended_number + "/cancel", {{"note", "不修了"}}, ended_token);
        REQUIRE(Status(cancelled) == 200);
        REQUIRE(BodyOf(cancelled)["state"] == "cancelled");
        CHECK(Status(GetJson(client, "/api/v1/tickets/" + ended_number, ended_token)) == 200);
    }
    {
        // One day later: inside the 2 days, the ended ticket still opens (to read the outcome, rate it).
        ServerProcess server(ServerOptions{dir.path(), {"--policy", policy, "--clock-offset", "86400"}});
        auto client = server.Client();
        CHECK(Status(GetJson(client, "/api/v1/tickets/" + ended_number, ended_token)) == 200);
        Lookup(client, ended_number, Last4(phone), 200);
    }
    {
        // Three days later: past the 2 days. The token (30 days by itself) is refused ...
        ServerProcess server(ServerOptions{dir.path(), {"--policy", policy, "--clock-offset", "259200"}});
        auto client = server.Client();
        auto refused = GetJson(client, "/api/v1/tickets/" + ended_number, ended_token);
        CHECK(Status(refused) == 401);
        CHECK(BodyOf(refused)["error"]["code"] == "unauthorized");
        // ... a lookup with the right digits says why instead of handing out a token that cannot work ...
        const Json gone = Lookup(client, ended_number, Last4(phone), 410);
        CHECK(gone["error"]["code"] == "access_ended");
        CHECK(gone["error"]["message_en"].get<std::string>().find("2 days") != std::string::npos);
        CHECK_FALSE(gone.contains("access_token"));
        // ... wrong digits still learn nothing ...
        Lookup(client, ended_number, "0000", 404);
        // ... and a ticket still open is not affected.
        CHECK(Status(GetJson(client, "/api/v1/tickets/" + open_number, open_token)) == 200);
    }
}
