// Clocks on service hours and booked visits: business time across a weekend and a holiday, a
// make-up workday, per-clock elapsed time, pauses counted in open seconds, and the resolution
// allowance of a booked visit running from the window's start.
#include "test_support.h"

#include "core/sla.h"

using namespace aftercare::core;
using namespace aftercare::test;

namespace {

// 周一至周五 9:00–17:00 with the 2026 National Day holiday (1–7 Oct off, Sat 10 Oct worked).
Policy OfficeHoursPolicy() {
    Policy policy;
    policy.service_hours.round_the_clock = false;
    for (int day = 1; day <= 7; ++day) policy.calendar.holidays.push_back({2026, 10, day});
    policy.calendar.makeup_workdays = {{2026, 9, 20}, {2026, 10, 10}};
    return policy;
}

Ticket BookedRepair(Priority priority, UnixSeconds created, VisitWindow window) {
    TicketDraft draft = SampleDraft(TicketKind::Repair, priority);
    draft.repair = RepairDetails{};
    draft.repair->mode = ServiceMode::OnSite;
    draft.repair->visit = window;
    return CreateTicket(draft, "R7KX-4M9Q-P2HC", created);
}

Deadline Clock(const SlaStatus& status, SlaClock clock) { return status.Get(clock); }

} // namespace

TEST_CASE("service hours: a Friday-evening ticket's first response is due on Monday, on time at T, late at T+1",
          "[sla][service_hours]") {
    const Policy policy = OfficeHoursPolicy();
    const UnixSeconds created = At(2026, 6, 5, 18, 30); // Friday, after closing
    const Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, created);
    const UnixSeconds due = At(2026, 6, 8, 11, 0);     // Monday 09:00 + 2 h
    const Deadline at_due = Clock(EvaluateSla(ticket, due, policy), SlaClock::FirstResponse);
    CHECK(at_due.due_at == due);
    CHECK(at_due.status == DeadlineStatus::Running);
    CHECK(at_due.remaining_seconds == 0);
    CHECK(Clock(EvaluateSla(ticket, due + 1, policy), SlaClock::FirstResponse).status == DeadlineStatus::Overdue);
    // The weekend is not a breach: Saturday noon the clock has not used a second.
    CHECK(Clock(EvaluateSla(ticket, At(2026, 6, 6, 12, 0), policy), SlaClock::FirstResponse).remaining_seconds ==
          due - At(2026, 6, 6, 12, 0));
}

TEST_CASE("service hours: the resolution clock skips a holiday and works a make-up Saturday", "[sla][service_hours]") {
    const Policy policy = OfficeHoursPolicy();
    // Wednesday 30 Sep 13:00, general, no booking: 8 h = 4 h that day + 4 h on Thursday 8 Oct.
    const Ticket holiday = NewTicket(TicketKind::Repair, Priority::General, At(2026, 9, 30, 13, 0));
    CHECK(Clock(EvaluateSla(holiday, At(2026, 9, 30, 13, 0), policy), SlaClock::Resolution).due_at ==
          At(2026, 10, 8, 13, 0));
    // Friday 9 Oct 13:00: 4 h that day, 4 h on the make-up Saturday.
    const Ticket makeup = NewTicket(TicketKind::Repair, Priority::General, At(2026, 10, 9, 13, 0));
    CHECK(Clock(EvaluateSla(makeup, At(2026, 10, 9, 13, 0), policy), SlaClock::Resolution).due_at ==
          At(2026, 10, 10, 13, 0));
}

TEST_CASE("service hours: a clock set to elapsed time ignores the opening hours", "[sla][service_hours]") {
    Policy policy = OfficeHoursPolicy();
    policy.sla.basis.first_response = ClockBasis::Elapsed;
    const UnixSeconds created = At(2026, 6, 5, 18, 30);
    const Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, created);
    const SlaStatus status = EvaluateSla(ticket, created, policy);
    CHECK(Clock(status, SlaClock::FirstResponse).due_at == created + 2 * kSecondsPerHour);
    CHECK(Clock(status, SlaClock::Resolution).due_at == At(2026, 6, 8, 17, 0)); // still service hours
}

TEST_CASE("service hours: a pause pushes the deadline by the open seconds it took", "[sla][service_hours]") {
    const Policy policy = OfficeHoursPolicy();
    const UnixSeconds created = At(2026, 6, 8, 9, 0); // Monday
    Ticket ticket = NewTicket(TicketKind::Consultation, Priority::General, created);
    ticket = Apply(ticket, Action::Accept, Staff(), created + 60, policy);
    // Waiting on the customer from Monday 16:00 to Tuesday 10:00: 2 open hours stopped.
    ticket = Apply(ticket, Action::RequestInfo, Staff(), At(2026, 6, 8, 16, 0), policy);
    ticket = Apply(ticket, Action::CustomerReply, Customer(), At(2026, 6, 9, 10, 0), policy);
    // 24 service hours = three 8-hour days: Wednesday 17:00, plus the 2 stopped hours: Thursday 11:00.
    const Deadline answer = Clock(EvaluateSla(ticket, At(2026, 6, 9, 10, 0), policy), SlaClock::Resolution);
    CHECK(answer.due_at == At(2026, 6, 11, 11, 0));
}

