// Every (kind, state, action, role) combination against the expected flow (transition_spec), plus whole
// flows and guards.
#include "test_support.h"
#include "transition_spec.h"

#include "core/sla.h"

#include <set>

using namespace aftercare::core;
using namespace aftercare::test;

namespace {

constexpr TicketKind kKinds[] = {TicketKind::Repair,    TicketKind::Return,       TicketKind::Exchange,
                                 TicketKind::Complaint, TicketKind::Consultation, TicketKind::Suggestion};
constexpr TicketState kStates[] = {
    TicketState::Submitted, TicketState::Accepted,     TicketState::Assigned, TicketState::InProgress,
    TicketState::WaitingCustomer, TicketState::AwaitingItem, TicketState::ItemReceived, TicketState::Resolved,
    TicketState::Confirmed, TicketState::Closed,       TicketState::Cancelled, TicketState::Rejected,
};
constexpr Action kActions[] = {Action::Accept,  Action::Assign,  Action::Start,       Action::RequestInfo,
                               Action::CustomerReply, Action::Resume, Action::Approve, Action::ReceiveItem,
                               Action::Resolve, Action::Confirm, Action::Reopen,      Action::Cancel,
                               Action::Reject,  Action::Close,   Action::Escalate,    Action::Reprioritize,
                               Action::Reschedule};
constexpr ActorRole kRoles[] = {ActorRole::Customer, ActorRole::Staff, ActorRole::System};

const UnixSeconds kCreated = At(2024, 6, 3, 9, 0); // a Monday morning

// A ticket forced into `state`, as if it got there a minute ago; resolved states carry a Resolve
// event so the reopen window is open; a waiting ticket was paused from Accepted (before dispatch).
Ticket TicketIn(TicketKind kind, TicketState state) {
    Ticket ticket = NewTicket(kind, Priority::General, kCreated);
    ticket.state = state;
    ticket.resume_state = TicketState::Accepted;
    ticket.assignee = "eng01";
    TimelineEvent event;
    event.at = kCreated + 60;
    event.actor = Staff();
    event.type = EventType::Transition;
    event.action = Action::Resolve;
    event.from_state = TicketState::InProgress;
    event.to_state = state;
    if (state == TicketState::Resolved || state == TicketState::Confirmed || state == TicketState::Closed)
        AppendEvent(ticket, event);
    // A repair being worked on has its service report, so Resolve is legal (quote_test: without).
    if (kind == TicketKind::Repair && state == TicketState::InProgress) {
        TimelineEvent report = event;
        report.type = EventType::Work;
        report.action.reset();
        report.from_state = report.to_state = state;
        report.work = WorkRecord{};
        report.work->kind = WorkKind::ServiceReport;
        AppendEvent(ticket, report);
    }
    return ticket;
}

} // namespace

