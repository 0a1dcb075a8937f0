// Ticket lookup: service number + the phone's last four digits -> a token for that one ticket.
//
// Why guessing is impractical, with the arithmetic: docs/api.md ("Guessing a ticket is impractical").
#pragma once

#include "api/customer_wire.h"
#include "services/services.hpp"

namespace aftercare::serve::lookup {

// Wrong number, wrong digits and an unparseable number answer with the same 404 body, and all
// paths do the same single indexed query. `client` is the caller's address (its guess allowance).
api::LookupResponse Lookup(Services& services, const api::LookupRequest& request, const std::string& client);

}  // namespace aftercare::serve::lookup
