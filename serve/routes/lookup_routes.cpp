// POST /api/v1/lookup: service number + phone last four digits -> a token for that ticket.
#include "api/customer_wire.h"
#include "http_util.hpp"
#include "routes/routes.hpp"
#include "services/lookup_service.hpp"

namespace aftercare::serve {

void RegisterLookupRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kPostLookup, RateClass::Lookup, [&services](RequestContext& call) {
                    const auto request = ParseRequest<api::LookupRequest>(call.req);
                    Json body;
                    to_json(body, lookup::Lookup(services, request, call.client));
                    WriteJson(call.res, 200, body);
                });
}

}  // namespace aftercare::serve
