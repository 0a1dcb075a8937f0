// Transition table and guards of the service flow; every refusal names the state and the action.
#include "state_machine.h"

#include "quote.h"
#include "sla.h"
#include "validation.h"

#include <algorithm>
#include <iterator>

namespace aftercare::core {

namespace {

using S = TicketState;
using A = Action;

constexpr RoleMask kCustomer = RoleBit(ActorRole::Customer);
constexpr RoleMask kStaff = RoleBit(ActorRole::Staff);
constexpr RoleMask kSystem = RoleBit(ActorRole::System);

constexpr KindMask kRepair = KindBit(TicketKind::Repair);
constexpr KindMask kReturns = KindBit(TicketKind::Return) | KindBit(TicketKind::Exchange);
constexpr KindMask kAnswerKinds =
    KindBit(TicketKind::Complaint) | KindBit(TicketKind::Consultation) | KindBit(TicketKind::Suggestion);
constexpr KindMask kAll = kAllKinds;

// Escalation is legal wherever a clock can still be running; so is re-triage by staff.
#define AFTERCARE_ESCALATE(state)                                                                   \
    {state, A::Escalate, state, kStaff | kSystem, kAll}, {state, A::Reprioritize, state, kStaff, kAll}

constexpr TransitionRule kRules[] = {
    // Registration (受理) or refusal; the customer may still withdraw.
    {S::Submitted, A::Accept, S::Accepted, kStaff, kAll},
    {S::Submitted, A::Reject, S::Rejected, kStaff, kAll},
    {S::Submitted, A::Cancel, S::Cancelled, kCustomer, kAll},
    AFTERCARE_ESCALATE(S::Submitted),
    {S::Submitted, A::Reschedule, S::Submitted, kStaff, kRepair},

    // Dispatch (派工); complaints and consultations may be handled without one.
    {S::Accepted, A::Assign, S::Assigned, kStaff, kAll},
    {S::Accepted, A::Start, S::InProgress, kStaff, kAnswerKinds},
    {S::Accepted, A::Resolve, S::Resolved, kStaff, kAnswerKinds},
    {S::Accepted, A::Approve, S::AwaitingItem, kStaff, kReturns},
    {S::Accepted, A::RequestInfo, S::WaitingCustomer, kStaff, kAll},
    {S::Accepted, A::Reject, S::Rejected, kStaff, kAll},
    {S::Accepted, A::Cancel, S::Cancelled, kCustomer, kAll},
    AFTERCARE_ESCALATE(S::Accepted),
    {S::Accepted, A::Reschedule, S::Accepted, kStaff, kRepair},

    {S::Assigned, A::Assign, S::Assigned, kStaff, kAll}, // reassign
    {S::Assigned, A::Start, S::InProgress, kStaff, kRepair | kAnswerKinds},
    {S::Assigned, A::Resolve, S::Resolved, kStaff, kAnswerKinds},
    {S::Assigned, A::Approve, S::AwaitingItem, kStaff, kReturns},
    {S::Assigned, A::RequestInfo, S::WaitingCustomer, kStaff, kAll},
    {S::Assigned, A::Reject, S::Rejected, kStaff, kReturns},
    AFTERCARE_ESCALATE(S::Assigned),
    {S::Assigned, A::Reschedule, S::Assigned, kStaff, kRepair},

    {S::InProgress, A::Assign, S::Assigned, kStaff, kRepair | kAnswerKinds}, // hand over; the new engineer starts again
    {S::InProgress, A::RequestInfo, S::WaitingCustomer, kStaff, kRepair | kAnswerKinds},
    {S::InProgress, A::Resolve, S::Resolved, kStaff, kRepair | kAnswerKinds},
    AFTERCARE_ESCALATE(S::InProgress),
    {S::InProgress, A::Reschedule, S::InProgress, kStaff, kRepair}, // a further visit (the part came in)

    // Paused: back to where it was (resume_state). Cancel only if that was before dispatch.
    {S::WaitingCustomer, A::CustomerReply, S::WaitingCustomer, kCustomer, kAll},
    {S::WaitingCustomer, A::Resume, S::WaitingCustomer, kStaff, kAll},
    {S::WaitingCustomer, A::Cancel, S::Cancelled, kCustomer, kAll},
    AFTERCARE_ESCALATE(S::WaitingCustomer),

    // Returns and exchanges: the item travels back, is inspected, then refunded or replaced.
    {S::AwaitingItem, A::ReceiveItem, S::ItemReceived, kStaff, kReturns},
    {S::AwaitingItem, A::Cancel, S::Cancelled, kCustomer, kReturns},
    AFTERCARE_ESCALATE(S::AwaitingItem),
    {S::ItemReceived, A::Resolve, S::Resolved, kStaff, kReturns},
    {S::ItemReceived, A::RequestInfo, S::WaitingCustomer, kStaff, kReturns},
    {S::ItemReceived, A::Reject, S::Rejected, kStaff, kReturns}, // inspection refused it; item goes back
    AFTERCARE_ESCALATE(S::ItemReceived),

    // After resolution: the customer confirms or reopens within the window; then it closes.
    {S::Resolved, A::Confirm, S::Confirmed, kCustomer, kAll},
    {S::Resolved, A::Reopen, S::Resolved, kCustomer, kAll},
    {S::Resolved, A::Close, S::Closed, kSystem, kAll},
    {S::Confirmed, A::Reopen, S::Confirmed, kCustomer, kAll},
    {S::Confirmed, A::Close, S::Closed, kStaff | kSystem, kAll},
};

#undef AFTERCARE_ESCALATE

std::string RoleNamesZh(RoleMask roles) {
    std::string names;
    for (ActorRole role : {ActorRole::Customer, ActorRole::Staff, ActorRole::System}) {
        if (!(roles & RoleBit(role))) continue;
        if (!names.empty()) names += "或";
        names += Label(role).zh;
    }
    return names;
}

std::string RoleNamesEn(RoleMask roles) {
    std::string names;
    for (ActorRole role : {ActorRole::Customer, ActorRole::Staff, ActorRole::System}) {
        if (!(roles & RoleBit(role))) continue;
        if (!names.empty()) names += " or ";
        names += Label(role).en;
    }
    return names;
}

Error IllegalTransition(const Ticket& ticket, Action action, ActorRole role, bool other_kinds_allow) {
    const LocalizedText& state = Label(ticket.state, AudienceOf(role));
    const LocalizedText& action_label = Label(action);
    const LocalizedText& kind = Label(ticket.details.kind, AudienceOf(role));
    std::string zh = "工单当前状态为“" + state.zh + "”，不能执行“" + action_label.zh + "”";
    std::string en = "Cannot " + action_label.en + " a ticket in state '" + std::string(ToString(ticket.state)) + "'";
    if (other_kinds_allow) {
        zh += "（" + kind.zh + "工单不适用）";
        en += " (not for " + kind.en + " tickets)";
    }
    return MakeError("illegal_transition", zh, en);
}

Error ForbiddenActor(const Ticket& ticket, Action action, ActorRole role, RoleMask allowed) {
    const LocalizedText& state = Label(ticket.state, AudienceOf(role));
    const LocalizedText& action_label = Label(action);
    return MakeError("forbidden_actor",
                     "工单状态为“" + state.zh + "”时，“" + action_label.zh + "”只能由" + RoleNamesZh(allowed) +
                         "执行（当前为" + Label(role).zh + "）",
                     "Only " + RoleNamesEn(allowed) + " may " + action_label.en + " a ticket in state '" +
                         std::string(ToString(ticket.state)) + "' (not " + Label(role).en + ")");
}

const TransitionRule* FindRule(const Ticket& ticket, Action action, bool& other_kinds_allow) {
    other_kinds_allow = false;
    for (const TransitionRule& rule : kRules) {
        if (rule.from != ticket.state || rule.action != action) continue;
        if (rule.kinds & KindBit(ticket.details.kind)) return &rule;
        other_kinds_allow = true;
    }
    return nullptr;
}

std::int64_t ReopenWindowSeconds(const Policy& policy) {
    return static_cast<std::int64_t>(policy.tickets.reopen_window_days) * kSecondsPerDay;
}

// Time- and data-dependent conditions on top of the table. nullopt = allowed.
std::optional<Error> CheckGuards(const Ticket& ticket, Action action, ActorRole role, UnixSeconds now,
                                 const Policy& policy) {
    const LocalizedText& state = Label(ticket.state, AudienceOf(role));
    switch (action) {
    case Action::Resolve:
        // 服务人员完成工作任务后，要认真仔细填写“售后服务报告单” (§17 7)): a repair is resolved
        // with its report on record.
        if (ticket.details.kind == TicketKind::Repair && !CurrentServiceReport(ticket)) {
            return MakeError("report_required", "请先填写售后服务报告单，再标记为已解决",
                             "Write the service report before resolving the repair");
        }
        return std::nullopt;
    case Action::Cancel:
        if (ticket.state == TicketState::WaitingCustomer && ticket.resume_state != TicketState::Submitted &&
            ticket.resume_state != TicketState::Accepted) {
            return MakeError("illegal_transition",
                             "工单已派工（当前状态“" + state.zh + "”），不能再取消，请联系客服",
                             "Cannot cancel a ticket in state 'waiting_customer' once it has been dispatched; "
                             "please contact service");
        }
        return std::nullopt;
    case Action::Reschedule:
        if (!IsOnSite(ticket)) {
            return MakeError("illegal_transition", "非上门服务的工单没有上门时间可改约",
                             "Only an on-site repair has a visit to reschedule");
        }
        return std::nullopt;
    case Action::Reopen: {
        const auto resolved_at = LastResolvedAt(ticket);
        if (resolved_at && now > *resolved_at + ReopenWindowSeconds(policy)) {
            const std::string days = std::to_string(policy.tickets.reopen_window_days);
            return MakeError("reopen_window_closed",
                             "工单状态为“" + state.zh + "”，已超过 " + days + " 天的重新打开期限，请提交新的服务请求",
                             "Cannot reopen a ticket in state '" + std::string(ToString(ticket.state)) +
                                 "': the " + days + "-day reopen window has passed; please submit a new request");
        }
        return std::nullopt;
    }
    case Action::Close:
        if (role == ActorRole::System) {
            const auto resolved_at = LastResolvedAt(ticket);
            if (!resolved_at || now <= *resolved_at + ReopenWindowSeconds(policy)) {
                return MakeError("close_too_early",
                                 "工单状态为“" + state.zh + "”，重新打开期限未过，系统暂不能关闭",
                                 "Cannot close a ticket in state '" + std::string(ToString(ticket.state)) +
                                     "' automatically before the reopen window has passed");
            }
        }
        return std::nullopt;
    case Action::Escalate: {
        if (ticket.escalation == EscalationLevel::GeneralManager) {
            return MakeError("not_escalatable", "工单（状态“" + state.zh + "”）已升级至总经理，无法继续升级",
                             "Cannot escalate a ticket in state '" + std::string(ToString(ticket.state)) +
                                 "': it is already at the general manager");
        }
        if (role == ActorRole::System) {
            const SlaStatus sla = EvaluateSla(ticket, now, policy);
            if (sla.escalation_due <= ticket.escalation) {
                return MakeError("not_escalatable", "工单（状态“" + state.zh + "”）未到升级条件",
                                 "Cannot escalate a ticket in state '" + std::string(ToString(ticket.state)) +
                                     "': no deadline calls for it");
            }
        }
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

// Returns the rule and passes the table and guards, or the refusal.
Result<const TransitionRule*> CheckAllowed(const Ticket& ticket, Action action, ActorRole role, UnixSeconds now,
                                           const Policy& policy) {
    bool other_kinds_allow = false;
    const TransitionRule* rule = FindRule(ticket, action, other_kinds_allow);
    if (!rule) return IllegalTransition(ticket, action, role, other_kinds_allow);
    if (!(rule->roles & RoleBit(role))) return ForbiddenActor(ticket, action, role, rule->roles);
    if (auto error = CheckGuards(ticket, action, role, now, policy)) return *error;
    return rule;
}

bool IsBlank(const std::string& text) {
    return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

TicketState ReopenTarget(const Ticket& ticket) {
    const TicketKind kind = ticket.details.kind;
    if (kind == TicketKind::Return || kind == TicketKind::Exchange) return TicketState::ItemReceived;
    return ticket.assignee.empty() ? TicketState::Accepted : TicketState::Assigned;
}

} // namespace

std::span<const TransitionRule> TransitionTable() { return kRules; }

Result<Applied> Transition(const Ticket& ticket, const TransitionRequest& request, UnixSeconds now,
                           const Policy& policy) {
    if (IsTerminal(ticket.state)) {
        // No row starts from a terminal state; say so explicitly rather than "no rule".
        return IllegalTransition(ticket, request.action, request.actor.role, false);
    }
    auto allowed = CheckAllowed(ticket, request.action, request.actor.role, now, policy);
    if (!allowed) return allowed.GetError();
    const TransitionRule& rule = *allowed.Value();

    const bool needs_note = request.action == Action::Reject || request.action == Action::RequestInfo ||
                            request.action == Action::Reopen || request.action == Action::Reprioritize ||
                            request.action == Action::Reschedule ||
                            // a suggestion is closed with what became of it: the customer's only answer
                            (request.action == Action::Resolve && ticket.details.kind == TicketKind::Suggestion);
    if (needs_note && IsBlank(request.note)) {
        return MakeError("missing_field", "请填写原因或说明", "A note is required for " + Label(request.action).en, "note");
    }
    if (auto error = CheckText("note", request.note, 0, TextLimits::kNoteMax, true)) return *error;
    if (request.action == Action::Reprioritize) {
        if (!request.priority) return MakeError("missing_field", "请选择新的优先级", "Choose the new priority", "priority");
        if (*request.priority == ticket.priority) {
            return MakeError("unchanged", "工单优先级已经是“" + Label(ticket.priority).zh + "”",
                             "The ticket's priority is already " + Label(ticket.priority).en, "priority");
        }
    }
    if (request.action == Action::Reschedule) {
        if (!request.visit) return MakeError("missing_field", "请选择新的上门时间", "Choose the new visit time", "visit");
        const DayNumber today = LocalDayNumber(now, ticket.details.utc_offset_minutes);
        if (auto error = CheckVisitWindow(*request.visit, today, "visit")) return *error;
        if (BookedVisit(ticket) == request.visit) {
            return MakeError("unchanged", "已预约该上门时间", "This visit time is already booked", "visit");
        }
    }
    // A complaint is answered with what caused it and what changed (the first problem; the server
    // reports them all through ValidateComplaintFindings before it gets here).
    std::optional<ComplaintFindings> findings;
    if (request.action == Action::Resolve && ticket.details.kind == TicketKind::Complaint) {
        findings = request.findings.value_or(ComplaintFindings{});
        if (FieldErrors errors = ValidateComplaintFindings(*findings); !errors.empty()) return errors.front();
    }
    if (request.action == Action::Assign) {
        if (IsBlank(request.assignee)) return MakeError("missing_field", "请选择处理人员", "Choose who to assign", "assignee");
        if (auto error = CheckText("assignee", request.assignee, 1, 64, false)) return *error;
    }

    Applied applied{ticket, {}};
    Ticket& next = applied.ticket;
    TimelineEvent event;
    event.at = now;
    event.actor = request.actor;
    event.type = EventType::Transition;
    event.action = request.action;
    event.from_state = ticket.state;
    event.note = request.note;
    event.findings = std::move(findings);

    TicketState target = rule.to;
    switch (request.action) {
    case Action::Accept:
        if (request.priority && *request.priority != ticket.priority) {
            next.priority = *request.priority;
            event.priority = *request.priority;
        }
        break;
    case Action::Reprioritize:
        next.priority = *request.priority;
        event.priority = *request.priority;
        break;
    case Action::Reschedule:
        // The booked window is part of the clocks (arrival due at its end, a general/serious repair
        // resolved from its start): moving it moves them; the event keeps the history.
        if (!next.details.repair) next.details.repair = RepairDetails{};
        next.details.repair->visit = request.visit;
        event.visit = request.visit;
        break;
    case Action::Assign:
        next.assignee = request.assignee;
        event.assignee = request.assignee;
        break;
    case Action::RequestInfo:
        next.resume_state = ticket.state;
        break;
    case Action::CustomerReply:
    case Action::Resume:
        target = ticket.resume_state;
        break;
    case Action::Reopen:
        target = ReopenTarget(ticket);
        break;
    case Action::Escalate: {
        event.type = EventType::Escalation;
        next.escalation = static_cast<EscalationLevel>(static_cast<int>(ticket.escalation) + 1);
        // Who is told comes from the policy (FindEscalationStep); the event records only the level.
        event.escalation = next.escalation;
        break;
    }
    default:
        break;
    }
    next.state = target;
    event.to_state = target;
    applied.event = AppendEvent(next, std::move(event));
    return applied;
}

std::vector<Action> AvailableActions(const Ticket& ticket, ActorRole role, UnixSeconds now, const Policy& policy) {
    std::vector<Action> actions;
    if (IsTerminal(ticket.state)) return actions;
    for (const TransitionRule& rule : kRules) {
        if (rule.from != ticket.state || !(rule.roles & RoleBit(role)) || !(rule.kinds & KindBit(ticket.details.kind)))
            continue;
        if (std::find(actions.begin(), actions.end(), rule.action) != actions.end()) continue;
        if (CheckGuards(ticket, rule.action, role, now, policy)) continue;
        actions.push_back(rule.action);
    }
    return actions;
}

} // namespace aftercare::core
