// The customer's open ticket; see open_ticket.h.
#include "screens/open_ticket.h"

#include "embed.h"
#include "host.h"
#include "screens/timeline_pages.h"

#include <nlohmann/json.hpp>

#include <utility>

namespace aftercare::portal {

void OpenAnother(OpenTicket& ticket, std::string compact, std::string display) {
    const int generation = ticket.generation + 1;
    ticket = OpenTicket{};
    ticket.generation = generation;
    ticket.compact = std::move(compact);
    ticket.display = std::move(display);
}

void TakeView(OpenTicket& ticket, api::TicketView view, Host& host) {
    const bool was_open = ticket.view.IsLoaded() && ticket.view.value->state != core::TicketState::Resolved;
    if (was_open && view.state == core::TicketState::Resolved) {
        NotifyEmbedder(host, "aftercare:ticket-resolved", nlohmann::json{{"serviceNumber", view.service_number}}.dump());
    }
    ticket.clock_offset = static_cast<double>(view.sla.evaluated_at - host.NowUnixSeconds());
    KeepPagedHistory(ticket.view.value ? &*ticket.view.value : nullptr, view);
    ticket.view.Succeed(std::move(view));
}

} // namespace aftercare::portal
