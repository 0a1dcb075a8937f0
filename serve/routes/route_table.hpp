// The route table: handlers registered against the endpoint declarations of src/api (method, path
// template, access), each with the server's rate class, so that access control, rate limits,
// metrics labels, the `routes` listing and the OpenAPI document all come from one list.
#pragma once

#include "http_types.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/endpoints.h"
#include "live_updates.hpp"
#include "principal.hpp"

namespace aftercare::serve {

// Who may call: declared with the endpoint in src/api, enforced by the route wrapper.
using Access = api::Access;

enum class RateClass { None, Lookup, Create, Login };

struct RequestContext {
    const HttpRequest& req;
    HttpResponse& res;
    Principal who;
    std::string client;  // remote address: the key for per-client budgets
    bool may_wait = true;  // false when the server is stopping: a long-poll answers at once

    // When a long-poll of `seconds` ends: counted from the request's arrival, so a poll that is
    // parked and run again keeps its first deadline.
    SteadyTime WaitDeadline(int seconds) const {
        return may_wait ? req.received + std::chrono::seconds(seconds) : req.received;
    }
};

using RouteHandler = std::function<void(RequestContext&)>;

// Whether the credential check and the handler read the store in one snapshot (Store::ShareReads):
// only for a route that does not write and reads nothing that must be newer than the token's row.
enum class StoreReads { Separate, Shared };

struct Route {
    const api::Endpoint* endpoint = nullptr; // the declaration in src/api this route serves
    std::string method;                      // copied from the declaration
    std::string path;                        // OpenAPI-style template, e.g. /api/v1/tickets/{number}
    Access access = Access::Public;
    RateClass rate = RateClass::None; // the server's own policy, not part of the contract
    RouteHandler handler;
    StoreReads reads = StoreReads::Separate;
};

class RouteTable {
public:
    // Serves `endpoint` (one of api::endpoints) with `handler`.
    void Add(const api::Endpoint& endpoint, RateClass rate, RouteHandler handler,
             StoreReads reads = StoreReads::Separate);
    const std::vector<Route>& routes() const { return routes_; }

    // Empty when every declaration has exactly one handler and every handler serves a declaration
    // from `declared`; otherwise one line per problem. The server refuses to start on any.
    std::string CheckAgainst(std::span<const api::Endpoint* const> declared) const;

    // Whether `path` is an address of the route template `pattern`: /api/v1/tickets/{number}
    // matches /api/v1/tickets/X7K2-… and captures "X7K2-…". A placeholder is a whole segment and
    // matches one or more characters other than '/'; everything else must be equal. On a match,
    // `captures` (when given) holds the placeholders' text in order.
    static bool Matches(std::string_view pattern, std::string_view path, std::vector<std::string>* captures = nullptr);
    // Whether every '{' in `pattern` opens a placeholder that is a whole segment (all Matches serves).
    static bool WellFormed(std::string_view pattern);

private:
    std::vector<Route> routes_;
};

} // namespace aftercare::serve
