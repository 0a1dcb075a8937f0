// On-site visits: dispatch met by the engineer leaving, the arrival deadline (priority promise,
// warranty hours, booked window) at its boundary seconds, and the departure/arrival records' rules.
#include "test_support.h"

#include "core/sla.h"
#include "core/state_machine.h"
#include "core/validation.h"
#include "core/work_log.h"

#include <algorithm>

using namespace aftercare::core;
using namespace aftercare::test;

namespace {

Deadline Clock(const SlaStatus& status, SlaClock clock) { return status.Get(clock); }

Ticket WithRepair(Ticket ticket, ServiceMode mode, std::optional<VisitWindow> visit = std::nullopt) {
    RepairDetails repair;
    repair.mode = mode;
    repair.visit = visit;
    ticket.details.repair = repair;
    return ticket;
}

// Accepted and assigned a minute and two after `created`.
Ticket Assigned(Ticket ticket, UnixSeconds created) {
    ticket = Apply(ticket, Action::Accept, Staff(), created + 60);
    return Apply(ticket, Action::Assign, Staff(), created + 120);
}

Result<Applied> Record(const Ticket& ticket, WorkKind kind, UnixSeconds now) {
    WorkEntry entry;
    entry.kind = kind;
    return RecordWork(ticket, Staff(), entry, now, Policy{});
}

Ticket Recorded(const Ticket& ticket, WorkKind kind, UnixSeconds now) {
    auto result = Record(ticket, kind, now);
    INFO(ToString(kind) << ": " << (result ? std::string() : result.GetError().message.en));
    REQUIRE(result.Ok());
    return std::move(result).Value().ticket;
}

} // namespace

TEST_CASE("dispatch is met by the departure, not by assigning the ticket", "[sla][visit]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    const Ticket assigned = Assigned(NewTicket(TicketKind::Repair, Priority::Serious, created), created);
    const UnixSeconds due = created + kSecondsPerHour;  // serious: leave within 1 h

    const Deadline waiting = Clock(EvaluateSla(assigned, due, policy), SlaClock::Dispatch);
    CHECK(waiting.status == DeadlineStatus::Running);  // assigned, nobody left yet
    CHECK(waiting.due_at == due);
    CHECK(Clock(EvaluateSla(assigned, due + 1, policy), SlaClock::Dispatch).status == DeadlineStatus::Overdue);

    const Ticket left_on_time = Recorded(assigned, WorkKind::Departure, due);
    CHECK(Clock(EvaluateSla(left_on_time, due + 60, policy), SlaClock::Dispatch).status == DeadlineStatus::MetOnTime);
    const Ticket left_late = Recorded(assigned, WorkKind::Departure, due + 1);
    CHECK(Clock(EvaluateSla(left_late, due + 60, policy), SlaClock::Dispatch).status == DeadlineStatus::MetLate);

    // An arrival with no departure recorded (the engineer forgot to tap) meets dispatch too.
    const Ticket arrived = Recorded(assigned, WorkKind::Arrival, due - 10);
    CHECK(Clock(EvaluateSla(arrived, due + 60, policy), SlaClock::Dispatch).met_at == due - 10);
}

TEST_CASE("serious and urgent faults: on site within 2 h, at the second and one past", "[sla][visit]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    for (Priority priority : {Priority::Serious, Priority::Urgent}) {
        INFO(ToString(priority));
        const Ticket ticket = NewTicket(TicketKind::Repair, priority, created);
        const UnixSeconds due = created + 2 * kSecondsPerHour;
        CHECK(Clock(EvaluateSla(ticket, due, policy), SlaClock::Arrival).status == DeadlineStatus::Running);
        CHECK(Clock(EvaluateSla(ticket, due, policy), SlaClock::Arrival).due_at == due);
        const SlaStatus late = EvaluateSla(ticket, due + 1, policy);
        CHECK(Clock(late, SlaClock::Arrival).status == DeadlineStatus::Overdue);
        CHECK(late.breached);

        const Ticket assigned = Assigned(ticket, created);
        const Ticket on_time = Recorded(Recorded(assigned, WorkKind::Departure, created + 600), WorkKind::Arrival, due);
        CHECK(Clock(EvaluateSla(on_time, due + 60, policy), SlaClock::Arrival).status == DeadlineStatus::MetOnTime);
        const Ticket arrived_late = Recorded(assigned, WorkKind::Arrival, due + 1);
        CHECK(Clock(EvaluateSla(arrived_late, due + 60, policy), SlaClock::Arrival).status == DeadlineStatus::MetLate);
    }
}

