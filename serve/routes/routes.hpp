// Route registration, one function per resource. Handlers parse, call a service, serialize.
#pragma once

#include "http_util.hpp"
#include "routes/route_table.hpp"
#include "services/faq_service.hpp"
#include "services/services.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve {

void RegisterTicketRoutes(RouteTable& routes, Services& services);
void RegisterLookupRoutes(RouteTable& routes, Services& services);
void RegisterAttachmentRoutes(RouteTable& routes, Services& services);
void RegisterReturnsRoutes(RouteTable& routes, Services& services);
void RegisterWarrantyRoutes(RouteTable& routes, Services& services);
void RegisterFaqRoutes(RouteTable& routes, Services& services, const FaqIndex& faq);
void RegisterPolicyRoutes(RouteTable& routes, Services& services);
void RegisterStaffRoutes(RouteTable& routes, Services& services);
// Admin import upload, API keys, product register and service history (staff).
void RegisterRegisterRoutes(RouteTable& routes, Services& services);
// Delivery log, webhook administration, unsubscribe (outbound messages).
void RegisterOutboundRoutes(RouteTable& routes, Services& services);
// The vendor ERP's API (API keys); `per_minute` requests per key.
// `per_key`: each integration API key's request budget.
void RegisterIntegrationRoutes(RouteTable& routes, Services& services, RateLimiter& per_key);

// Follow-up visits (回访): the follow-up queue and call records (staff).
void RegisterFollowUpRoutes(RouteTable& routes, Services& services);

// Idempotency-Key: a token or a structured-field string ("..."), 1..255 visible ASCII characters;
// "" when the header is absent, 400 when malformed.
std::string IdempotencyKey(const HttpRequest& req);
// The same body in any key order hashes the same: nlohmann objects serialize keys sorted.
std::string BodyHash(const Json& body);

// ?after= | ?before=, &limit= of the events routes (customer and staff): 400 for a value that is
// not a whole number in range, for a limit over api::kTimelinePageMax, and for both directions at once.
tickets::EventsQuery ParseEventsQuery(const HttpRequest& req);

}  // namespace aftercare::serve
