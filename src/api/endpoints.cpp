// The endpoint declarations (see endpoints.h). Summaries and parameter notes end up in the OpenAPI
// document; field-level detail comes from the wire types themselves.
#include "api/endpoints.h"

namespace aftercare::api {

std::string EndpointKey(const Endpoint& endpoint) {
    return std::string(endpoint.method) + " " + std::string(endpoint.path);
}

namespace endpoints {

// [SECTION] /api/v1

const Parameter kPostTicketsParameters[] = {
    {.in = "header", .name = "Idempotency-Key", .schema = R"({"type": "string", "maxLength": 255})", .description = "", .required = false},
};

const ErrorAnswer kPostTicketsErrors[] = {
    {400, "Malformed JSON, unknown field or wrong type."},
    {413, "Body too large."},
    {415, "Not application/json."},
    {422, "Validation failed (details lists every field), idempotency key reused, or the return is not eligible."},
    {404, "Return/exchange: no order matches this order number and phone."},
    {429, "Rate limited."},
};

const Endpoint kPostTickets{
    .method = "POST",
    .path = "/api/v1/tickets",
    .access = Access::Public,
    .tag = "customer",
    .summary = "Create a ticket (repair, return, exchange, complaint, consultation).",
    .request = "CreateTicketRequest",
    .status = 201,
    .response = "CreateTicketResponse",
    .response_description = "Created and durably stored.",
    .parameters = kPostTicketsParameters,
    .errors = kPostTicketsErrors,
};

const ErrorAnswer kPostLookupErrors[] = {
    {404, "No ticket matches."},
    {422, "phone_last4 is not four digits."},
    {429, "Rate limited (Retry-After)."},
    {410, "The digits were right, but the ticket was closed, cancelled or rejected longer ago than the policy's tickets.customer_access_days_after_close (code access_ended): no token is issued."},
};

const Endpoint kPostLookup{
    .method = "POST",
    .path = "/api/v1/lookup",
    .access = Access::Public,
    .tag = "customer",
    .summary = "Service number + phone last 4 digits -> a token for that ticket.",
    .request = "LookupRequest",
    .status = 200,
    .response = "LookupResponse",
    .response_description = "Token scoped to the ticket.",
    .errors = kPostLookupErrors,
};

const ErrorAnswer kGetTicketsByNumberErrors[] = {
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kGetTicketsByNumber{
    .method = "GET",
    .path = "/api/v1/tickets/{number}",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Read the ticket with the newest page of its timeline, attachments, SLA state and the facts of its whole history.",
    .status = 200,
    .response = "TicketView",
    .response_description = "The ticket.",
    .errors = kGetTicketsByNumberErrors,
};

const Parameter kGetTicketsByNumberEventsParameters[] = {
    {.in = "query", .name = "after", .schema = R"({"type": "integer", "minimum": 0, "maximum": 1000000000})", .description = "Live updates: the oldest `limit` events later than this sequence (default 0). Not with `before`.", .required = false},
    {.in = "query", .name = "before", .schema = R"({"type": "integer", "minimum": 1, "maximum": 1000000000})", .description = "Paging back: the newest `limit` events earlier than this sequence (the ticket view's oldest, `timeline[0].sequence`). Answers at once, never waits. Not with `after`.", .required = false},
    {.in = "query", .name = "limit", .schema = R"({"type": "integer", "minimum": 1, "maximum": 200, "default": 50})", .description = "Events per page: 1..200, default 50.", .required = false},
    {.in = "query", .name = "wait", .schema = R"({"type": "integer", "minimum": 0, "maximum": 120})", .description = "", .required = false},
};

const ErrorAnswer kGetTicketsByNumberEventsErrors[] = {
    {400, "A bad `after`, `before` or `limit` (not a whole number, out of range, limit over 200), or `before` with `after`; the message is in Chinese and English."},
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kGetTicketsByNumberEvents{
    .method = "GET",
    .path = "/api/v1/tickets/{number}/events",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Page back through the timeline, or long-poll for events after a sequence number.",
    .status = 200,
    .response = "EventsResponse",
    .response_description = "One page of events, oldest first (possibly none when the wait ran out).",
    .parameters = kGetTicketsByNumberEventsParameters,
    .errors = kGetTicketsByNumberEventsErrors,
};

const ErrorAnswer kPostTicketsByNumberMessagesErrors[] = {
    {409, "Ticket is closed."},
    {422, "Empty or too long."},
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kPostTicketsByNumberMessages{
    .method = "POST",
    .path = "/api/v1/tickets/{number}/messages",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Add information to the ticket.",
    .request = "MessageRequest",
    .status = 201,
    .response = "TicketView",
    .response_description = "The ticket with the message on its timeline.",
    .errors = kPostTicketsByNumberMessagesErrors,
};

const Parameter kPostTicketsByNumberAttachmentsParameters[] = {
    {.in = "header", .name = "X-File-Name", .schema = R"({"type": "string"})", .description = "Percent-encoded UTF-8 file name.", .required = false},
};

const ErrorAnswer kPostTicketsByNumberAttachmentsErrors[] = {
    {413, "Larger than the policy's max_attachment_bytes (10 MB)."},
    {415, "Not a JPEG, PNG, WebP or PDF."},
    {422, "Too many attachments on this ticket."},
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kPostTicketsByNumberAttachments{
    .method = "POST",
    .path = "/api/v1/tickets/{number}/attachments",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Upload an attachment (JPEG, PNG, WebP or PDF, recognised by content).",
    .request_media = "application/octet-stream",
    .status = 201,
    .response = "AttachmentInfo",
    .response_description = "Stored.",
    .parameters = kPostTicketsByNumberAttachmentsParameters,
    .errors = kPostTicketsByNumberAttachmentsErrors,
};

const ErrorAnswer kGetTicketsByNumberAttachmentsByIdErrors[] = {
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kGetTicketsByNumberAttachmentsById{
    .method = "GET",
    .path = "/api/v1/tickets/{number}/attachments/{id}",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Download an attachment (Content-Disposition: attachment, nosniff, sandbox CSP).",
    .status = 200,
    .response_media = "application/octet-stream",
    .response_description = "The bytes, with the type recognised at upload.",
    .errors = kGetTicketsByNumberAttachmentsByIdErrors,
};

const ErrorAnswer kPostTicketsByNumberCancelErrors[] = {
    {409, "Not allowed in the ticket's current state (core state machine)."},
    {400, "Missing note where core requires one."},
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kPostTicketsByNumberCancel{
    .method = "POST",
    .path = "/api/v1/tickets/{number}/cancel",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Cancel before dispatch.",
    .request = "CustomerActionRequest",
    .request_optional = true,
    .status = 200,
    .response = "TicketView",
    .response_description = "The ticket after the action.",
    .errors = kPostTicketsByNumberCancelErrors,
};

const ErrorAnswer kPostTicketsByNumberConfirmErrors[] = {
    {409, "Not allowed in the ticket's current state (core state machine)."},
    {400, "Missing note where core requires one."},
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kPostTicketsByNumberConfirm{
    .method = "POST",
    .path = "/api/v1/tickets/{number}/confirm",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Confirm the resolution.",
    .request = "CustomerActionRequest",
    .request_optional = true,
    .status = 200,
    .response = "TicketView",
    .response_description = "The ticket after the action.",
    .errors = kPostTicketsByNumberConfirmErrors,
};

const ErrorAnswer kPostTicketsByNumberReopenErrors[] = {
    {409, "Not allowed in the ticket's current state (core state machine)."},
    {400, "Missing note where core requires one."},
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kPostTicketsByNumberReopen{
    .method = "POST",
    .path = "/api/v1/tickets/{number}/reopen",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Reopen within the policy's window (note required).",
    .request = "CustomerActionRequest",
    .request_optional = true,
    .status = 200,
    .response = "TicketView",
    .response_description = "The ticket after the action.",
    .errors = kPostTicketsByNumberReopenErrors,
};

const ErrorAnswer kPostTicketsByNumberReplyErrors[] = {
    {409, "Not allowed in the ticket's current state (core state machine)."},
    {400, "Missing note where core requires one."},
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kPostTicketsByNumberReply{
    .method = "POST",
    .path = "/api/v1/tickets/{number}/reply",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Answer a request for information; resumes the SLA clocks.",
    .request = "CustomerActionRequest",
    .request_optional = true,
    .status = 200,
    .response = "TicketView",
    .response_description = "The ticket after the action.",
    .errors = kPostTicketsByNumberReplyErrors,
};

const ErrorAnswer kPostTicketsByNumberRatingErrors[] = {
    {409, "Already rated or not resolved yet."},
    {422, "Stars outside 1..5 or comment too long."},
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kPostTicketsByNumberRating{
    .method = "POST",
    .path = "/api/v1/tickets/{number}/rating",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Rate the service once, after resolution.",
    .request = "Rating",
    .status = 201,
    .response = "TicketView",
    .response_description = "The ticket with its rating.",
    .errors = kPostTicketsByNumberRatingErrors,
};

const ErrorAnswer kPostTicketsByNumberQuoteErrors[] = {
    {400, "Not JSON, an unknown field, or accept missing."},
    {401, "Missing, unknown or expired token."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token; or no quote to answer (code not_found)."},
    {409, "The quote was already answered (already_done), or the ticket is past the work (illegal_transition)."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kPostTicketsByNumberQuote{
    .method = "POST",
    .path = "/api/v1/tickets/{number}/quote",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Accept or decline the repair quote, once; paid work waits for an accepted one.",
    .request = "QuoteAnswerRequest",
    .status = 200,
    .response = "TicketView",
    .response_description = "The ticket with the answer on its timeline.",
    .errors = kPostTicketsByNumberQuoteErrors,
};

const ErrorAnswer kPostTicketsByNumberSignOutEverywhereErrors[] = {
    {400, "A body with any field."},
    {401, "Missing, unknown, revoked or expired token (or the ticket ended longer ago than the policy's customer_access_days_after_close)."},
    {403, "A staff token on a customer route."},
    {404, "No such ticket — also the answer for another ticket's token."},
    {429, "Rate limited (Retry-After)."},
};

const Endpoint kPostTicketsByNumberSignOutEverywhere{
    .method = "POST",
    .path = "/api/v1/tickets/{number}/sign-out-everywhere",
    .access = Access::Ticket,
    .tag = "customer",
    .summary = "Sign out on all devices: revoke every access token of this ticket (tracking links, other devices, this one).",
    .request_schema = R"({"type": "object", "additionalProperties": false})",
    .request_optional = true,
    .status = 200,
    .response = "SignOutResponse",
    .response_description = "Every token of the ticket has ended.",
    .errors = kPostTicketsByNumberSignOutEverywhereErrors,
};

const ErrorAnswer kPostWarrantyErrors[] = {
    {404, "Serial not registered and no purchase_date given."},
    {422, "Invalid serial or date."},
    {429, "Rate limited."},
};

const Endpoint kPostWarranty{
    .method = "POST",
    .path = "/api/v1/warranty",
    .access = Access::Public,
    .tag = "customer",
    .summary = "Warranty status by serial number, with an optional repair cost estimate.",
    .request = "WarrantyLookupRequest",
    .status = 200,
    .response = "WarrantyLookupResponse",
    .response_description = "Decision with rule and reason in zh and en.",
    .errors = kPostWarrantyErrors,
};

const ErrorAnswer kPostOrdersLookupErrors[] = {
    {400, "Not a JSON object, a missing or mistyped field, or an unknown field."},
    {404, "No order matches this order number and phone."},
    {422, "Invalid order number or phone (field names which)."},
    {429, "Rate limited (per client, or too many wrong phones for this order)."},
};

const Endpoint kPostOrdersLookup{
    .method = "POST",
    .path = "/api/v1/orders/lookup",
    .access = Access::Public,
    .tag = "customer",
    .summary = "An order's dates and items, for the returns and exchanges flow.",
    .request = "OrderLookupRequest",
    .status = 200,
    .response = "OrderLookupResponse",
    .response_description = "The order.",
    .errors = kPostOrdersLookupErrors,
};

const ErrorAnswer kPostReturnsEligibilityErrors[] = {
    {404, "No order matches this order number and phone."},
    {422, "Order not delivered yet or invalid input."},
    {429, "Rate limited."},
};

const Endpoint kPostReturnsEligibility{
    .method = "POST",
    .path = "/api/v1/returns/eligibility",
    .access = Access::Public,
    .tag = "customer",
    .summary = "May this order be returned or exchanged, and why (not).",
    .request = "ReturnsEligibilityRequest",
    .status = 200,
    .response = "ReturnsDecision",
    .response_description = "Decision with the deciding rule, remedy and reason.",
    .errors = kPostReturnsEligibilityErrors,
};

const Parameter kGetFaqParameters[] = {
    {.in = "query", .name = "q", .schema = R"({"type": "string", "maxLength": 200})", .description = "", .required = false},
    {.in = "query", .name = "lang", .schema = R"({"type": "string", "enum": ["zh", "en"]})", .description = "", .required = false},
    {.in = "query", .name = "limit", .schema = R"({"type": "integer", "minimum": 1, "maximum": 50})", .description = "", .required = false},
};

const ErrorAnswer kGetFaqErrors[] = {
    {400, "Bad limit or query too long."},
};

const Endpoint kGetFaq{
    .method = "GET",
    .path = "/api/v1/faq",
    .access = Access::Public,
    .tag = "customer",
    .summary = "Search FAQ articles in Chinese and English.",
    .status = 200,
    .response = "FaqSearchResponse",
    .response_description = "Matching articles, best first.",
    .parameters = kGetFaqParameters,
    .errors = kGetFaqErrors,
};

const Endpoint kGetPolicy{
    .method = "GET",
    .path = "/api/v1/policy",
    .access = Access::Public,
    .tag = "customer",
    .summary = "The vendor policy: SLA, warranty, returns, ticket and satisfaction numbers; and which outbound channels (SMS, e-mail) this server has, so the portal promises only messages that can be sent.",
    .status = 200,
    .response = "PortalPolicy",
    .response_description = "The policy (assets/policy.json with defaults filled in) and `channels`.",
};

const Endpoint kGetOpenapiJson{
    .method = "GET",
    .path = "/api/v1/openapi.json",
    .access = Access::Public,
    .tag = "meta",
    .summary = "This document.",
    .status = 200,
    .response_schema = R"({"type": "object"})",
    .response_description = "OpenAPI 3 document.",
};

const Endpoint kGetEmbedOrigins{
    .method = "GET",
    .path = "/api/v1/embed-origins",
    .access = Access::Public,
    .tag = "meta",
    .summary = "The origins allowed to frame the portal besides its own (--embed-origins), the same list as the Content-Security-Policy frame-ancestors. The portal honours ?embed=1 (vendor name, colour, prefill) only when framed by one of them.",
    .status = 200,
    .response_schema = R"({"type": "object", "properties": {"origins": {"type": "array", "items": {"type": "string"}, "description": "scheme://host[:port], as configured"}}, "required": ["origins"]})",
    .response_description = "The allowlist (empty when the portal may only frame itself).",
};

const ErrorAnswer kPostStaffLoginErrors[] = {
    {401, "Wrong username or password (same answer for both)."},
    {429, "Rate limited."},
};

const Endpoint kPostStaffLogin{
    .method = "POST",
    .path = "/api/v1/staff/login",
    .access = Access::Public,
    .tag = "staff",
    .summary = "Staff login (argon2id); returns a bearer token for staff routes.",
    .request = "StaffLoginRequest",
    .status = 200,
    .response = "StaffLoginResponse",
    .response_description = "Token and staff identity.",
    .errors = kPostStaffLoginErrors,
};

const ErrorAnswer kPostStaffLogoutErrors[] = {
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kPostStaffLogout{
    .method = "POST",
    .path = "/api/v1/staff/logout",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Revoke the calling staff token at once.",
    .status = 204,
    .response_description = "Revoked; the token is refused from now on.",
    .errors = kPostStaffLogoutErrors,
};

const Parameter kGetStaffQueueParameters[] = {
    {.in = "query", .name = "state", .schema = R"({"$ref": "#/components/schemas/TicketState"})", .description = "", .required = false},
    {.in = "query", .name = "kind", .schema = R"({"$ref": "#/components/schemas/TicketKind"})", .description = "", .required = false},
    {.in = "query", .name = "priority", .schema = R"({"$ref": "#/components/schemas/Priority"})", .description = "", .required = false},
    {.in = "query", .name = "assignee", .schema = R"({"type": "string"})", .description = "", .required = false},
    {.in = "query", .name = "breached", .schema = R"({"type": "boolean"})", .description = "SLA state: any clock met late or overdue.", .required = false},
    {.in = "query", .name = "limit", .schema = R"({"type": "integer", "minimum": 1, "maximum": 200})", .description = "", .required = false},
    {.in = "query", .name = "cursor", .schema = R"({"type": "string"})", .description = "", .required = false},
    {.in = "query", .name = "sla", .schema = R"({"type": "string", "enum": ["breached", "soon", "on_track"]})", .description = "SLA bucket: breached, due within 30 minutes, or later", .required = false},
    {.in = "query", .name = "unassigned", .schema = R"({"type": "boolean"})", .description = "only tickets nobody is assigned to", .required = false},
    {.in = "query", .name = "sort", .schema = R"({"type": "string", "enum": ["sla", "created", "updated", "priority", "state", "kind", "number", "assignee"]})", .description = "sort column (allowlist); default sla", .required = false},
    {.in = "query", .name = "dir", .schema = R"({"type": "string", "enum": ["asc", "desc"]})", .description = "sort direction", .required = false},
    {.in = "query", .name = "offset", .schema = R"({"type": "integer"})", .description = "first row (random access for a virtualized table)", .required = false},
};

const ErrorAnswer kGetStaffQueueErrors[] = {
    {400, "Unknown filter value or bad cursor."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kGetStaffQueue{
    .method = "GET",
    .path = "/api/v1/staff/queue",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Work queue: filtered, sorted by an allowlisted column, paged by cursor (default order) or offset; agents see their own and unassigned tickets only.",
    .status = 200,
    .response = "QueueResponse",
    .response_description = "One page, the total the filter matches and the change version; next_cursor empty at the end.",
    .parameters = kGetStaffQueueParameters,
    .errors = kGetStaffQueueErrors,
};

const Parameter kGetStaffStatsParameters[] = {
    {.in = "query", .name = "from", .schema = R"({"type": "integer"})", .description = "", .required = false},
    {.in = "query", .name = "to", .schema = R"({"type": "integer"})", .description = "", .required = false},
};

const ErrorAnswer kGetStaffStatsErrors[] = {
    {400, "from is not before to."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kGetStaffStats{
    .method = "GET",
    .path = "/api/v1/staff/stats",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Satisfaction vs target, per-dimension averages, SLA compliance per priority, response and resolution percentiles.",
    .status = 200,
    .response = "StatsResponse",
    .response_description = "Statistics over tickets created in [from, to).",
    .parameters = kGetStaffStatsParameters,
    .errors = kGetStaffStatsErrors,
};

const Parameter kGetStaffExportBySetParameters[] = {
    {.in = "path", .name = "set", .schema = R"({"type": "string", "enum": ["tickets", "ratings", "complaints", "sla", "people"]})",
     .description = "what to export", .required = true},
    {.in = "query", .name = "from", .schema = R"({"type": "integer"})", .description = "unix seconds, default to - 30 days", .required = false},
    {.in = "query", .name = "to", .schema = R"({"type": "integer"})", .description = "unix seconds, default now", .required = false},
};

const ErrorAnswer kGetStaffExportBySetErrors[] = {
    {400, "from is not before to, or the period is longer than 400 days."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or not a supervisor or admin."},
    {404, "No such export."},
};

const Endpoint kGetStaffExportBySet{
    .method = "GET",
    .path = "/api/v1/staff/export/{set}",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Period export for the management review (supervisors and admins; audited): tickets created, ratings "
               "given, complaints, SLA compliance, or each staff member's figures in [from, to), as CSV in UTF-8 with a BOM (Excel opens it), "
               "column names in the request's language.",
    .status = 200,
    .response_media = "text/csv",
    .response_description = "One header row, then one row per record; Content-Disposition names the file.",
    .parameters = kGetStaffExportBySetParameters,
    .errors = kGetStaffExportBySetErrors,
};

// A ticket registered by staff for a caller, a walk-in or an e-mail.
const Parameter kPostStaffTicketsParameters[] = {
    {.in = "header", .name = "Idempotency-Key", .schema = R"({"type": "string", "maxLength": 255})", .description = "Scoped to the staff member: a retry with the same key and body returns the same ticket.", .required = false},
};

const ErrorAnswer kPostStaffTicketsErrors[] = {
    {400, "Malformed JSON, unknown field or wrong type."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
    {404, "Return/exchange: no order matches this order number and phone."},
    {422, "Validation failed (details lists every field; channel must be phone, walk_in or email), idempotency key reused, or the return is not eligible."},
};

const Endpoint kPostStaffTickets{
    .method = "POST",
    .path = "/api/v1/staff/tickets",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Register a ticket on behalf of a caller, walk-in or e-mail (any staff role): same validation, service number, SLA clocks, confirmation and tracking as a self-service ticket; the created event names the staff member; audited.",
    .request = "CreateTicketRequest",
    .status = 201,
    .response = "CreateTicketResponse",
    .response_description = "Created; access_token is a customer token for the tracking link to hand over.",
    .parameters = kPostStaffTicketsParameters,
    .errors = kPostStaffTicketsErrors,
};

const ErrorAnswer kGetStaffTicketsByNumberErrors[] = {
    {404, "No such ticket."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kGetStaffTicketsByNumber{
    .method = "GET",
    .path = "/api/v1/staff/tickets/{number}",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Read any ticket as staff.",
    .status = 200,
    .response = "TicketView",
    .response_description = "The ticket, with staff actions.",
    .errors = kGetStaffTicketsByNumberErrors,
};

const Parameter kGetStaffTicketsByNumberEventsParameters[] = {
    {.in = "query", .name = "after", .schema = R"({"type": "integer", "minimum": 0, "maximum": 1000000000})", .description = "Live updates: the oldest `limit` events later than this sequence (default 0). Not with `before`.", .required = false},
    {.in = "query", .name = "before", .schema = R"({"type": "integer", "minimum": 1, "maximum": 1000000000})", .description = "Paging back: the newest `limit` events earlier than this sequence (the ticket view's oldest, `timeline[0].sequence`). Answers at once, never waits. Not with `after`.", .required = false},
    {.in = "query", .name = "limit", .schema = R"({"type": "integer", "minimum": 1, "maximum": 200, "default": 50})", .description = "Events per page: 1..200, default 50.", .required = false},
    {.in = "query", .name = "wait", .schema = R"({"type": "integer"})", .description = "", .required = false},
};

const ErrorAnswer kGetStaffTicketsByNumberEventsErrors[] = {
    {400, "A bad `after`, `before` or `limit` (not a whole number, out of range, limit over 200), or `before` with `after`; the message is in Chinese and English."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
    {404, "No such ticket."},
};

const Endpoint kGetStaffTicketsByNumberEvents{
    .method = "GET",
    .path = "/api/v1/staff/tickets/{number}/events",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Page through a ticket's timeline as staff, or long-poll its new events.",
    .status = 200,
    .response = "EventsResponse",
    .response_description = "One page of events, oldest first (possibly none when the wait ran out).",
    .parameters = kGetStaffTicketsByNumberEventsParameters,
    .errors = kGetStaffTicketsByNumberEventsErrors,
};

const ErrorAnswer kPostStaffTicketsByNumberAssignErrors[] = {
    {404, "No such ticket."},
    {409, "Not assignable now."},
    {422, "Unknown assignee."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kPostStaffTicketsByNumberAssign{
    .method = "POST",
    .path = "/api/v1/staff/tickets/{number}/assign",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Assign (dispatch) to a staff member.",
    .request = "AssignRequest",
    .status = 200,
    .response = "TicketView",
    .response_description = "The ticket after the assignment.",
    .errors = kPostStaffTicketsByNumberAssignErrors,
};

const ErrorAnswer kPostStaffTicketsByNumberTransitionErrors[] = {
    {400, "Unknown action or missing note/assignee."},
    {403, "The action is not a staff action (forbidden_actor) or not a staff token."},
    {404, "No such ticket."},
    {409, "Illegal in this state, expected_sequence is stale (conflict), or a repair resolved without its service report (report_required)."},
    {401, "Missing or invalid token."},
};

const Endpoint kPostStaffTicketsByNumberTransition{
    .method = "POST",
    .path = "/api/v1/staff/tickets/{number}/transition",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Any staff action of the state machine, with a note.",
    .request = "TransitionRequestWire",
    .status = 200,
    .response = "TicketView",
    .response_description = "The ticket after the transition.",
    .errors = kPostStaffTicketsByNumberTransitionErrors,
};

const ErrorAnswer kPostStaffTicketsByNumberMessagesErrors[] = {
    {404, "No such ticket."},
    {422, "Empty or too long."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kPostStaffTicketsByNumberMessages{
    .method = "POST",
    .path = "/api/v1/staff/tickets/{number}/messages",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Add a staff message to the timeline.",
    .request = "MessageRequest",
    .status = 201,
    .response = "TicketView",
    .response_description = "The ticket.",
    .errors = kPostStaffTicketsByNumberMessagesErrors,
};

const ErrorAnswer kPostStaffTicketsByNumberNotesErrors[] = {
    {404, "No such ticket."},
    {409, "already_done: the ticket is already flagged as a quality incident."},
    {422, "Empty or too long."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or not a ticket this staff member may work."},
};

const Endpoint kPostStaffTicketsByNumberNotes{
    .method = "POST",
    .path = "/api/v1/staff/tickets/{number}/notes",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Add an internal note (staff only), or flag a quality incident with it.",
    .request = "NoteRequest",
    .status = 201,
    .response = "TicketView",
    .response_description = "The ticket.",
    .errors = kPostStaffTicketsByNumberNotesErrors,
};

const Parameter kPostStaffTicketsByNumberAttachmentsParameters[] = {
    {.in = "header", .name = "X-File-Name", .schema = R"({"type": "string"})", .description = "", .required = false},
};

const ErrorAnswer kPostStaffTicketsByNumberAttachmentsErrors[] = {
    {404, "No such ticket."},
    {413, "Too large."},
    {415, "Unsupported type."},
    {422, "Too many attachments."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kPostStaffTicketsByNumberAttachments{
    .method = "POST",
    .path = "/api/v1/staff/tickets/{number}/attachments",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Upload an attachment as staff.",
    .request_media = "application/octet-stream",
    .status = 201,
    .response = "AttachmentInfo",
    .response_description = "Stored.",
    .parameters = kPostStaffTicketsByNumberAttachmentsParameters,
    .errors = kPostStaffTicketsByNumberAttachmentsErrors,
};

const ErrorAnswer kGetStaffTicketsByNumberAttachmentsByIdErrors[] = {
    {404, "No such ticket or attachment."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kGetStaffTicketsByNumberAttachmentsById{
    .method = "GET",
    .path = "/api/v1/staff/tickets/{number}/attachments/{id}",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Download an attachment as staff.",
    .status = 200,
    .response_media = "application/octet-stream",
    .response_description = "The bytes.",
    .errors = kGetStaffTicketsByNumberAttachmentsByIdErrors,
};

const Parameter kGetStaffChangesParameters[] = {
    {.in = "query", .name = "since", .schema = R"({"type": "integer"})", .description = "the version last seen", .required = false},
    {.in = "query", .name = "wait", .schema = R"({"type": "integer"})", .description = "seconds to wait at most (server cap)", .required = false},
};

const ErrorAnswer kGetStaffChangesErrors[] = {
    {400, "Malformed body or parameter."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or the caller's roles do not allow this."},
};

const Endpoint kGetStaffChanges{
    .method = "GET",
    .path = "/api/v1/staff/changes",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Long-poll: answers when any ticket changed since the given version (or after the wait)",
    .status = 200,
    .response = "ChangesResponse",
    .response_description = "The current change version",
    .parameters = kGetStaffChangesParameters,
    .errors = kGetStaffChangesErrors,
};

const ErrorAnswer kPostStaffTicketsByNumberWorkErrors[] = {
    {400, "Malformed body or parameter."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or the caller's roles do not allow this."},
    {404, "No such ticket or account."},
    {409, "Conflict with the current state; a paid report without an accepted quote covering it (quote_required); a quote for free work (not_needed)."},
    {422, "Refused by validation (error.field names the input; a report's or quote's errors all at once)."},
};

const Endpoint kPostStaffTicketsByNumberWork{
    .method = "POST",
    .path = "/api/v1/staff/tickets/{number}/work",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "A work record: diagnosis, spare part in stock (fit within 2 h) or ordered (ship within 8 h) and its completion, arrival on site, repair quote, service report (售后服务报告单)",
    .request = "WorkRequest",
    .status = 201,
    .response = "TicketView",
    .response_description = "The ticket",
    .errors = kPostStaffTicketsByNumberWorkErrors,
};

const Parameter kGetStaffJobsParameters[] = {
    {.in = "query", .name = "limit", .schema = R"({"type": "integer", "minimum": 1, "maximum": 100})", .description = "default 50", .required = false},
    {.in = "query", .name = "cursor", .schema = R"({"type": "string"})", .description = "next_cursor of the previous page", .required = false},
};

const ErrorAnswer kGetStaffJobsErrors[] = {
    {400, "Bad cursor or limit."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kGetStaffJobs{
    .method = "GET",
    .path = "/api/v1/staff/jobs",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "The caller's on-site jobs (assigned to them, open, or finished and not yet signed off): booked visits by window start, then unbooked ones by deadline; keyset paged",
    .status = 200,
    .response = "JobsResponse",
    .response_description = "One page; next_cursor empty at the end.",
    .parameters = kGetStaffJobsParameters,
    .errors = kGetStaffJobsErrors,
};

const ErrorAnswer kPostStaffTicketsByNumberSignatureErrors[] = {
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or the ticket is assigned to someone else."},
    {404, "No such ticket."},
    {409, "Not a finished on-site job, or already signed off another way."},
    {413, "Larger than 256 KB."},
    {415, "Not a PNG image."},
    {422, "Empty body: no signature."},
};

const Endpoint kPostStaffTicketsByNumberSignature{
    .method = "POST",
    .path = "/api/v1/staff/tickets/{number}/signature",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "The customer's signature on the engineer's phone (a PNG, at most 256 KB) for a finished on-site job: stored as an attachment, its SHA-256 in a 'customer signed' timeline event, the ticket confirmed, audited; the same PNG again answers 200 with the ticket unchanged",
    .request_media = "image/png",
    .status = 201,
    .response = "TicketView",
    .response_description = "The ticket, confirmed.",
    .errors = kPostStaffTicketsByNumberSignatureErrors,
};

const ErrorAnswer kPostStaffTicketsByNumberRevealErrors[] = {
    {400, "Malformed body or parameter."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or the caller's roles do not allow this."},
    {404, "No such ticket or account."},
    {422, "No reason, an unknown reason, or \"other\" without a note (error.field names which)."},
    {429, "This staff account has revealed its hourly allowance; Retry-After says when the next one is allowed."},
};

const Endpoint kPostStaffTicketsByNumberReveal{
    .method = "POST",
    .path = "/api/v1/staff/tickets/{number}/reveal",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "The customer's unmasked phone or address, for a reason; each reveal is written to the audit log with its reason, and each staff account may reveal --rate-reveal (30) an hour",
    .request = "RevealRequest",
    .status = 200,
    .response = "RevealResponse",
    .response_description = "The value",
    .errors = kPostStaffTicketsByNumberRevealErrors,
};

const Parameter kGetStaffAuditParameters[] = {
    {.in = "query", .name = "ticket", .schema = R"({"type": "string"})", .description = "service number", .required = false},
    {.in = "query", .name = "limit", .schema = R"({"type": "integer"})", .description = "1..500, default 100", .required = false},
};

const ErrorAnswer kGetStaffAuditErrors[] = {
    {400, "Malformed body or parameter."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or the caller's roles do not allow this."},
    {404, "No such ticket or account."},
};

const Endpoint kGetStaffAudit{
    .method = "GET",
    .path = "/api/v1/staff/audit",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Audit log, newest first: one ticket's (anyone who may work it) or all (supervisors and admins)",
    .status = 200,
    .response = "AuditResponse",
    .response_description = "Entries",
    .parameters = kGetStaffAuditParameters,
    .errors = kGetStaffAuditErrors,
};

const ErrorAnswer kGetStaffMembersErrors[] = {
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or the caller's roles do not allow this."},
};

const Endpoint kGetStaffMembers{
    .method = "GET",
    .path = "/api/v1/staff/members",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "The staff directory (for assigning)",
    .status = 200,
    .response = "StaffListResponse",
    .response_description = "Accounts",
    .errors = kGetStaffMembersErrors,
};

const ErrorAnswer kPostStaffMembersErrors[] = {
    {400, "Malformed body or parameter."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or the caller's roles do not allow this."},
    {409, "Conflict with the current state."},
    {422, "Refused by validation (error.field names the input)."},
};

const Endpoint kPostStaffMembers{
    .method = "POST",
    .path = "/api/v1/staff/members",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Create a staff account (admin)",
    .request = "CreateStaffRequest",
    .status = 201,
    .response = "StaffAccount",
    .response_description = "The account",
    .errors = kPostStaffMembersErrors,
};

const ErrorAnswer kPostStaffMembersByUsernameErrors[] = {
    {400, "Malformed body or parameter."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or the caller's roles do not allow this."},
    {404, "No such ticket or account."},
    {422, "Refused by validation (error.field names the input)."},
};

const Endpoint kPostStaffMembersByUsername{
    .method = "POST",
    .path = "/api/v1/staff/members/{username}",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Change a staff account: name, roles, password, active (admin; deactivating ends its sessions)",
    .request = "UpdateStaffRequest",
    .status = 200,
    .response = "StaffAccount",
    .response_description = "The account",
    .errors = kPostStaffMembersByUsernameErrors,
};

const ErrorAnswer kGetStaffPolicyErrors[] = {
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or the caller's roles do not allow this."},
};

const Endpoint kGetStaffPolicy{
    .method = "GET",
    .path = "/api/v1/staff/policy",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "The vendor policy in force (not cached)",
    .status = 200,
    .response = "Policy",
    .response_description = "Policy document",
    .errors = kGetStaffPolicyErrors,
};

const ErrorAnswer kPutStaffPolicyErrors[] = {
    {400, "Malformed body or parameter."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or the caller's roles do not allow this."},
    {422, "Refused by validation (error.field names the input)."},
};

const Endpoint kPutStaffPolicy{
    .method = "PUT",
    .path = "/api/v1/staff/policy",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Replace the vendor policy (admin): validated, saved, audited and applied at once",
    .request = "Policy",
    .status = 200,
    .response = "Policy",
    .response_description = "The saved policy (version incremented)",
    .errors = kPutStaffPolicyErrors,
};

const ErrorAnswer kPostFaqByIdSolvedErrors[] = {
    {404, "No such article"},
    {429, "Too many requests from this client"},
};

const Endpoint kPostFaqByIdSolved{
    .method = "POST",
    .path = "/api/v1/faq/{id}/solved",
    .access = Access::Public,
    .tag = "customer",
    .summary = "Record that an FAQ answer solved the customer's problem (FAQ deflection)",
    .status = 200,
    .response = "FaqItem",
    .response_description = "Counted; the article that solved it",
    .errors = kPostFaqByIdSolvedErrors,
};

const Parameter kPostIntegrationProductsParameters[] = {
    {.in = "query", .name = "dry_run", .schema = R"({"type": "boolean"})", .description = "Check and report, write nothing", .required = false},
};

const ErrorAnswer kPostIntegrationProductsErrors[] = {
    {400, "Empty body, bad parameters"},
    {401, "Missing, unknown or revoked credential."},
    {403, "Not allowed (role or scope)."},
    {413, "Over 10 MB"},
    {422, "Rows refused; nothing was written", "ImportRefused"},
    {415, "Neither application/json nor application/x-ndjson"},
    {429, "This key's rate limit; Retry-After says when"},
};

const Endpoint kPostIntegrationProducts{
    .method = "POST",
    .path = "/api/v1/integration/products",
    .access = Access::ApiKey,
    .tag = "integration",
    .summary = "Upsert products by serial (scope products)",
    .request_media = "application/json,application/x-ndjson",
    .request_schema = R"({"type": "object", "properties": {"serial": {"type": "string"}, "model": {"type": "string"}, "purchase_date": {"type": "string", "description": "2026-03-01, 2026/3/1 or 2026年3月1日"}}, "required": ["serial", "model"]})",
    .status = 200,
    .response = "ImportReport",
    .response_description = "Written (or clean on a dry run)",
    .parameters = kPostIntegrationProductsParameters,
    .errors = kPostIntegrationProductsErrors,
};

const Parameter kPostIntegrationOrdersParameters[] = {
    {.in = "query", .name = "dry_run", .schema = R"({"type": "boolean"})", .description = "Check and report, write nothing", .required = false},
};

const ErrorAnswer kPostIntegrationOrdersErrors[] = {
    {400, "Empty body, bad parameters"},
    {401, "Missing, unknown or revoked credential."},
    {403, "Not allowed (role or scope)."},
    {413, "Over 10 MB"},
    {422, "Rows refused; nothing was written", "ImportRefused"},
    {415, "Neither application/json nor application/x-ndjson"},
    {429, "This key's rate limit; Retry-After says when"},
};

const Endpoint kPostIntegrationOrders{
    .method = "POST",
    .path = "/api/v1/integration/orders",
    .access = Access::ApiKey,
    .tag = "integration",
    .summary = "Upsert orders by order number (scope orders)",
    .request_media = "application/json,application/x-ndjson",
    .request_schema = R"({"type": "object", "properties": {"order_number": {"type": "string"}, "phone": {"type": "string"}, "model": {"type": "string"}, "serial": {"type": "string"}, "purchase_date": {"type": "string"}, "delivered_at": {"type": "string", "description": "Date or date-time, China time unless an offset is given"}}, "required": ["order_number", "phone", "model"]})",
    .status = 200,
    .response = "ImportReport",
    .response_description = "Written (or clean on a dry run)",
    .parameters = kPostIntegrationOrdersParameters,
    .errors = kPostIntegrationOrdersErrors,
};

const Parameter kPostIntegrationPartsParameters[] = {
    {.in = "query", .name = "dry_run", .schema = R"({"type": "boolean"})", .description = "Check and report, write nothing", .required = false},
};

const ErrorAnswer kPostIntegrationPartsErrors[] = {
    {400, "Empty body, bad parameters"},
    {401, "Missing, unknown or revoked credential."},
    {403, "Not allowed (role or scope)."},
    {413, "Over 10 MB"},
    {422, "Rows refused; nothing was written", "ImportRefused"},
    {415, "Neither application/json nor application/x-ndjson"},
    {429, "This key's rate limit; Retry-After says when"},
};

const Endpoint kPostIntegrationParts{
    .method = "POST",
    .path = "/api/v1/integration/parts",
    .access = Access::ApiKey,
    .tag = "integration",
    .summary = "Record part replacements of registered serials (scope parts)",
    .request_media = "application/json,application/x-ndjson",
    .request_schema = R"({"type": "object", "properties": {"serial": {"type": "string"}, "part": {"type": "string"}, "replaced_on": {"type": "string"}, "customer_caused": {"type": "boolean"}, "part_serial": {"type": "string"}}, "required": ["serial", "part", "replaced_on"]})",
    .status = 200,
    .response = "ImportReport",
    .response_description = "Written (or clean on a dry run)",
    .parameters = kPostIntegrationPartsParameters,
    .errors = kPostIntegrationPartsErrors,
};

const ErrorAnswer kPostIntegrationOrdersByOrderNumberDeliveryErrors[] = {
    {401, "Missing, unknown or revoked key."},
    {403, "The key lacks the orders scope."},
    {404, "No such order"},
    {422, "Unreadable or future time"},
    {429, "This key's rate limit"},
};

const Endpoint kPostIntegrationOrdersByOrderNumberDelivery{
    .method = "POST",
    .path = "/api/v1/integration/orders/{order_number}/delivery",
    .access = Access::ApiKey,
    .tag = "integration",
    .summary = "The order was signed for (scope orders)",
    .request_schema = R"({"type": "object", "properties": {"delivered_at": {"type": "string"}}, "required": ["delivered_at"]})",
    .status = 200,
    .response_schema = R"({"type": "object", "properties": {"order_number": {"type": "string"}, "delivered_at": {"type": "integer"}}, "required": ["order_number", "delivered_at"]})",
    .response_description = "Recorded",
    .errors = kPostIntegrationOrdersByOrderNumberDeliveryErrors,
};

const Parameter kPostStaffImportParameters[] = {
    {.in = "query", .name = "kind", .schema = R"({"type": "string", "enum": ["products", "orders", "parts"]})", .description = "", .required = true},
    {.in = "query", .name = "format", .schema = R"({"type": "string", "enum": ["csv", "jsonl"]})", .description = "", .required = false},
    {.in = "query", .name = "dry_run", .schema = R"({"type": "boolean"})", .description = "Check and report, write nothing", .required = false},
};

const ErrorAnswer kPostStaffImportErrors[] = {
    {400, "Empty body, bad parameters"},
    {401, "Missing, unknown or revoked credential."},
    {403, "Not allowed (role or scope)."},
    {413, "Over 10 MB"},
};

const Endpoint kPostStaffImport{
    .method = "POST",
    .path = "/api/v1/staff/import",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Upload an import file (admin): the same engine as `aftercare-server import`",
    .request_media = "text/csv,application/octet-stream",
    .status = 200,
    .response = "ImportReport",
    .response_description = "The report: written, or (written false) the refused rows or a clean dry run",
    .parameters = kPostStaffImportParameters,
    .errors = kPostStaffImportErrors,
};

const ErrorAnswer kGetStaffApiKeysErrors[] = {
    {401, "Missing, unknown or expired token."},
    {403, "Not an admin."},
};

const Endpoint kGetStaffApiKeys{
    .method = "GET",
    .path = "/api/v1/staff/api-keys",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Integration API keys (admin)",
    .status = 200,
    .response = "ApiKeyList",
    .response_description = "Keys, newest first; never the key itself",
    .errors = kGetStaffApiKeysErrors,
};

const ErrorAnswer kPostStaffApiKeysErrors[] = {
    {400, "Malformed body"},
    {401, "Missing, unknown or expired token."},
    {403, "Not an admin."},
    {422, "Bad name or scope"},
};

const Endpoint kPostStaffApiKeys{
    .method = "POST",
    .path = "/api/v1/staff/api-keys",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Create an integration API key (admin); the response holds the key, shown once",
    .request = "CreateApiKeyRequest",
    .status = 201,
    .response = "ApiKeyView",
    .response_description = "The key",
    .errors = kPostStaffApiKeysErrors,
};

const ErrorAnswer kPostStaffApiKeysByIdRevokeErrors[] = {
    {401, "Missing, unknown or expired token."},
    {403, "Not an admin."},
    {404, "No active key with this id"},
};

const Endpoint kPostStaffApiKeysByIdRevoke{
    .method = "POST",
    .path = "/api/v1/staff/api-keys/{id}/revoke",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Revoke an integration API key at once (admin)",
    .status = 200,
    .response = "ApiKeyList",
    .response_description = "Revoked; the keys now",
    .errors = kPostStaffApiKeysByIdRevokeErrors,
};

const ErrorAnswer kGetStaffProductsBySerialErrors[] = {
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
    {422, "Malformed serial"},
};

const Endpoint kGetStaffProductsBySerial{
    .method = "GET",
    .path = "/api/v1/staff/products/{serial}",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "A serial's register entry and service history (every ticket naming it)",
    .status = 200,
    .response = "ProductHistory",
    .response_description = "The product",
    .errors = kGetStaffProductsBySerialErrors,
};

const ErrorAnswer kGetStaffTicketsByNumberCustomerHistoryErrors[] = {
    {404, "No such ticket."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or not a ticket this staff member may work."},
};

const Endpoint kGetStaffTicketsByNumberCustomerHistory{
    .method = "GET",
    .path = "/api/v1/staff/tickets/{number}/customer-history",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Every ticket of the same customer (phone), newest first, with repeat repairs marked",
    .status = 200,
    .response = "CustomerHistory",
    .response_description = "The customer's tickets",
    .errors = kGetStaffTicketsByNumberCustomerHistoryErrors,
};
// [SECTION] Follow-up visits (回访)

const Parameter kGetStaffFollowupsParameters[] = {
    {.in = "query", .name = "offset", .schema = R"({"type": "integer", "minimum": 0})", .description = "first row", .required = false},
    {.in = "query", .name = "limit", .schema = R"({"type": "integer", "minimum": 1, "maximum": 200})", .description = "", .required = false},
};

const ErrorAnswer kGetStaffFollowupsErrors[] = {
    {400, "offset or limit out of range."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kGetStaffFollowups{
    .method = "GET",
    .path = "/api/v1/staff/followups",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "The follow-up queue (回访): resolved tickets whose customer no call has reached yet, policy followup.after_days after the resolution, oldest due first. Agents see their own and unassigned tickets.",
    .status = 200,
    .response = "FollowUpQueue",
    .response_description = "Due follow-ups.",
    .parameters = kGetStaffFollowupsParameters,
    .errors = kGetStaffFollowupsErrors,
};

const Parameter kPostStaffTicketsByNumberFollowupCallsParameters[] = {
    {.in = "header", .name = "Idempotency-Key", .schema = R"({"type": "string", "maxLength": 255})", .description = "the same key and body again answer without recording a second call", .required = false},
};

const ErrorAnswer kPostStaffTicketsByNumberFollowupCallsErrors[] = {
    {404, "No such ticket."},
    {409, "already_rated: the ticket has a rating already (on the portal or by phone); illegal_transition: not resolved."},
    {422, "Note too long, a rating without reaching the customer, stars out of range, or the Idempotency-Key reused with another body."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token, or not a ticket this staff member may work."},
};

const Endpoint kPostStaffTicketsByNumberFollowupCalls{
    .method = "POST",
    .path = "/api/v1/staff/tickets/{number}/followup-calls",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Record a follow-up call (reached or not, notes; staff only, never shown to the customer), with the customer's rating taken by phone when reached. Audited.",
    .request = "FollowUpCallRequest",
    .status = 201,
    .response = "TicketView",
    .response_description = "The ticket (staff view).",
    .parameters = kPostStaffTicketsByNumberFollowupCallsParameters,
    .errors = kPostStaffTicketsByNumberFollowupCallsErrors,
};

const Parameter kIdempotentCreateParameters[] = {
    {.in = "header", .name = "Idempotency-Key", .schema = R"({"type": "string", "maxLength": 255})", .description = "the same key and body again answer what the first request made, without making it twice", .required = false},
};

const ErrorAnswer kPostStaffFollowupSchedulesErrors[] = {
    {422, "A field is missing or wrong (details names every one: serial, customer_name, customer_phone, project_name, contract_number, period, first_due in the past), or the Idempotency-Key reused with another body."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kPostStaffFollowupSchedules{
    .method = "POST",
    .path = "/api/v1/staff/followup-schedules",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Schedule a periodic follow-up (monthly or quarterly, 每月或季度回访) of a key customer's product; due ones join the follow-up queue marked periodic. Audited.",
    .request = "FollowUpScheduleRequest",
    .status = 201,
    .response = "FollowUpSchedule",
    .response_description = "The schedule.",
    .parameters = kIdempotentCreateParameters,
    .errors = kPostStaffFollowupSchedulesErrors,
};

const ErrorAnswer kPostStaffFollowupSchedulesByIdSurveysErrors[] = {
    {404, "No such (active) schedule."},
    {422, "A survey field is missing or wrong (anomaly_description is required with an anomaly; response_satisfaction 1 to 5), or the Idempotency-Key reused with another body."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kPostStaffFollowupSchedulesByIdSurveys{
    .method = "POST",
    .path = "/api/v1/staff/followup-schedules/{id}/surveys",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "Record the 售后系统运行调查表 of a periodic follow-up: the schedule's next due date moves on by its period. Audited.",
    .request = "OperationSurvey",
    .status = 201,
    .response = "SurveyRecorded",
    .response_description = "The survey and the schedule with its next due date.",
    .parameters = kIdempotentCreateParameters,
    .errors = kPostStaffFollowupSchedulesByIdSurveysErrors,
};

const ErrorAnswer kPostStaffFollowupSchedulesByIdEndErrors[] = {
    {404, "No such (active) schedule."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kPostStaffFollowupSchedulesByIdEnd{
    .method = "POST",
    .path = "/api/v1/staff/followup-schedules/{id}/end",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "End a periodic follow-up (the key customer's contract or care plan is over): it leaves the queue at once and takes no more surveys; its surveys are kept. Audited.",
    .status = 200,
    .response = "FollowUpSchedule",
    .response_description = "The schedule, no longer active.",
    .errors = kPostStaffFollowupSchedulesByIdEndErrors,
};

const ErrorAnswer kGetStaffProductsBySerialFollowupsErrors[] = {
    {422, "Malformed serial."},
    {401, "Missing, unknown or expired token."},
    {403, "Not a staff token."},
};

const Endpoint kGetStaffProductsBySerialFollowups{
    .method = "GET",
    .path = "/api/v1/staff/products/{serial}/followups",
    .access = Access::Staff,
    .tag = "staff",
    .summary = "A product's periodic follow-ups and the surveys recorded on them, newest first.",
    .status = 200,
    .response = "ProductFollowUps",
    .response_description = "Schedules and surveys.",
    .errors = kGetStaffProductsBySerialFollowupsErrors,
};

// [SECTION] Operations

const Endpoint kGetHealthz{
    .method = "GET",
    .path = "/healthz",
    .access = Access::Public,
    .tag = "meta",
    .summary = "Liveness and storage check for load balancers.",
    .status = 200,
    .response_schema = R"({"type": "object", "properties": {"status": {"type": "string"}}, "required": ["status"]})",
    .response_description = "ok (503 unavailable when storage fails).",
};

const Endpoint kGetMetrics{
    .method = "GET",
    .path = "/metrics",
    .access = Access::Public, // guarded by its own metrics token, not by a session
    .tag = "meta",
    .summary = "Prometheus metrics (needs the metrics token).",
    .status = 200,
    .response_media = "text/plain",
    .response_description = "Prometheus text format.",
};

namespace {
const Endpoint* const kAll[] = {
    &kPostTickets,
    &kPostLookup,
    &kGetTicketsByNumber,
    &kGetTicketsByNumberEvents,
    &kPostTicketsByNumberMessages,
    &kPostTicketsByNumberAttachments,
    &kGetTicketsByNumberAttachmentsById,
    &kPostTicketsByNumberCancel,
    &kPostTicketsByNumberConfirm,
    &kPostTicketsByNumberReopen,
    &kPostTicketsByNumberReply,
    &kPostTicketsByNumberRating,
    &kPostTicketsByNumberQuote,
    &kPostTicketsByNumberSignOutEverywhere,
    &kPostWarranty,
    &kPostOrdersLookup,
    &kPostReturnsEligibility,
    &kGetFaq,
    &kGetPolicy,
    &kGetOpenapiJson,
    &kGetEmbedOrigins,
    &kPostStaffLogin,
    &kPostStaffLogout,
    &kGetStaffQueue,
    &kGetStaffStats,
    &kGetStaffExportBySet,
    &kPostStaffTickets,
    &kGetStaffTicketsByNumber,
    &kGetStaffTicketsByNumberEvents,
    &kPostStaffTicketsByNumberAssign,
    &kPostStaffTicketsByNumberTransition,
    &kPostStaffTicketsByNumberMessages,
    &kPostStaffTicketsByNumberNotes,
    &kPostStaffTicketsByNumberAttachments,
    &kGetStaffTicketsByNumberAttachmentsById,
    &kGetStaffChanges,
    &kPostStaffTicketsByNumberWork,
    &kGetStaffJobs,
    &kPostStaffTicketsByNumberSignature,
    &kPostStaffTicketsByNumberReveal,
    &kGetStaffAudit,
    &kGetStaffMembers,
    &kPostStaffMembers,
    &kPostStaffMembersByUsername,
    &kGetStaffPolicy,
    &kPutStaffPolicy,
    &kPostFaqByIdSolved,
    &kPostIntegrationProducts,
    &kPostIntegrationOrders,
    &kPostIntegrationParts,
    &kPostIntegrationOrdersByOrderNumberDelivery,
    &kPostStaffImport,
    &kGetStaffApiKeys,
    &kPostStaffApiKeys,
    &kPostStaffApiKeysByIdRevoke,
    &kGetStaffProductsBySerial,
    &kGetStaffTicketsByNumberCustomerHistory,
    &kGetStaffTicketsByNumberDeliveries,
    &kGetStaffWebhooks,
    &kPostStaffWebhooks,
    &kPostStaffWebhooksById,
    &kGetStaffWebhookDeliveries,
    &kPostStaffDeliveriesByIdResend,
    &kGetStaffChannels,
    &kPostStaffChannels,
    &kPostStaffChannelsTest,
    &kGetUnsubscribeByMessageId,
    &kPostUnsubscribeByMessageId,
    &kGetStaffFollowups,
    &kPostStaffTicketsByNumberFollowupCalls,
    &kPostStaffFollowupSchedules,
    &kPostStaffFollowupSchedulesByIdSurveys,
    &kPostStaffFollowupSchedulesByIdEnd,
    &kGetStaffProductsBySerialFollowups,
    &kGetHealthz,
    &kGetMetrics,
};
} // namespace

std::span<const Endpoint* const> All() { return kAll; }

} // namespace endpoints
} // namespace aftercare::api
