// The command-line contract, static file serving and the headers every response carries.
#include <catch2/catch.hpp>
#include <signal.h>

#include <filesystem>
#include <fstream>

#include "server_process.hpp"

#include <ctime>

using namespace aftercare::test;

namespace {

void WriteFile(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

}  // namespace

TEST_CASE("server prints its URL once listening, serves /healthz and stops cleanly on SIGTERM and SIGINT", "[cli]") {
    TempDir dir;
    for (int signal : {SIGTERM, SIGINT}) {
        ServerProcess server(ServerOptions{dir.path()});
        REQUIRE(server.port() > 0);
        auto client = server.Client();
        auto health = client.Get("/healthz");
        REQUIRE(health);
        CHECK(health->status == 200);
        CHECK(Json::parse(health->body)["status"] == "ok");
        CHECK(server.StopWith(signal) == 0);
    }
}

TEST_CASE("configuration comes from the environment and flags win over it", "[cli]") {
    TempDir dir;
    // Environment says bind to a bad address; the harness passes --bind 127.0.0.1, which wins.
    ServerOptions options{dir.path()};
    options.env["AFTERCARE_BIND"] = "203.0.113.1";
    options.env["AFTERCARE_EMBED_ORIGINS"] = "https://shop.example";
    ServerProcess server(options);
    auto client = server.Client();
    auto result = client.Get("/healthz");
    REQUIRE(result);
    CHECK(result->get_header_value("Content-Security-Policy").find("frame-ancestors 'self' https://shop.example") !=
          std::string::npos);

    auto bad = RunServerCommand({"--port", "99999"});
    CHECK(bad.first == 2);
    auto bad_origin = RunServerCommand({"--embed-origins", "https://a.example; script-src *"});
    CHECK(bad_origin.first == 2);
}

TEST_CASE("create-admin has no default password and refuses weak or duplicate accounts", "[cli][auth]") {
    TempDir dir;
    std::string output;
    CHECK(CreateAdmin(dir.path(), "admin", "short", &output) == 2);
    CHECK(CreateAdmin(dir.path(), "bad name!", kAdminPassword) == 2);
    CHECK(CreateAdmin(dir.path(), "admin", kAdminPassword, &output) == 0);
    CHECK(output.find("admin") != std::string::npos);
    CHECK(CreateAdmin(dir.path(), "admin", "another long password") == 1);

    ServerProcess server(ServerOptions{dir.path()});
    auto client = server.Client();
    CHECK(PostJson(client, "/api/v1/staff/login", {{"username", "admin"}, {"password", kAdminPassword}})->status ==
          200);
    // The seeded demo engineers exist for assignment only: no password logs them in.
    CHECK(PostJson(client, "/api/v1/staff/login", {{"username", "engineer.li"}, {"password", ""}})->status == 401);
    CHECK(PostJson(client, "/api/v1/staff/login", {{"username", "engineer.li"}, {"password", "!"}})->status == 401);
}

TEST_CASE("static files: index, kiosk, MIME types, precompressed siblings, ETag and cache rules", "[static]") {
    TempDir dir;
    TempDir web;
    WriteFile(web.path() + "/index.html", "<!doctype html><title>portal</title>");
    WriteFile(web.path() + "/kiosk.html", "<!doctype html><title>kiosk</title>");
    WriteFile(web.path() + "/portal.wasm", std::string("\0asm\1\0\0\0", 8));
    WriteFile(web.path() + "/portal.js", "console.log('portal');");
    WriteFile(web.path() + "/portal.js.br", "BROTLI-BYTES");
    WriteFile(web.path() + "/portal.js.gz", "GZIP-BYTES");
    WriteFile(web.path() + "/app.3f9a1c2bde.js", "console.log('hashed');");
    std::filesystem::create_directories(web.path() + "/fonts");
    WriteFile(web.path() + "/fonts/ui.otf", "OTTO");
    WriteFile(web.path() + "/fonts/ui.ttf", "TTF");
    WriteFile(dir.path() + "/secret.txt", "do not serve");

    ServerProcess server(ServerOptions{dir.path(), {"--web-root", web.path()}});
    auto client = server.Client();
    client.set_decompress(false);  // the sibling files are stand-ins, not real compressed data

    auto index = client.Get("/");
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->body.find("portal") != std::string::npos);
    CHECK(index->get_header_value("Content-Type").rfind("text/html", 0) == 0);
    CHECK(index->get_header_value("Cache-Control") == "no-cache");

    auto kiosk = client.Get("/kiosk");
    REQUIRE(kiosk);
    CHECK(kiosk->body.find("kiosk") != std::string::npos);

    CHECK(client.Get("/portal.wasm")->get_header_value("Content-Type") == "application/wasm");
    CHECK(client.Get("/fonts/ui.otf")->get_header_value("Content-Type") == "font/otf");
    CHECK(client.Get("/fonts/ui.ttf")->get_header_value("Content-Type") == "font/ttf");

