// Outbound routes: a ticket's delivery log (staff who may see the ticket), the e-mail and SMS
// channels with a test message, webhook endpoints and their deliveries with resend (admin), and the
// unsubscribe link of customer e-mail (public).
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

// The unsubscribe page, in both languages. Plain HTML without script (the CSP allows none): the
// button posts the form to the same address.
std::string UnsubscribePage(bool done) {
    const std::string head =
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>退订邮件 / Unsubscribe</title>"
        "</head><body style=\"font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em\">";
    if (done)
        return head + "<h1>已退订 / Unsubscribed</h1><p>我们不会再向该邮箱发送售后通知。</p>"
                      "<p>We will not send service notices to this address any more.</p></body></html>";
    return head + "<h1>退订邮件 / Unsubscribe</h1><p>不再接收关于售后工单的邮件通知？短信通知不受影响。</p>"
                  "<p>Stop e-mail notices about your service requests? SMS notices are not affected.</p>"
                  "<form method=\"post\"><button type=\"submit\" style=\"font-size:1.2em;padding:.4em 1em\">"
                  "退订 / Unsubscribe</button></form></body></html>";
}

}  // namespace

void RegisterOutboundRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kGetStaffTicketsByNumberDeliveries, RateClass::None, [&services](RequestContext& call) {
        const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
        staff::RequireTicketAccess(services, staff::CallerOf(call.who), id);
        WriteJson(call.res, 200, ToJson(outbound_service::TicketDeliveries(services, id)));
    });
    routes.Add(api::endpoints::kGetStaffChannels, RateClass::None, [&services](RequestContext& call) {
        WriteJson(call.res, 200, ToJson(outbound_service::GetChannels(services, call.who)));
    });
    routes.Add(api::endpoints::kPostStaffChannels, RateClass::None, [&services](RequestContext& call) {
        const auto request = ParseRequest<api::UpdateChannelsRequest>(call.req);
        WriteJson(call.res, 200, ToJson(outbound_service::SaveChannels(services, call.who, request)));
    });
    // Budgeted like creates: each test reaches a real mail server or SMS gateway (and costs money).
    routes.Add(api::endpoints::kPostStaffChannelsTest, RateClass::Create, [&services](RequestContext& call) {
        const auto request = ParseRequest<api::TestChannelRequest>(call.req);
        WriteJson(call.res, 200, ToJson(outbound_service::TestChannel(services, call.who, request)));
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
    routes.Add(api::endpoints::kGetUnsubscribeByMessageId, RateClass::Lookup, [&services](RequestContext& call) {
        const bool done = outbound_service::UnsubscribeState(services, PathParam(call.req, 1)) &&
                          call.req.get_param_value("done") == "1";
        call.res.status = 200;
        call.res.set_content(UnsubscribePage(done), "text/html; charset=utf-8");
    });
    routes.Add(api::endpoints::kPostUnsubscribeByMessageId, RateClass::Lookup, [&services](RequestContext& call) {
        const std::string id = PathParam(call.req, 1);
        const auto result = outbound_service::Unsubscribe(services, id);
        // The page's button (a form post without the RFC 8058 one-click body) goes on to the
        // confirmation; mail clients' one-click and API callers get JSON.
        const bool form = call.req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0;
        if (form && call.req.body.find("List-Unsubscribe=One-Click") == std::string::npos) {
            call.res.status = 303;
            call.res.set_header("Location", "/api/v1/unsubscribe/" + id + "?done=1");
            return;
        }
        WriteJson(call.res, 200, ToJson(result));
    });
}

}  // namespace aftercare::serve
