// SLA clocks: boundary seconds, pauses, urgent arrival start, working-day complaints, escalation timing.
#include "test_support.h"

#include "core/quote.h"
#include "core/sla.h"
#include "core/work_log.h"

using namespace aftercare::core;
using namespace aftercare::test;

namespace {

// By value: callers often pass a temporary SlaStatus.
Deadline Clock(const SlaStatus& status, SlaClock clock) { return status.Get(clock); }

// A serious on-site repair with the engineer on site from +10 min (the arrival starts the work), so
// only its 4 h resolution clock runs on.
Ticket OnSiteSerious(UnixSeconds created, const Policy& policy) {
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::Serious, created);
    ticket = Apply(ticket, Action::Accept, Staff(), created + 60);
    ticket = Apply(ticket, Action::Assign, Staff(), created + 120);
    WorkEntry arrival;
    arrival.kind = WorkKind::Arrival;
    auto arrived = RecordWork(ticket, Staff(), arrival, created + 600, policy);
    REQUIRE(arrived.Ok());
    return std::move(arrived).Value().ticket;
}

// A paid quote (a new main board, the unit long out of warranty) recorded at `at`.
Ticket WithQuote(const Ticket& ticket, UnixSeconds at, const Policy& policy) {
    WorkEntry entry;
    entry.kind = WorkKind::Quote;
    entry.quote = Quote{{PartUsed{"MB-2040", "主板", "", true, 1, 15000}}, false, {}};
    entry.warranty = WarrantyQuery{{2018, 1, 10}, LocalDate(at, kChinaUtcOffset), {}, {}, false};
    auto quoted = RecordWork(ticket, Staff(), entry, at, policy);
    REQUIRE(quoted.Ok());
    return std::move(quoted).Value().ticket;
}

Ticket WithAnswer(const Ticket& ticket, bool accept, UnixSeconds at) {
    auto answered = AnswerQuote(ticket, accept, at);
    REQUIRE(answered.Ok());
    return std::move(answered).Value().ticket;
}

} // namespace

TEST_CASE("first response: on time at the deadline second, overdue one second later", "[sla]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    const Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, created);
    const UnixSeconds due = created + 2 * kSecondsPerHour;

    const SlaStatus at_due = EvaluateSla(ticket, due, policy);
    CHECK(Clock(at_due, SlaClock::FirstResponse).status == DeadlineStatus::Running);
    CHECK(Clock(at_due, SlaClock::FirstResponse).due_at == due);
    CHECK(Clock(at_due, SlaClock::FirstResponse).remaining_seconds == 0);
    CHECK_FALSE(at_due.breached);
    CHECK(at_due.escalation_due == EscalationLevel::None);
    CHECK(at_due.next_change_at == due + 1);

    const SlaStatus after = EvaluateSla(ticket, due + 1, policy);
    CHECK(Clock(after, SlaClock::FirstResponse).status == DeadlineStatus::Overdue);
    CHECK(Clock(after, SlaClock::FirstResponse).remaining_seconds == -1);
    CHECK(after.breached);
    CHECK(after.escalation_due == EscalationLevel::DepartmentManager);
    CHECK(after.next_change_at == due + 2 * kSecondsPerHour); // general manager at 100 % overdue

    // Met exactly at the deadline counts as on time; a second later as late.
    const Ticket on_time = Apply(ticket, Action::Accept, Staff(), due);
    CHECK(Clock(EvaluateSla(on_time, due + 100, policy), SlaClock::FirstResponse).status == DeadlineStatus::MetOnTime);
    const Ticket late = Apply(ticket, Action::Accept, Staff(), due + 1);
    const SlaStatus late_status = EvaluateSla(late, due + 100, policy);
    CHECK(Clock(late_status, SlaClock::FirstResponse).status == DeadlineStatus::MetLate);
    CHECK(late_status.breached);
    CHECK(late_status.escalation_due == EscalationLevel::None); // met: nothing left to escalate
}

