// SLA evaluation from the ticket's timeline: clocks, pauses, breaches and due escalation.
#include "sla.h"

#include "calendar.h"
#include "quote.h"
#include "service_hours.h"
#include "warranty.h"

#include <algorithm>

namespace aftercare::core {

namespace {

struct Interval {
    UnixSeconds begin;
    UnixSeconds end; // open intervals end at `now`
};

// Time is "stopped" while the ticket waits on the customer: for information, for the returned
// item, or to confirm a resolution (a reopen resumes the resolution clock where it stood).
bool StopsClocks(TicketState state) {
    return IsPausedState(state) || state == TicketState::Resolved || state == TicketState::Confirmed;
}

// Facts the clocks need, read once from the timeline.
struct TimelineFacts {
    std::vector<Interval> stopped;  // in order, never overlapping
    bool quote_waiting = false;     // at the end: a quote waits for the customer's answer
    std::optional<UnixSeconds> first_staff_event;
    std::optional<UnixSeconds> first_departure;  // the engineer left (or arrived, if leaving went unrecorded)
    std::optional<UnixSeconds> first_arrival;
    std::optional<UnixSeconds> first_start;
    std::optional<UnixSeconds> last_resolve;
    std::optional<UnixSeconds> terminal_at;
};

TimelineFacts ReadTimeline(const Ticket& ticket, UnixSeconds now) {
    TimelineFacts facts;
    // A flag plus a value rather than optional<>: GCC 12 at -O2 misreports optional<int64> here.
    bool is_stopped = false;
    UnixSeconds stopped_since = 0;
    bool state_stops = false;
    // Clocks also stop while a quote waits for the customer: paid work cannot start before their
    // answer, so the wait is theirs, as with request_info, though the ticket stays with its engineer.
    // The wait ends with the answer, or when the ticket leaves the working states (a resolution
    // without the paid work, a cancellation): from then on the states alone decide.
    for (const TimelineEvent& event : ticket.timeline) {
        // A ticket staff registered for a caller or walk-in starts with their Created event; that is
        // the registration, not the response, so its clocks run exactly as a self-service ticket's.
        if (event.actor.role == ActorRole::Staff && event.type != EventType::Created && !facts.first_staff_event)
            facts.first_staff_event = event.at;
        if (event.type == EventType::Work && event.work) {
            const WorkKind kind = event.work->kind;
            if ((kind == WorkKind::Departure || kind == WorkKind::Arrival) && !facts.first_departure)
                facts.first_departure = event.at;
            if (kind == WorkKind::Arrival && !facts.first_arrival) facts.first_arrival = event.at;
        }
        if (event.IsWork(WorkKind::Quote)) facts.quote_waiting = true;
        if (event.IsWork(WorkKind::QuoteAccepted) || event.IsWork(WorkKind::QuoteDeclined)) facts.quote_waiting = false;
        if (event.type == EventType::Transition && event.action) {
            const Action action = *event.action;
            if (action == Action::Start && !facts.first_start) facts.first_start = event.at;
            if (action == Action::Resolve) facts.last_resolve = event.at;
            state_stops = StopsClocks(event.to_state);
            if (!QuoteCanWait(event.to_state)) facts.quote_waiting = false;
            if (IsTerminal(event.to_state) && !facts.terminal_at) facts.terminal_at = event.at;
        }
        const bool stops = state_stops || facts.quote_waiting;
        if (stops && !is_stopped) {
            is_stopped = true;
            stopped_since = event.at;
        }
        if (!stops && is_stopped) {
            facts.stopped.push_back({stopped_since, event.at});
            is_stopped = false;
        }
    }
    if (is_stopped) facts.stopped.push_back({stopped_since, std::max(now, stopped_since)});
    return facts;
}

// What a clock counts: the vendor's service hours, or (service == nullptr) elapsed seconds.
struct Counting {
    const ServiceTime* service = nullptr;

