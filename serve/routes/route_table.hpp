// The route table: handlers registered against the endpoint declarations of src/api (method, path
// template, access), each with the server's rate class, so that access control, rate limits,
// metrics labels, the `routes` listing and the OpenAPI document all come from one list.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "api/endpoints.h"
#include "principal.hpp"

namespace aftercare::serve {

// Who may call: declared with the endpoint in src/api, enforced by the route wrapper.
using Access = api::Access;

enum class RateClass { None, Lookup, Create, Login };

struct RequestContext {
    const httplib::Request& req;
    httplib::Response& res;
    Principal who;
    std::string client;  // remote address: the key for per-client budgets
};

using RouteHandler = std::function<void(RequestContext&)>;

struct Route {
    const api::Endpoint* endpoint = nullptr; // the declaration in src/api this route serves
    std::string method;                      // copied from the declaration
    std::string path;                        // OpenAPI-style template, e.g. /api/v1/tickets/{number}
    Access access = Access::Public;
    RateClass rate = RateClass::None; // the server's own policy, not part of the contract
    RouteHandler handler;
};

class RouteTable {
public:
    // Serves `endpoint` (one of api::endpoints) with `handler`.
    void Add(const api::Endpoint& endpoint, RateClass rate, RouteHandler handler);
    const std::vector<Route>& routes() const { return routes_; }

    // Empty when every declaration has exactly one handler and every handler serves a declaration
    // from `declared`; otherwise one line per problem. The server refuses to start on any.
    std::string CheckAgainst(std::span<const api::Endpoint* const> declared) const;

    // /api/v1/tickets/{number} -> ^/api/v1/tickets/([^/]+)$ (httplib 0.11 matches std::regex).
    static std::string PatternFor(const std::string& path);

private:
    std::vector<Route> routes_;
};

} // namespace aftercare::serve
