// What a customer takes away after submitting: the SLA promise in words, the tracking link (which
// carries the ticket's access token, shown on the kiosk's screen for the customer's own phone) and
// a printed receipt whose QR code leads to the ticket's lookup, which still asks for the phone's last
// 4 digits: paper gets left on counters and photographed, so it carries no token.
#pragma once

#include "kiosk/qr_code.h"

#include "api/customer_wire.h"

#include <optional>
#include <string>

namespace aftercare::portal {

struct AppState;
class Host;

// The promise the vendor's policy makes for this ticket, in the UI language
// ("2 小时内响应，8 小时内处理完毕"); a booked visit is named with its day and slot, since the
// repair clock of such a ticket counts from the window, not from now.
std::string PromiseText(const AppState& state, const api::TicketView& ticket);

// "2026-12-04 18:40" on the given clock: what paper shows (it is read days later, so never "today").
std::string LocalDateTime(core::UnixSeconds instant, int utc_offset_minutes);

// origin + "/#/track/<number>?t=<token>": opens the ticket on a phone, no lookup needed.
std::string TrackingUrl(const std::string& origin, const std::string& service_number, const std::string& token);

// origin + "/#/track/<number>": the ticket's page, which on a device without its token asks for the
// phone's last 4 digits (the number is filled in). What the printed receipt carries.
std::string LookupUrl(const std::string& origin, const std::string& service_number);

// The QR code of `text`, made once and kept until the text changes or the session resets.
const QrMatrix* CachedQr(AppState& state, const std::string& text);

// Fills the printable receipt for a created ticket and opens the print dialog.
void PrintTicketReceipt(AppState& state, Host& host, const api::CreateTicketResponse& created);

} // namespace aftercare::portal