TEST_CASE("booked visit: resolution runs from the window's start, on time at T and late at T+1", "[sla][visit]") {
    const Policy policy; // 7×24, general resolution 8 h from the booked visit
    const UnixSeconds created = At(2026, 6, 1, 20, 0);
    const Ticket ticket = BookedRepair(Priority::General, created, {{2026, 6, 4}, VisitSlot::Afternoon});
    const UnixSeconds window_start = At(2026, 6, 4, 13, 0);
    const UnixSeconds due = window_start + 8 * kSecondsPerHour;

    // Three days after submission nothing has breached: the old rule (8 h from submission) did.
    const SlaStatus before = EvaluateSla(ticket, window_start - 1, policy);
    CHECK_FALSE(Clock(before, SlaClock::Resolution).Breached());
    CHECK(Clock(before, SlaClock::Resolution).started_at == window_start);
    CHECK(Clock(before, SlaClock::Resolution).due_at == due);
    CHECK(Clock(EvaluateSla(ticket, due, policy), SlaClock::Resolution).status == DeadlineStatus::Running);
    CHECK(Clock(EvaluateSla(ticket, due + 1, policy), SlaClock::Resolution).status == DeadlineStatus::Overdue);
}

TEST_CASE("booked visit: a window already begun counts from submission — other modes and policies from submission",
          "[sla][visit]") {
    Policy policy;
    // Booked this afternoon at 15:00 for this afternoon's window (13:00–18:00): from submission.
    const UnixSeconds created = At(2026, 6, 4, 15, 0);
    const Ticket same_day = BookedRepair(Priority::General, created, {{2026, 6, 4}, VisitSlot::Afternoon});
    CHECK(Clock(EvaluateSla(same_day, created, policy), SlaClock::Resolution).due_at == created + 8 * kSecondsPerHour);

    // A vendor who keeps the old rule (resolution_from "submitted").
    policy.sla.general.resolution_from = ResolutionClockStart::Submitted;
    const UnixSeconds early = At(2026, 6, 1, 20, 0);
    const Ticket booked = BookedRepair(Priority::General, early, {{2026, 6, 4}, VisitSlot::Morning});
    CHECK(Clock(EvaluateSla(booked, early, policy), SlaClock::Resolution).due_at == early + 8 * kSecondsPerHour);

    // Drop-off repairs have no visit, whatever the form once held.
    const Policy defaults;
    TicketDraft draft = SampleDraft(TicketKind::Repair, Priority::General);
    draft.repair = RepairDetails{ServiceMode::DropOff, VisitWindow{{2026, 6, 4}, VisitSlot::Morning}, "", ""};
    const Ticket drop_off = CreateTicket(draft, "R7KX-4M9Q-P2HC", early);
    CHECK(Clock(EvaluateSla(drop_off, early, defaults), SlaClock::Resolution).due_at == early + 8 * kSecondsPerHour);
}

TEST_CASE("booked visit on office hours: the window's start plus the allowance in open seconds", "[sla][visit][service_hours]") {
    const Policy policy = OfficeHoursPolicy();
    // Serious (4 h), booked for Friday 9 Oct afternoon: 13:00–17:00 uses it all, due at closing.
    const Ticket ticket = BookedRepair(Priority::Serious, At(2026, 9, 29, 10, 0), {{2026, 10, 9}, VisitSlot::Afternoon});
    CHECK(Clock(EvaluateSla(ticket, At(2026, 9, 29, 10, 0), policy), SlaClock::Resolution).due_at ==
          At(2026, 10, 9, 17, 0));
}

TEST_CASE("dispatch runs only for on-site repairs (如需现场服务)", "[sla]") {
    const Policy policy;
    const UnixSeconds created = At(2026, 6, 1, 10, 0);
    for (ServiceMode mode : {ServiceMode::Remote, ServiceMode::DropOff, ServiceMode::MailIn}) {
        TicketDraft draft = SampleDraft(TicketKind::Repair, Priority::Serious);
        draft.repair = RepairDetails{mode, std::nullopt, "", ""};
        const Ticket ticket = CreateTicket(draft, "R7KX-4M9Q-P2HC", created);
        INFO(ToString(mode));
        const SlaStatus status = EvaluateSla(ticket, created + 2 * kSecondsPerHour, policy);
        CHECK(Clock(status, SlaClock::Dispatch).status == DeadlineStatus::NotApplicable);
    }
    TicketDraft on_site = SampleDraft(TicketKind::Repair, Priority::Serious);
    on_site.repair = RepairDetails{ServiceMode::OnSite, std::nullopt, "", ""};
    const Ticket visit = CreateTicket(on_site, "R7KX-4M9Q-P2HC", created);
    CHECK(Clock(EvaluateSla(visit, created + kSecondsPerHour, policy), SlaClock::Dispatch).status ==
          DeadlineStatus::Running);
    CHECK(Clock(EvaluateSla(visit, created + kSecondsPerHour + 1, policy), SlaClock::Dispatch).status ==
          DeadlineStatus::Overdue);
}
