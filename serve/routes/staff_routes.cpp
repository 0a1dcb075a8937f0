// Staff routes: login, queue, ticket detail and events, assign, transition, messages, stats.
// All but login need a staff bearer token (checked by the route wrapper); a customer token gets 403.
#include "api/staff_wire.h"
#include "http_util.hpp"
#include "routes/routes.hpp"
#include "services/staff_service.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve {
namespace {

Json ToJson(const auto& value) {
    Json body;
    to_json(body, value);
    return body;
}

core::Actor StaffActor(const RequestContext& call) { return core::Actor{core::ActorRole::Staff, call.who.staff_username}; }

template <typename E>
std::optional<E> EnumParam(const httplib::Request& req, const char* name) {
    if (!req.has_param(name) || req.get_param_value(name).empty()) return std::nullopt;
    E value{};
    if (!core::FromString(req.get_param_value(name), value))
        throw ApiError(400, "invalid_value", std::string("参数取值无效：") + name,
                       std::string("Unknown value for ") + name + ".", name);
    return value;
}

api::QueueFilter ParseFilter(const httplib::Request& req) {
    api::QueueFilter filter;
    filter.state = EnumParam<core::TicketState>(req, "state");
    filter.kind = EnumParam<core::TicketKind>(req, "kind");
    filter.priority = EnumParam<core::Priority>(req, "priority");
    if (req.has_param("breached")) {
        const std::string value = req.get_param_value("breached");
        if (value == "true" || value == "1") filter.breached = true;
        else if (value == "false" || value == "0") filter.breached = false;
        else throw ApiError(400, "invalid_value", "breached 取值应为 true 或 false", "breached must be true or false.",
                            "breached");
    }
    filter.assignee = req.get_param_value("assignee");
    filter.limit = static_cast<int>(QueryInt(req, "limit", 50, 1, 200));
    filter.cursor = req.get_param_value("cursor");
    return filter;
}

}  // namespace

void RegisterStaffRoutes(RouteTable& routes, Services& services) {
    routes.Add({"POST", "/api/v1/staff/login", Access::Public, RateClass::Login, [&services](RequestContext& call) {
                    const auto request = ParseRequest<api::StaffLoginRequest>(call.req);
                    WriteJson(call.res, 200, ToJson(staff::Login(services, request)));
                }});

    routes.Add({"POST", "/api/v1/staff/logout", Access::Staff, RateClass::None, [&services](RequestContext& call) {
                    services.auth.Revoke(BearerToken(call.req));
                    call.res.status = 204;
                }});

    routes.Add({"GET", "/api/v1/staff/queue", Access::Staff, RateClass::None, [&services](RequestContext& call) {
                    WriteJson(call.res, 200, ToJson(staff::Queue(services, ParseFilter(call.req))));
                }});

    routes.Add({"GET", "/api/v1/staff/stats", Access::Staff, RateClass::None, [&services](RequestContext& call) {
                    const std::int64_t now = services.now();
                    const std::int64_t to = QueryInt(call.req, "to", now + 1, 0, 1LL << 40);
                    const std::int64_t from = QueryInt(call.req, "from", to - 30 * 86400, 0, 1LL << 40);
                    if (from >= to) throw ApiError(400, "invalid_value", "from 必须早于 to", "from must be before to.", "from");
                    WriteJson(call.res, 200, staff::Stats(services, from, to));
                }});

    routes.Add({"GET", "/api/v1/staff/tickets/{number}", Access::Staff, RateClass::None,
                [&services](RequestContext& call) {
                    const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
                    WriteJson(call.res, 200, ToJson(tickets::Read(services, id, core::ActorRole::Staff)));
                }});

    routes.Add({"GET", "/api/v1/staff/tickets/{number}/events", Access::Staff, RateClass::None,
                [&services](RequestContext& call) {
                    const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
                    const int after = static_cast<int>(QueryInt(call.req, "after", 0, 0, 1000000000));
                    const int wait = static_cast<int>(
                        QueryInt(call.req, "wait", services.long_poll_seconds, 0, services.long_poll_seconds));
                    WriteJson(call.res, 200, ToJson(tickets::Events(services, id, after, wait)));
                }});

    routes.Add({"POST", "/api/v1/staff/tickets/{number}/assign", Access::Staff, RateClass::None,
                [&services](RequestContext& call) {
                    const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
                    const auto request = ParseRequest<api::AssignRequest>(call.req);
                    WriteJson(call.res, 200, ToJson(staff::Assign(services, id, StaffActor(call), request)));
                }});

    routes.Add({"POST", "/api/v1/staff/tickets/{number}/transition", Access::Staff, RateClass::None,
                [&services](RequestContext& call) {
                    const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
                    const auto wire = ParseRequest<api::TransitionRequestWire>(call.req);
                    if (wire.action == core::Action::Assign && !wire.assignee.empty()) {
                        api::AssignRequest assign{wire.assignee, wire.note};
                        WriteJson(call.res, 200, ToJson(staff::Assign(services, id, StaffActor(call), assign)));
                        return;
                    }
                    WriteJson(call.res, 200,
                              ToJson(tickets::Act(services, id, api::ToTransitionRequest(wire, StaffActor(call)),
                                                  wire.expected_sequence, core::ActorRole::Staff)));
                }});

    routes.Add({"POST", "/api/v1/staff/tickets/{number}/messages", Access::Staff, RateClass::None,
                [&services](RequestContext& call) {
                    const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
                    auto request = ParseRequest<api::MessageRequest>(call.req);
                    WriteJson(call.res, 201,
                              ToJson(tickets::AddMessage(services, id, StaffActor(call), std::move(request.text),
                                                         core::ActorRole::Staff)));
                }});
}

}  // namespace aftercare::serve
