// Access control: a ticket token reaches exactly its own ticket, customer tokens never reach staff
// endpoints, and unauthenticated requests are refused everywhere except the public routes.
#include <catch2/catch.hpp>

#include <signal.h>

#include <fstream>
#include <iterator>
#include <set>

#include "pg_test_db.hpp"
#include "server_process.hpp"

using namespace aftercare::test;

namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(16, '\0');

// Every route that acts on one ticket, for the customer.
std::vector<std::pair<std::string, std::string>> TicketRoutes(const std::string& number) {
    const std::string base = "/api/v1/tickets/" + number;
    return {{"GET", base},
            {"GET", base + "/events?wait=0"},
            {"GET", base + "/events?before=2&limit=5"},
            {"POST", base + "/messages"},
            {"POST", base + "/attachments"},
            {"GET", base + "/attachments/00000000000000000000000000000000"},
            {"POST", base + "/cancel"},
            {"POST", base + "/confirm"},
            {"POST", base + "/reopen"},
            {"POST", base + "/reply"},
            {"POST", base + "/rating"}};
}

httplib::Result Call(httplib::Client& client, const std::string& method, const std::string& path,
                     const std::string& token) {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    if (method == "GET") return client.Get(path.c_str(), headers);
    if (path.find("/attachments") != std::string::npos)
        return client.Post(path.c_str(), headers, kPng, "image/png");
    return client.Post(path.c_str(), headers, R"({"text":"hi","note":"n"})", "application/json");
}

}  // namespace

TEST_CASE("BOLA: ticket A's token never reads, writes or confirms the existence of ticket B", "[access][security]") {
    Running env;
    auto& client = env.http();
    const Json a = CreateTicket(client, RepairDraft("13800138000", "A 的工单"));
    const Json b = CreateTicket(client, RepairDraft("13912345678", "B 的工单"));
    const std::string token_a = a["access_token"].get<std::string>();
    const std::string number_b = b["service_number"].get<std::string>();

    // An attachment on B, whose id A then tries through A's own path.
    auto upload = client.Post(("/api/v1/tickets/" + number_b + "/attachments").c_str(),
                              {{"Authorization", "Bearer " + b["access_token"].get<std::string>()}}, kPng, "image/png");
    REQUIRE(upload->status == 201);
    const std::string b_attachment = Json::parse(upload->body)["id"].get<std::string>();

    // A number that does not exist at all (valid check character: another created ticket's
    // number would exist, so derive one by creating and never using it is not possible; use a
    // malformed one and a well-formed unknown one).
    const std::string unknown = "RAAA-AAAA-AAAA";
    for (const auto& [method, path_b] : TicketRoutes(number_b)) {
        auto on_b = Call(client, method, path_b, token_a);
        std::string path_unknown = path_b;
        path_unknown.replace(path_unknown.find(number_b), number_b.size(), unknown);
        auto on_unknown = Call(client, method, path_unknown, token_a);
        REQUIRE(on_b);
        INFO(method << " " << path_b);
        CHECK(on_b->status == 404);
        CHECK(on_b->body == on_unknown->body);
        CHECK(on_b->status == on_unknown->status);
    }
    auto cross = GetJson(client,
                         "/api/v1/tickets/" + a["service_number"].get<std::string>() + "/attachments/" + b_attachment,
                         token_a);
    CHECK(cross->status == 404);
    // B is untouched: still submitted, one attachment, no message from A.
    const Json b_view = BodyOf(GetJson(client, "/api/v1/tickets/" + number_b, b["access_token"].get<std::string>()));
    CHECK(b_view["state"] == "submitted");
    CHECK(b_view["timeline"].size() == 2);
}

TEST_CASE("authentication: no token, garbage and staff tokens on customer routes are refused", "[access][security]") {
    Running env;
    auto& client = env.http();
    const Json a = CreateTicket(client, RepairDraft());
    for (const auto& [method, path] : TicketRoutes(a["service_number"].get<std::string>())) {
        INFO(method << " " << path);
        auto none = Call(client, method, path, "");
        CHECK(none->status == 401);
        CHECK(none->get_header_value("WWW-Authenticate") == "Bearer");
        CHECK(Call(client, method, path, "not-a-token")->status == 401);
        CHECK(Call(client, method, path, std::string(43, 'A'))->status == 401);
        // Staff act on tickets through /staff routes, never as the customer.
        CHECK(Call(client, method, path, env.staff_token)->status == 403);
    }
    // Identity headers from a proxy are not trusted.
    CHECK(client.Get("/api/v1/staff/queue", {{"X-Forwarded-User", "admin"}, {"X-Remote-User", "admin"}})->status == 401);
}

