// The ticket workspace (#/staff/ticket/<service number>): the whole timeline, customer messages and
// replies, transitions with a note, assignment, re-triage with a reason, work records (diagnosis,
// spare parts with their 2 h / 8 h commitments, arrival on site, service report), and the
// customer's phone and address masked until revealed (each reveal asks why, and is audited). Follows the ticket
// live through the events long-poll.
#pragma once

#include "net/remote.h"
#include "screens/staff_ticket_report.h"

#include "api/outbound_wire.h"
#include "api/staff_wire.h"
#include "api/vendor_wire.h"

#include <map>
#include <optional>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

// The workspace's forms, for showing a result under the form that caused it.
enum class WorkspaceForm { None, Actions, Assign, Priority, Reschedule, Work, Reply, Reveal, Report, Quote };

struct WorkspaceState {
    std::string number;                   // the ticket shown (from the route)
    Remote<api::TicketView> ticket;
    double received_at = 0;               // host clock when the view arrived (countdowns)
    // Live: the events long-poll after the last sequence shown.
    bool following = false;
    double follow_retry_at = 0;
    // "Show earlier": one page of older events at a time (screens/timeline_pages.h).
    bool earlier_in_flight = false;
    std::optional<ApiError> earlier_error;
    Remote<api::AuditResponse> audit;     // this ticket's reveals
    std::map<std::string, std::string> revealed; // "phone"/"address" -> value, while on this ticket
    // The reveal dialog: which field it is for (empty: closed), the reason picked (index into
    // api::kRevealReasons, -1 none yet) and the note ("other" needs one).
    std::string reveal_dialog_field;
    int reveal_reason = -1;
    std::string reveal_note;
    std::string reveal_reason_error;
    std::string reveal_note_error;
    // The product's register entry and service history (screens/staff_ticket_product.cpp).
    std::string product_serial;           // the serial `product` is about
    Remote<api::ProductHistory> product;
    // Every ticket of the same customer (phone), loaded once per ticket.
    Remote<api::CustomerHistory> customer_history;
    // The delivery log (screens/staff_ticket_deliveries.cpp): reloaded with the ticket, and while a
    // message is pending, again when it is due (so "pending" turns into "sent" without a click).
    Remote<api::DeliveryList> deliveries;
    double deliveries_due_at = 0;         // host clock; 0: no reload planned

    // Forms. `busy` blocks double submits; `error` shows under the form that failed.
    bool busy = false;
    std::optional<ApiError> error;
    WorkspaceForm error_form = WorkspaceForm::None;
    std::string action_note;
    std::string note_error;
    int assignee_choice = -1;
    std::string assign_note;
    int priority_choice = -1;
    std::string priority_reason;
    std::string priority_error;
    // Rescheduling the booked visit: the day (index from today), the slot, and why (what the
    // customer agreed to). -1: not chosen yet (starts from the current booking).
    int visit_day = -1;
    int visit_slot = -1;
    std::string visit_reason;
    std::string visit_error;
    int work_kind = 0;
    std::string work_note;
    std::string work_part;
    std::string fitted_serial;            // the new part's serial, sent with "part fitted"
    std::string work_error;
    ServiceReportForm report;
    QuoteForm quote;
    core::ComplaintFindings findings;     // answering a complaint: what caused it, what changed
    std::string reply;
    std::string reply_error;
    bool internal_note = false;           // the reply card writes an internal note, not a message
    bool quality_incident = false;        // ...and flags the ticket as a 重大质量问题 with it
    // The last success, e.g. "已受理", shown under the form that made it (where the eye is: the
    // work form sits a screen below the actions card).
    std::string notice;
    WorkspaceForm notice_form = WorkspaceForm::None;
};

void DrawStaffTicket(AppState& state, Ui& ui);

} // namespace aftercare::portal
