// The contract around the routes: the OpenAPI document matches the route table both ways and the
// reviewed copy in docs/, the answer check can fail, the one JSON error shape for every failure,
// request limits, and metrics.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "contract_check.hpp"
#include "server_process.hpp"

using namespace aftercare::test;

namespace {

std::string FillTemplate(const std::string& path) {
    // Placeholder values: the check is only that the route exists (not 404 route_not_found / 405).
    return std::regex_replace(path, std::regex("\\{[^}]+\\}"), "RAAA-AAAA-AAAA");
}

}  // namespace

TEST_CASE("OpenAPI: every documented route exists and every route is documented", "[openapi][contract]") {
    Running env;
    auto& client = env.http();
    auto doc_result = client.Get("/api/v1/openapi.json");
    REQUIRE(doc_result->status == 200);
    const Json doc = Json::parse(doc_result->body);
    CHECK(doc["openapi"].get<std::string>().rfind("3.", 0) == 0);

    std::set<std::string> documented;
    for (const auto& [path, item] : doc["paths"].items()) {
        for (const auto& [method, operation] : item.items()) {
            if (method == "parameters") continue;
            std::string upper = method;
            for (char& c : upper) c = static_cast<char>(std::toupper(c));
            documented.insert(upper + " " + path);
            CHECK(operation.contains("responses"));
        }
    }

    // The binary's own route table (a CLI listing, not an HTTP endpoint).
    auto [status, listing] = RunServerCommand({"routes", "--policy", SourcePath("assets/policy.json"),
                                               "--faq-dir", SourcePath("assets/faq"),
                                               "--calendar-dir", SourcePath("assets/calendar")});
    REQUIRE(status == 0);
    std::set<std::string> registered;
    std::istringstream lines(listing);
    for (std::string line; std::getline(lines, line);)
        if (line.find(" /api/v1/") != std::string::npos) registered.insert(line);
    REQUIRE(registered.size() >= 20);
    CHECK(documented == registered);

    // And each documented route answers from a real handler.
    for (const auto& entry : documented) {
        const std::string method = entry.substr(0, entry.find(' '));
        const std::string path = FillTemplate(entry.substr(entry.find(' ') + 1));
        auto result = method == "GET"
                          ? client.Get((path + (path.find("/events") != std::string::npos ? "?wait=0" : "")).c_str())
                      : method == "PUT" ? client.Put(path.c_str(), "{}", "application/json")
                                        : client.Post(path.c_str(), "{}", "application/json");
        REQUIRE(result);
        INFO(entry << " -> " << result->status << " " << result->body);
        CHECK(result->status != 405);
        if (result->status == 404) CHECK(Json::parse(result->body)["error"]["code"] != "route_not_found");
    }
}

