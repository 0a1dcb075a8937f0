// Outbound routes: a ticket's delivery log (staff who may see the ticket), webhook endpoints and
// their deliveries with resend (admin), and the unsubscribe link of customer e-mail (public).
#include "api/outbound_wire.h"
#include "http_util.hpp"
#include "routes/routes.hpp"
#include "services/outbound_service.hpp"
#include "services/staff_service.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve {
namespace {

Json ToJson(const auto& value) {
    Json body;
    to_json(body, value);
    return body;
}

}  // namespace

void RegisterOutboundRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kGetStaffTicketsByNumberDeliveries, RateClass::None, [&services](RequestContext& call) {
        const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
        staff::RequireTicketAccess(services, staff::CallerOf(call.who), id);
        WriteJson(call.res, 200, ToJson(outbound_service::TicketDeliveries(services, id)));
    });
    routes.Add(api::endpoints::kGetStaffWebhooks, RateClass::None, [&services](RequestContext& call) {
        WriteJson(call.res, 200, ToJson(outbound_service::ListWebhooks(services, call.who)));
    });
    routes.Add(api::endpoints::kPostStaffWebhooks, RateClass::None, [&services](RequestContext& call) {
        const auto request = ParseRequest<api::CreateWebhookRequest>(call.req);
        WriteJson(call.res, 201, ToJson(outbound_service::CreateWebhook(services, call.who, request)));
    });
    routes.Add(api::endpoints::kPostStaffWebhooksById, RateClass::None, [&services](RequestContext& call) {
        const auto request = ParseRequest<api::UpdateWebhookRequest>(call.req);
        WriteJson(call.res, 200,
                  ToJson(outbound_service::UpdateWebhook(services, call.who, PathParam(call.req, 1), request)));
    });
    routes.Add(api::endpoints::kGetStaffWebhookDeliveries, RateClass::None, [&services](RequestContext& call) {
        WriteJson(call.res, 200, ToJson(outbound_service::WebhookDeliveries(services, call.who)));
    });
    routes.Add(api::endpoints::kPostStaffDeliveriesByIdResend, RateClass::None, [&services](RequestContext& call) {
        WriteJson(call.res, 200, ToJson(outbound_service::Resend(services, call.who, PathParam(call.req, 1))));
    });
    // Rate-limited like lookups: message ids are unguessable, but probing costs the prober.
    routes.Add(api::endpoints::kPostUnsubscribeByMessageId, RateClass::Lookup, [&services](RequestContext& call) {
        WriteJson(call.res, 200, ToJson(outbound_service::Unsubscribe(services, PathParam(call.req, 1))));
    });
}

}  // namespace aftercare::serve