TEST_CASE("every kind x state x action x role follows the expected flow", "[state_machine]") {
    const Policy policy;
    const UnixSeconds now = kCreated + 3600; // inside the reopen window, before any SLA breach
    int legal = 0;
    int illegal = 0;
    for (TicketKind kind : kKinds) {
        for (TicketState state : kStates) {
            const Ticket ticket = TicketIn(kind, state);
            for (Action action : kActions) {
                for (ActorRole role : kRoles) {
                    TransitionRequest request;
                    request.action = action;
                    request.actor = Actor{role, role == ActorRole::Staff ? "eng02" : ""};
                    request.note = "原因说明";
                    request.assignee = "eng02";
                    request.priority = Priority::Urgent; // re-triage from the fixture's General
                    request.visit = VisitWindow{{2024, 6, 5}, VisitSlot::Afternoon}; // a new window, two days on
                    request.findings = ComplaintFindings{"上门前未电话确认", "出发前电话确认到达时间"}; // complaints
                    const auto result = Transition(ticket, request, now, policy);
                    INFO(ToString(kind) << " " << ToString(state) << " " << ToString(action) << " by "
                                        << ToString(role));
                    const auto expected_rule = ExpectedFor(kind, state, action);
                    const bool role_may = expected_rule && (expected_rule->roles & RoleBit(role));
                    if (!role_may) {
                        ++illegal;
                        REQUIRE_FALSE(result.Ok());
                        const Error& error = result.GetError();
                        CHECK(error.code == (expected_rule ? "forbidden_actor" : "illegal_transition"));
                        // The message names the state and the action, in both languages.
                        CHECK_THAT(error.message.en, Catch::Contains(std::string(ToString(state))));
                        CHECK_THAT(error.message.en, Catch::Contains(Label(action).en));
                        // ...in the reader's words: the customer's for a customer, staff's otherwise.
                        CHECK_THAT(error.message.zh, Catch::Contains(Label(state, AudienceOf(role)).zh));
                        CHECK_THAT(error.message.zh, Catch::Contains(Label(action).zh));
                        continue;
                    }
                    // Time guards that this fixture deliberately does not satisfy.
                    if (role == ActorRole::System && action == Action::Close) {
                        REQUIRE_FALSE(result.Ok());
                        CHECK(result.GetError().code == "close_too_early");
                        continue;
                    }
                    if (role == ActorRole::System && action == Action::Escalate) {
                        REQUIRE_FALSE(result.Ok());
                        CHECK(result.GetError().code == "not_escalatable");
                        continue;
                    }
                    ++legal;
                    REQUIRE(result.Ok());
                    const Applied& applied = result.Value();
                    TicketState expected = expected_rule->to;
                    if (expected_rule->target == Target::Resume) expected = ticket.resume_state;
                    if (expected_rule->target == Target::Reopen) {
                        // The fixture has an engineer assigned, so a reopened repair goes back to them.
                        expected = (kind == TicketKind::Return || kind == TicketKind::Exchange)
                                       ? TicketState::ItemReceived
                                       : TicketState::Assigned;
                    }
                    CHECK(applied.ticket.state == expected);
                    CHECK(applied.event.from_state == state);
                    CHECK(applied.event.to_state == expected);
                    CHECK(applied.event.action == action);
                    CHECK(applied.event.actor.role == role);
                    CHECK(applied.event.sequence == ticket.timeline.back().sequence + 1);
                    // Append-only: the old events are untouched and the new one is last.
                    REQUIRE(applied.ticket.timeline.size() == ticket.timeline.size() + 1);
                    CHECK(std::equal(ticket.timeline.begin(), ticket.timeline.end(), applied.ticket.timeline.begin()));
                    CHECK(applied.ticket.timeline.back() == applied.event);
                }
            }
        }
    }
    CHECK(legal > 100);
    CHECK(illegal > 2000);
}

TEST_CASE("the table has no duplicate rows and only the documented roles", "[state_machine]") {
    std::set<std::tuple<int, int, unsigned>> seen;
    for (const TransitionRule& rule : TransitionTable()) {
        CHECK_FALSE(IsTerminal(rule.from));
        for (TicketKind kind : kKinds) {
            if (!(rule.kinds & KindBit(kind))) continue;
            const bool inserted =
                seen.insert({static_cast<int>(rule.from), static_cast<int>(rule.action), static_cast<unsigned>(kind)})
                    .second;
            CHECK(inserted);
        }
        // Customers never act on behalf of staff and vice versa.
        if (rule.action == Action::Cancel || rule.action == Action::Confirm || rule.action == Action::Reopen ||
            rule.action == Action::CustomerReply)
            CHECK(rule.roles == RoleBit(ActorRole::Customer));
    }
}

TEST_CASE("repair flow end to end", "[state_machine]") {
    const Policy policy;
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::Serious, kCreated);
    ticket = Apply(ticket, Action::Accept, Staff("desk"), kCreated + 300);
    ticket = Apply(ticket, Action::Assign, Staff("desk"), kCreated + 600, policy, "", "eng07");
    CHECK(ticket.assignee == "eng07");
    ticket = Apply(ticket, Action::Start, Staff("eng07"), kCreated + 1800);
    ticket = Apply(ticket, Action::RequestInfo, Staff("eng07"), kCreated + 2000, policy, "请提供购买凭证照片");
    CHECK(ticket.state == TicketState::WaitingCustomer);
    CHECK(ticket.resume_state == TicketState::InProgress);
    ticket = Apply(ticket, Action::CustomerReply, Customer(), kCreated + 2600);
    CHECK(ticket.state == TicketState::InProgress);
    ticket = Apply(ticket, Action::Resolve, Staff("eng07"), kCreated + 3600, policy, "更换主板");
    ticket = Apply(ticket, Action::Confirm, Customer(), kCreated + 4000);
    ticket = Apply(ticket, Action::Close, Staff("desk"), kCreated + 4100);
    CHECK(ticket.state == TicketState::Closed);
    CHECK(ticket.timeline.size() == 10); // 9 transitions and the service report Apply wrote before Resolve
    for (std::size_t index = 0; index < ticket.timeline.size(); ++index) {
        CHECK(ticket.timeline[index].sequence == static_cast<int>(index) + 1);
    }
    CHECK(AvailableActions(ticket, ActorRole::Customer, kCreated + 5000, policy).empty());
}

