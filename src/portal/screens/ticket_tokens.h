// Ticket access tokens kept on this device, one per service number, so a reload or a later visit
// opens the ticket page without asking for the phone digits again; plus the short list of tickets
// recently opened here. This is the only place a token is stored.
#pragma once

#include "host.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::api {
struct CreateTicketResponse;
} // namespace aftercare::api

namespace aftercare::portal {

// `compact` is the 12-symbol storage form of the number; `expires_at` 0 means "not known" (a
// tracking link carries no expiry: the server says when it has lapsed).
void SaveTicketToken(Host& host, std::string_view compact, std::string_view display, const std::string& token,
                     std::int64_t expires_at);
// The stored token (its TokenText, router.h), unless it has expired by this device's clock.
std::optional<std::string> LoadTicketToken(Host& host, std::string_view compact, double now);
void ForgetTicketToken(Host& host, std::string_view compact);

// A ticket just created here: its token stays on this device, so tracking or rating it later needs
// no phone digits.
void KeepCreatedTicketToken(Host& host, const api::CreateTicketResponse& created);

// Display numbers of the tickets opened on this device, most recent first (at most five).
std::vector<std::string> RecentTickets(Host& host);

} // namespace aftercare::portal