TEST_CASE("BFLA: customer tokens never reach staff endpoints — staff endpoints need a staff token", "[access][security]") {
    Running env;
    auto& client = env.http();
    const Json a = CreateTicket(client, RepairDraft());
    const std::string customer = a["access_token"].get<std::string>();
    const std::string number = a["service_number"].get<std::string>();
    const std::vector<std::pair<std::string, std::string>> staff_routes = {
        {"GET", "/api/v1/staff/queue"},
        {"GET", "/api/v1/staff/stats"},
        {"POST", "/api/v1/staff/logout"},
        {"GET", "/api/v1/staff/tickets/" + number},
        {"GET", "/api/v1/staff/tickets/" + number + "/events?wait=0"},
        {"POST", "/api/v1/staff/tickets/" + number + "/assign"},
        {"POST", "/api/v1/staff/tickets/" + number + "/transition"},
        {"POST", "/api/v1/staff/tickets/" + number + "/messages"},
        {"POST", "/api/v1/staff/tickets/" + number + "/attachments"},
        {"GET", "/api/v1/staff/tickets/" + number + "/attachments/00000000000000000000000000000000"},
    };
    for (const auto& [method, path] : staff_routes) {
        INFO(method << " " << path);
        CHECK(Call(client, method, path, customer)->status == 403);
        CHECK(Call(client, method, path, "")->status == 401);
    }
    // And the ticket is unchanged by any of it.
    CHECK(BodyOf(GetJson(client, "/api/v1/tickets/" + number, customer))["timeline"].size() == 1);
}

TEST_CASE("tokens are 256-bit random, distinct, and only their hashes are stored", "[auth][security]") {
    Running env;
    auto& client = env.http();
    std::set<std::string> tokens;
    for (int i = 0; i < 20; ++i) {
        const std::string token = CreateTicket(client, RepairDraft())["access_token"].get<std::string>();
        CHECK(token.size() == 43);  // 32 bytes, base64url without padding
        for (char c : token) CHECK((std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'));
        tokens.insert(token);
    }
    CHECK(tokens.size() == 20);
    // The database never contains a token in clear: the SQLite file and its WAL, or on PostgreSQL
    // everything pg_dump gets out of the database.
    env.server->StopWith(SIGTERM);
    std::string bytes;
    if (TestingOnPostgres()) {
        bytes = DumpTestDatabase(env.dir.path());
    } else {
        std::ifstream db(env.dir.path() + "/aftercare.db", std::ios::binary);
        bytes.assign((std::istreambuf_iterator<char>(db)), std::istreambuf_iterator<char>());
        std::ifstream wal(env.dir.path() + "/aftercare.db-wal", std::ios::binary);
        bytes.append((std::istreambuf_iterator<char>(wal)), std::istreambuf_iterator<char>());
    }
    REQUIRE(bytes.size() > 0);
    for (const auto& token : tokens) CHECK(bytes.find(token) == std::string::npos);
}

TEST_CASE("staff login: wrong password and unknown user look the same — login attempts are rate limited",
          "[auth][staff]") {
    TempDir dir;
    REQUIRE(CreateAdmin(dir.path(), kAdminUser, kAdminPassword) == 0);
    ServerOptions options{dir.path(), {"--rate-login", "5", "--rate-lookup", "100", "--rate-create", "100"}};
    options.generous_limits = false;
    ServerProcess server(options);
    auto client = server.Client();
    auto wrong = PostJson(client, "/api/v1/staff/login", {{"username", kAdminUser}, {"password", "wrong password!"}});
    auto unknown = PostJson(client, "/api/v1/staff/login", {{"username", "nobody"}, {"password", "wrong password!"}});
    CHECK(wrong->status == 401);
    CHECK(wrong->body == unknown->body);
    auto ok = PostJson(client, "/api/v1/staff/login", {{"username", kAdminUser}, {"password", kAdminPassword}});
    REQUIRE(ok->status == 200);
    CHECK(BodyOf(ok)["staff"]["roles"].dump().find("admin") != std::string::npos);
    CHECK(BodyOf(ok).dump().find("password") == std::string::npos);
    // Logout revokes the token at once.
    const std::string token = BodyOf(ok)["access_token"].get<std::string>();
    CHECK(GetJson(client, "/api/v1/staff/queue", token)->status == 200);
    CHECK(PostJson(client, "/api/v1/staff/logout", Json::object(), token)->status == 204);
    CHECK(GetJson(client, "/api/v1/staff/queue", token)->status == 401);
    int limited = 0;
    for (int i = 0; i < 4; ++i)
        limited += PostJson(client, "/api/v1/staff/login", {{"username", kAdminUser}, {"password", "guess"}})->status == 429;
    CHECK(limited >= 1);
}
