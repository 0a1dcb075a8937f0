// Staff login hardening (issue #14, finding 6): every login is audited, wrong passwords back off
// per account (whatever the address), and agents do not see who holds which role.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

httplib::Result Login(httplib::Client& client, const std::string& username, const std::string& password) {
    return PostJson(client, "/api/v1/staff/login", {{"username", username}, {"password", password}});
}

}  // namespace

TEST_CASE("staff login: successes and failures are audited with the address", "[security][staff]") {
    Running env;
    auto& client = env.http();
    CHECK(Login(client, kAdminUser, "wrong password")->status == 401);
    const Json audit = BodyOf(GetJson(client, "/api/v1/staff/audit", env.staff_token));
    std::vector<std::string> actions;
    for (const auto& entry : audit["entries"]) {
        actions.push_back(entry["action"].get<std::string>());
        CHECK(entry["staff"] == kAdminUser);
        CHECK(entry["detail"] == "from 127.0.0.1");
    }
    REQUIRE(actions.size() == 2);
    CHECK(actions[0] == "login_failed");  // newest first
    CHECK(actions[1] == "login");
}

TEST_CASE("staff login: an account backs off after 5 wrong passwords, from any address", "[security][staff]") {
    Running env;
    auto& client = env.http();
    for (int i = 0; i < 5; ++i) CHECK(Login(client, kAdminUser, "guess " + std::to_string(i))->status == 401);
    auto elsewhere = env.server->ClientFrom("127.0.0.2");
    auto refused = Login(elsewhere, kAdminUser, kAdminPassword);
    REQUIRE(refused);
    CHECK(refused->status == 429);
    CHECK(BodyOf(refused)["error"]["code"] == "rate_limited");
    CHECK(std::stoi(refused->get_header_value("Retry-After")) > 0);
    // The same answer for a name that does not exist, so the back-off does not reveal accounts.
    for (int i = 0; i < 5; ++i) Login(client, "nobody", "x");
    CHECK(Login(client, "nobody", "x")->status == 429);
    // Other accounts are not affected, and the session already open still works.
    CHECK(GetJson(client, "/api/v1/staff/members", env.staff_token)->status == 200);
}

TEST_CASE("staff members: admins see roles, agents only names", "[security][staff]") {
    Running env;
    auto& client = env.http();
    REQUIRE(PostJson(client, "/api/v1/staff/members",
                     {{"username", "agent.li"}, {"display_name", "李"}, {"roles", {"agent"}},
                      {"password", "password-for-agent-li"}},
                     env.staff_token)
                ->status == 201);
    const std::string agent = StaffLogin(client, "agent.li", "password-for-agent-li");
    const Json seen_by_agent = BodyOf(GetJson(client, "/api/v1/staff/members", agent));
    REQUIRE(seen_by_agent["members"].size() >= 2);
    for (const auto& member : seen_by_agent["members"]) CHECK(member["roles"].empty());
    const Json seen_by_admin = BodyOf(GetJson(client, "/api/v1/staff/members", env.staff_token));
    bool admin_listed = false;
    for (const auto& member : seen_by_admin["members"])
        if (member["id"] == kAdminUser) admin_listed = !member["roles"].empty();
    CHECK(admin_listed);
}
