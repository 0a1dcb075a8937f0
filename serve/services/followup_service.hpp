// Follow-up visits (回访): the follow-up queue, recording a call (with a rating taken by phone),
// and what the statistics show of them (satisfaction by channel, response rates).
#pragma once

#include <string>
#include <vector>

#include "api/followup_schedule_wire.h"
#include "api/followup_wire.h"
#include "api/staff_wire.h"
#include "services/services.hpp"
#include "services/staff_service.hpp"
#include "store/store.hpp"

namespace aftercare::serve::followups {

// Due follow-ups, oldest due first: resolved tickets (an agent sees their own and unassigned ones,
// as in the queue) and periodic follow-ups of key customers' products, merged by when they fell due.
api::FollowUpQueue Queue(Services& services, const staff::Caller& caller, std::int64_t offset, int limit);

struct CallResult {
    api::TicketView view;
    bool replayed = false;  // the Idempotency-Key was seen with this body: nothing new was recorded
};

// Records the call on the ticket's timeline (staff only) and in the audit log, in one transaction.
// With an Idempotency-Key (scoped to the staff member), the same request again records nothing and
// answers the ticket as it is; the key with a different body is refused.
CallResult RecordCall(Services& services, std::int64_t ticket_id, const staff::Caller& caller,
                      const api::FollowUpCallRequest& request, const std::string& request_hash,
                      const std::string& idempotency_key);

// Periodic follow-ups (§19 "每月或季度回访一次"): a schedule for a key customer's product, the
// 《售后系统运行调查表》 recorded on a visit (which moves the next due date on by the period,
// core::NextPeriodicDue), and a product's schedules and surveys. Any staff role; audited
// (followup_schedule, followup_survey); the creates take an Idempotency-Key scoped to the member.
struct ScheduleResult {
    api::FollowUpSchedule schedule;
    bool replayed = false;
};
ScheduleResult CreateSchedule(Services& services, const staff::Caller& caller, const api::FollowUpScheduleRequest& request,
                              const std::string& request_hash, const std::string& idempotency_key);

struct SurveyResult {
    api::SurveyRecorded recorded;
    bool replayed = false;
};
SurveyResult RecordSurvey(Services& services, const staff::Caller& caller, std::int64_t schedule_id,
                          core::OperationSurvey survey, const std::string& request_hash,
                          const std::string& idempotency_key);

// Ends a schedule (ScheduleNotFound when there is no active one): off the queue, no more surveys,
// its surveys kept. Audited (followup_schedule_end).
api::FollowUpSchedule EndSchedule(Services& services, const staff::Caller& caller, std::int64_t schedule_id);

api::ProductFollowUps ForProduct(Services& services, const std::string& serial);

// A due schedule as a queue item (marked periodic), due at the start of its day on the vendor's calendar.
api::FollowUpItem PeriodicItem(Services& services, const FollowUpScheduleRecord& record, std::int64_t now,
                               const core::Policy& policy);

// The statistics' follow-up part: satisfaction of portal and phone ratings (of `ratings`, the
// period's), the rating response rate (rated of resolved) and the follow-up reach rate.
void AddToStats(Services& services, const std::vector<RatingRow>& ratings, api::StatsResponse& stats);

} // namespace aftercare::serve::followups
