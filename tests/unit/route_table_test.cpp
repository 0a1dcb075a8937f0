// The server serves exactly the endpoints src/api declares: a declaration without a handler, a
// handler for something undeclared, or two handlers for one endpoint stop the server at start-up.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "routes/route_table.hpp"

using namespace aftercare;
using serve::RateClass;
using serve::RequestContext;
using serve::RouteTable;

namespace {
void Nothing(RequestContext&) {}
} // namespace

TEST_CASE("route table: declarations and handlers must match one to one", "[routes]") {
    const api::Endpoint* const declared[] = {&api::endpoints::kPostTickets,
                                             &api::endpoints::kGetTicketsByNumber};

    RouteTable complete;
    complete.Add(api::endpoints::kPostTickets, RateClass::Create, Nothing);
    complete.Add(api::endpoints::kGetTicketsByNumber, RateClass::None, Nothing);
    CHECK(complete.CheckAgainst(declared).empty());
    // The route keeps what the declaration says.
    CHECK(complete.routes()[1].method == "GET");
    CHECK(complete.routes()[1].path == "/api/v1/tickets/{number}");
    CHECK(complete.routes()[1].access == api::Access::Ticket);

    RouteTable missing;
    missing.Add(api::endpoints::kPostTickets, RateClass::Create, Nothing);
    CHECK(missing.CheckAgainst(declared) == "no handler for GET /api/v1/tickets/{number}\n");

    RouteTable twice = complete;
    twice.Add(api::endpoints::kPostTickets, RateClass::Create, Nothing);
    CHECK(twice.CheckAgainst(declared) == "two handlers for POST /api/v1/tickets\n");

    const api::Endpoint undeclared{.method = "GET", .path = "/api/v1/secret"};
    RouteTable extra = complete;
    extra.Add(undeclared, RateClass::None, Nothing);
    CHECK(extra.CheckAgainst(declared) ==
          "a handler for GET /api/v1/secret, which src/api does not declare\n");
}

TEST_CASE("route table: every declared endpoint is unique by method and path", "[routes]") {
    std::set<std::string> keys;
    for (const api::Endpoint* endpoint : api::endpoints::All()) {
        INFO(api::EndpointKey(*endpoint));
        CHECK(keys.insert(api::EndpointKey(*endpoint)).second);
        CHECK(!endpoint->summary.empty());
        CHECK((endpoint->status >= 200 && endpoint->status < 300));
    }
    CHECK(keys.size() >= 50);
}

TEST_CASE("route table: an address matches a template segment by segment, placeholders captured", "[routes]") {
    std::vector<std::string> captures;
    CHECK(RouteTable::Matches("/api/v1/tickets/{number}/attachments/{id}", "/api/v1/tickets/X7K2-A/attachments/9", &captures));
    CHECK(captures == std::vector<std::string>{"X7K2-A", "9"});
    CHECK(RouteTable::Matches("/api/v1/tickets", "/api/v1/tickets", &captures));
    CHECK(captures.empty());
    // A placeholder is one whole, non-empty segment; literals compare exactly.
    CHECK_FALSE(RouteTable::Matches("/api/v1/tickets/{number}", "/api/v1/tickets/"));
    CHECK_FALSE(RouteTable::Matches("/api/v1/tickets/{number}", "/api/v1/tickets/A/B"));
    CHECK_FALSE(RouteTable::Matches("/api/v1/tickets/{number}", "/api/v1/tickets"));
    CHECK_FALSE(RouteTable::Matches("/api/v1/tickets/{number}/rating", "/api/v1/tickets/A/Rating"));
    CHECK_FALSE(RouteTable::Matches("/api/v1/tickets", "/api/v1/tickets/"));
    CHECK_FALSE(RouteTable::Matches("/api/v1/faq", "/api/v1/faqs"));
    // A failed match leaves the captures of the last one alone.
    captures = {"kept"};
    CHECK_FALSE(RouteTable::Matches("/api/v1/tickets/{number}/cancel", "/api/v1/tickets/A/confirm", &captures));
    CHECK(captures == std::vector<std::string>{"kept"});

    CHECK(RouteTable::WellFormed("/api/v1/tickets/{number}/attachments/{id}"));
    CHECK_FALSE(RouteTable::WellFormed("/api/v1/files/{name}.pdf"));
    CHECK_FALSE(RouteTable::WellFormed("/api/v1/{a}{b}"));
    CHECK_FALSE(RouteTable::WellFormed("/api/v1/{open"));
    for (const api::Endpoint* endpoint : api::endpoints::All()) {
        INFO(endpoint->path);
        CHECK(RouteTable::WellFormed(endpoint->path));
    }
}