TEST_CASE("a staff message counts as the first response", "[sla]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    const Ticket ticket = NewTicket(TicketKind::Consultation, Priority::General, created);
    auto replied = AddMessage(ticket, Staff(), "您好，我们已收到", created + 300);
    REQUIRE(replied.Ok());
    const Deadline first = Clock(EvaluateSla(replied.Value().ticket, created + 400, policy), SlaClock::FirstResponse);
    CHECK(first.status == DeadlineStatus::MetOnTime);
    CHECK(first.met_at == created + 300);
}

TEST_CASE("a ticket staff registered for a caller keeps the self-service clocks - registering is not responding",
          "[sla][channel]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    TicketDraft draft = SampleDraft(TicketKind::Repair, Priority::General);
    draft.channel = Channel::Phone;
    const Ticket taken = CreateTicket(draft, "R7KX-4M9Q-P2HC", created, Staff("desk01"));
    const Ticket self_service = NewTicket(TicketKind::Repair, Priority::General, created);
    const SlaStatus a = EvaluateSla(taken, created + 600, policy);
    const SlaStatus b = EvaluateSla(self_service, created + 600, policy);
    CHECK(Clock(a, SlaClock::FirstResponse).status == DeadlineStatus::Running);
    CHECK(Clock(a, SlaClock::FirstResponse).due_at == Clock(b, SlaClock::FirstResponse).due_at);
    CHECK(Clock(a, SlaClock::Resolution).due_at == Clock(b, SlaClock::Resolution).due_at);
    // The member's next step (accepting it) is the first response, as for any ticket.
    const Ticket accepted = Apply(taken, Action::Accept, Staff("desk01"), created + 60);
    CHECK(Clock(EvaluateSla(accepted, created + 600, policy), SlaClock::FirstResponse).met_at == created + 60);
}

TEST_CASE("priorities use their own deadlines - dispatch only where one is set", "[sla]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    const SlaStatus general = EvaluateSla(NewTicket(TicketKind::Repair, Priority::General, created), created, policy);
    CHECK(Clock(general, SlaClock::Dispatch).status == DeadlineStatus::NotApplicable); // agreed time
    CHECK(Clock(general, SlaClock::Resolution).due_at == created + 8 * kSecondsPerHour);

    const SlaStatus serious = EvaluateSla(NewTicket(TicketKind::Repair, Priority::Serious, created), created, policy);
    CHECK(Clock(serious, SlaClock::FirstResponse).due_at == created + 15 * kSecondsPerMinute);
    CHECK(Clock(serious, SlaClock::Dispatch).due_at == created + kSecondsPerHour);
    CHECK(Clock(serious, SlaClock::Resolution).due_at == created + 4 * kSecondsPerHour);

    const SlaStatus urgent = EvaluateSla(NewTicket(TicketKind::Repair, Priority::Urgent, created), created, policy);
    CHECK(Clock(urgent, SlaClock::FirstResponse).due_at == created + 10 * kSecondsPerMinute);
    CHECK(Clock(urgent, SlaClock::Dispatch).due_at == created + 10 * kSecondsPerMinute);
    CHECK(Clock(urgent, SlaClock::Resolution).status == DeadlineStatus::NotStarted);

    // Non-repair kinds have no dispatch clock.
    const SlaStatus complaint =
        EvaluateSla(NewTicket(TicketKind::Complaint, Priority::Urgent, created), created, policy);
    CHECK(Clock(complaint, SlaClock::Dispatch).status == DeadlineStatus::NotApplicable);
}

TEST_CASE("urgent resolution counts 2 h from arrival (Start)", "[sla]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::Urgent, created);
    ticket = Apply(ticket, Action::Accept, Staff(), created + 60);
    ticket = Apply(ticket, Action::Assign, Staff(), created + 120);
    const UnixSeconds arrived = created + 3 * kSecondsPerHour;
    ticket = Apply(ticket, Action::Start, Staff(), arrived);
    const Deadline resolution = Clock(EvaluateSla(ticket, arrived + 10, policy), SlaClock::Resolution);
    CHECK(resolution.status == DeadlineStatus::Running);
    CHECK(resolution.started_at == arrived);
    CHECK(resolution.due_at == arrived + 2 * kSecondsPerHour);
}

