// The ticket page's live SLA card: the next promise in plain words ("工程师将在 15:30 前出发"),
// a countdown from the server's deadlines ticking on the server's clock, breaches and escalation
// told honestly, and every clock's standing. Redrawn once a second while one runs. The device
// does not evaluate the SLA itself: that needs the whole timeline, and it holds only a page.
#pragma once

#include "api/customer_wire.h"
#include "core/sla.h"

namespace aftercare::portal {

struct AppState;
struct Ui;

// The SLA as of `server_now`: the server's evaluation (view.sla) aged by the time since it was made.
core::SlaStatus CurrentSla(const api::TicketView& view, double server_now);

void DrawSlaCard(AppState& state, Ui& ui, const api::TicketView& view);

} // namespace aftercare::portal
