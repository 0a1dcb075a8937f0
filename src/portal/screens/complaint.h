// Complaints and suggestions (#/complain): a complaint says what it is about, what happened and,
// optionally, the ticket it concerns → a complaint ticket, its service number and the day we answer
// by (N working days, vendor calendar). A suggestion is the same form without category, ticket or
// deadline (the standard times complaints, not ideas).
#pragma once

#include "net/remote.h"
#include "screens/notify_choice.h"

#include "api/customer_wire.h"

#include <map>
#include <string>
#include <string_view>

namespace aftercare::portal {

struct AppState;
struct Ui;

// What the customer typed: saved on the device as it changes, so a reload keeps it.
struct ComplaintDraft {
    bool suggestion = false;  // a suggestion (建议) rather than a complaint
    std::string category;     // complaints: a core::ComplaintCategory wire name, empty until chosen
    std::string what;
    std::string related;  // complaints: a service number this is about; optional
    std::string name;
    std::string phone;
    std::string email;    // optional
    NotifyChoice notify;  // "notify me by", for the channels the server has
};

struct ComplaintState {
    std::string handed_related;  // a ticket handed over by its page (StartComplaintAbout)
    bool draft_loaded = false;
    std::string saved_draft;
    ComplaintDraft draft;
    std::map<std::string, std::string> errors;  // field → message, shown next to the field
    Remote<api::CreateTicketResponse> submitted;
    std::string idempotency_key;  // one per submission attempt, reused on retry
    double copied_at = 0;
    bool receipt_shown = false;
};

void DrawComplaint(AppState& state, Ui& ui);

// Opens a new complaint about a ticket (from its page), its service number filled in; what the
// customer already typed into an unsent complaint is kept.
void StartComplaintAbout(AppState& state, std::string_view service_number);

} // namespace aftercare::portal
