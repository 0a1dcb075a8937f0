// Where a request goes: one of src/api's endpoint declarations (its method and path template),
// the values of the template's {names}, and a query. Every URL the portal asks for is built here
// from a declaration, so a path the server does not serve cannot be written (see api/endpoints.h).
#pragma once

#include "api/endpoints.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::portal {

// An encoded query string, built one parameter at a time: Query().Add("q", "无").Add("limit", 5).
class Query {
public:
    Query() = default;
    // Takes a query string that is already encoded ("unassigned=1&sort=sla"), e.g. a route's.
    static Query Encoded(std::string encoded);

    Query& Add(std::string_view name, std::string_view value);
    Query& Add(std::string_view name, std::int64_t value);
    const std::string& str() const { return encoded_; }

private:
    std::string encoded_;
};

struct Target {
    const api::Endpoint& endpoint;
    std::vector<std::string> path_values{}; // one per {name} in the template, in order; encoded here
    Query query{};
};

// The URL, e.g. /api/v1/tickets/R-2K7Q/events?after=3. A template whose {names} and values do not match up is a
// programming error: the unit tests walk every intent (tests/unit/portal_requests_test.cpp).
std::string UrlOf(const Target& target);

} // namespace aftercare::portal
