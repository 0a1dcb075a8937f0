// Ticket states in the customer's words; see ticket_status.h.
#include "screens/ticket_status.h"

#include "app.h"
#include "labels.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

using core::TicketKind;
using core::TicketState;

enum class Flow { Repair, Answer, Returns };

Flow FlowOf(TicketKind kind) {
    switch (kind) {
    case TicketKind::Repair: return Flow::Repair;
    case TicketKind::Complaint:
    case TicketKind::Consultation:
    case TicketKind::Suggestion: return Flow::Answer;
    case TicketKind::Return:
    case TicketKind::Exchange: return Flow::Returns;
    }
    return Flow::Repair;
}

std::vector<const char*> StepKeys(TicketKind kind) {
    switch (FlowOf(kind)) {
    case Flow::Repair:
        return {"ticket.step.submitted", "ticket.step.accepted", "ticket.step.assigned", "ticket.step.in_progress",
                "ticket.step.resolved", "ticket.step.done"};
    case Flow::Answer:
        return {"ticket.step.submitted", "ticket.step.accepted", "ticket.step.in_progress", "ticket.step.answered",
                "ticket.step.done"};
    case Flow::Returns:
        return {"ticket.step.submitted", "ticket.step.accepted", "ticket.step.item_back", "ticket.step.item_received",
                kind == TicketKind::Return ? "ticket.step.refunded" : "ticket.step.exchanged", "ticket.step.done"};
    }
    return {};
}

// The step a (non-terminal, not paused) state stands on in the kind's flow.
int StepIndex(TicketKind kind, TicketState state) {
    const Flow flow = FlowOf(kind);
    switch (state) {
    case TicketState::Submitted: return 0;
    case TicketState::Accepted: return 1;
    case TicketState::Assigned: return flow == Flow::Returns ? 1 : 2;
    case TicketState::InProgress: return 2 + (flow == Flow::Repair ? 1 : 0);
    case TicketState::AwaitingItem: return 2;
    case TicketState::ItemReceived: return 3;
    case TicketState::Resolved: return flow == Flow::Answer ? 3 : 4;
    case TicketState::Confirmed:
    case TicketState::Closed: return flow == Flow::Answer ? 4 : 5;
    case TicketState::WaitingCustomer:
    case TicketState::Cancelled:
    case TicketState::Rejected: break;
    }
    return 0;
}

const char* StatusKey(StepState state) {
    switch (state) {
    case StepState::Done: return "ticket.step.status.done";
    case StepState::Current: return "ticket.step.status.current";
    case StepState::Waiting: return "ticket.step.status.waiting";
    case StepState::Upcoming: return "ticket.step.status.upcoming";
    case StepState::Stopped: return "ticket.step.status.stopped";
    }
    return "ticket.step.status.upcoming";
}

} // namespace

std::vector<StepperStep> TicketSteps(const AppState& state, const api::TicketView& view) {
    const std::vector<const char*> keys = StepKeys(view.kind);
    std::vector<StepperStep> steps;
    const int last = static_cast<int>(keys.size()) - 1;
    const TicketState now = view.state;
    const bool ended = now == TicketState::Cancelled || now == TicketState::Rejected;

    int current = 0;
    StepState current_state = StepState::Current;
    if (ended) {
        // The flow up to where it stopped, then the end itself in place of what would have come.
        current = std::min(StepIndex(view.kind, view.state_before), last - 1) + 1;
        current_state = StepState::Stopped;
    } else if (now == TicketState::WaitingCustomer) {
        current = StepIndex(view.kind, view.state_before);
        current_state = StepState::Waiting;
    } else {
        current = StepIndex(view.kind, now);
        // Confirmed or closed: the last step is reached and nothing is pending.
        if (current == last) current_state = StepState::Done;
    }

    const int total = ended ? current + 1 : last + 1;
    for (int i = 0; i < total; ++i) {
        StepperStep step;
        if (i < current) {
            step.state = StepState::Done;
        } else if (i == current) {
            step.state = current_state;
        } else {
            step.state = StepState::Upcoming;
        }
        if (ended && i == current) {
            step.label = StateLabel(state, now, core::Audience::Customer);
        } else if (i == current && current_state == StepState::Waiting) {
            step.label = state.Tr("ticket.step.waiting_you");
        } else {
            step.label = state.Tr(keys[static_cast<size_t>(i)]);
        }
        step.accessible_name = state.strings.Format(state.language, "ticket.step.a11y",
                                                    {{"n", std::to_string(i + 1)},
                                                     {"total", std::to_string(total)},
                                                     {"label", step.label},
                                                     {"status", state.Tr(StatusKey(step.state))}});
        steps.push_back(std::move(step));
    }
    return steps;
}

} // namespace aftercare::portal
