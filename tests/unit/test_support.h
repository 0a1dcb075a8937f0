// Shared fixtures for the unit tests: instants from readable local times, and tickets in any state.
#pragma once

#include "core/policy.h"
#include "core/state_machine.h"
#include "core/ticket.h"
#include "core/time.h"

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

// Applies an action that must succeed (fails the test with the refusal otherwise).
inline Ticket Apply(const Ticket& ticket, Action action, const Actor& actor, UnixSeconds now,
                    const Policy& policy = Policy{}, std::string note = "说明", std::string assignee = "eng01") {
    TransitionRequest request;
    request.action = action;
    request.actor = actor;
    request.note = std::move(note);
    request.assignee = std::move(assignee);
    auto result = Transition(ticket, request, now, policy);
    INFO("action " << ToString(action) << " from " << ToString(ticket.state) << ": "
                   << (result ? std::string() : result.GetError().message.en));
    REQUIRE(result.Ok());
    return std::move(result).Value().ticket;
}

} // namespace aftercare::test