TEST_CASE("return flow with the item shipped back", "[state_machine]") {
    Ticket ticket = NewTicket(TicketKind::Return, Priority::General, kCreated);
    ticket = Apply(ticket, Action::Accept, Staff(), kCreated + 60);
    ticket = Apply(ticket, Action::Approve, Staff(), kCreated + 120);
    CHECK(ticket.state == TicketState::AwaitingItem);
    ticket = Apply(ticket, Action::ReceiveItem, Staff(), kCreated + 86400);
    ticket = Apply(ticket, Action::Resolve, Staff(), kCreated + 90000, Policy{}, "已退款");
    CHECK(ticket.state == TicketState::Resolved);
    ticket = Apply(ticket, Action::Reopen, Customer(), kCreated + 100000, Policy{}, "没有收到退款");
    CHECK(ticket.state == TicketState::ItemReceived);
}

TEST_CASE("accept may re-triage the priority", "[state_machine]") {
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, kCreated);
    TransitionRequest request;
    request.action = Action::Accept;
    request.actor = Staff();
    request.priority = Priority::Urgent;
    auto result = Transition(ticket, request, kCreated + 60, Policy{});
    REQUIRE(result.Ok());
    CHECK(result.Value().ticket.priority == Priority::Urgent);
    CHECK(result.Value().ticket.details.priority == Priority::General);
    CHECK(result.Value().event.priority == Priority::Urgent);
}

TEST_CASE("cancel only before dispatch", "[state_machine]") {
    const Policy policy;
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, kCreated);
    ticket = Apply(ticket, Action::Accept, Staff(), kCreated + 60);
    Ticket waiting = Apply(ticket, Action::RequestInfo, Staff(), kCreated + 120);
    CHECK(Transition(waiting, {Action::Cancel, Customer(), "", "", {}}, kCreated + 180, policy).Ok());

    Ticket assigned = Apply(ticket, Action::Assign, Staff(), kCreated + 120);
    auto refused = Transition(assigned, {Action::Cancel, Customer(), "", "", {}}, kCreated + 180, policy);
    REQUIRE_FALSE(refused.Ok());
    CHECK(refused.GetError().code == "illegal_transition");

    Ticket assigned_waiting = Apply(assigned, Action::RequestInfo, Staff(), kCreated + 200);
    auto refused_waiting = Transition(assigned_waiting, {Action::Cancel, Customer(), "", "", {}}, kCreated + 300, policy);
    REQUIRE_FALSE(refused_waiting.Ok());
    CHECK(refused_waiting.GetError().code == "illegal_transition");
    CHECK_THAT(refused_waiting.GetError().message.en, Catch::Contains("waiting_customer"));
}

TEST_CASE("reopen window and automatic close at the boundary second", "[state_machine]") {
    Policy policy;
    policy.tickets.reopen_window_days = 7;
    Ticket ticket = NewTicket(TicketKind::Consultation, Priority::General, kCreated);
    ticket = Apply(ticket, Action::Accept, Staff(), kCreated + 60);
    const UnixSeconds resolved_at = kCreated + 120;
    ticket = Apply(ticket, Action::Resolve, Staff(), resolved_at, policy, "已答复");
    const UnixSeconds last_second = resolved_at + 7 * kSecondsPerDay;

    CHECK(Transition(ticket, {Action::Reopen, Customer(), "还是不明白", "", {}}, last_second, policy).Ok());
    auto late = Transition(ticket, {Action::Reopen, Customer(), "还是不明白", "", {}}, last_second + 1, policy);
    REQUIRE_FALSE(late.Ok());
    CHECK(late.GetError().code == "reopen_window_closed");

    auto early_close = Transition(ticket, {Action::Close, System(), "", "", {}}, last_second, policy);
    REQUIRE_FALSE(early_close.Ok());
    CHECK(early_close.GetError().code == "close_too_early");
    CHECK(Transition(ticket, {Action::Close, System(), "", "", {}}, last_second + 1, policy).Ok());

    CHECK(AvailableActions(ticket, ActorRole::Customer, last_second, policy) ==
          std::vector<Action>{Action::Confirm, Action::Reopen});
    CHECK(AvailableActions(ticket, ActorRole::Customer, last_second + 1, policy) == std::vector<Action>{Action::Confirm});
    CHECK(AvailableActions(ticket, ActorRole::System, last_second + 1, policy) == std::vector<Action>{Action::Close});
}

