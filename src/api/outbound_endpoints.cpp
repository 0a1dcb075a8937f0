// Declarations of the outbound endpoints (delivery log, webhooks, unsubscribe); listed in
// endpoints.cpp's All() like every other endpoint.
#include "api/endpoints.h"

namespace aftercare::api::endpoints {

namespace {
const ErrorAnswer kStaffReadErrors[] = {
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
    {404, "No such ticket."},
};
const ErrorAnswer kAdminErrors[] = {
    {400, "Malformed body"},
    {401, "Missing, unknown or expired token."},
    {403, "Not an admin."},
    {404, "No such webhook endpoint or delivery."},
    {422, "Bad URL or event type"},
};
const ErrorAnswer kChannelErrors[] = {
    {400, "Malformed body"},
    {401, "Missing, unknown or expired token."},
    {403, "Not an admin."},
    {409, "The channel is set by the server's flags or environment (set_by_server); change it there."},
    {422, "A setting is invalid (field names the setting)"},
    {429, "Too many test messages; Retry-After says when to try again."},
};
const ErrorAnswer kUnsubscribeErrors[] = {
    {404, "No e-mail was sent with this message id."},
};
}  // namespace

const Endpoint kGetStaffTicketsByNumberDeliveries{
    .method = "GET",
    .path = "/api/v1/staff/tickets/{number}/deliveries",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "The ticket's delivery log: who was told, by which channel, when, and how it went",
    .status = 200,
    .response = "DeliveryList",
    .response_description = "Messages about the ticket, newest first",
    .errors = kStaffReadErrors,
};

const Endpoint kGetStaffWebhooks{
    .method = "GET",
    .path = "/api/v1/staff/webhooks",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Webhook endpoints (admin); never their secrets",
    .status = 200,
    .response = "WebhookList",
    .response_description = "Endpoints",
    .errors = kAdminErrors,
};

const Endpoint kPostStaffWebhooks{
    .method = "POST",
    .path = "/api/v1/staff/webhooks",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Add a webhook endpoint (admin); the response holds its signing secret, shown once",
    .request = "CreateWebhookRequest",
    .status = 201,
    .response = "WebhookView",
    .response_description = "The endpoint with its secret",
    .errors = kAdminErrors,
};

const Endpoint kPostStaffWebhooksById{
    .method = "POST",
    .path = "/api/v1/staff/webhooks/{id}",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Change a webhook endpoint or rotate its secret (admin); a new secret is shown once",
    .request = "UpdateWebhookRequest",
    .status = 200,
    .response = "WebhookView",
    .response_description = "The endpoint",
    .errors = kAdminErrors,
};

const Endpoint kGetStaffWebhookDeliveries{
    .method = "GET",
    .path = "/api/v1/staff/webhook-deliveries",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Webhook deliveries, newest first (admin)",
    .status = 200,
    .response = "DeliveryList",
    .response_description = "The last 200 webhook deliveries",
    .errors = kAdminErrors,
};

const Endpoint kPostStaffDeliveriesByIdResend{
    .method = "POST",
    .path = "/api/v1/staff/deliveries/{id}/resend",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Send a message again, with the same message id (admin)",
    .status = 200,
    .response = "DeliveryEntry",
    .response_description = "The message, pending again",
    .errors = kAdminErrors,
};

const Endpoint kGetStaffChannels{
    .method = "GET",
    .path = "/api/v1/staff/channels",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "The e-mail and SMS channels in force and where each comes from (admin); never their secrets",
    .status = 200,
    .response = "ChannelsView",
    .response_description = "The channels",
    .errors = kChannelErrors,
};

const Endpoint kPostStaffChannels{
    .method = "POST",
    .path = "/api/v1/staff/channels",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Save the e-mail and/or SMS channel (admin); in force at once on every instance. A channel the "
               "server's flags or environment set cannot be changed here (409)",
    .request = "UpdateChannelsRequest",
    .status = 200,
    .response = "ChannelsView",
    .response_description = "The channels now in force",
    .errors = kChannelErrors,
};

const Endpoint kPostStaffChannelsTest{
    .method = "POST",
    .path = "/api/v1/staff/channels/test",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Send one test message through a channel now, outside the outbox (admin); the answer is the "
               "channel's own",
    .request = "TestChannelRequest",
    .status = 200,
    .response = "TestChannelResponse",
    .response_description = "Whether the channel accepted the message, and its error if not",
    .errors = kChannelErrors,
};

const Endpoint kGetUnsubscribeByMessageId{
    .method = "GET",
    .path = "/api/v1/unsubscribe/{message_id}",
    .access = Access::Public,
    .tag = "customer",
    .summary = "The page the e-mail's link opens: a button that unsubscribes (a GET changes nothing, so mail "
               "scanners that open links cannot unsubscribe anyone)",
    .status = 200,
    .response_media = "text/html",
    .response_description = "A bilingual page with the unsubscribe button (or the confirmation, with ?done=1)",
    .errors = kUnsubscribeErrors,
};

const Endpoint kPostUnsubscribeByMessageId{
    .method = "POST",
    .path = "/api/v1/unsubscribe/{message_id}",
    .access = Access::Public,
    .tag = "customer",
    .summary = "Stop e-mail to the address a message was sent to (RFC 8058 one-click, and the page's button: a "
               "form post is answered 303 to the page's confirmation)",
    .status = 200,
    .response = "UnsubscribeResponse",
    .response_description = "No more e-mail goes to that address",
    .errors = kUnsubscribeErrors,
};

}  // namespace aftercare::api::endpoints
