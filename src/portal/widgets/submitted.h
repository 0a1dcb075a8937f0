// The "submitted" panel every ticket-making screen ends with (repair, returns, complaint): the
// service number large, the promise in words, and at a kiosk the QR code to continue on a phone
// and a "Print receipt" button. DrawSubmission shows a submission sent through the kiosk outbox in
// whichever state it is: sending, saved while offline (said honestly), created, or refused.
#pragma once

#include "api/customer_wire.h"

#include <cstdint>

namespace aftercare::portal {

struct AppState;
struct Ui;

void DrawTicketSubmitted(AppState& state, Ui& ui, const api::CreateTicketResponse& created);

enum class SubmissionView {
    Pending,  // sending, or saved until the network returns
    Created,  // the ticket exists: the submitted panel is showing
    Refused,  // the server said no: an error is showing; the screen should let the customer fix it
    Unknown,  // no such outbox item (a reset forgot it)
};
SubmissionView DrawSubmission(AppState& state, Ui& ui, std::uint64_t outbox_item);

} // namespace aftercare::portal