    // Precompressed: brotli preferred, gzip next, identity otherwise; Vary always.
    auto br = client.Get("/portal.js", {{"Accept-Encoding", "gzip, br"}});
    REQUIRE(br);
    CHECK(br->get_header_value("Content-Encoding") == "br");
    CHECK(br->body == "BROTLI-BYTES");  // served as stored, not compressed again
    CHECK(br->get_header_value("Content-Type").rfind("text/javascript", 0) == 0);
    CHECK(br->get_header_value("Vary") == "Accept-Encoding");
    auto gz = client.Get("/portal.js", {{"Accept-Encoding", "gzip"}});
    REQUIRE(gz);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(gz->body == "GZIP-BYTES");
    auto plain = client.Get("/portal.js", {{"Accept-Encoding", "identity"}});
    CHECK(plain->get_header_value("Content-Encoding").empty());
    CHECK(plain->body == "console.log('portal');");
    auto refused = client.Get("/portal.js", {{"Accept-Encoding", "br;q=0, gzip;q=0"}});
    CHECK(refused->body == "console.log('portal');");

    // Strong ETag -> 304 on revalidation; different representations have different tags.
    const std::string etag = plain->get_header_value("ETag");
    REQUIRE(etag.size() > 2);
    CHECK(etag.front() == '"');
    CHECK(etag != gz->get_header_value("ETag"));
    auto revalidated = client.Get("/portal.js", {{"Accept-Encoding", "identity"}, {"If-None-Match", etag}});
    CHECK(revalidated->status == 304);
    CHECK(revalidated->body.empty());

    // HEAD: the GET's headers and length, no body. Ranges of the representation served.
    auto head = client.Head("/portal.js", {{"Accept-Encoding", "identity"}});
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->get_header_value("Content-Length") == std::to_string(plain->body.size()));
    CHECK(head->body.empty());
    auto part = client.Get("/portal.js", {{"Accept-Encoding", "identity"}, {"Range", "bytes=0-6"}});
    REQUIRE(part);
    CHECK(part->status == 206);
    CHECK(part->body == "console");
    CHECK(part->get_header_value("Content-Range") == "bytes 0-6/" + std::to_string(plain->body.size()));
    auto suffix = client.Get("/portal.js", {{"Accept-Encoding", "identity"}, {"Range", "bytes=-3"}});
    REQUIRE(suffix);
    CHECK(suffix->status == 206);
    CHECK(suffix->body == "');");
    auto beyond = client.Get("/portal.js", {{"Accept-Encoding", "identity"}, {"Range", "bytes=9999-"}});
    REQUIRE(beyond);
    CHECK(beyond->status == 416);
    CHECK(beyond->get_header_value("Content-Range") == "bytes */" + std::to_string(plain->body.size()));
    auto stale = client.Get("/portal.js", {{"Accept-Encoding", "identity"}, {"Range", "bytes=0-6"}, {"If-Range", "\"old\""}});
    REQUIRE(stale);
    CHECK(stale->status == 200);  // another version: the whole file

    CHECK(client.Get("/app.3f9a1c2bde.js")->get_header_value("Cache-Control") ==
          "public, max-age=31536000, immutable");
    CHECK(client.Get("/portal.wasm")->get_header_value("Cache-Control") == "no-cache");

    // No traversal, no hidden files, nothing outside the root.
    CHECK(client.Get("/../secret.txt")->status == 404);
    CHECK(client.Get("/%2e%2e/secret.txt")->status == 404);
    CHECK(client.Get("/fonts/../../secret.txt")->status == 404);
    CHECK(client.Get("/.hidden")->status == 404);
    CHECK(client.Get("/missing.js")->status == 404);
}

TEST_CASE("static files: a precompressed sibling that links outside the root is not served", "[static][security]") {
    TempDir dir;
    TempDir web;
    TempDir outside;
    WriteFile(web.path() + "/ok.txt", "inside");
    WriteFile(outside.path() + "/secret.txt", "outside the web root");
    std::filesystem::create_symlink(outside.path() + "/secret.txt", web.path() + "/ok.txt.gz");
    std::filesystem::create_symlink(outside.path() + "/secret.txt", web.path() + "/ok.txt.br");
    // A sibling linking to another file inside the root is fine.
    WriteFile(web.path() + "/real.gz.bytes", "GZIP-BYTES");
    WriteFile(web.path() + "/in.txt", "inside too");
    std::filesystem::create_symlink(web.path() + "/real.gz.bytes", web.path() + "/in.txt.gz");

    ServerProcess server(ServerOptions{dir.path(), {"--web-root", web.path()}});
    auto client = server.Client();
    client.set_decompress(false);
    auto served = client.Get("/ok.txt", {{"Accept-Encoding", "br, gzip"}});
    REQUIRE(served);
    CHECK(served->status == 200);
    CHECK(served->body == "inside");
    CHECK(served->get_header_value("Content-Encoding").empty());
    auto linked = client.Get("/in.txt", {{"Accept-Encoding", "gzip"}});
    CHECK(linked->body == "GZIP-BYTES");
}

