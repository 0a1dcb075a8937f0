// The ticket page's live SLA card: the next promise in plain words ("工程师将在 15:30 前出发"),
// a countdown computed on this device by core's EvaluateSla with the server's clock, breaches and
// escalation told honestly, and every clock's standing. Redrawn once a second while one runs.
#pragma once

#include "api/customer_wire.h"
#include "core/sla.h"

namespace aftercare::portal {

struct AppState;
struct Ui;

// The ticket as core sees it, rebuilt from the view (enough for the SLA clock and the rules).
core::Ticket TicketFromView(const api::TicketView& view);

// The SLA as of `server_now`: evaluated by core with the vendor's policy once it is loaded,
// else the server's own evaluation aged by the time since it was made.
core::SlaStatus CurrentSla(const AppState& state, const api::TicketView& view, double server_now);

void DrawSlaCard(AppState& state, Ui& ui, const api::TicketView& view);

} // namespace aftercare::portal
