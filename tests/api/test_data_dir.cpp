// The data directory is private (issue #14, finding 9): 0700, its files 0600, fixed and checked at
// every start, whether the server created it or found it world-readable.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

unsigned Mode(const std::string& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

}  // namespace

// [sqlite-only]: the modes of the SQLite file; on PostgreSQL the database server owns its files.
TEST_CASE("data dir: a new one is 0700 and the database 0600", "[security][data][sqlite-only]") {
    TempDir parent;
    const std::string data = parent.path() + "/data";
    {
        ServerProcess server(ServerOptions{data});
        auto client = server.Client();
        CHECK(PostJson(client, "/api/v1/tickets", RepairDraft())->status == 201);
        CHECK(Mode(data) == 0700);
        CHECK(Mode(data + "/aftercare.db") == 0600);
        CHECK(Mode(data + "/aftercare.db-wal") == 0600);
    }
    // create-admin writes into the same directory under the same rules.
    TempDir other;
    const std::string fresh = other.path() + "/admin-data";
    REQUIRE(CreateAdmin(fresh, "admin", "correct horse battery staple") == 0);
    CHECK(Mode(fresh) == 0700);
    CHECK(Mode(fresh + "/aftercare.db") == 0600);
}

TEST_CASE("data dir: world-readable leftovers are made private at start, with a warning", "[security][data][sqlite-only]") {
    TempDir dir;
    {
        ServerProcess first(ServerOptions{dir.path()});
    }
    ::chmod(dir.path().c_str(), 0755);
    ::chmod((dir.path() + "/aftercare.db").c_str(), 0644);
    REQUIRE(Mode(dir.path()) == 0755);

    ServerProcess server(ServerOptions{dir.path()});
    CHECK(Mode(dir.path()) == 0700);
    CHECK(Mode(dir.path() + "/aftercare.db") == 0600);
    CHECK(server.Log().find("was readable by other users") != std::string::npos);
}
