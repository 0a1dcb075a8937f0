// Follow-up visits (回访): the follow-up queue, recording a call (with a rating taken by phone),
// and what the statistics show of them (satisfaction by channel, response rates).
#pragma once

#include <string>
#include <vector>

#include "api/followup_wire.h"
#include "api/staff_wire.h"
#include "services/services.hpp"
#include "services/staff_service.hpp"
#include "store/store.hpp"

namespace aftercare::serve::followups {

// Due follow-ups, oldest due first; an agent sees their own and unassigned tickets (as the queue).
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

// The statistics' follow-up part: satisfaction of portal and phone ratings (of `ratings`, the
// period's), the rating response rate (rated of resolved) and the follow-up reach rate.
void AddToStats(Services& services, const std::vector<RatingRow>& ratings, api::StatsResponse& stats);

} // namespace aftercare::serve::followups
