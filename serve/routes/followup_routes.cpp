// Follow-up visit routes (回访): the follow-up queue, recording a call, periodic schedules (create,
// survey, end) and a product's follow-ups. Staff only (the route
// wrapper checks the token); which tickets a member may call about follows their roles.
#include "api/followup_schedule_wire.h"
#include "api/followup_wire.h"
#include "http_util.hpp"
#include "routes/routes.hpp"
#include "services/followup_service.hpp"
#include "services/staff_service.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve {
namespace {

Json ToJson(const auto& value) {
    Json body;
    to_json(body, value);
    return body;
}

// The schedule id in the path; anything that is not a number names no schedule (404, not 400).
std::int64_t ScheduleId(RequestContext& call) {
    try {
        return std::stoll(PathParam(call.req, 1));
    } catch (const std::exception&) {
        return 0;
    }
}

}  // namespace

void RegisterFollowUpRoutes(RouteTable& routes, Services& services) {
    routes.Add(api::endpoints::kGetStaffFollowups, RateClass::None, [&services](RequestContext& call) {
                    const auto offset = QueryInt(call.req, "offset", 0, 0, 1000000000);
                    const auto limit = static_cast<int>(QueryInt(call.req, "limit", 50, 1, 200));
                    WriteJson(call.res, 200,
                              ToJson(followups::Queue(services, staff::CallerOf(call.who), offset, limit)));
                });

    routes.Add(api::endpoints::kPostStaffTicketsByNumberFollowupCalls, RateClass::None, [&services](RequestContext& call) {
                    const auto id = tickets::RequireTicketId(services, PathParam(call.req, 1));
                    const Json body = ParseJsonObject(call.req);
                    const auto request = ParseBody<api::FollowUpCallRequest>(body);
                    const std::string key = IdempotencyKey(call.req);
                    auto result = followups::RecordCall(services, id, staff::CallerOf(call.who), request,
                                                        BodyHash(body), key);
                    if (result.replayed) call.res.set_header("Idempotent-Replayed", "true");
                    WriteJson(call.res, 201, ToJson(result.view));
                });

    routes.Add(api::endpoints::kPostStaffFollowupSchedules, RateClass::None, [&services](RequestContext& call) {
                    const Json body = ParseJsonObject(call.req);
                    const auto request = ParseBody<api::FollowUpScheduleRequest>(body);
                    const std::string key = IdempotencyKey(call.req);
                    auto result = followups::CreateSchedule(services, staff::CallerOf(call.who), request, BodyHash(body), key);
                    if (result.replayed) call.res.set_header("Idempotent-Replayed", "true");
                    WriteJson(call.res, 201, ToJson(result.schedule));
                });

    routes.Add(api::endpoints::kPostStaffFollowupSchedulesByIdSurveys, RateClass::None, [&services](RequestContext& call) {
                    const std::int64_t id = ScheduleId(call);
                    const Json body = ParseJsonObject(call.req);
                    auto survey = ParseBody<core::OperationSurvey>(body);
                    const std::string key = IdempotencyKey(call.req);
                    auto result = followups::RecordSurvey(services, staff::CallerOf(call.who), id, std::move(survey),
                                                          BodyHash(body), key);
                    if (result.replayed) call.res.set_header("Idempotent-Replayed", "true");
                    WriteJson(call.res, 201, ToJson(result.recorded));
                });

    routes.Add(api::endpoints::kPostStaffFollowupSchedulesByIdEnd, RateClass::None, [&services](RequestContext& call) {
                    WriteJson(call.res, 200,
                              ToJson(followups::EndSchedule(services, staff::CallerOf(call.who), ScheduleId(call))));
                });

    routes.Add(api::endpoints::kGetStaffProductsBySerialFollowups, RateClass::None, [&services](RequestContext& call) {
                    WriteJson(call.res, 200, ToJson(followups::ForProduct(services, PathParam(call.req, 1))));
                });
}

}  // namespace aftercare::serve
