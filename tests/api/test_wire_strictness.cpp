// Small protocol details from the review (issue #14, finding 16): duplicate JSON keys are refused,
// the bearer scheme is case-insensitive, and every response carries a Permissions-Policy.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

TEST_CASE("wire: a JSON body naming a field twice is refused, at any depth", "[security][wire]") {
    Running env({}, /*with_admin=*/false);
    auto& client = env.http();
    auto top = client.Post("/api/v1/lookup", R"({"service_number":"RAAA-AAAA-AAAA","phone_last4":"1234","phone_last4":"5678"})",
                           "application/json");
    REQUIRE(top);
    CHECK(top->status == 400);
    CHECK(BodyOf(top)["error"]["code"] == "duplicate_key");
    CHECK(BodyOf(top)["error"]["field"] == "phone_last4");
    Json draft = RepairDraft();
    std::string text = draft.dump();
    text.replace(text.find("\"name\""), 6, R"("name":"甲","name")");
    auto nested = client.Post("/api/v1/tickets", text, "application/json");
    CHECK(nested->status == 400);
    CHECK(BodyOf(nested)["error"]["code"] == "duplicate_key");
    // The same key in sibling objects is no duplicate.
    CHECK(client.Post("/api/v1/warranty", R"({"serial":"KF200-2401-0123"})", "application/json")->status == 200);
}

TEST_CASE("wire: the bearer scheme is case-insensitive — Permissions-Policy on every response", "[security][wire]") {
    Running env({}, /*with_admin=*/false);
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string path = "/api/v1/tickets/" + created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    for (const char* scheme : {"Bearer ", "bearer ", "BEARER ", "bEaReR  "}) {
        auto read = client.Get(path.c_str(), {{"Authorization", scheme + token}});
        INFO(scheme);
        CHECK(read->status == 200);
    }
    CHECK(client.Get(path.c_str(), {{"Authorization", "Bearerx" + token}})->status == 401);
    CHECK(client.Get(path.c_str(), {{"Authorization", "Basic " + token}})->status == 401);

    for (const auto& result : {client.Get("/healthz"), client.Get(path.c_str()), client.Get("/nothing")}) {
        REQUIRE(result);
        const std::string policy = result->get_header_value("Permissions-Policy");
        CHECK(policy.find("camera=()") != std::string::npos);
        CHECK(policy.find("geolocation=()") != std::string::npos);
        CHECK(policy.find("microphone=()") != std::string::npos);
    }
}