TEST_CASE("errors: one JSON shape for unknown routes, wrong methods, bad JSON, wrong media types and limits",
          "[errors][contract]") {
    Running env;
    auto& client = env.http();
    auto check_shape = [](const httplib::Result& result, int status, const std::string& code) {
        REQUIRE(result);
        INFO(result->body);
        CHECK(result->status == status);
        CHECK(result->get_header_value("Content-Type").rfind("application/json", 0) == 0);
        const Json body = Json::parse(result->body);
        CHECK(body["error"]["code"] == code);
        CHECK(body["error"]["message"].get<std::string>().size() > 0);
        CHECK(result->body.find("sqlite") == std::string::npos);
        CHECK(result->body.find("exception") == std::string::npos);
    };
    check_shape(client.Get("/api/v1/no-such-thing"), 404, "route_not_found");
    check_shape(client.Delete("/api/v1/tickets"), 405, "method_not_allowed");
    check_shape(client.Get("/api/v1/tickets"), 405, "method_not_allowed");
    check_shape(client.Post("/api/v1/tickets", "{not json", "application/json"), 400, "bad_json");
    check_shape(client.Post("/api/v1/tickets", "[1,2]", "application/json"), 400, "not_object");
    // A form post from another site is not JSON: refused before anything runs (CSRF).
    check_shape(client.Post("/api/v1/tickets", "kind=repair", "application/x-www-form-urlencoded"), 415,
                "unsupported_media_type");
    check_shape(client.Post("/api/v1/tickets", "{}", "text/plain"), 415, "unsupported_media_type");
    std::string deep;
    for (int i = 0; i < 100; ++i) deep += "{\"a\":";
    deep += "1";
    for (int i = 0; i < 100; ++i) deep += "}";
    check_shape(client.Post("/api/v1/tickets", deep, "application/json"), 400, "bad_json");
    for (std::size_t size : {std::size_t(70 * 1024), std::size_t(2 * 1024 * 1024)}) {
        std::string big = "{\"description\":\"" + std::string(size, 'x') + "\"}";
        check_shape(client.Post("/api/v1/tickets", big, "application/json"), 413, "payload_too_large");
    }
    std::string huge(12 * 1024 * 1024, 'x');
    auto refused = client.Post("/api/v1/tickets", huge, "application/json");
    if (refused) CHECK(refused->status == 413);  // httplib may also just close the connection
    // SQL-looking input is data, stored and returned verbatim.
    Json draft = RepairDraft("13800138000", "'; DROP TABLE tickets; --");
    const Json created = CreateTicket(client, draft);
    CHECK(created["ticket"]["subject"] == "'; DROP TABLE tickets; --");
    CHECK(client.Get("/healthz")->status == 200);
}

TEST_CASE("metrics: only with the metrics token, and off when none is configured", "[metrics][security]") {
    TempDir dir;
    ServerProcess server(ServerOptions{dir.path()});
    auto client = server.Client();
    auto anonymous = client.Get("/metrics");
    CHECK(anonymous->status == 401);
    CHECK(anonymous->body.find("aftercare_tickets") == std::string::npos);
    CHECK(GetJson(client, "/metrics", "test-metrics-token-7f3a9c1X")->status == 401);
    CHECK(GetJson(client, "/metrics", "short")->status == 401);
    CHECK(GetMetrics(client)->status == 200);

    // Without a token (an empty one is "none") the endpoint does not exist; a short one is refused.
    TempDir other;
    ServerOptions off{other.path()};
    off.env["AFTERCARE_METRICS_TOKEN"] = "";
    ServerProcess without(off);
    auto none = without.Client();
    CHECK(none.Get("/metrics")->status == 404);
    CHECK(GetMetrics(none)->status == 404);
    CHECK(RunServerCommand({"--metrics-token", "too-short", "--help"}).first == 2);
}

TEST_CASE("metrics: Prometheus text with per-route counts and latency, tickets by state, SLA breaches",
          "[metrics]") {
    Running env;
    auto& client = env.http();
    CreateTicket(client, RepairDraft());
    client.Get("/api/v1/policy");
    auto metrics = GetMetrics(client);
    REQUIRE(metrics->status == 200);
    CHECK(metrics->get_header_value("Content-Type").rfind("text/plain", 0) == 0);
    const std::string& text = metrics->body;
    CHECK(text.find("aftercare_http_requests_total{method=\"POST\",route=\"/api/v1/tickets\",status=\"201\"} 1") !=
          std::string::npos);
    CHECK(text.find("aftercare_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/tickets\",le=\"+Inf\"} 1") !=
          std::string::npos);
    CHECK(text.find("aftercare_tickets{state=\"submitted\"} 3") != std::string::npos);
    CHECK(text.find("aftercare_tickets_sla_breached ") != std::string::npos);
    // Route templates, never raw paths with service numbers.
    CHECK(text.find("RAAA") == std::string::npos);
}