TEST_CASE("general faults: on site within 12 h in warranty, 48 h out of it", "[sla][visit]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, created);

    // No purchase date: counted as in warranty, the customer gets the shorter promise.
    CHECK(Clock(EvaluateSla(ticket, created, policy), SlaClock::Arrival).due_at == created + 12 * kSecondsPerHour);

    // Bought 2021-06-03: 36 months cover through 2024-06-03, the day of submission.
    ticket.details.product.purchase_date = CivilDate{2021, 6, 3};
    CHECK(Clock(EvaluateSla(ticket, created, policy), SlaClock::Arrival).due_at == created + 12 * kSecondsPerHour);
    // A day earlier, and the warranty ended the day before.
    ticket.details.product.purchase_date = CivilDate{2021, 6, 2};
    const Deadline out = Clock(EvaluateSla(ticket, created, policy), SlaClock::Arrival);
    CHECK(out.due_at == created + 48 * kSecondsPerHour);
    CHECK(Clock(EvaluateSla(ticket, created + 48 * kSecondsPerHour + 1, policy), SlaClock::Arrival).status ==
          DeadlineStatus::Overdue);
}

TEST_CASE("a booked visit window is the arrival promise", "[sla][visit]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    // Booked for Thursday afternoon (13:00-18:00): due at 18:00, days after the 12 h promise.
    const VisitWindow thursday{{2024, 6, 6}, VisitSlot::Afternoon};
    const Ticket ticket = WithRepair(NewTicket(TicketKind::Repair, Priority::General, created), ServiceMode::OnSite,
                                     thursday);
    const UnixSeconds window_end = At(2024, 6, 6, 18, 0);
    const Deadline arrival = Clock(EvaluateSla(ticket, created + 13 * kSecondsPerHour, policy), SlaClock::Arrival);
    CHECK(arrival.status == DeadlineStatus::Running);
    CHECK(arrival.due_at == window_end);

    const Ticket assigned = Assigned(ticket, created);
    const Ticket in_window = Recorded(assigned, WorkKind::Arrival, window_end);
    CHECK(Clock(EvaluateSla(in_window, window_end + 60, policy), SlaClock::Arrival).status == DeadlineStatus::MetOnTime);
    const Ticket after_window = Recorded(assigned, WorkKind::Arrival, window_end + 1);
    CHECK(Clock(EvaluateSla(after_window, window_end + 60, policy), SlaClock::Arrival).status ==
          DeadlineStatus::MetLate);

    // A window already over when the ticket came in is no promise: the priority's rule applies.
    const VisitWindow yesterday{{2024, 6, 2}, VisitSlot::Evening};
    const Ticket stale = WithRepair(NewTicket(TicketKind::Repair, Priority::General, created), ServiceMode::OnSite,
                                    yesterday);
    CHECK(Clock(EvaluateSla(stale, created, policy), SlaClock::Arrival).due_at == created + 12 * kSecondsPerHour);
}

TEST_CASE("repairs nobody visits have no dispatch or arrival clock, and no visit records", "[sla][visit]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    for (ServiceMode mode : {ServiceMode::Remote, ServiceMode::DropOff, ServiceMode::MailIn}) {
        INFO(ToString(mode));
        const Ticket ticket = WithRepair(NewTicket(TicketKind::Repair, Priority::Urgent, created), mode);
        const SlaStatus status = EvaluateSla(ticket, created + 3 * kSecondsPerHour, policy);
        CHECK(Clock(status, SlaClock::Dispatch).status == DeadlineStatus::NotApplicable);
        CHECK(Clock(status, SlaClock::Arrival).status == DeadlineStatus::NotApplicable);
        const Ticket assigned = Assigned(ticket, created);
        for (WorkKind kind : {WorkKind::Departure, WorkKind::Arrival}) {
            auto refused = Record(assigned, kind, created + 600);
            REQUIRE_FALSE(refused.Ok());
            CHECK(refused.GetError().code == "illegal_transition");
        }
    }
    const SlaStatus complaint = EvaluateSla(NewTicket(TicketKind::Complaint, Priority::Urgent, created), created, policy);
    CHECK(Clock(complaint, SlaClock::Arrival).status == DeadlineStatus::NotApplicable);
}

