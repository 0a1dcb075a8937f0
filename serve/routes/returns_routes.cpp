// POST /api/v1/returns/eligibility: may this order be returned or exchanged, and why (not).
#include "api/core_json.h"
#include "http_util.hpp"
#include "routes/routes.hpp"
#include "services/returns_service.hpp"

namespace aftercare::serve {

void RegisterReturnsRoutes(RouteTable& routes, Services& services) {
    routes.Add({"POST", "/api/v1/returns/eligibility", Access::Public, RateClass::Lookup,
                [&services](RequestContext& call) {
                    Json body = ParseJsonObject(call.req);
                    // phone_last4 proves the order is the caller's; it is not (yet) part of the api
                    // type, so it is taken out before the strict field check.
                    std::string last4;
                    if (auto it = body.find("phone_last4"); it != body.end()) {
                        if (!it->is_string())
                            throw ApiError(400, "wrong_type", "phone_last4 应为字符串", "phone_last4: expected a string",
                                           "phone_last4");
                        last4 = it->get<std::string>();
                        body.erase(it);
                    }
                    // With an order number the dates come from the order, so the client need not
                    // (and cannot usefully) send delivered_at.
                    if (body.contains("order_number") && !body.contains("delivered_at")) body["delivered_at"] = 0;
                    const auto request = ParseBody<api::ReturnsEligibilityRequest>(body);
                    Json response;
                    to_json(response, returns::Eligibility(services, request, last4));
                    WriteJson(call.res, 200, response);
                }});
}

}  // namespace aftercare::serve