TEST_CASE("resolution across midnight keeps counting (service is 7x24)", "[sla]") {
    const Policy policy;
    // Friday 20:00 + 8 h = Saturday 04:00: midnight and the weekend do not stop a repair clock.
    const UnixSeconds created = At(2024, 3, 8, 20, 0);
    const SlaStatus status = EvaluateSla(NewTicket(TicketKind::Repair, Priority::General, created), created, policy);
    CHECK(Clock(status, SlaClock::Resolution).due_at == At(2024, 3, 9, 4, 0));
}

TEST_CASE("pause while waiting on the customer, resume with the same remaining time", "[sla]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    Ticket ticket = OnSiteSerious(created, policy);
    const UnixSeconds paused_at = created + kSecondsPerHour;
    ticket = Apply(ticket, Action::RequestInfo, Staff(), paused_at, policy, "请拍一张铭牌照片");

    const SlaStatus at_pause = EvaluateSla(ticket, paused_at, policy);
    const SlaStatus much_later = EvaluateSla(ticket, paused_at + 3 * kSecondsPerDay, policy);
    CHECK(much_later.paused);
    CHECK(Clock(much_later, SlaClock::Resolution).status == DeadlineStatus::Paused);
    CHECK(Clock(much_later, SlaClock::Resolution).remaining_seconds ==
          Clock(at_pause, SlaClock::Resolution).remaining_seconds);
    CHECK(Clock(much_later, SlaClock::Resolution).remaining_seconds == 3 * kSecondsPerHour);
    CHECK_FALSE(much_later.breached);
    CHECK_FALSE(much_later.next_change_at); // nothing changes by itself while paused

    const UnixSeconds resumed_at = paused_at + 2 * kSecondsPerHour;
    ticket = Apply(ticket, Action::CustomerReply, Customer(), resumed_at);
    const Deadline resolution = Clock(EvaluateSla(ticket, resumed_at, policy), SlaClock::Resolution);
    CHECK(resolution.status == DeadlineStatus::Running);
    CHECK(resolution.due_at == created + 4 * kSecondsPerHour + 2 * kSecondsPerHour);
    CHECK(resolution.remaining_seconds == 3 * kSecondsPerHour);
    const SlaStatus boundary = EvaluateSla(ticket, *resolution.due_at, policy);
    CHECK_FALSE(boundary.breached);
    CHECK(EvaluateSla(ticket, *resolution.due_at + 1, policy).breached);
    CHECK(EvaluateSla(ticket, resumed_at, policy).paused_seconds == 2 * kSecondsPerHour);
}

TEST_CASE("a quote waiting for the customer's answer stops the clocks until it is answered", "[sla][quote]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    const UnixSeconds quoted_at = created + kSecondsPerHour;
    Ticket ticket = WithQuote(OnSiteSerious(created, policy), quoted_at, policy);
    REQUIRE(ticket.state == TicketState::InProgress); // the ticket stays with its engineer

    const SlaStatus days_later = EvaluateSla(ticket, quoted_at + 3 * kSecondsPerDay, policy);
    CHECK(days_later.paused);
    CHECK(Clock(days_later, SlaClock::Resolution).status == DeadlineStatus::Paused);
    CHECK(Clock(days_later, SlaClock::Resolution).remaining_seconds == 3 * kSecondsPerHour);
    CHECK_FALSE(days_later.breached);
    CHECK(days_later.escalation_due == EscalationLevel::None);
    CHECK_FALSE(days_later.next_change_at);

    SECTION("the answer, yes or no, starts them again where they stood") {
        for (const bool accept : {true, false}) {
            INFO("accepted: " << accept);
            const UnixSeconds answered_at = quoted_at + 2 * kSecondsPerHour;
            const SlaStatus status = EvaluateSla(WithAnswer(ticket, accept, answered_at), answered_at, policy);
            CHECK_FALSE(status.paused);
            CHECK(Clock(status, SlaClock::Resolution).status == DeadlineStatus::Running);
            CHECK(Clock(status, SlaClock::Resolution).due_at == created + 4 * kSecondsPerHour + 2 * kSecondsPerHour);
            CHECK(status.paused_seconds == 2 * kSecondsPerHour);
        }
    }
    SECTION("a request for information during the wait is not counted twice") {
        ticket = Apply(ticket, Action::RequestInfo, Staff(), quoted_at + 1800, policy, "请拍一张铭牌照片");
        ticket = Apply(ticket, Action::CustomerReply, Customer(), quoted_at + 3600);
        CHECK(EvaluateSla(ticket, quoted_at + 3600, policy).paused); // the quote still waits
        ticket = WithAnswer(ticket, true, quoted_at + 2 * kSecondsPerHour);
        const SlaStatus status = EvaluateSla(ticket, quoted_at + 2 * kSecondsPerHour, policy);
        CHECK(status.paused_seconds == 2 * kSecondsPerHour);
        CHECK(Clock(status, SlaClock::Resolution).remaining_seconds == 3 * kSecondsPerHour);
    }
    SECTION("a ticket resolved without the paid work no longer waits on that quote once reopened") {
        const UnixSeconds resolved_at = quoted_at + kSecondsPerHour; // a free report: the board was only reseated
        ticket = Apply(ticket, Action::Resolve, Staff(), resolved_at, policy);
        const UnixSeconds reopened_at = resolved_at + kSecondsPerDay;
        ticket = Apply(ticket, Action::Reopen, Customer(), reopened_at, policy, "又坏了");
        const SlaStatus status = EvaluateSla(ticket, reopened_at + 60, policy);
        CHECK_FALSE(status.paused);
        CHECK(Clock(status, SlaClock::Resolution).status == DeadlineStatus::Running);
        CHECK(status.paused_seconds == kSecondsPerHour + kSecondsPerDay);
    }
}

