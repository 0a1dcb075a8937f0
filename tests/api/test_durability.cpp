// Durability: a 201 means the ticket is on disk — it survives kill -9 and restarts, with its
// token, attachments and idempotency key; demo data is seeded once.
#include <catch2/catch.hpp>
#include <signal.h>

#include "server_process.hpp"

using namespace aftercare::test;

TEST_CASE("an acknowledged ticket survives kill -9, and a restart keeps all data", "[durability]") {
    TempDir dir;
    REQUIRE(CreateAdmin(dir.path(), kAdminUser, kAdminPassword) == 0);
    std::vector<Json> created;
    std::string attachment_url;
    std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "payload";
    {
        ServerProcess server(ServerOptions{dir.path()});
        auto client = server.Client();
        for (int i = 0; i < 5; ++i)
            created.push_back(CreateTicket(client, RepairDraft("13800138000", "断电测试 " + std::to_string(i)),
                                           "durable-" + std::to_string(i)));
        auto upload = client.Post(("/api/v1/tickets/" + created[0]["service_number"].get<std::string>() + "/attachments").c_str(),
                                  {{"Authorization", "Bearer " + created[0]["access_token"].get<std::string>()}}, png,
                                  "image/png");
        REQUIRE(upload->status == 201);
        attachment_url = Json::parse(upload->body)["url"].get<std::string>();
        // No graceful shutdown: the process dies right after the 201s.
        CHECK(server.StopWith(SIGKILL) == 128 + SIGKILL);
    }
    {
        ServerProcess server(ServerOptions{dir.path()});
        auto client = server.Client();
        for (const auto& ticket : created) {
            const std::string number = ticket["service_number"].get<std::string>();
            auto read = GetJson(client, "/api/v1/tickets/" + number, ticket["access_token"].get<std::string>());
            REQUIRE(read);
            CHECK(read->status == 200);
            CHECK(BodyOf(read)["subject"] == ticket["ticket"]["subject"]);
        }
        auto file = GetJson(client, attachment_url, created[0]["access_token"].get<std::string>());
        CHECK(file->status == 200);
        CHECK(file->body == png);
        // The idempotency key survived too: a retry after the crash returns the same ticket.
        auto retry = PostJson(client, "/api/v1/tickets", RepairDraft("13800138000", "断电测试 3"), {},
                              {{"Idempotency-Key", "durable-3"}});
        CHECK(BodyOf(retry)["service_number"] == created[3]["service_number"]);
        // Demo data is not seeded twice.
        const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
        CHECK(BodyOf(GetJson(client, "/api/v1/staff/stats?from=0", staff))["tickets_total"] == 13 + 5);
        CHECK(server.StopWith(SIGTERM) == 0);
    }
    {
        ServerProcess server(ServerOptions{dir.path()});
        auto client = server.Client();
        const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
        CHECK(BodyOf(GetJson(client, "/api/v1/staff/stats?from=0", staff))["tickets_total"] == 13 + 5);
    }
}
