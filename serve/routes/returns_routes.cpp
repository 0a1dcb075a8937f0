// POST /api/v1/orders/lookup and /api/v1/returns/eligibility: an order's items, and may it be returned or exchanged, and why (not).
#include "api/core_json.h"
#include "http_util.hpp"
#include "routes/routes.hpp"
#include "services/returns_service.hpp"

namespace aftercare::serve {

void RegisterReturnsRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kPostOrdersLookup, RateClass::Lookup, [&services](RequestContext& call) {
                    const auto request = ParseRequest<api::OrderLookupRequest>(call.req);
                    Json response;
                    to_json(response, returns::LookupOrder(services, request, call.client));
                    WriteJson(call.res, 200, response);
                });
    routes.Add(api::endpoints::kPostReturnsEligibility, RateClass::Lookup, [&services](RequestContext& call) {
                    Json body = ParseJsonObject(call.req);
                    // With an order number the dates come from the order, so the client need not
                    // (and cannot usefully) send delivered_at.
                    if (body.contains("order_number") && !body.contains("delivered_at")) body["delivered_at"] = 0;
                    const auto request = ParseBody<api::ReturnsEligibilityRequest>(body);
                    Json response;
                    to_json(response, returns::Eligibility(services, request, call.client));
                    WriteJson(call.res, 200, response);
                });
}

}  // namespace aftercare::serve
