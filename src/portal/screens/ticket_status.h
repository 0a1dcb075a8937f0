// How a ticket's progress reads to the customer: the steps of its service flow for the stepper (repairs are dispatched to an engineer; returns and exchanges
// travel back to the vendor; complaints and questions are answered), including how it ended.
#pragma once

#include "widgets/status_stepper.h"

#include "api/customer_wire.h"

#include <vector>

namespace aftercare::portal {

struct AppState;

// The steps for the stepper; the state's own words and tone are in labels.h.
std::vector<StepperStep> TicketSteps(const AppState& state, const api::TicketView& view);

} // namespace aftercare::portal
