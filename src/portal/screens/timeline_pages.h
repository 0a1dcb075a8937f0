// Timeline paging shared by the customer's ticket page and the staff workspace: a ticket view
// carries the newest page of its timeline (api::kTimelinePage events); "显示更早的记录 / Show
// earlier" pages back through GET .../events?before=, and a fresh view keeps what was paged in.
#pragma once

#include "api/customer_wire.h"
#include "net/remote.h"

#include <optional>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

// The sequence of the oldest event the view holds: "show earlier" asks for the page before it.
int OldestHeld(const api::TicketView& view);

// An earlier page, asked for with `before`, arrived: put its events in front of the view's. A page
// asked before another event than the oldest one held now (the view was replaced meanwhile) is
// dropped; the button simply stays. (Sequences may have gaps: a customer's view leaves out
// staff-only events, so joining is decided by what was asked, not by sequence + 1.)
void PrependEarlier(api::TicketView& view, int before, const api::EventsResponse& page);

// A fresh view of the same ticket replaces `previous`: the older events paged in before stay in
// front of the fresh page when they surely join it: the two overlap, or their sequences are
// adjacent (the timeline is append-only, so they have not changed). Otherwise the fresh page
// stands alone and offers "show earlier" again.
void KeepPagedHistory(const api::TicketView* previous, api::TicketView& fresh);

// Under a newest-first timeline: how many older entries are not shown, and the button that
// loads them (the list grows below it, so what the reader was looking at does not move).
// Returns true when pressed. Draws nothing when the view holds the whole timeline.
bool DrawShowEarlier(AppState& state, Ui& ui, const api::TicketView& view, bool loading,
                     const std::optional<ApiError>& failure);

} // namespace aftercare::portal