    std::int64_t Between(UnixSeconds from, UnixSeconds to) const {
        if (service) return service->OpenSecondsBetween(from, to);
        return to > from ? to - from : 0;
    }
    UnixSeconds Add(UnixSeconds start, std::int64_t seconds) const {
        return service ? service->AddOpenSeconds(start, seconds) : start + seconds;
    }
};

// Counted seconds of [from, to) spent stopped.
std::int64_t StoppedBetween(const std::vector<Interval>& stopped, UnixSeconds from, UnixSeconds to,
                            const Counting& counting) {
    std::int64_t total = 0;
    for (const Interval& interval : stopped) {
        const UnixSeconds begin = std::max(interval.begin, from);
        const UnixSeconds end = std::min(interval.end, to);
        if (end > begin) total += counting.Between(begin, end);
    }
    return total;
}

// One clock from its start, budget and (optional) completion. The budget is in counted seconds;
// stopped time is added to it, so the due instant is where the running (not stopped) counted
// time reaches the budget: in elapsed time start + allowance + stopped, as before.
Deadline EvaluateClock(SlaClock clock, UnixSeconds start, std::int64_t allowance, std::optional<UnixSeconds> met_at,
                       bool ticket_resolved, const TimelineFacts& facts, bool paused_now, UnixSeconds now,
                       const Counting& counting = {}) {
    Deadline deadline;
    deadline.clock = clock;
    deadline.started_at = start;
    deadline.allowance_seconds = allowance;
    if (met_at) {
        const std::int64_t stopped = StoppedBetween(facts.stopped, start, *met_at, counting);
        const std::int64_t elapsed = counting.Between(start, *met_at) - stopped;
        deadline.met_at = met_at;
        deadline.due_at = counting.Add(start, allowance + stopped);
        deadline.remaining_seconds = allowance - elapsed;
        deadline.status = elapsed <= allowance ? DeadlineStatus::MetOnTime : DeadlineStatus::MetLate;
        return deadline;
    }
    const UnixSeconds end = facts.terminal_at && !ticket_resolved ? std::min(*facts.terminal_at, now) : now;
    const std::int64_t stopped = StoppedBetween(facts.stopped, start, end, counting);
    deadline.due_at = counting.Add(start, allowance + stopped);
    deadline.remaining_seconds = *deadline.due_at - end;
    if (facts.terminal_at) {
        deadline.status = DeadlineStatus::Stopped;
    } else if (deadline.remaining_seconds < 0) {
        deadline.status = DeadlineStatus::Overdue;
    } else {
        deadline.status = paused_now ? DeadlineStatus::Paused : DeadlineStatus::Running;
    }
    return deadline;
}

// The escalation an overdue clock calls for, and when the next step would fire.
void ApplyEscalation(Deadline& deadline, const Policy& policy, UnixSeconds now, bool paused_now,
                     std::optional<UnixSeconds>& next_change_at) {
    auto consider = [&next_change_at, now](UnixSeconds at) {
        if (at > now && (!next_change_at || at < *next_change_at)) next_change_at = at;
    };
    if (deadline.status == DeadlineStatus::Running) consider(*deadline.due_at + 1);
    if (deadline.status != DeadlineStatus::Overdue) return;

    const std::int64_t overdue = now - *deadline.due_at; // > 0
    for (const EscalationStep& step : policy.sla.escalation) {
        // Fires once overdue * 100 >= percent * allowance, i.e. at due + ceil(percent * allowance / 100).
        const std::int64_t needed = std::max<std::int64_t>(
            1, (static_cast<std::int64_t>(step.overdue_percent) * deadline.allowance_seconds + 99) / 100);
        if (overdue >= needed) {
            deadline.escalation_due = std::max(deadline.escalation_due, step.level);
        } else if (!paused_now) {
            consider(*deadline.due_at + needed);
        }
    }
}

// Whether the product was under warranty on the day the ticket came in (the customer's calendar).
// An unknown purchase date counts as in warranty: the customer gets the shorter arrival promise.
// Key-part restarts live in the product register, not on the ticket, so they are not seen here.
bool InWarrantyAtSubmission(const Ticket& ticket, const Policy& policy) {
    const std::optional<CivilDate>& purchased = ticket.details.product.purchase_date;
    if (!purchased) return true;
    const CivilDate submitted = LocalDate(ticket.created_at, ticket.details.utc_offset_minutes);
    return !(CoveredUntil(*purchased, policy.warranty.months) < submitted);
}

// The arrival allowance of an on-site repair without a (future) booked window, in minutes.
std::int64_t ArrivalMinutes(const Ticket& ticket, const PrioritySla& priority_sla, const Policy& policy) {
    if (priority_sla.arrival_minutes) return *priority_sla.arrival_minutes;
    const int hours = InWarrantyAtSubmission(ticket, policy) ? policy.sla.arrival_in_warranty_hours
                                                            : policy.sla.arrival_out_of_warranty_hours;
    return static_cast<std::int64_t>(hours) * 60;
}

} // namespace

const EscalationStep* FindEscalationStep(const Policy& policy, EscalationLevel level) {
    for (const EscalationStep& step : policy.sla.escalation) {
        if (step.level == level) return &step;
    }
    return nullptr;
}

SlaStatus EvaluateSla(const Ticket& ticket, UnixSeconds now, const Policy& policy) {
    const TimelineFacts facts = ReadTimeline(ticket, now);
    const PrioritySla& priority_sla = policy.sla.For(ticket.priority);
    const TicketKind kind = ticket.details.kind;
    const bool paused_now = IsPausedState(ticket.state) || facts.quote_waiting;
    const bool resolved_now = ticket.state == TicketState::Resolved || ticket.state == TicketState::Confirmed ||
                              ticket.state == TicketState::Closed;
    const UnixSeconds created = ticket.created_at;

    SlaStatus status;
    status.paused = paused_now;
    status.paused_seconds = StoppedBetween(facts.stopped, created, now, Counting{});
    status.deadlines.resize(kSlaClockCount);
    auto slot = [&status](SlaClock clock) -> Deadline& { return status.deadlines[static_cast<std::size_t>(clock)]; };
    if (kind == TicketKind::Suggestion) {
        // No promise, so nothing to breach or escalate: a suggestion waits for the team's reading.
        for (std::size_t index = 0; index < kSlaClockCount; ++index) {
            status.deadlines[index].clock = static_cast<SlaClock>(index);
        }
        return status;
    }

    // Each clock counts service hours or elapsed time as the policy says (sla.basis).
    const WorkCalendar calendar = VendorCalendar(policy);
    const ServiceTime service_time(policy.service_hours, calendar, policy.calendar.vendor_utc_offset_minutes);
    auto counting = [&service_time](ClockBasis basis) {
        return basis == ClockBasis::ServiceHours ? Counting{&service_time} : Counting{};
    };
    const ClockBases& basis = policy.sla.basis;

    slot(SlaClock::FirstResponse) =
        EvaluateClock(SlaClock::FirstResponse, created,
                      static_cast<std::int64_t>(priority_sla.first_response_minutes) * kSecondsPerMinute,
                      facts.first_staff_event, false, facts, paused_now, now, counting(basis.first_response));

    // "如需现场服务…出发": only an on-site repair sends anyone out, and dispatch is met when the
    // engineer leaves (a Departure record), not when the ticket is assigned.
    const bool on_site = IsOnSite(ticket);
    Deadline& dispatch = slot(SlaClock::Dispatch);
    dispatch.clock = SlaClock::Dispatch;
    if (on_site && priority_sla.dispatch_minutes) {
        dispatch = EvaluateClock(SlaClock::Dispatch, created,
                                 static_cast<std::int64_t>(*priority_sla.dispatch_minutes) * kSecondsPerMinute,
                                 facts.first_departure, false, facts, paused_now, now, counting(basis.dispatch));
    }

    // Arrival on site: "在客户规定的时间内到达现场" by the end of a booked window (elapsed time: the
    // window is the customer's own clock); otherwise the priority's promise ("2 小时到达现场") or
    // the warranty's (12 h in, 48 h out). A window already over when submitted is no promise.
    const std::optional<VisitWindow> booked = BookedVisit(ticket);
    Deadline& arrival = slot(SlaClock::Arrival);
    arrival.clock = SlaClock::Arrival;
    if (on_site) {
        const std::optional<UnixSeconds> window_end =
            booked ? std::optional(SpanOf(*booked, ticket.details.utc_offset_minutes).end) : std::nullopt;
        if (window_end && *window_end > created) {
            arrival = EvaluateClock(SlaClock::Arrival, created, *window_end - created, facts.first_arrival, false, facts,
                                    paused_now, now);
        } else {
            arrival = EvaluateClock(SlaClock::Arrival, created,
                                    ArrivalMinutes(ticket, priority_sla, policy) * kSecondsPerMinute,
                                    facts.first_arrival, false, facts, paused_now, now, counting(basis.arrival));
        }
    }

    const std::optional<UnixSeconds> resolution_met = resolved_now ? facts.last_resolve : std::nullopt;
    Deadline resolution;
    resolution.clock = SlaClock::Resolution;
    switch (kind) {
    case TicketKind::Repair: {
        const std::int64_t allowance = static_cast<std::int64_t>(priority_sla.resolution_minutes) * kSecondsPerMinute;
        const Counting resolution_counting = counting(basis.resolution);
        if (priority_sla.resolution_from == ResolutionClockStart::Submitted ||
            (priority_sla.resolution_from == ResolutionClockStart::BookedVisit && !booked)) {
            resolution = EvaluateClock(SlaClock::Resolution, created, allowance, resolution_met, resolved_now, facts,
                                       paused_now, now, resolution_counting);
        } else if (priority_sla.resolution_from == ResolutionClockStart::BookedVisit) {
            // A visit at the agreed time: the allowance runs from the window's start, not from a
            // submission days earlier (a window already begun when submitted counts from submission).
            const UnixSeconds window_start = SpanOf(*booked, ticket.details.utc_offset_minutes).start;
            resolution = EvaluateClock(SlaClock::Resolution, std::max(created, window_start), allowance, resolution_met,
                                       resolved_now, facts, paused_now, now, resolution_counting);
        } else if (facts.first_start) {
            resolution = EvaluateClock(SlaClock::Resolution, *facts.first_start, allowance, resolution_met, resolved_now,
                                       facts, paused_now, now, resolution_counting);
        } else {
            resolution.status = facts.terminal_at ? DeadlineStatus::Stopped : DeadlineStatus::NotStarted;
            resolution.allowance_seconds = allowance;
        }
        break;
    }
    case TicketKind::Complaint: {
        // Due at the end of the N-th working day after the day of receipt, on the vendor's calendar.
        const UtcOffsetMinutes offset = policy.calendar.vendor_utc_offset_minutes;
        const DayNumber due_day =
            calendar.AddWorkingDays(LocalDayNumber(created, offset), policy.sla.complaint_answer_working_days);
        const UnixSeconds due = LocalDayStart(due_day + 1, offset) - 1;
        resolution = EvaluateClock(SlaClock::Resolution, created, due - created, resolution_met, resolved_now, facts,
                                   paused_now, now);
        break;
    }
    case TicketKind::Suggestion: break; // returned above
    case TicketKind::Consultation:
        resolution = EvaluateClock(SlaClock::Resolution, created,
                                   static_cast<std::int64_t>(policy.sla.consultation_answer_hours) * kSecondsPerHour,
                                   resolution_met, resolved_now, facts, paused_now, now,
                                   counting(basis.consultation_answer));
        break;
    case TicketKind::Return:
    case TicketKind::Exchange:
        // No per-ticket deadline unless the vendor promises one (the standard's 48 h is an average).
        if (policy.sla.returns_resolution_hours) {
            resolution = EvaluateClock(SlaClock::Resolution, created,
                                       static_cast<std::int64_t>(*policy.sla.returns_resolution_hours) * kSecondsPerHour,
                                       resolution_met, resolved_now, facts, paused_now, now,
                                       counting(basis.returns_resolution));
        }
        break;
    }
    slot(SlaClock::Resolution) = resolution;

    for (Deadline& deadline : status.deadlines) {
        ApplyEscalation(deadline, policy, now, paused_now, status.next_change_at);
        status.breached = status.breached || deadline.Breached();
        status.escalation_due = std::max(status.escalation_due, deadline.escalation_due);
    }
    return status;
}

namespace {

bool Ticking(const Deadline& deadline) {
    return deadline.status == DeadlineStatus::Running || deadline.status == DeadlineStatus::Overdue;
}

} // namespace

SlaStatus Aged(SlaStatus status, std::int64_t elapsed) {
    if (elapsed <= 0 || status.paused) return status;
    for (Deadline& deadline : status.deadlines) {
        if (!Ticking(deadline)) continue;
        deadline.remaining_seconds -= elapsed;
        if (deadline.remaining_seconds < 0) {
            deadline.status = DeadlineStatus::Overdue;
            status.breached = true;
        }
    }
    return status;
}

SlaOutlook Outlook(const SlaStatus& evaluated, std::int64_t elapsed) {
    const SlaStatus status = Aged(evaluated, elapsed);
    SlaOutlook outlook;
    for (const Deadline& deadline : status.deadlines) {
        if (!Ticking(deadline)) continue;
        if (!outlook.clock || deadline.remaining_seconds < outlook.remaining_seconds) {
            outlook.clock = deadline.clock;
            outlook.remaining_seconds = deadline.remaining_seconds;
        }
    }
    if (status.breached) {
        outlook.urgency = SlaUrgency::Breached;
    } else if (outlook.clock) {
        outlook.urgency = outlook.remaining_seconds <= kBreachingSoonSeconds ? SlaUrgency::Soon : SlaUrgency::OnTrack;
    }
    return outlook;
}

} // namespace aftercare::core
