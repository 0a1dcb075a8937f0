// POST /api/v1/faq/{id}/solved: an FAQ answer that solved the problem is counted in /metrics.
#include <catch2/catch.hpp>

#include <regex>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

// The counter's value in the Prometheus text, or -1 when the line is missing.
double DeflectionCount(httplib::Client& client) {
    const auto metrics = GetMetrics(client);
    REQUIRE(metrics);
    REQUIRE(metrics->status == 200);
    std::smatch match;
    static const std::regex line(R"(\naftercare_faq_deflections_total ([0-9.e+]+)\n)");
    if (!std::regex_search(metrics->body, match, line)) return -1;
    return std::stod(match[1].str());
}

}  // namespace

TEST_CASE("an FAQ answer marked as solving the problem is counted", "[api][faq]") {
    Running env({}, /*with_admin=*/false);
    auto& client = env.http();
    CHECK(DeflectionCount(client) == 0);

    const auto solved = client.Post("/api/v1/faq/warranty-period/solved", "", "application/json");
    REQUIRE(solved);
    CHECK(solved->status == 200);
    CHECK(solved->body.find("\"id\":\"warranty-period\"") != std::string::npos);
    CHECK(DeflectionCount(client) == 1);

    client.Post("/api/v1/faq/attachments/solved", "", "application/json");
    CHECK(DeflectionCount(client) == 2);
}

TEST_CASE("marking an unknown FAQ article is refused and not counted", "[api][faq]") {
    Running env({}, /*with_admin=*/false);
    auto& client = env.http();
    const auto missing = client.Post("/api/v1/faq/no-such-article/solved", "", "application/json");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(missing->body.find("\"code\":\"not_found\"") != std::string::npos);
    CHECK(DeflectionCount(client) == 0);
}
