// How a ticket's state reads to the customer: the status chip's words and tone, and the steps of
// its service flow for the stepper (repairs are dispatched to an engineer; returns and exchanges
// travel back to the vendor; complaints and questions are answered), including how it ended.
#pragma once

#include "widgets/status_stepper.h"
#include "widgets/tone.h"

#include "api/customer_wire.h"

#include <vector>

namespace aftercare::portal {

struct AppState;

// The string-table key of the state's name for customers ("ticket.state.waiting_customer").
const char* StateLabelKey(core::TicketState state);
Tone StateTone(core::TicketState state);
const char* KindLabelKey(core::TicketKind kind);
const char* PriorityLabelKey(core::Priority priority);

std::vector<StepperStep> TicketSteps(const AppState& state, const api::TicketView& view);

} // namespace aftercare::portal
