// Shared fixtures for the unit tests: instants from readable local times, and tickets in any state.
#pragma once

#include "core/policy.h"
#include "core/quote.h"
#include "core/state_machine.h"
#include "core/ticket.h"
#include "core/time.h"
#include "core/work_log.h"

#include <catch2/catch.hpp>

#include <string>

namespace aftercare::test {

using namespace aftercare::core;

// An instant from a local wall-clock time at a fixed offset (default China, +08:00).
inline UnixSeconds At(int year, int month, int day, int hour = 0, int minute = 0, int second = 0,
                      UtcOffsetMinutes offset = kChinaUtcOffset) {
    return LocalDayStart(DaysFromCivil({year, month, day}), offset) + hour * kSecondsPerHour +
           minute * kSecondsPerMinute + second;
}

inline TicketDraft SampleDraft(TicketKind kind = TicketKind::Repair, Priority priority = Priority::General) {
    TicketDraft draft;
    draft.kind = kind;
    draft.priority = priority;
    draft.customer = {"张三", "+8613800138000", ""};
    draft.product.model = "AC-200";
    draft.product.serial = "SN-20240501-A7";
    draft.subject = "空调不制冷";
    draft.description = "开机后吹出的是热风，已经持续两天。";
    if (kind == TicketKind::Return || kind == TicketKind::Exchange) {
        draft.return_reason = ReturnReason::NoReason;
        draft.product.delivered_at = At(2024, 5, 1, 10);
    }
    return draft;
}

inline Ticket NewTicket(TicketKind kind, Priority priority, UnixSeconds created) {
    return CreateTicket(SampleDraft(kind, priority), "R7KX-4M9Q-P2HC", created);
}

inline Actor Staff(const std::string& id = "eng01") { return Actor{ActorRole::Staff, id}; }
inline Actor Customer() { return Actor{ActorRole::Customer, {}}; }
inline Actor System() { return Actor{ActorRole::System, {}}; }

// A free service report (in warranty, no parts), as the engineer writes before resolving a repair.
inline Ticket WithServiceReport(const Ticket& ticket, UnixSeconds now, const Policy& policy = Policy{}) {
    WorkEntry entry;
    entry.kind = WorkKind::ServiceReport;
    entry.report = ServiceReport{"主板电容鼓包", FaultCause::ProductDefect, "更换主板，试机正常", {}, 60,
                                 RepairOutcome::Repaired, {}};
    const CivilDate today = LocalDate(now, kChinaUtcOffset);
    entry.warranty = WarrantyQuery{today, today, {}, {}, false}; // bought today: in warranty
    auto result = RecordWork(ticket, Actor{ActorRole::Staff, "eng01"}, entry, now, policy);
    INFO("service report: " << (result ? std::string() : result.GetError().message.en));
    REQUIRE(result.Ok());
    return std::move(result).Value().ticket;
}

// Applies an action that must succeed (fails the test with the refusal otherwise). Resolving a
// repair writes the service report first when the test has not (quote_test covers the rule itself),
// and a complaint is answered with findings (complaint_test covers that rule).
inline Ticket Apply(const Ticket& ticket, Action action, const Actor& actor, UnixSeconds now,
                    const Policy& policy = Policy{}, std::string note = "说明", std::string assignee = "eng01") {
    if (action == Action::Resolve && ticket.details.kind == TicketKind::Repair &&
        ticket.state == TicketState::InProgress && !CurrentServiceReport(ticket))
        return Apply(WithServiceReport(ticket, now, policy), action, actor, now, policy, std::move(note),
                     std::move(assignee));
    TransitionRequest request;
    request.action = action;
    request.actor = actor;
    request.note = std::move(note);
    request.assignee = std::move(assignee);
    if (ticket.details.kind == TicketKind::Complaint) request.findings = ComplaintFindings{"原因", "措施"};
    auto result = Transition(ticket, request, now, policy);
    INFO("action " << ToString(action) << " from " << ToString(ticket.state) << ": "
                   << (result ? std::string() : result.GetError().message.en));
    REQUIRE(result.Ok());
    return std::move(result).Value().ticket;
}

} // namespace aftercare::test