TEST_CASE("demo data and the vendor demo page are off unless --seed-demo true", "[static][security]") {
    TempDir web;
    WriteFile(web.path() + "/index.html", "<!doctype html><title>portal</title>");
    WriteFile(web.path() + "/vendor-demo.html", "<!doctype html><title>vendor demo</title>");
    {
        TempDir dir;
        ServerOptions options{dir.path(), {"--web-root", web.path()}};
        options.seed_demo = false;  // the binary's own default
        ServerProcess server(options);
        auto client = server.Client();
        CHECK(client.Get("/vendor-demo.html")->status == 404);
        CHECK(client.Get("/")->status == 200);
        // No demo product, order or ticket exists.
        auto serial = PostJson(client, "/api/v1/warranty", {{"serial", "KF200-2401-0123"}});
        CHECK(serial->status == 404);
        CHECK(PostJson(client, "/api/v1/orders/lookup", {{"order_number", "DD-20261001"}, {"phone", "13800138000"}})
                  ->status == 404);
    }
    TempDir dir;
    ServerProcess server(ServerOptions{dir.path(), {"--web-root", web.path(), "--seed-demo", "true"}});
    auto client = server.Client();
    CHECK(client.Get("/vendor-demo.html")->status == 200);
    CHECK(PostJson(client, "/api/v1/warranty", {{"serial", "KF200-2401-0123"}})->status == 200);
}

TEST_CASE("security headers on every response class — no CORS grant for foreign origins", "[headers]") {
    TempDir dir;
    ServerProcess server(ServerOptions{dir.path(), {"--embed-origins", "https://a.example https://b.example"}});
    auto client = server.Client();
    const httplib::Headers foreign = {{"Origin", "https://evil.example"}};
    std::vector<httplib::Result> results;
    results.push_back(client.Get("/healthz", foreign));
    results.push_back(client.Get("/api/v1/policy", foreign));
    results.push_back(client.Get("/api/v1/nope", foreign));
    results.push_back(client.Get("/nothing-here", foreign));
    results.push_back(PostJson(client, "/api/v1/lookup", Json{{"service_number", "x"}}, {}, foreign));
    for (const auto& result : results) {
        REQUIRE(result);
        const std::string csp = result->get_header_value("Content-Security-Policy");
        CHECK(csp.find("default-src 'self'") != std::string::npos);
        CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
        CHECK(csp.find("frame-ancestors 'self' https://a.example https://b.example") != std::string::npos);
        CHECK(result->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(result->get_header_value("Referrer-Policy") == "no-referrer");
        CHECK_FALSE(result->has_header("Access-Control-Allow-Origin"));
    }
    // The portal's own copy of the allowlist (it takes a vendor's branding only inside such a frame)
    // is the list the CSP carries.
    const Json embed = BodyOf(client.Get("/api/v1/embed-origins"));
    CHECK(embed["origins"] == Json::array({"https://a.example", "https://b.example"}));
    // Personal data is never cached.
    auto created = PostJson(client, "/api/v1/tickets", RepairDraft());
    REQUIRE(created);
    CHECK(created->status == 201);
    CHECK(created->get_header_value("Cache-Control") == "no-store");
}

TEST_CASE("/healthz names the holiday calendar years and warns when next year's file is missing", "[cli][calendar]") {
    // The server reads the year on Beijing time (UTC+8).
    const std::time_t beijing = std::time(nullptr) + 8 * 3600;
    std::tm parts{};
    gmtime_r(&beijing, &parts);
    const int year = parts.tm_year + 1900;
    TempDir data;
    TempDir with_next;
    for (int y : {year, year + 1})
        WriteFile(with_next.path() + "/" + std::to_string(y) + ".json",
                  "{\"year\":" + std::to_string(y) + ",\"holidays\":[],\"makeup_workdays\":[]}");
    {
        ServerProcess server(ServerOptions{data.path(), {"--calendar-dir", with_next.path()}});
        auto health = server.Client().Get("/healthz");
        REQUIRE(health);
        const Json body = Json::parse(health->body);
        CHECK(body["calendar"]["years"] == Json::array({year, year + 1}));
        CHECK_FALSE(body["calendar"].contains("missing_next_year"));
    }
    TempDir empty;
    ServerProcess server(ServerOptions{data.path(), {"--calendar-dir", empty.path()}});
    auto health = server.Client().Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);  // a missing calendar is a warning, not an outage
    const Json body = Json::parse(health->body);
    CHECK(body["status"] == "ok");
    CHECK(body["calendar"]["missing_next_year"] == year + 1);
    CHECK(body["calendar"]["warning"].get<std::string>().find(std::to_string(year + 1) + ".json") != std::string::npos);

    // A broken file stops the server at start (the log names the file: see LoadHolidayCalendar).
    TempDir broken;
    WriteFile(broken.path() + "/2026.json", R"({"year":2026,"holidays":[{"dates":["2025-01-01"]}]})");
    auto refused = RunServerCommand({"--port", "0", "--data-dir", data.path(), "--policy", SourcePath("assets/policy.json"),
                                     "--calendar-dir", broken.path()});
    CHECK(refused.first != 0);
}
