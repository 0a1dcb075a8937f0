// Staff routes: login, queue and its change feed, ticket detail and events, assign, transition,
// work records, messages, reveals and the audit log, the staff directory, the policy, stats.
// All but login need a staff bearer token (checked by the route wrapper); a customer token gets
// 403. What each staff member may do follows their roles (services/staff_service.hpp).
#include "api/policy_json.h"
#include "api/staff_wire.h"
#include "http_util.hpp"
#include "routes/routes.hpp"
#include "api/jobs_wire.h"
#include "services/export_service.hpp"
#include "services/register_service.hpp"
#include "services/jobs_service.hpp"
#include "services/signature_service.hpp"
#include "services/staff_service.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve {
namespace {

Json ToJson(const auto& value) {
    Json body;
    to_json(body, value);
    return body;
}

template <typename E>
std::optional<E> EnumParam(const HttpRequest& req, const char* name) {
    if (!req.has_param(name) || req.get_param_value(name).empty()) return std::nullopt;
    E value{};
    if (!core::FromString(req.get_param_value(name), value))
        throw DomainError(ErrorKind::BadRequest, "invalid_value", std::string("参数取值无效：") + name,
                          std::string("Unknown value for ") + name + ".", name);
    return value;
}

bool BoolParam(const HttpRequest& req, const char* name) {
    if (!req.has_param(name)) return false;
    const std::string value = req.get_param_value(name);
    if (value == "true" || value == "1") return true;
    if (value == "false" || value == "0" || value.empty()) return false;
    throw DomainError(ErrorKind::BadRequest, "invalid_value", std::string(name) + " 取值应为 true 或 false",
                      std::string(name) + " must be true or false.", name);
}

api::QueueFilter ParseFilter(const HttpRequest& req) {
    api::QueueFilter filter;
    filter.state = EnumParam<core::TicketState>(req, "state");
    filter.kind = EnumParam<core::TicketKind>(req, "kind");
    filter.priority = EnumParam<core::Priority>(req, "priority");
    if (req.has_param("breached")) filter.breached = BoolParam(req, "breached");
    filter.sla = req.get_param_value("sla");
    filter.assignee = req.get_param_value("assignee");
    filter.unassigned = BoolParam(req, "unassigned");
    if (req.has_param("sort")) filter.sort = req.get_param_value("sort");
    if (!api::IsQueueSortColumn(filter.sort))
        throw DomainError(ErrorKind::BadRequest, "invalid_value", "不支持按该列排序",
                          "The queue cannot be sorted by this column.", "sort");
    const std::string dir = req.get_param_value("dir");
    if (!dir.empty() && dir != "asc" && dir != "desc")
        throw DomainError(ErrorKind::BadRequest, "invalid_value", "dir 取值应为 asc 或 desc",
                          "dir must be asc or desc.", "dir");
    filter.descending = dir == "desc";
    if (req.has_param("offset")) filter.offset = static_cast<int>(QueryInt(req, "offset", 0, 0, 1000000000));
    filter.limit = static_cast<int>(QueryInt(req, "limit", 50, 1, 200));
    filter.cursor = req.get_param_value("cursor");
    return filter;
}

std::int64_t TicketOf(Services& services, const RequestContext& call) {
    return tickets::RequireTicketId(services, PathParam(call.req, 1));
}

}  // namespace

void RegisterStaffRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kPostStaffLogin, RateClass::Login, [&services](RequestContext& call) {
                    const auto request = ParseRequest<api::StaffLoginRequest>(call.req);
                    WriteJson(call.res, 200, ToJson(staff::Login(services, request, call.client)));
                });

    routes.Add(api::endpoints::kPostStaffLogout, RateClass::None, [&services](RequestContext& call) {
                    services.auth.Revoke(BearerToken(call.req));
                    call.res.status = 204;
                });

    routes.Add(api::endpoints::kGetStaffQueue, RateClass::None, [&services](RequestContext& call) {
                    WriteJson(call.res, 200,
                              ToJson(staff::Queue(services, staff::CallerOf(call.who), ParseFilter(call.req))));
                });

    routes.Add(api::endpoints::kGetStaffChanges, RateClass::None, [&services](RequestContext& call) {
                    const std::int64_t since = QueryInt(call.req, "since", 0, 0, 1LL << 62);
                    const int wait = static_cast<int>(
                        QueryInt(call.req, "wait", services.long_poll_seconds, 0, services.long_poll_seconds));
                    WriteJson(call.res, 200, ToJson(staff::Changes(services, since, call.WaitDeadline(wait))));
                });

    routes.Add(api::endpoints::kGetStaffStats, RateClass::None, [&services](RequestContext& call) {
                    const std::int64_t now = services.now();
                    const std::int64_t to = QueryInt(call.req, "to", now + 1, 0, 1LL << 40);
                    const std::int64_t from = QueryInt(call.req, "from", to - 30 * 86400, 0, 1LL << 40);
                    if (from >= to)
                        throw DomainError(ErrorKind::BadRequest, "invalid_value", "from 必须早于 to",
                                          "from must be before to.", "from");
                    WriteJson(call.res, 200, ToJson(staff::Stats(services, staff::CallerOf(call.who), from, to)));
                });

    routes.Add(api::endpoints::kGetStaffExportBySet, RateClass::None, [&services](RequestContext& call) {
                    const auto set = exports::ParseSet(PathParam(call.req, 1));
                    if (!set) throw DomainError(ErrorKind::NotFound, "not_found", "没有这种导出", "No such export.");
                    const std::int64_t now = services.now();
                    const std::int64_t to = QueryInt(call.req, "to", now + 1, 0, 1LL << 40);
                    const std::int64_t from = QueryInt(call.req, "from", to - 30 * 86400, 0, 1LL << 40);
                    const exports::CsvFile file = exports::Export(services, staff::CallerOf(call.who), *set, from, to,
                                                                  RequestLanguage(call.req));
                    call.res.status = 200;
                    call.res.set_header("Content-Disposition", "attachment; filename=\"" + file.file_name + "\"");
                    call.res.set_content(file.body, "text/csv; charset=utf-8");
                });

    routes.Add(api::endpoints::kGetStaffTicketsByNumber, RateClass::None, [&services](RequestContext& call) {
                    const auto id = TicketOf(services, call);
                    staff::RequireTicketAccess(services, staff::CallerOf(call.who), id);
                    WriteJson(call.res, 200, ToJson(tickets::Read(services, id, core::ActorRole::Staff)));
                });

    routes.Add(api::endpoints::kGetStaffTicketsByNumberEvents, RateClass::None, [&services](RequestContext& call) {
                    const auto id = TicketOf(services, call);
                    staff::RequireTicketAccess(services, staff::CallerOf(call.who), id);
                    const auto query = ParseEventsQuery(call.req);
                    const int wait = static_cast<int>(
                        QueryInt(call.req, "wait", services.long_poll_seconds, 0, services.long_poll_seconds));
                    WriteJson(call.res, 200, ToJson(tickets::Events(services, id, query, call.WaitDeadline(wait), core::ActorRole::Staff)));
                });

    routes.Add(api::endpoints::kPostStaffTicketsByNumberAssign, RateClass::None, [&services](RequestContext& call) {
                    const auto id = TicketOf(services, call);
                    const auto request = ParseRequest<api::AssignRequest>(call.req);
                    WriteJson(call.res, 200, ToJson(staff::Assign(services, id, staff::CallerOf(call.who), request)));
                });

    routes.Add(api::endpoints::kPostStaffTicketsByNumberTransition, RateClass::None, [&services](RequestContext& call) {
                    const auto id = TicketOf(services, call);
                    const auto request = ParseRequest<api::TransitionRequestWire>(call.req);
                    WriteJson(call.res, 200,
                              ToJson(staff::Transition(services, id, staff::CallerOf(call.who), request)));
                });

    routes.Add(api::endpoints::kPostStaffTicketsByNumberWork, RateClass::None, [&services](RequestContext& call) {
                    const auto id = TicketOf(services, call);
                    const auto request = ParseRequest<api::WorkRequest>(call.req);
                    WriteJson(call.res, 201,
                              ToJson(staff::RecordWork(services, id, staff::CallerOf(call.who), request)));
                });

    routes.Add(api::endpoints::kGetStaffJobs, RateClass::None, [&services](RequestContext& call) {
                    const int limit = static_cast<int>(QueryInt(call.req, "limit", 50, 1, 100));
                    WriteJson(call.res, 200,
                              ToJson(jobs::Jobs(services, staff::CallerOf(call.who), limit,
                                                call.req.get_param_value("cursor"))));
                });

    // The body is the PNG itself; its type is read from the bytes, never from Content-Type.
    routes.Add(api::endpoints::kPostStaffTicketsByNumberSignature, RateClass::None, [&services](RequestContext& call) {
                    const auto id = TicketOf(services, call);
                    auto result = signatures::Sign(services, id, staff::CallerOf(call.who), call.req.body, call.client);
                    if (result.replayed) call.res.set_header("Idempotent-Replayed", "true");
                    WriteJson(call.res, 201, ToJson(result.view));
                });

    routes.Add(api::endpoints::kPostStaffTicketsByNumberMessages, RateClass::None, [&services](RequestContext& call) {
                    const auto id = TicketOf(services, call);
                    auto request = ParseRequest<api::MessageRequest>(call.req);
                    WriteJson(call.res, 201,
                              ToJson(staff::AddMessage(services, id, staff::CallerOf(call.who),
                                                       std::move(request.text))));
                });

    routes.Add(api::endpoints::kPostStaffTicketsByNumberNotes, RateClass::None, [&services](RequestContext& call) {
                    const auto id = TicketOf(services, call);
                    WriteJson(call.res, 201,
                              ToJson(staff::AddNote(services, id, staff::CallerOf(call.who),
                                                    ParseRequest<api::NoteRequest>(call.req))));
                });

    routes.Add(api::endpoints::kGetStaffTicketsByNumberCustomerHistory, RateClass::None, [&services](RequestContext& call) {
                    const auto id = TicketOf(services, call);
                    staff::RequireTicketAccess(services, staff::CallerOf(call.who), id);
                    WriteJson(call.res, 200, ToJson(register_service::CustomerHistory(services, id)));
                });

    routes.Add(api::endpoints::kPostStaffTicketsByNumberReveal, RateClass::None, [&services](RequestContext& call) {
                    const auto id = TicketOf(services, call);
                    const auto request = ParseRequest<api::RevealRequest>(call.req);
                    WriteJson(call.res, 200, ToJson(staff::Reveal(services, id, staff::CallerOf(call.who), request)));
                });

    routes.Add(api::endpoints::kGetStaffAudit, RateClass::None, [&services](RequestContext& call) {
                    std::optional<std::int64_t> ticket;
                    if (call.req.has_param("ticket"))
                        ticket = tickets::RequireTicketId(services, call.req.get_param_value("ticket"));
                    const int limit = static_cast<int>(QueryInt(call.req, "limit", 100, 1, 500));
                    WriteJson(call.res, 200,
                              ToJson(staff::Audit(services, staff::CallerOf(call.who), ticket, limit)));
                });

    routes.Add(api::endpoints::kGetStaffMembers, RateClass::None, [&services](RequestContext& call) {
                    WriteJson(call.res, 200, ToJson(staff::Members(services, staff::CallerOf(call.who))));
                });

    routes.Add(api::endpoints::kPostStaffMembers, RateClass::None, [&services](RequestContext& call) {
                    const auto request = ParseRequest<api::CreateStaffRequest>(call.req);
                    WriteJson(call.res, 201,
                              ToJson(staff::CreateMember(services, staff::CallerOf(call.who), request)));
                });

    routes.Add(api::endpoints::kPostStaffMembersByUsername, RateClass::None, [&services](RequestContext& call) {
                    const auto request = ParseRequest<api::UpdateStaffRequest>(call.req);
                    WriteJson(call.res, 200,
                              ToJson(staff::UpdateMember(services, staff::CallerOf(call.who), PathParam(call.req, 1),
                                                         request)));
                });

    routes.Add(api::endpoints::kGetStaffPolicy, RateClass::None, [&services](RequestContext& call) {
                    call.res.status = 200;
                    call.res.set_content(api::SerializePolicy(*services.Policy()), "application/json; charset=utf-8");
                });

    routes.Add(api::endpoints::kPutStaffPolicy, RateClass::None, [&services](RequestContext& call) {
                    // The body is the policy document itself; ParseJsonObject applies the size,
                    // depth and content-type limits every JSON body gets.
                    const Json body = ParseJsonObject(call.req);
                    call.res.status = 200;
                    call.res.set_content(staff::UpdatePolicy(services, staff::CallerOf(call.who), body),
                                         "application/json; charset=utf-8");
                });
}

}  // namespace aftercare::serve
