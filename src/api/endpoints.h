// Every HTTP endpoint, declared once: method, path template, who may call it, and the wire types of
// its body and answer (by WireName). The server registers one handler per declaration and refuses to
// start when the two lists differ; the OpenAPI document is generated from these declarations and
// the wire types' ReadFields (api/openapi.h), so it cannot describe an endpoint or a field that the
// code does not have.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace aftercare::api {

// Who may call an endpoint; the server's route wrapper enforces it before the handler runs.
enum class Access {
    Public, // anyone
    Ticket, // a customer token scoped to the ticket named by the path's {number}
    Staff,  // a staff session token
    ApiKey, // an integration API key (the vendor's ERP); scopes are checked by the handler
};

// A query or header parameter (path parameters are the {names} in the path template).
struct Parameter {
    std::string_view in{};          // "query" or "header"
    std::string_view name{};
    std::string_view schema{};      // JSON Schema text
    std::string_view description{};
    bool required = false;
};

// An error status the endpoint may answer, and when. The body is the one error shape (ErrorBody)
// unless `body` names a wire type that extends it.
struct ErrorAnswer {
    int status = 0;
    std::string_view when{};
    std::string_view body{};
};

struct Endpoint {
    std::string_view method{}; // GET, POST, PUT
    std::string_view path{};   // OpenAPI-style template, e.g. /api/v1/tickets/{number}
    Access access = Access::Public;
    std::string_view tag{};    // customer, staff, integration, meta
    std::string_view summary{};
    // The body: a wire type's WireName; or media types (comma-separated) for bodies that are not
    // plain JSON, with a JSON Schema text for their JSON form, if any.
    std::string_view request{};
    std::string_view request_media{};
    std::string_view request_schema{};
    bool request_optional = false; // the body may be left out
    int status = 200;              // the success status
    // The answer, the same way.
    std::string_view response{};
    std::string_view response_media{};
    std::string_view response_schema{};
    std::string_view response_description{};
    std::span<const Parameter> parameters{};
    std::span<const ErrorAnswer> errors{};
};

