// The ticket page's timeline card: every event of the ticket (newest first) in the customer's
// words, who did it and when in the customer's local time, with the notes people wrote.
#pragma once

#include "api/customer_wire.h"

namespace aftercare::portal {

struct AppState;
struct Ui;

void DrawTimelineCard(AppState& state, Ui& ui, const api::TicketView& view);

// A staff member's name as the customer should see it ("李工"), falling back to the login.
std::string StaffName(const api::TicketView& view, const std::string& login);

} // namespace aftercare::portal
