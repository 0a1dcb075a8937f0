// aftercare-server backup / restore (SQLite): an online copy taken while tickets are being created
// is one consistent snapshot; restored into a new data directory, a server started on it opens
// every ticket the copy holds with the customers' own tokens, and nothing after it.
#include <catch2/catch.hpp>

#include <atomic>
#include <regex>
#include <thread>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

struct Created {
    std::string number;
    std::string token;
};

Created Create(httplib::Client& client, const std::string& phone) {
    const Json body = CreateTicket(client, RepairDraft(phone));
    return {body["service_number"].get<std::string>(), body["access_token"].get<std::string>()};
}

int Status(httplib::Client& client, const Created& ticket) {
    auto result = GetJson(client, "/api/v1/tickets/" + ticket.number, ticket.token);
    REQUIRE(result);
    return result->status;
}

// "  tickets                  13 rows" in the command's report.
long RowsOf(const std::string& report, const std::string& table) {
    std::smatch match;
    REQUIRE(std::regex_search(report, match, std::regex("\\n  " + table + " +([0-9]+) rows")));
    return std::stol(match[1]);
}

}  // namespace

// [sqlite-only]: these commands copy the SQLite file; on PostgreSQL backups are pg_dump's (docs/deploy.md).
TEST_CASE("backup while tickets are created, restore into a new directory, serve from it", "[cli][backup][sqlite-only]") {
    TempDir live_dir, restored_dir, files;
    const std::string backup = files.path() + "/aftercare-backup.db";
    std::vector<Created> before;
    std::atomic<int> created_during{0};
    std::string report;
    Created after;
    {
        ServerOptions options{live_dir.path()};
        options.seed_demo = false;
        ServerProcess server(options);
        auto client = server.Client();
        for (int i = 0; i < 5; ++i) before.push_back(Create(client, "1390000000" + std::to_string(i)));

        // Customers keep creating tickets while the copy is taken.
        std::atomic<bool> stop{false};
        std::thread writer([&] {
            auto busy = server.Client();
            while (!stop) {
                Create(busy, "13911112222");
                ++created_during;
            }
        });
        auto [status, out] = RunServerCommand({"backup", "--data-dir", live_dir.path(), "--to", backup});
        stop = true;
        writer.join();
        REQUIRE(status == 0);
        report = out;
        after = Create(client, "13988887777");

        // A backup never overwrites: the same name again is refused, the first copy untouched.
        CHECK(RunServerCommand({"backup", "--data-dir", live_dir.path(), "--to", backup}).first == 2);
    }
    // One snapshot: every ticket created before the copy, some of those created during it, and
    // events and tokens to match (each create writes one ticket, one event, one token).
    const long tickets = RowsOf(report, "tickets");
    CHECK(tickets >= 5);
    CHECK(tickets <= 5 + created_during.load());
    CHECK(RowsOf(report, "events") == tickets);
    CHECK(RowsOf(report, "tokens") == tickets);

    const std::string data = restored_dir.path() + "/data";
    auto [restored, restore_report] = RunServerCommand({"restore", "--data-dir", data, "--from", backup});
    REQUIRE(restored == 0);
    CHECK(RowsOf(restore_report, "tickets") == tickets);
    // A directory with a database is never overwritten.
    CHECK(RunServerCommand({"restore", "--data-dir", data, "--from", backup}).first == 2);

    ServerOptions options{data};
    options.seed_demo = false;
    ServerProcess server(options);
    auto client = server.Client();
    for (const Created& ticket : before) CHECK(Status(client, ticket) == 200);
    CHECK(Status(client, after) == 401);  // created after the copy: not in it, its token unknown
}

TEST_CASE("restore refuses what is not an Aftercare backup, and backup a directory without a database", "[cli][backup][sqlite-only]") {
    TempDir dir;
    const std::string junk = dir.path() + "/junk.db";
    {
        FILE* file = std::fopen(junk.c_str(), "w");
        REQUIRE(file);
        std::fputs("not a database", file);
        std::fclose(file);
    }
    CHECK(RunServerCommand({"restore", "--data-dir", dir.path() + "/data", "--from", junk}).first == 2);
    CHECK(RunServerCommand({"restore", "--data-dir", dir.path() + "/data", "--from", dir.path() + "/missing.db"}).first == 2);
    CHECK(RunServerCommand({"backup", "--data-dir", dir.path() + "/empty", "--to", dir.path() + "/b.db"}).first == 2);
    CHECK(RunServerCommand({"backup", "--data-dir", dir.path()}).first == 2);  // no --to
}