namespace endpoints {

extern const Endpoint kPostTickets; // POST /api/v1/tickets
extern const Endpoint kPostLookup; // POST /api/v1/lookup
extern const Endpoint kGetTicketsByNumber; // GET /api/v1/tickets/{number}
extern const Endpoint kGetTicketsByNumberEvents; // GET /api/v1/tickets/{number}/events
extern const Endpoint kPostTicketsByNumberMessages; // POST /api/v1/tickets/{number}/messages
extern const Endpoint kPostTicketsByNumberAttachments; // POST /api/v1/tickets/{number}/attachments
extern const Endpoint kGetTicketsByNumberAttachmentsById; // GET /api/v1/tickets/{number}/attachments/{id}
extern const Endpoint kPostTicketsByNumberCancel; // POST /api/v1/tickets/{number}/cancel
extern const Endpoint kPostTicketsByNumberConfirm; // POST /api/v1/tickets/{number}/confirm
extern const Endpoint kPostTicketsByNumberReopen; // POST /api/v1/tickets/{number}/reopen
extern const Endpoint kPostTicketsByNumberReply; // POST /api/v1/tickets/{number}/reply
extern const Endpoint kPostTicketsByNumberRating; // POST /api/v1/tickets/{number}/rating
extern const Endpoint kPostTicketsByNumberQuote; // POST /api/v1/tickets/{number}/quote
extern const Endpoint kPostTicketsByNumberSignOutEverywhere; // POST /api/v1/tickets/{number}/sign-out-everywhere
extern const Endpoint kPostWarranty; // POST /api/v1/warranty
extern const Endpoint kPostOrdersLookup; // POST /api/v1/orders/lookup
extern const Endpoint kPostReturnsEligibility; // POST /api/v1/returns/eligibility
extern const Endpoint kGetFaq; // GET /api/v1/faq
extern const Endpoint kGetPolicy; // GET /api/v1/policy
extern const Endpoint kGetOpenapiJson; // GET /api/v1/openapi.json
extern const Endpoint kGetEmbedOrigins; // GET /api/v1/embed-origins
extern const Endpoint kPostStaffLogin; // POST /api/v1/staff/login
extern const Endpoint kPostStaffLogout; // POST /api/v1/staff/logout
extern const Endpoint kGetStaffQueue; // GET /api/v1/staff/queue
extern const Endpoint kGetStaffStats; // GET /api/v1/staff/stats
extern const Endpoint kGetStaffExportBySet; // GET /api/v1/staff/export/{set}
extern const Endpoint kPostStaffTickets; // POST /api/v1/staff/tickets
extern const Endpoint kGetStaffTicketsByNumber; // GET /api/v1/staff/tickets/{number}
extern const Endpoint kGetStaffTicketsByNumberEvents; // GET /api/v1/staff/tickets/{number}/events
extern const Endpoint kPostStaffTicketsByNumberAssign; // POST /api/v1/staff/tickets/{number}/assign
extern const Endpoint kPostStaffTicketsByNumberTransition; // POST /api/v1/staff/tickets/{number}/transition
extern const Endpoint kPostStaffTicketsByNumberMessages; // POST /api/v1/staff/tickets/{number}/messages
extern const Endpoint kPostStaffTicketsByNumberNotes; // POST /api/v1/staff/tickets/{number}/notes
extern const Endpoint kPostStaffTicketsByNumberAttachments; // POST /api/v1/staff/tickets/{number}/attachments
extern const Endpoint kGetStaffTicketsByNumberAttachmentsById; // GET /api/v1/staff/tickets/{number}/attachments/{id}
extern const Endpoint kGetStaffChanges; // GET /api/v1/staff/changes
extern const Endpoint kPostStaffTicketsByNumberWork; // POST /api/v1/staff/tickets/{number}/work
extern const Endpoint kGetStaffJobs; // GET /api/v1/staff/jobs
extern const Endpoint kPostStaffTicketsByNumberSignature; // POST /api/v1/staff/tickets/{number}/signature
extern const Endpoint kPostStaffTicketsByNumberReveal; // POST /api/v1/staff/tickets/{number}/reveal
extern const Endpoint kGetStaffAudit; // GET /api/v1/staff/audit
extern const Endpoint kGetStaffMembers; // GET /api/v1/staff/members
extern const Endpoint kPostStaffMembers; // POST /api/v1/staff/members
extern const Endpoint kPostStaffMembersByUsername; // POST /api/v1/staff/members/{username}
extern const Endpoint kGetStaffPolicy; // GET /api/v1/staff/policy
extern const Endpoint kPutStaffPolicy; // PUT /api/v1/staff/policy
extern const Endpoint kPostFaqByIdSolved; // POST /api/v1/faq/{id}/solved
extern const Endpoint kPostIntegrationProducts; // POST /api/v1/integration/products
extern const Endpoint kPostIntegrationOrders; // POST /api/v1/integration/orders
extern const Endpoint kPostIntegrationParts; // POST /api/v1/integration/parts
extern const Endpoint kPostIntegrationOrdersByOrderNumberDelivery; // POST /api/v1/integration/orders/{order_number}/delivery
extern const Endpoint kPostStaffImport; // POST /api/v1/staff/import
extern const Endpoint kGetStaffApiKeys; // GET /api/v1/staff/api-keys
extern const Endpoint kPostStaffApiKeys; // POST /api/v1/staff/api-keys
extern const Endpoint kPostStaffApiKeysByIdRevoke; // POST /api/v1/staff/api-keys/{id}/revoke
extern const Endpoint kGetStaffProductsBySerial; // GET /api/v1/staff/products/{serial}
extern const Endpoint kGetStaffTicketsByNumberCustomerHistory; // GET /api/v1/staff/tickets/{number}/customer-history
// Follow-up visits (回访).
extern const Endpoint kGetStaffFollowups; // GET /api/v1/staff/followups
extern const Endpoint kPostStaffTicketsByNumberFollowupCalls; // POST /api/v1/staff/tickets/{number}/followup-calls
extern const Endpoint kPostStaffFollowupSchedules; // POST /api/v1/staff/followup-schedules
extern const Endpoint kPostStaffFollowupSchedulesByIdSurveys; // POST /api/v1/staff/followup-schedules/{id}/surveys
extern const Endpoint kPostStaffFollowupSchedulesByIdEnd; // POST /api/v1/staff/followup-schedules/{id}/end
extern const Endpoint kGetStaffProductsBySerialFollowups; // GET /api/v1/staff/products/{serial}/followups
// Outbound messages (outbound_endpoints.cpp).
extern const Endpoint kGetStaffTicketsByNumberDeliveries; // GET /api/v1/staff/tickets/{number}/deliveries
extern const Endpoint kGetStaffWebhooks; // GET /api/v1/staff/webhooks
extern const Endpoint kPostStaffWebhooks; // POST /api/v1/staff/webhooks
extern const Endpoint kPostStaffWebhooksById; // POST /api/v1/staff/webhooks/{id}
extern const Endpoint kGetStaffWebhookDeliveries; // GET /api/v1/staff/webhook-deliveries
extern const Endpoint kPostStaffDeliveriesByIdResend; // POST /api/v1/staff/deliveries/{id}/resend
extern const Endpoint kGetStaffChannels; // GET /api/v1/staff/channels
extern const Endpoint kPostStaffChannels; // POST /api/v1/staff/channels
extern const Endpoint kPostStaffChannelsTest; // POST /api/v1/staff/channels/test
extern const Endpoint kGetUnsubscribeByMessageId; // GET /api/v1/unsubscribe/{message_id}
extern const Endpoint kPostUnsubscribeByMessageId; // POST /api/v1/unsubscribe/{message_id}

// Outside /api/v1 (operations, not part of the versioned API or its document).
extern const Endpoint kGetHealthz; // GET /healthz
extern const Endpoint kGetMetrics; // GET /metrics

// All of the above, in declaration order.
std::span<const Endpoint* const> All();

} // namespace endpoints

// "GET /api/v1/tickets/{number}", as the route listing and the tests write an endpoint.
std::string EndpointKey(const Endpoint& endpoint);

} // namespace aftercare::api