TEST_CASE("returns and exchanges have no resolution deadline by default - the 48 h is an average", "[sla]") {
    const Policy policy;
    REQUIRE_FALSE(policy.sla.returns_resolution_hours);
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    for (const TicketKind kind : {TicketKind::Return, TicketKind::Exchange}) {
        Ticket ticket = NewTicket(kind, Priority::General, created);
        const SlaStatus week_later = EvaluateSla(ticket, created + 7 * kSecondsPerDay, policy);
        CHECK(Clock(week_later, SlaClock::Resolution).status == DeadlineStatus::NotApplicable);
        CHECK_FALSE(Clock(week_later, SlaClock::Resolution).due_at);
        // The first-response clock still runs (and is breached after a week without an answer).
        CHECK(Clock(week_later, SlaClock::FirstResponse).status == DeadlineStatus::Overdue);
        ticket = Apply(ticket, Action::Accept, Staff(), created + 60);
        CHECK_FALSE(EvaluateSla(ticket, created + 30 * kSecondsPerDay, policy).breached);
    }
}

TEST_CASE("a vendor's per-ticket returns deadline pauses while the item travels back", "[sla]") {
    Policy policy;
    policy.sla.returns_resolution_hours = 48;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    Ticket ticket = NewTicket(TicketKind::Return, Priority::General, created);
    ticket = Apply(ticket, Action::Accept, Staff(), created + 60);
    ticket = Apply(ticket, Action::Approve, Staff(), created + 3600);
    ticket = Apply(ticket, Action::ReceiveItem, Staff(), created + 3600 + 5 * kSecondsPerDay);
    const Deadline resolution = Clock(EvaluateSla(ticket, created + 3600 + 5 * kSecondsPerDay, policy), SlaClock::Resolution);
    CHECK(resolution.due_at == created + 48 * kSecondsPerHour + 5 * kSecondsPerDay);
    CHECK(resolution.status == DeadlineStatus::Running);
}

TEST_CASE("complaints are answered within 3 working days, across a weekend", "[sla]") {
    const Policy policy;
    // Friday 23:30 Beijing: Mon, Tue, Wed count; due at the last second of Wednesday.
    const UnixSeconds created = At(2024, 3, 8, 23, 30);
    const Ticket ticket = NewTicket(TicketKind::Complaint, Priority::General, created);
    const Deadline answer = Clock(EvaluateSla(ticket, created, policy), SlaClock::Resolution);
    const UnixSeconds due = At(2024, 3, 13, 23, 59, 59);
    CHECK(answer.due_at == due);
    CHECK(Clock(EvaluateSla(ticket, due, policy), SlaClock::Resolution).status == DeadlineStatus::Running);
    CHECK(Clock(EvaluateSla(ticket, due + 1, policy), SlaClock::Resolution).status == DeadlineStatus::Overdue);

    // Half an hour later it is Saturday in Beijing: the same three working days.
    const Ticket saturday = NewTicket(TicketKind::Complaint, Priority::General, At(2024, 3, 9, 0, 0));
    CHECK(Clock(EvaluateSla(saturday, created, policy), SlaClock::Resolution).due_at == due);
}