TEST_CASE("required inputs of a transition are named", "[state_machine]") {
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, kCreated);
    ticket = Apply(ticket, Action::Accept, Staff(), kCreated + 60);
    auto no_assignee = Transition(ticket, {Action::Assign, Staff(), "", "", {}}, kCreated + 120, Policy{});
    REQUIRE_FALSE(no_assignee.Ok());
    CHECK(no_assignee.GetError().code == "missing_field");
    CHECK(no_assignee.GetError().field == "assignee");
    auto no_note = Transition(ticket, {Action::Reject, Staff(), "  ", "", {}}, kCreated + 120, Policy{});
    REQUIRE_FALSE(no_note.Ok());
    CHECK(no_note.GetError().field == "note");
}

TEST_CASE("system escalation follows the SLA one level at a time", "[state_machine]") {
    const Policy policy;
    const Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, kCreated);
    // General: first response in 2 h. Dept. manager once missed, general manager at 100 % overdue.
    const UnixSeconds due = kCreated + 2 * kSecondsPerHour;
    CHECK_FALSE(Transition(ticket, {Action::Escalate, System(), "", "", {}}, due, policy).Ok());
    auto first = Transition(ticket, {Action::Escalate, System(), "", "", {}}, due + 1, policy);
    REQUIRE(first.Ok());
    CHECK(first.Value().ticket.escalation == EscalationLevel::DepartmentManager);
    CHECK(first.Value().event.type == EventType::Escalation);
    CHECK(first.Value().event.escalation == EscalationLevel::DepartmentManager);
    CHECK(first.Value().ticket.state == TicketState::Submitted);
    const Ticket& escalated = first.Value().ticket;
    CHECK_FALSE(Transition(escalated, {Action::Escalate, System(), "", "", {}}, due + 7199, policy).Ok());
    auto second = Transition(escalated, {Action::Escalate, System(), "", "", {}}, due + 7200, policy);
    REQUIRE(second.Ok());
    CHECK(second.Value().ticket.escalation == EscalationLevel::GeneralManager);
    auto third = Transition(second.Value().ticket, {Action::Escalate, Staff(), "", "", {}}, due + 9000, policy);
    REQUIRE_FALSE(third.Ok());
    CHECK(third.GetError().code == "not_escalatable");
}

TEST_CASE("messages and attachments are refused on terminal tickets", "[state_machine]") {
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, kCreated);
    auto message = AddMessage(ticket, Customer(), "补充：型号是 AC-200", kCreated + 10);
    REQUIRE(message.Ok());
    CHECK(message.Value().event.type == EventType::Message);
    CHECK(message.Value().ticket.timeline.size() == 2);
    CHECK_FALSE(AddMessage(ticket, Customer(), "", kCreated + 10).Ok());
    ticket = Apply(ticket, Action::Cancel, Customer(), kCreated + 20);
    auto refused = AddMessage(ticket, Customer(), "还在吗", kCreated + 30);
    REQUIRE_FALSE(refused.Ok());
    CHECK(refused.GetError().code == "ticket_closed");
    CHECK_FALSE(AddAttachmentEvent(ticket, Customer(), "photo.jpg", kCreated + 30).Ok());
}

TEST_CASE("timeline order never goes backwards", "[state_machine]") {
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, kCreated);
    ticket = Apply(ticket, Action::Accept, Staff(), kCreated - 100); // a skewed clock
    CHECK(ticket.timeline.back().at == kCreated);
}