TEST_CASE("departure: once per visit, arrival starts the work", "[visit]") {
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    const Ticket assigned = Assigned(NewTicket(TicketKind::Repair, Priority::Serious, created), created);
    const Ticket on_the_way = Recorded(assigned, WorkKind::Departure, created + 600);
    CHECK(on_the_way.state == TicketState::Assigned);  // leaving is not yet working on the fault

    auto twice = Record(on_the_way, WorkKind::Departure, created + 700);
    REQUIRE_FALSE(twice.Ok());
    CHECK(twice.GetError().code == "already_done");

    const Ticket arrived = Recorded(on_the_way, WorkKind::Arrival, created + 3000);
    CHECK(arrived.state == TicketState::InProgress);
    // A second visit (say, with the ordered part) departs and arrives again.
    const Ticket second_visit = Recorded(arrived, WorkKind::Departure, created + 86400);
    CHECK(Recorded(second_visit, WorkKind::Arrival, created + 90000).state == TicketState::InProgress);
    // The clocks keep the first visit's times.
    const SlaStatus status = EvaluateSla(second_visit, created + 90000, Policy{});
    CHECK(Clock(status, SlaClock::Dispatch).met_at == created + 600);
    CHECK(Clock(status, SlaClock::Arrival).met_at == created + 3000);
}

TEST_CASE("a missed deadline is reported to both managers at once (the standard's default)", "[sla]") {
    const Policy policy;
    const EscalationStep* first = FindEscalationStep(policy, EscalationLevel::DepartmentManager);
    REQUIRE(first != nullptr);
    CHECK(first->overdue_percent == 0);
    const auto& roles = first->notify_roles;
    CHECK(std::find(roles.begin(), roles.end(), "department_manager") != roles.end());
    CHECK(std::find(roles.begin(), roles.end(), "general_manager") != roles.end());
}

TEST_CASE("rescheduling moves the booked window and the clocks with it, and keeps the history", "[sla][visit]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    const VisitWindow thursday{{2024, 6, 6}, VisitSlot::Afternoon};
    const Ticket booked = Assigned(WithRepair(NewTicket(TicketKind::Repair, Priority::General, created),
                                              ServiceMode::OnSite, thursday),
                                   created);

    TransitionRequest request;
    request.action = Action::Reschedule;
    request.actor = Staff();
    request.note = "客户来电：周四不在家，改到周五上午";
    request.visit = VisitWindow{{2024, 6, 7}, VisitSlot::Morning};
    auto moved = Transition(booked, request, created + 3600, policy);
    REQUIRE(moved.Ok());
    const Ticket& ticket = moved.Value().ticket;
    CHECK(ticket.state == TicketState::Assigned);
    CHECK(BookedVisit(ticket) == request.visit);
    CHECK(moved.Value().event.visit == request.visit);
    const SlaStatus status = EvaluateSla(ticket, created + 3600, policy);
    CHECK(Clock(status, SlaClock::Arrival).due_at == At(2024, 6, 7, 12, 0));     // the new window's end
    CHECK(Clock(status, SlaClock::Resolution).started_at == At(2024, 6, 7, 9, 0)); // from its start

    // The same window again, none at all, no reason, a past day or beyond the booking horizon: refused.
    TransitionRequest same = request;
    CHECK(Transition(ticket, same, created + 7200, policy).GetError().code == "unchanged");
    TransitionRequest none = request;
    none.visit.reset();
    CHECK(Transition(booked, none, created + 3600, policy).GetError().field == "visit");
    TransitionRequest silent = request;
    silent.note.clear();
    CHECK(Transition(booked, silent, created + 3600, policy).GetError().field == "note");
    TransitionRequest past = request;
    past.visit->date = {2024, 6, 2};
    CHECK(Transition(booked, past, created + 3600, policy).GetError().code == "out_of_range");
    TransitionRequest far = request;
    far.visit->date = AddDays({2024, 6, 3}, kVisitBookingDays + 1);
    CHECK(Transition(booked, far, created + 3600, policy).GetError().field == "visit.date");

    // A repair nobody visits has no window to move.
    const Ticket drop_off = WithRepair(NewTicket(TicketKind::Repair, Priority::General, created), ServiceMode::DropOff);
    CHECK(Transition(drop_off, request, created + 3600, policy).GetError().code == "illegal_transition");
}
