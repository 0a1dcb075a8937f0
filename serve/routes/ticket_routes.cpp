// Customer ticket routes: create, read, follow, message, cancel/confirm/reopen/reply, rate.
#include <sodium.h>

#include "api/customer_wire.h"
#include "http_util.hpp"
#include "json_text.hpp"
#include "routes/routes.hpp"
#include "services/staff_service.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve {

constexpr std::size_t kMaxIdempotencyKey = 255;

std::string IdempotencyKey(const HttpRequest& req) {
    if (!req.has_header("Idempotency-Key")) return {};
    std::string key = req.get_header_value("Idempotency-Key");
    if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
    bool ok = !key.empty() && key.size() <= kMaxIdempotencyKey;
    for (char c : key) ok = ok && c > 0x20 && c < 0x7F;
    if (!ok)
        throw DomainError(ErrorKind::BadRequest, "invalid_idempotency_key",
                          "Idempotency-Key 须为 1 到 255 个可见 ASCII 字符",
                          "Idempotency-Key must be 1 to 255 visible ASCII characters.", "Idempotency-Key");
    return key;
}

std::string BodyHash(const Json& body) {
    // JsonText writes nlohmann's dump byte for byte: hashes stored before it still match.
    const std::string canonical = JsonText(body);
    unsigned char hash[32];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(),
                       nullptr, 0);
    return std::string(reinterpret_cast<const char*>(hash), sizeof hash);
}

namespace {

Json ToJson(const auto& value) {
    Json body;
    to_json(body, value);
    return body;
}

// Customer action bodies are optional: {"note": "..."} or nothing at all.
api::CustomerActionRequest ActionBody(const HttpRequest& req) {
    if (req.body.empty()) return {};
    return ParseRequest<api::CustomerActionRequest>(req);
}

void RegisterAction(RouteTable& routes, Services& services, const api::Endpoint& endpoint, core::Action action) {
    routes.Add(endpoint, RateClass::Create, [&services, action](RequestContext& call) {
                    const auto body = ActionBody(call.req);
                    core::TransitionRequest request;
                    request.action = action;
                    request.actor = core::Actor{core::ActorRole::Customer, {}};
                    request.note = body.note;
                    WriteJson(call.res, 200,
                              ToJson(tickets::Act(services, call.who.ticket_id, request, std::nullopt,
                                                  core::ActorRole::Customer)));
                });
}

}  // namespace

tickets::EventsQuery ParseEventsQuery(const HttpRequest& req) {
    constexpr long long kMaxSequence = 1000000000;
    if (req.has_param("before") && req.has_param("after"))
        throw DomainError(ErrorKind::BadRequest, "invalid_value", "before 与 after 只能二选一",
                          "Use either before or after, not both.", "before");
    tickets::EventsQuery query;
    if (req.has_param("before")) query.before = static_cast<int>(QueryInt(req, "before", 0, 1, kMaxSequence));
    query.after = static_cast<int>(QueryInt(req, "after", 0, 0, kMaxSequence));
    query.limit = static_cast<int>(QueryInt(req, "limit", api::kTimelinePage, 1, api::kTimelinePageMax));
    return query;
}

void RegisterTicketRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kPostTickets, RateClass::Create, [&services](RequestContext& call) {
                    const Json body = ParseJsonObject(call.req);
                    auto request = ParseBody<api::CreateTicketRequest>(body);
                    const std::string key = IdempotencyKey(call.req);
                    // A ticket stores about what its body carries.
                    services.quota.Reserve(call.client, static_cast<std::int64_t>(call.req.body.size()));
                    // Keys are scoped per client address, so a guessable key from one kiosk can never
                    // replay (and hand out a token for) another client's ticket.
                    auto result =
                        tickets::Create(services, std::move(request.ticket), BodyHash(body), call.client, key);
                    if (result.replayed) call.res.set_header("Idempotent-Replayed", "true");
                    call.res.set_header("Location", "/api/v1/tickets/" + result.response.service_number);
                    WriteJson(call.res, 201, ToJson(result.response));
                });

    // Staff register a ticket for a caller or walk-in; it shares the customer
    // create's idempotency key rules and body hash (keys scoped to the staff member).
    routes.Add(api::endpoints::kPostStaffTickets, RateClass::None, [&services](RequestContext& call) {
                    const Json body = ParseJsonObject(call.req);
                    auto request = ParseBody<api::CreateTicketRequest>(body);
                    const std::string key = IdempotencyKey(call.req);
                    auto result = staff::Intake(services, staff::CallerOf(call.who), std::move(request.ticket),
                                                BodyHash(body), key);
                    if (result.replayed) call.res.set_header("Idempotent-Replayed", "true");
                    call.res.set_header("Location", "/api/v1/staff/tickets/" + result.response.service_number);
                    WriteJson(call.res, 201, ToJson(result.response));
                });

    // The busiest read: its token and its ticket in one read transaction. (Not the events' long-poll,
    // which must read the ticket after the live version.)
    routes.Add(
        api::endpoints::kGetTicketsByNumber, RateClass::None,
        [&services](RequestContext& call) {
            WriteJson(call.res, 200, ToJson(tickets::Read(services, call.who.ticket_id, core::ActorRole::Customer)));
        },
        StoreReads::Shared);

    routes.Add(api::endpoints::kGetTicketsByNumberEvents, RateClass::None, [&services](RequestContext& call) {
                    const auto query = ParseEventsQuery(call.req);
                    const int wait = static_cast<int>(
                        QueryInt(call.req, "wait", services.long_poll_seconds, 0, services.long_poll_seconds));
                    WriteJson(call.res, 200, ToJson(tickets::Events(services, call.who.ticket_id, query, call.WaitDeadline(wait),
                                                                   core::ActorRole::Customer)));
                });

    routes.Add(api::endpoints::kPostTicketsByNumberMessages, RateClass::Create, [&services](RequestContext& call) {
                    auto request = ParseRequest<api::MessageRequest>(call.req);
                    WriteJson(call.res, 201,
                              ToJson(tickets::AddMessage(services, call.who.ticket_id,
                                                         core::Actor{core::ActorRole::Customer, {}},
                                                         std::move(request.text), core::ActorRole::Customer)));
                });

    RegisterAction(routes, services, api::endpoints::kPostTicketsByNumberCancel, core::Action::Cancel);
    RegisterAction(routes, services, api::endpoints::kPostTicketsByNumberConfirm, core::Action::Confirm);
    RegisterAction(routes, services, api::endpoints::kPostTicketsByNumberReopen, core::Action::Reopen);
    RegisterAction(routes, services, api::endpoints::kPostTicketsByNumberReply, core::Action::CustomerReply);

    // "Sign out on all devices": every token of this ticket ends at once — tracking links, other
    // phones, the caller's own. Seeing the ticket again takes the number and the phone's last 4.
    routes.Add(api::endpoints::kPostTicketsByNumberSignOutEverywhere, RateClass::Create, [&services](RequestContext& call) {
                    if (!call.req.body.empty()) RejectUnknownFields(ParseJsonObject(call.req), Json::object(), "");
                    api::SignOutResponse response;
                    response.sessions_ended = services.auth.RevokeTicketTokens(call.who.ticket_id);
                    WriteJson(call.res, 200, ToJson(response));
                });

    routes.Add(api::endpoints::kPostTicketsByNumberQuote, RateClass::Create, [&services](RequestContext& call) {
                    const auto request = ParseRequest<api::QuoteAnswerRequest>(call.req);
                    WriteJson(call.res, 200, ToJson(tickets::AnswerQuote(services, call.who.ticket_id, request.accept)));
                });

    routes.Add(api::endpoints::kPostTicketsByNumberRating, RateClass::Create, [&services](RequestContext& call) {
                    auto rating = ParseRequest<core::Rating>(call.req);
                    WriteJson(call.res, 201, ToJson(tickets::Rate(services, call.who.ticket_id, rating)));
                });
}

}  // namespace aftercare::serve
