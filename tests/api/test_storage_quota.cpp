// Storage quotas (issue #14, finding 3): public endpoints cannot fill the disk — a global quota
// answers 507 when full (with a log warning before and a /metrics gauge), and each client address
// may store a bounded amount a day.
#include <catch2/catch.hpp>

#include <vector>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

std::string Png(std::size_t bytes) { return std::string("\x89PNG\r\n\x1A\n", 8) + std::string(bytes - 8, 'p'); }

httplib::Result Upload(httplib::Client& client, const Json& ticket, const std::string& bytes) {
    httplib::Headers headers = {{"Authorization", "Bearer " + ticket["access_token"].get<std::string>()},
                                {"X-File-Name", "photo.png"}};
    return client.Post(("/api/v1/tickets/" + ticket["service_number"].get<std::string>() + "/attachments").c_str(),
                       headers, bytes, "image/png");
}

}  // namespace

TEST_CASE("storage quota: full storage answers 507 and loses nothing — a warning and a gauge come first",
          "[security][storage]") {
    TempDir dir;
    ServerOptions options{dir.path(), {"--storage-quota-mb", "2", "--storage-per-address-mb", "0"}};
    options.seed_demo = false;
    ServerProcess server(options);
    auto client = server.Client();
    // 150 KiB photos in small steps, so the 90 % warning is crossed before the quota refuses whatever
    // the empty schema takes (SQLite: a few pages; PostgreSQL: ~420 KB of empty tables and indexes);
    // a ticket takes 5 photos, so a new one every 5.
    std::vector<Json> tickets;
    std::vector<int> stored_on;
    int stored = 0;
    int last_status = 0;
    Json last_body;
    for (int i = 0; i < 20; ++i) {
        if (i % 5 == 0) {
            tickets.push_back(CreateTicket(client, RepairDraft()));
            stored_on.push_back(0);
        }
        auto result = Upload(client, tickets.back(), Png(150 * 1024));
        REQUIRE(result);
        last_status = result->status;
        last_body = BodyOf(result);
        if (last_status != 201) break;
        ++stored;
        ++stored_on.back();
    }
    CHECK(stored >= 1);
    CHECK(stored <= 13);  // 2 MiB hold at most thirteen 150 KiB photos next to the schema
    CHECK(last_status == 507);
    CHECK(last_body["error"]["code"] == "storage_full");
    CHECK(Upload(client, tickets.front(), Png(150 * 1024))->status == 507);  // and stays so
    CHECK(server.Log().find("storage almost full") != std::string::npos);

    const std::string metrics = GetMetrics(client)->body;
    CHECK(metrics.find("aftercare_storage_quota_bytes 2097152\n") != std::string::npos);
    CHECK(metrics.find("aftercare_storage_used_bytes ") != std::string::npos);
    // What was stored before is all there.
    for (std::size_t i = 0; i < tickets.size(); ++i) {
        const Json view = BodyOf(GetJson(client, "/api/v1/tickets/" + tickets[i]["service_number"].get<std::string>(),
                                         tickets[i]["access_token"].get<std::string>()));
        CHECK(view["attachments"].size() == static_cast<std::size_t>(stored_on[i]));
    }
}

TEST_CASE("storage quota: one address stores a bounded amount a day — others are not affected", "[security][storage]") {
    TempDir dir;
    ServerOptions options{dir.path(), {"--storage-quota-mb", "0", "--storage-per-address-mb", "11"}};
    options.seed_demo = false;
    ServerProcess server(options);
    auto client = server.Client();
    const Json ticket = CreateTicket(client, RepairDraft());
    REQUIRE(Upload(client, ticket, Png(6 * 1024 * 1024))->status == 201);
    auto refused = Upload(client, ticket, Png(6 * 1024 * 1024));
    REQUIRE(refused);
    CHECK(refused->status == 507);
    CHECK(BodyOf(refused)["error"]["code"] == "storage_quota_exceeded");
    CHECK(std::stoi(refused->get_header_value("Retry-After")) > 0);
    auto elsewhere = server.ClientFrom("127.0.0.2");
    CHECK(Upload(elsewhere, ticket, Png(6 * 1024 * 1024))->status == 201);
}
