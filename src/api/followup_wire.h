// Wire types of the follow-up visits (回访, core/followup.h): the follow-up queue and a call's record.
//   GET  /api/v1/staff/followups?offset=&limit=            -> FollowUpQueue
//   POST /api/v1/staff/tickets/{number}/followup-calls     FollowUpCallRequest -> TicketView (staff)
// Periodic follow-ups and their surveys: followup_schedule_wire.h.
#pragma once

#include "api/core_json.h"
#include "api/customer_wire.h"
#include "api/wire_reader.h"
#include "core/followup.h"

#include <optional>
#include <string>
#include <vector>

namespace aftercare::api {

// One follow-up owed: a resolved ticket whose customer no call has reached yet, or (`periodic`) a
// key customer's product whose monthly or quarterly follow-up has come (followup_schedule_wire.h).
struct FollowUpItem {
    std::string service_number;
    core::TicketKind kind = core::TicketKind::Repair;
    core::TicketState state = core::TicketState::Resolved;
    std::string subject;
    std::string customer_name;
    std::string phone_masked;                  // MaskPhone: the workspace's reveal shows the number (audited)
    std::string model;
    std::string serial;
    std::string assignee;
    core::UnixSeconds resolved_at = 0;         // the resolution the call is about
    core::UnixSeconds due_at = 0;              // resolved_at + policy followup.after_days
    int days_overdue = 0;                      // whole days past due_at
    int attempts = 0;                          // calls since the resolution that did not reach them
    std::optional<core::UnixSeconds> last_attempt_at;
    std::string last_note;
    bool rated = false;                        // a rating exists already (portal or phone): none is taken on the call
    // Periodic follow-ups: no ticket (service_number ""); the schedule, its project and the date due.
    bool periodic = false;
    std::int64_t schedule_id = 0;
    std::string project_name;
    std::string contract_number;
    std::string period;                        // monthly | quarterly
    std::string due_date;                      // YYYY-MM-DD on the vendor's calendar
};

FollowUpItem MakeFollowUpItem(const core::Ticket& ticket, core::UnixSeconds now, const core::Policy& policy);

// Oldest due first, paged by offset.
struct FollowUpQueue {
    std::vector<FollowUpItem> items;
    int offset = 0;
    std::int64_t total = 0;  // due follow-ups the caller may work
    int after_days = 0;      // the policy's followup.after_days (0: follow-ups are off)
};

// A follow-up call. `rating` only with `reached`, and only on a ticket not rated yet.
struct FollowUpCallRequest {
    bool reached = false;
    std::string note;
    std::optional<core::Rating> rating;
    bool operator==(const FollowUpCallRequest&) const = default;
};

core::FollowUpCallEntry ToEntry(const FollowUpCallRequest& request);

AFTERCARE_WIRE_TYPE(FollowUpItem);
AFTERCARE_WIRE_TYPE(FollowUpQueue);
AFTERCARE_WIRE_TYPE(FollowUpCallRequest);

} // namespace aftercare::api
