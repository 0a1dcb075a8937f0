// Staff scoping (issue #14, finding 10): the statistics' complaint list names only tickets the
// caller may work on, and every staff download of an attachment is in the audit log.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

TEST_CASE("stats: an agent's complaint list leaves out tickets assigned to someone else", "[security][staff]") {
    Running env;
    auto& client = env.http();
    const std::string agent = NewStaffLogin(client, env.staff_token, "agent.wu", "吴", "agent");

    Json draft = RepairDraft("13911112222", "客服态度差");
    draft["kind"] = "complaint";
    const std::string number = CreateTicket(client, draft)["service_number"].get<std::string>();
    const std::string base = "/api/v1/staff/tickets/" + number;
    REQUIRE(PostJson(client, base + "/transition", {{"action", "accept"}}, env.staff_token)->status == 200);
    REQUIRE(PostJson(client, base + "/assign", {{"assignee", "engineer.li"}}, env.staff_token)->status == 200);

    auto listed = [&](const std::string& token) {
        const Json stats = BodyOf(GetJson(client, "/api/v1/staff/stats", token));
        for (const auto& item : stats["complaints"])
            if (item["service_number"] == number) return true;
        return false;
    };
    CHECK(listed(env.staff_token));
    CHECK_FALSE(listed(agent));
}

TEST_CASE("attachments: a staff download is audited with the file name", "[security][staff]") {
    Running env;
    auto& client = env.http();
    const Json ticket = CreateTicket(client, RepairDraft());
    const std::string number = ticket["service_number"].get<std::string>();
    const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, '\0');
    auto uploaded = client.Post(("/api/v1/tickets/" + number + "/attachments").c_str(),
                                {{"Authorization", "Bearer " + ticket["access_token"].get<std::string>()},
                                 {"X-File-Name", "receipt.png"}},
                                png, "image/png");
    REQUIRE(uploaded->status == 201);
    const std::string id = BodyOf(uploaded)["id"].get<std::string>();
    auto download = GetJson(client, "/api/v1/staff/tickets/" + number + "/attachments/" + id, env.staff_token);
    REQUIRE(download->status == 200);
    CHECK(download->body == png);
    const Json audit = BodyOf(GetJson(client, "/api/v1/staff/audit?ticket=" + number, env.staff_token));
    REQUIRE(audit["entries"].size() == 1);
    CHECK(audit["entries"][0]["action"] == "download_attachment");
    CHECK(audit["entries"][0]["staff"] == kAdminUser);
    CHECK(audit["entries"][0]["detail"] == "receipt.png");
    // A missing attachment is a 404 and leaves no entry.
    CHECK(GetJson(client, "/api/v1/staff/tickets/" + number + "/attachments/00000000000000000000000000000000",
                  env.staff_token)
              ->status == 404);
    CHECK(BodyOf(GetJson(client, "/api/v1/staff/audit?ticket=" + number, env.staff_token))["entries"].size() == 1);
}
