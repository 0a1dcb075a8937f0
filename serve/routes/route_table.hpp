// The route table: every endpoint is declared once (method, path template, access, rate class) so
// that access control, rate limits, metrics labels, the `routes` listing and the OpenAPI check all
// come from the same list instead of being repeated in each handler.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "principal.hpp"

namespace aftercare::serve {

enum class Access {
    Public,  // anyone
    Ticket,  // a customer token scoped to the ticket named by the route's {number}
    Staff,   // a staff session token
    ApiKey,  // an integration API key (the vendor's ERP); scopes are checked by the handler
};

enum class RateClass { None, Lookup, Create, Login };

struct RequestContext {
    const httplib::Request& req;
    httplib::Response& res;
    Principal who;
    std::string client;  // remote address: the key for per-client budgets
};

using RouteHandler = std::function<void(RequestContext&)>;

struct Route {
    std::string method;    // GET, POST, PUT, PATCH, DELETE
    std::string path;      // OpenAPI-style template, e.g. /api/v1/tickets/{number}
    Access access = Access::Public;
    RateClass rate = RateClass::None;
    RouteHandler handler;
};

class RouteTable {
public:
    void Add(Route route) { routes_.push_back(std::move(route)); }
    const std::vector<Route>& routes() const { return routes_; }

    // /api/v1/tickets/{number} -> ^/api/v1/tickets/([^/]+)$ (httplib 0.11 matches std::regex).
    static std::string PatternFor(const std::string& path);

private:
    std::vector<Route> routes_;
};

} // namespace aftercare::serve