TEST_CASE("every registered route outside the public allowlist refuses unauthenticated requests", "[access][contract]") {
    // Driven by the binary's own route table, so a route added later without access control fails
    // here even if nobody remembers to write a test for it.
    const std::set<std::string> public_routes = {
        "GET /healthz", "GET /metrics", "GET /api/v1/openapi.json", "GET /api/v1/embed-origins",
        "GET /api/v1/policy", "GET /api/v1/faq",
        "POST /api/v1/tickets", "POST /api/v1/lookup", "POST /api/v1/warranty", "POST /api/v1/returns/eligibility",
        "POST /api/v1/orders/lookup", "POST /api/v1/faq/{id}/solved",
        "POST /api/v1/staff/login",
        "POST /api/v1/unsubscribe/{message_id}", "GET /api/v1/unsubscribe/{message_id}"};  // the e-mail link: the unguessable message id is the credential
    Running env;
    auto& client = env.http();
    auto [status, listing] = RunServerCommand({"routes", "--policy", SourcePath("assets/policy.json")});
    REQUIRE(status == 0);
    std::istringstream lines(listing);
    int protected_routes = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || public_routes.count(line)) continue;
        const std::string method = line.substr(0, line.find(' '));
        const std::string path = FillTemplate(line.substr(line.find(' ') + 1));
        auto result = method == "GET"   ? client.Get((path + "?wait=0").c_str())
                      : method == "PUT" ? client.Put(path.c_str(), "{}", "application/json")
                                        : client.Post(path.c_str(), "{}", "application/json");
        REQUIRE(result);
        INFO(line);
        CHECK(result->status == 401);
        ++protected_routes;
    }
    CHECK(protected_routes >= 15);
}

TEST_CASE("contract: the answer check refuses undescribed, missing, mistyped and unknown enum fields",
          "[openapi][contract]") {
    // Every API test's answers pass through ContractProblems; this shows the check can fail, on a
    // real answer changed the four ways a drifting wire type would change it.
    Running env;
    auto& client = env.http();
    const Json document = Json::parse(client.Get("/api/v1/openapi.json")->body);
    const Json created = CreateTicket(client, RepairDraft());
    const std::string path = "/api/v1/tickets/" + created["service_number"].get<std::string>();
    const Json ticket = BodyOf(GetJson(client, path, created["access_token"].get<std::string>()));
    const auto problems = [&](const Json& body) {
        return ContractProblems(document, "GET", path, 200, "application/json", body.dump());
    };
    CHECK(problems(ticket).empty());

    Json extra = ticket;
    extra["internal_note"] = "x";
    REQUIRE(problems(extra).size() == 1);
    CHECK(problems(extra)[0] == "body.internal_note: a field the document does not describe");

    Json missing = ticket;
    missing.erase("state");
    REQUIRE(problems(missing).size() == 1);
    CHECK(problems(missing)[0] == "body: the required field state is missing");

    Json mistyped = ticket;
    mistyped["timeline_total"] = "3";
    REQUIRE(problems(mistyped).size() == 1);
    CHECK(problems(mistyped)[0].rfind("body.timeline_total: expected integer", 0) == 0);

    Json unknown = ticket;
    unknown["timeline"][0]["type"] = "teleported";
    REQUIRE(problems(unknown).size() == 1);
    CHECK(problems(unknown)[0].rfind("body.timeline[0].type: \"teleported\" is not one of", 0) == 0);

    // Errors are checked against the one error shape.
    CHECK(ContractProblems(document, "GET", path, 404, "application/json", R"({"error":{"code":404}})")
              .size() == 1);
}

TEST_CASE("OpenAPI: the generated document is the reviewed one in docs/openapi.json", "[openapi][contract]") {
    // The document is generated from src/api; this copy in docs/ makes every change to the wire
    // contract (a field added, renamed or deleted from a wire struct) a visible diff that fails
    // until it is accepted with: build/native/serve/aftercare-openapi --json docs/openapi.json
    Running env;
    const Json served = Json::parse(env.http().Get("/api/v1/openapi.json")->body);
    std::ifstream file(SourcePath("docs/openapi.json"));
    REQUIRE(file);
    const Json reviewed = Json::parse(file);
    std::vector<std::string> changes;
    for (const auto& change : Json::diff(reviewed, served))
        changes.push_back(change["op"].get<std::string>() + " " + change["path"].get<std::string>());
    INFO("changed since docs/openapi.json was generated: " << Json(changes).dump());
    CHECK(changes.empty());
}
