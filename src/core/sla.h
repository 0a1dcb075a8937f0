// SLA clock: deadlines per priority from the policy, remaining time, breach and escalation, paused while waiting on the customer.
#pragma once

#include "policy.h"
#include "ticket.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace aftercare::core {

// Which clocks a ticket has:
//   repair        first response, and for on-site repairs dispatch (unless "agreed time") and
//                 arrival; resolution (per priority)
//   complaint     first response, resolution = answer within N working days (vendor calendar)
//   consultation  first response, resolution = answer within consultation_answer_hours
//   return/exch.  first response; resolution only when the vendor sets returns_resolution_hours
//                 (none by default: the standard's 48 h is an average over all tickets, see stats)
//   suggestion    none: the standard promises to read ideas, not to answer them by a date
// First response is met by the first staff event of any kind, dispatch by the engineer's first
// Departure (or Arrival, when leaving went unrecorded), arrival by the first Arrival, resolution
// by Resolve (a Reopen un-meets it and the clock runs on). Arrival is due at the end of a booked
// visit window, else after the priority's arrival_minutes, else after the warranty's hours.
// Pauses: time spent in WaitingCustomer, AwaitingItem, Resolved or Confirmed does not count, nor
// does a quote's wait for the customer's answer (until it is answered or the ticket leaves
// Assigned/InProgress/WaitingCustomer); either pushes every not-yet-met deadline back by that long,
// and `paused` is true while waiting on the customer either way.
// Boundary: a deadline due at T is still on time at T and overdue from T+1.
struct Deadline {
    SlaClock clock = SlaClock::FirstResponse;
    DeadlineStatus status = DeadlineStatus::NotApplicable;
    std::optional<UnixSeconds> started_at;
    std::optional<UnixSeconds> due_at;      // includes pauses so far; while paused it moves with the pause
    std::optional<UnixSeconds> met_at;
    std::int64_t allowance_seconds = 0;     // the clock's budget (for working days: due_at - started_at before pauses)
    std::int64_t remaining_seconds = 0;     // due_at - now (frozen while paused); negative when overdue
    EscalationLevel escalation_due = EscalationLevel::None; // what this clock alone calls for now

    bool Breached() const { return status == DeadlineStatus::MetLate || status == DeadlineStatus::Overdue; }
};

struct SlaStatus {
    std::vector<Deadline> deadlines; // always every SlaClock, in its order (Get indexes by clock)
    bool paused = false;
    std::int64_t paused_seconds = 0;  // total so far
    bool breached = false;            // any clock met late or overdue
    EscalationLevel escalation_due = EscalationLevel::None; // highest level any clock calls for
    // Next instant at which this status changes by itself (a breach or an escalation step), so the
    // server can schedule escalation and the client can redraw exactly then instead of polling.
    std::optional<UnixSeconds> next_change_at;

    const Deadline& Get(SlaClock clock) const { return deadlines[static_cast<int>(clock)]; }
};

SlaStatus EvaluateSla(const Ticket& ticket, UnixSeconds now, const Policy& policy);

// `status` `elapsed` seconds after it was evaluated, when nothing but time has moved (a client
// between two answers: every event brings a fresh status). Running clocks lose the time and are
// overdue from one second past due, as EvaluateSla would say; escalation comes from the server.
SlaStatus Aged(SlaStatus status, std::int64_t elapsed);

// How a ticket stands against its clocks, for the staff queue's filter and the SLA board:
//   Breached  a clock was met late or is overdue
//   Soon      the nearest running deadline is at most kBreachingSoonSeconds away
//   OnTrack   a clock runs with more time than that
//   None      no clock is running (paused, resolved, closed)
// The window is fixed rather than a share of the allowance: "due within half an hour" is what a
// supervisor acts on, whatever the priority (an urgent ticket is "soon" from the start, rightly).
enum class SlaUrgency { None, OnTrack, Soon, Breached };
inline constexpr std::int64_t kBreachingSoonSeconds = 30 * kSecondsPerMinute;

struct SlaOutlook {
    SlaUrgency urgency = SlaUrgency::None;
    std::optional<SlaClock> clock;     // the nearest running (or overdue) deadline, if any
    std::int64_t remaining_seconds = 0; // until that deadline; negative when overdue
};

// `elapsed`: seconds since `status` was evaluated (a client's countdown runs on between answers; see Aged).
SlaOutlook Outlook(const SlaStatus& status, std::int64_t elapsed = 0);

// The escalation step for `level` in the policy, if configured (who is notified).
const EscalationStep* FindEscalationStep(const Policy& policy, EscalationLevel level);

} // namespace aftercare::core
