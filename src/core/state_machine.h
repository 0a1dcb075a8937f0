// The service state machine: every legal transition, who may make it, and why an illegal one is refused.
#pragma once

#include "policy.h"
#include "result.h"
#include "ticket.h"

#include <span>
#include <string>
#include <vector>

namespace aftercare::core {

// Which ticket kinds a rule applies to, as a bit set over TicketKind.
using KindMask = unsigned;
constexpr KindMask KindBit(TicketKind kind) { return 1u << static_cast<unsigned>(kind); }
inline constexpr KindMask kAllKinds = 0x3Fu;

using RoleMask = unsigned;
constexpr RoleMask RoleBit(ActorRole role) { return 1u << static_cast<unsigned>(role); }

// One row of the transition table. `to` is the target state except for the few actions whose
// target depends on the ticket (CustomerReply/Resume go back to resume_state, Reopen goes to
// Assigned or Accepted, Escalate keeps the state); for those, `to` equals `from`.
struct TransitionRule {
    TicketState from;
    Action action;
    TicketState to;
    RoleMask roles;
    KindMask kinds;
};

// The whole table, for documentation, the UI's action buttons and exhaustive tests.
std::span<const TransitionRule> TransitionTable();

// Everything a transition needs besides the ticket.
struct TransitionRequest {
    Action action = Action::Accept;
    Actor actor;
    std::string note;                 // required for Reject, RequestInfo, Reopen (the customer says why),
                                      // Reprioritize, Reschedule and a suggestion's Resolve
    std::string assignee;             // required for Assign
    std::optional<Priority> priority; // Accept may re-triage; Reprioritize requires it
    std::optional<VisitWindow> visit; // Reschedule requires it: the new window, agreed with the customer
    std::optional<ComplaintFindings> findings; // Resolve of a complaint requires both fields
};

// Applies one action. Refusals carry a stable code and a message naming the state and the action
// in zh and en:
//   illegal_transition  no rule for this action in this state (or for this ticket kind)
//   forbidden_actor     a rule exists but not for this actor's role
//   reopen_window_closed / close_too_early   time-based guards
//   not_escalatable     escalation not due (system) or already at the top level
//   missing_field       assignee / note / priority missing (field set)
//   unchanged           Reprioritize to the priority the ticket already has, Reschedule to the
//                       window already booked
//   invalid_date / out_of_range   Reschedule to a window outside today..kVisitBookingDays
Result<Applied> Transition(const Ticket& ticket, const TransitionRequest& request, UnixSeconds now,
                           const Policy& policy);

// Actions `role` could take right now (guards included), for buttons and the staff queue.
std::vector<Action> AvailableActions(const Ticket& ticket, ActorRole role, UnixSeconds now, const Policy& policy);

} // namespace aftercare::core
