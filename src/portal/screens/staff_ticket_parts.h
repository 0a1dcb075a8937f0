// The ticket workspace's pieces, drawn by screens/staff_ticket.cpp: the forms that change the
// ticket (staff_ticket_forms.cpp), the timeline (staff_ticket_timeline.cpp) and the customer card
// (staff_ticket_customer.cpp), the delivery log (staff_ticket_deliveries.cpp). Private to the
// workspace; every piece reads and writes AppState::staff.ticket.
#pragma once

#include "screens/staff_ticket.h"

#include "api/customer_wire.h"
#include "net/staff_requests.h"

#include <initializer_list>
#include <map>
#include <optional>

#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;
class Host;

// Transitions with a note, assignment, re-triage with a reason.
void DrawTicketActions(AppState& state, Ui& ui, const api::TicketView& ticket);
// Diagnosis, spare parts (with their commitments), arrival, service report.
void DrawWorkRecords(AppState& state, Ui& ui, const api::TicketView& ticket, double elapsed);
// The repair quote (out of warranty or customer-caused) and the service report, with its print.
void DrawServiceReportCard(AppState& state, Ui& ui, const api::TicketView& ticket);
// Sends a change from one of the workspace's forms; `form` shows the result or the error.
void SendChange(AppState& state, Ui& ui, WorkspaceForm form, const requests::TicketChange& change, std::string notice);
// The error banner of `form`, when the last failure was its.
void FormError(AppState& state, Ui& ui, WorkspaceForm form);
// The last success, if one of `forms` made it.
void FormNotice(AppState& state, Ui& ui, std::initializer_list<WorkspaceForm> forms);
// Problems of one form by field (the server's field names) → the message shown under each field.
using FieldErrors = std::map<std::string, std::string>;
// The message for `field` of `form`, from the last refusal (the server's details or ours); "" when none.
std::string FieldErrorText(AppState& state, const WorkspaceState& ws, WorkspaceForm form, const std::string& field);
// Problems found before sending, shown like the server's: each under its field, the first in the banner.
void ShowFieldErrors(WorkspaceState& ws, WorkspaceForm form, const FieldErrors& found);
// The field was edited: its problem goes (the form's banner too, once no problem is left).
void ClearFieldError(WorkspaceState& ws, WorkspaceForm form, const std::string& field);
// A complaint's details (category, the ticket it is about, its findings once answered).
void DrawComplaintCard(AppState& state, Ui& ui, const api::TicketView& ticket);
// The findings a complaint is answered with (root cause, corrective action), above the action buttons.
void DrawComplaintFindings(AppState& state, Ui& ui);
// The typed findings, checked as the server will; nullopt (and the problems under their fields) when not ready.
std::optional<core::ComplaintFindings> TakeComplaintFindings(AppState& state);
// A message to the customer.
void DrawReply(AppState& state, Ui& ui, const api::TicketView& ticket);
// The newest page of events, newest first, and "show earlier" for the pages before it.
void DrawTimeline(AppState& state, Ui& ui, const api::TicketView& ticket);
// Name, product, description; phone and address masked until revealed, and who revealed them.
void DrawCustomer(AppState& state, Ui& ui, const api::TicketView& ticket);
// The "why do you need it" dialog a reveal button opens (drawn over the page; closed by default).
void DrawRevealDialog(AppState& state, Ui& ui);
// The product's register entry (warranty, replaced parts) and its other tickets.
void DrawProductRecord(AppState& state, Ui& ui, const api::TicketView& ticket);
// Every ticket of the same customer (phone), repeat repairs marked; and this ticket's repeat notice.
void DrawCustomerHistory(AppState& state, Ui& ui, const api::TicketView& ticket);

// Every message sent or owed about the ticket: channel, event, masked recipient, state, attempts.
void DrawDeliveries(AppState& state, Ui& ui);
// Loads (or reloads) the delivery log; answers arrive after the frame, hence the Host.
void LoadDeliveries(AppState& state, Host& host);

// Loads this ticket's audit entries (who revealed what, and why).
void LoadAudit(AppState& state);
// Loads (or reloads) the ticket view of the workspace's number. Answers arrive after the frame
// that asked, so these take the Host (which lives as long as the page), never the frame's Ui.
void ReloadTicket(AppState& state, Host& host);
// "Show earlier": the page of events before the oldest one the workspace holds.
void LoadEarlierEvents(AppState& state, Host& host);
// A change the server accepted: show its answer, say what happened.
void AcceptTicketChange(AppState& state, Host& host, api::TicketView view, const std::string& notice,
                        WorkspaceForm form);

} // namespace aftercare::portal
