// Staff login hardening (issue #14, finding 6): every login is audited, wrong passwords back off
// per account (whatever the address), no more than 4 argon2id checks run at once, and agents do not
// see who holds which role.
#include <catch2/catch.hpp>

#include <atomic>
#include <latch>
#include <thread>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

httplib::Result Login(httplib::Client& client, const std::string& username, const std::string& password) {
    return PostJson(client, "/api/v1/staff/login", {{"username", username}, {"password", password}});
}

// The value of an unlabelled metric in a Prometheus text exposition, or -1 when it is absent.
long long MetricValue(const std::string& exposition, const std::string& name) {
    const std::string prefix = "\n" + name + " ";
    const auto at = exposition.find(prefix);
    if (at == std::string::npos) return -1;
    return std::stoll(exposition.substr(at + prefix.size()));
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

TEST_CASE("staff login: a flood of logins never runs more than 4 argon2id checks at once", "[security][staff]") {
    Running env;
    // The server's own gauge counts the argon2id calls themselves (not the cap's slots), so without
    // the cap this burst of 16 checks of ~0.1 s each, released together, would show more than 4.
    constexpr int kLogins = 16;
    std::latch start(kLogins);
    std::atomic<int> wrong{0}, busy{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kLogins; ++i) {
        threads.emplace_back([&, i] {
            auto client = env.server->Client();
            start.arrive_and_wait();
            // Distinct names, so no account's own back-off answers before the password check.
            auto result = Login(client, "flood-" + std::to_string(i), "wrong password");
            if (result && result->status == 401) ++wrong;
            else if (result && result->status == 503 && result->has_header("Retry-After") &&
                     BodyOf(result)["error"]["code"] == "busy")
                ++busy;
            else ++other;
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(other == 0);
    CHECK(wrong + busy == kLogins);
    auto metrics = GetMetrics(env.http());
    REQUIRE(metrics);
    const long long peak = MetricValue(metrics->body, "aftercare_password_checks_peak");
    INFO("peak concurrent argon2id checks: " << peak << "; busy answers: " << busy);
    CHECK(peak >= 1);
    CHECK(peak <= 4);
    CHECK(MetricValue(metrics->body, "aftercare_password_checks_running") == 0);
    CHECK(MetricValue(metrics->body, "aftercare_logins_busy_total") == busy);
}

TEST_CASE("staff members: admins see roles, agents only names", "[security][staff]") {
    Running env;
    auto& client = env.http();
    const std::string agent = NewStaffLogin(client, env.staff_token, "agent.li", "李", "agent");
    const Json seen_by_agent = BodyOf(GetJson(client, "/api/v1/staff/members", agent));
    REQUIRE(seen_by_agent["members"].size() >= 2);
    for (const auto& member : seen_by_agent["members"]) CHECK(member["roles"].empty());
    const Json seen_by_admin = BodyOf(GetJson(client, "/api/v1/staff/members", env.staff_token));
    bool admin_listed = false;
    for (const auto& member : seen_by_admin["members"])
        if (member["id"] == kAdminUser) admin_listed = !member["roles"].empty();
    CHECK(admin_listed);
}
