// JSON answers come compressed as the client's Accept-Encoding allows (issue 22: a phone on slow
// 4G fetched the 3.4 KB policy uncompressed at start-up), and decompress to the same document.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

// The policy: a JSON answer well over the 1 KB threshold, public, the same on every call.
httplib::Result GetPolicy(httplib::Client& client, const std::string& accept_encoding) {
    return client.Get("/api/v1/policy", {{"Accept-Encoding", accept_encoding}});
}

}  // namespace

TEST_CASE("JSON answers are compressed with brotli or gzip as the client accepts and decompress to the same document",
          "[compression]") {
    Running running;
    // The bytes as sent, from a client of its own: the harness's clients check every answer
    // against the OpenAPI document, and compressed bytes are not a JSON document.
    httplib::Client client("127.0.0.1", running.server->port());
    client.set_decompress(false);
    auto plain = GetPolicy(client, "identity");
    REQUIRE(plain);
    REQUIRE(plain->status == 200);
    CHECK_FALSE(plain->has_header("Content-Encoding"));
    CHECK(plain->get_header_value("Vary") == "Accept-Encoding");
    const Json document = Json::parse(plain->body);

    struct Case {
        const char* accept;
        const char* coding;  // expected Content-Encoding; "" for none
    };
    const Case cases[] = {
        {"br", "br"},
        {"gzip", "gzip"},
        {"gzip, deflate, br", "br"},  // a browser's list: brotli preferred
        {"br;q=0, gzip", "gzip"},     // brotli refused
        {"gzip;q=0.5, br;q=0.2", "gzip"},
        {"x-gzip", "gzip"},
        {"*", "br"},
        {"*;q=0", ""},
        {"gzip;q=0", ""},
        {"gzip;q=banana", ""},  // a malformed q counts as 0
        {"deflate", ""},        // not offered: sent as it is
        {"", ""},
    };
    for (const Case& c : cases) {
        INFO("Accept-Encoding: " << c.accept);
        auto raw = GetPolicy(client, c.accept);
        REQUIRE(raw);
        CHECK(raw->status == 200);
        CHECK(raw->get_header_value("Content-Encoding") == c.coding);
        if (*c.coding != '\0') {
            CHECK(raw->body.size() < plain->body.size() / 2);
        } else {
            CHECK(raw->body == plain->body);
        }
    }

    // httplib's own brotli and gzip decoders, in the harness's client (so the decoded policy is also
    // checked against the document).
    for (const char* accept : {"br", "gzip"}) {
        INFO("Accept-Encoding: " << accept);
        auto decoded = GetPolicy(running.http(), accept);
        REQUIRE(decoded);
        CHECK(Json::parse(decoded->body) == document);
    }
}

TEST_CASE("small JSON answers go as they are", "[compression]") {
    Running running;
    httplib::Client client("127.0.0.1", running.server->port());
    client.set_decompress(false);
    auto health = client.Get("/healthz", {{"Accept-Encoding", "br, gzip"}});
    REQUIRE(health);
    CHECK(health->body.size() < 1024);
    CHECK_FALSE(health->has_header("Content-Encoding"));
    CHECK(Json::parse(health->body)["status"] == "ok");
}