TEST_CASE("complaint deadline skips policy holidays and honours make-up workdays", "[sla]") {
    Policy policy;
    for (int day = 1; day <= 7; ++day) policy.calendar.holidays.push_back({2024, 10, day});
    policy.calendar.makeup_workdays = {{2024, 9, 29}, {2024, 10, 12}};
    // Saturday 28 Sep: Sunday 29 (made up) = 1, Monday 30 = 2, 1–7 Oct off, Tuesday 8 Oct = 3.
    const Ticket ticket = NewTicket(TicketKind::Complaint, Priority::General, At(2024, 9, 28, 10, 0));
    CHECK(Clock(EvaluateSla(ticket, At(2024, 9, 28, 10, 0), policy), SlaClock::Resolution).due_at ==
          At(2024, 10, 8, 23, 59, 59));
}

TEST_CASE("reopen resumes the resolution clock without the time spent resolved", "[sla]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, created);
    ticket = Apply(ticket, Action::Accept, Staff(), created + 60);
    ticket = Apply(ticket, Action::Assign, Staff(), created + 120);
    ticket = Apply(ticket, Action::Start, Staff(), created + 180);
    ticket = Apply(ticket, Action::Resolve, Staff(), created + 2 * kSecondsPerHour);
    CHECK(Clock(EvaluateSla(ticket, created + 3 * kSecondsPerHour, policy), SlaClock::Resolution).status ==
          DeadlineStatus::MetOnTime);
    ticket = Apply(ticket, Action::Reopen, Customer(), created + 26 * kSecondsPerHour, policy, "又坏了");
    CHECK(ticket.state == TicketState::Assigned);
    const Deadline resolution = Clock(EvaluateSla(ticket, created + 26 * kSecondsPerHour, policy), SlaClock::Resolution);
    CHECK(resolution.status == DeadlineStatus::Running);
    CHECK(resolution.remaining_seconds == 6 * kSecondsPerHour);
}

TEST_CASE("cancelled tickets stop their clocks", "[sla]") {
    const Policy policy;
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::Urgent, created);
    ticket = Apply(ticket, Action::Cancel, Customer(), created + 60);
    const SlaStatus status = EvaluateSla(ticket, created + kSecondsPerDay, policy);
    CHECK(Clock(status, SlaClock::FirstResponse).status == DeadlineStatus::Stopped);
    CHECK_FALSE(status.breached);
    CHECK(status.escalation_due == EscalationLevel::None);
    CHECK_FALSE(status.next_change_at);
}

TEST_CASE("escalation thresholds scale with the allowance", "[sla]") {
    Policy policy;
    policy.sla.escalation = {{EscalationLevel::DepartmentManager, 0, {"department_manager"}},
                             {EscalationLevel::GeneralManager, 50, {"general_manager"}}};
    const UnixSeconds created = At(2024, 6, 3, 9, 0);
    const Ticket ticket = NewTicket(TicketKind::Repair, Priority::Urgent, created);
    const UnixSeconds due = created + 10 * kSecondsPerMinute; // first response and dispatch
    CHECK(EvaluateSla(ticket, due + 1, policy).escalation_due == EscalationLevel::DepartmentManager);
    CHECK(EvaluateSla(ticket, due + 299, policy).escalation_due == EscalationLevel::DepartmentManager);
    CHECK(EvaluateSla(ticket, due + 1, policy).next_change_at == due + 300);
    CHECK(EvaluateSla(ticket, due + 300, policy).escalation_due == EscalationLevel::GeneralManager);
    REQUIRE(FindEscalationStep(policy, EscalationLevel::GeneralManager));
    CHECK(FindEscalationStep(policy, EscalationLevel::GeneralManager)->notify_roles ==
          std::vector<std::string>{"general_manager"});
}
