// The PostgreSQL store (#15) beyond what the whole suite already checks on it: several instances on
// one database (migrations once, no stale reads), and a lost database connection. Tagged [pg-only]:
// registered only in the api-pg run, where pg_test_db gives each data dir its database.
#include <catch2/catch.hpp>

#include <future>
#include <string>
#include <thread>
#include <vector>

#include "pg_test_db.hpp"
#include "server_process.hpp"

using namespace aftercare::test;

namespace {

// A server on `dir` whose database is `database` (another data dir's): a second instance.
std::unique_ptr<ServerProcess> Instance(const TempDir& dir, const std::string& database) {
    ServerOptions options{dir.path()};
    options.seed_demo = false;
    options.env["AFTERCARE_DATABASE"] = database;
    return std::make_unique<ServerProcess>(options);
}

}  // namespace

TEST_CASE("postgres: three instances starting together on a new database migrate it once, and all serve",
          "[pg-only][store]") {
    TempDir first, second, third;
    const std::string database = TestDatabaseFor(first.path());
    std::vector<std::unique_ptr<ServerProcess>> servers(3);
    const TempDir* dirs[3] = {&first, &second, &third};
    // Started from three threads at once. A server dies with the thread that started it
    // (PR_SET_PDEATHSIG), so each thread holds its server until the checks are done.
    std::promise<void> done;
    std::shared_future<void> finished = done.get_future().share();
    std::vector<std::promise<void>> started(3);
    std::vector<std::thread> starting;
    for (int i = 0; i < 3; ++i)
        starting.emplace_back([&, i] {
            const auto slot = static_cast<std::size_t>(i);
            try {
                servers[slot] = Instance(*dirs[i], database);
            } catch (...) {
            }
            started[slot].set_value();
            finished.wait();
            servers[slot].reset();
        });
    for (auto& promise : started) promise.get_future().wait();
    struct Join {
        std::promise<void>& done;
        std::vector<std::thread>& threads;
        ~Join() {
            done.set_value();
            for (auto& thread : threads) thread.join();
        }
    } join{done, starting};
    for (auto& server : servers) {
        REQUIRE(server);
        auto client = server->Client();
        CHECK(client.Get("/healthz")->status == 200);
    }
    // One row per version: nobody ran a step twice (it would have failed on CREATE TABLE anyway).
    CHECK(QueryTestDatabase(first.path(), "SELECT COUNT(*) FROM schema_migrations") ==
          QueryTestDatabase(first.path(), "SELECT MAX(version) FROM schema_migrations"));
    CHECK(QueryTestDatabase(first.path(), "SELECT COUNT(*) FROM schema_migrations") == "1");
}

TEST_CASE("postgres: a change written through one instance is read at once through another", "[pg-only][store]") {
    Running a;  // admin, demo data
    TempDir other;
    auto b = Instance(other, TestDatabaseFor(a.dir.path()));
    auto b_client = b->Client();

    const Json created = CreateTicket(a.http(), RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const auto before = BodyOf(GetJson(a.http(), "/api/v1/tickets/" + number, token))["timeline"].size();

    // Through B: the customer's token (issued by A) works there, and the message is stored.
    REQUIRE(PostJson(b_client, "/api/v1/tickets/" + number + "/messages", {{"text", "补充：设备有异味"}}, token)->status ==
            201);
    // A read it before; it must not answer from anything it kept.
    CHECK(BodyOf(GetJson(a.http(), "/api/v1/tickets/" + number, token))["timeline"].size() == before + 1);
    // Staff sessions are shared too: A's login token works on B.
    CHECK(GetJson(b_client, "/api/v1/staff/queue", a.staff_token)->status == 200);
}

TEST_CASE("postgres: a lost database connection answers 503 with Retry-After, and the next request reconnects",
          "[pg-only][store]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    REQUIRE(GetJson(client, "/api/v1/tickets/" + number, token)->status == 200);

    // What a database restart or a network cut does to the server's sessions.
    const auto killed = QueryTestDatabase(env.dir.path(),
                                          "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                          "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    REQUIRE(killed != "0");

    // The read that meets a dead session answers 503 (never 500, never a crash)...
    auto read = GetJson(client, "/api/v1/tickets/" + number, token);
    REQUIRE(read);
    CHECK(read->status == 503);
    CHECK(BodyOf(read)["error"]["code"] == "database_unavailable");
    CHECK(read->has_header("Retry-After"));
    // ...and so does the write; every later request is on a new session. Each pooled session that
    // was cut fails once, so at most a few more 503s come before the answers are whole again.
    auto write = PostJson(client, "/api/v1/tickets/" + number + "/messages", {{"text", "还在吗"}}, token);
    REQUIRE(write);
    CHECK((write->status == 503 || write->status == 201));
    int ok_reads = 0;
    for (int i = 0; i < 40 && ok_reads < 3; ++i) {
        auto again = GetJson(client, "/api/v1/tickets/" + number, token);
        REQUIRE(again);
        REQUIRE((again->status == 200 || again->status == 503));
        ok_reads += again->status == 200;
    }
    CHECK(ok_reads == 3);
    CHECK(PostJson(client, "/api/v1/tickets/" + number + "/messages", {{"text", "好的"}}, token)->status == 201);
    CHECK(env.server->Log().find("database connection lost") != std::string::npos);
}
