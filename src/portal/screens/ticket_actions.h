// What the customer can do on the ticket page, offered from TicketView.available_actions: confirm
// the fix or say it is still broken (reopen, with a note), answer the service team's question,
// cancel before dispatch (after a confirmation dialog), write to the service team, and rate the
// service once it is done.
#pragma once

#include "api/customer_wire.h"

namespace aftercare::portal {

struct AppState;
struct Ui;

// The cards asking for the customer's move (confirm/reopen, reply, rate) and any action error.
void DrawActionCards(AppState& state, Ui& ui, const api::TicketView& view);
void DrawMessageCard(AppState& state, Ui& ui, const api::TicketView& view);
// "Cancel ticket", when the ticket may still be cancelled.
void DrawCancelButton(AppState& state, Ui& ui, const api::TicketView& view);
// "Complain about this service": the complaint form, with this ticket's number filled in.
void DrawComplainButton(AppState& state, Ui& ui, const api::TicketView& view);
// "Sign out on all devices": ends every session of this ticket (links, other phones, this page).
void DrawSignOutButton(AppState& state, Ui& ui);
// The cancel, reopen and sign-out dialogs; drawn last, over the page.
void DrawTicketDialogs(AppState& state, Ui& ui);

} // namespace aftercare::portal
