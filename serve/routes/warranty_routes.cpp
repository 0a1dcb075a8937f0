// POST /api/v1/warranty: warranty status of a serial number, with an optional cost estimate.
#include "http_util.hpp"
#include "routes/routes.hpp"
#include "services/warranty_service.hpp"

namespace aftercare::serve {

void RegisterWarrantyRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kPostWarranty, RateClass::Lookup, [&services](RequestContext& call) {
                    const auto request = ParseRequest<api::WarrantyLookupRequest>(call.req);
                    Json body;
                    to_json(body, warranty::Lookup(services, request));
                    WriteJson(call.res, 200, body);
                });
}

}  // namespace aftercare::serve
