// Ticket page (#/track/<number>): where a ticket stands (status stepper and chip), the live SLA
// countdown, the timeline, messages both ways and the customer's actions (cancel, confirm,
// reopen, reply), kept up to date by long-polling the ticket's events while the page is shown.
#pragma once

#include "net/remote.h"

#include <optional>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

enum class TicketDialog { None, Cancel, Reopen, SignOut };

// What the ticket page keeps beside the open ticket (AppState::open_ticket, screens/open_ticket.h).
struct TicketPageState {
    int generation = 0;             // the open ticket's generation this state belongs to; reset with it
    int last_frame = -1;            // the frame this page was last drawn (re-entry refreshes it)
    bool invalid_number = false;    // the address holds something that is not a service number

    double copied_until = 0;        // the copy button says "copied" until then
    bool expired = false;           // the token was refused: back to the lookup form
    bool signed_out = false;        // the customer ended every session of this ticket: back to the lookup form
    bool signing_out = false;       // ...asked for: no request goes out with the token it is ending

    // Live updates: at most one long-poll in flight; after failures, wait (1, 2, 4 ... 30 s).
    int last_sequence = 0;
    bool poll_in_flight = false;
    double poll_sent_at = 0;  // when the poll in flight went out
    int poll_failures = 0;
    double poll_due_at = 0;
    std::optional<ApiError> live_error;
    bool refresh_in_flight = false;
    bool refresh_again = false;
    // "Show earlier": one page of older events at a time (screens/timeline_pages.h).
    bool earlier_in_flight = false;
    std::optional<ApiError> earlier_failure;

    // The customer's message to the service team (a draft kept on the device).
    std::string message;
    std::string message_error;
    bool message_sending = false;
    std::optional<ApiError> message_failure;
    bool message_sent = false;      // a short "sent" confirmation under the composer

    // Actions from TicketView.available_actions.
    TicketDialog dialog = TicketDialog::None;
    std::string reopen_note;
    std::string reopen_error;
    std::string reply;
    std::string reply_error;
    bool action_in_flight = false;
    std::optional<ApiError> action_failure;
};

void DrawTicketPage(AppState& state, Ui& ui);

} // namespace aftercare::portal
