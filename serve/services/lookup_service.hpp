// Ticket lookup: service number + the phone's last four digits -> a token for that one ticket.
//
// Why guessing is impractical (the arithmetic the brief asks for):
//   * A service number has 10 random symbols from a 31-symbol alphabet: 31^10 ~ 8.2e14 numbers.
//     Even with a million live tickets, a random well-formed guess hits one with p ~ 1.2e-9.
//   * Knowing a real number (say, a photographed receipt), the phone part is 4 digits: 10^4
//     candidates, 5,000 tries expected.
//   * Per client address the lookup budget is 10 per minute (burst 10): 5,000 tries take ~8 h
//     from one address, and every try is charged, malformed or not.
//   * Per service number, wrong digits are budgeted at 5 per hour across ALL addresses: 5,000
//     expected tries take ~1,000 hours (~6 weeks) however many addresses an attacker has, during
//     which the ticket is long closed; each lockout is visible in the request log.
//   * Finding a ticket blindly: 10/min x 1,440 min/day = 14,400 guesses per address per day, each
//     needing number AND digits right: 14,400 x 1e6 / 8.2e14 / 1e4 ~ 1.8e-9 tickets per day.
#pragma once

#include "api/customer_wire.h"
#include "services/services.hpp"

namespace aftercare::serve::lookup {

// Wrong number, wrong digits and an unparseable number answer with the same 404 body, and all
// paths do the same single indexed query.
api::LookupResponse Lookup(Services& services, const api::LookupRequest& request);

}  // namespace aftercare::serve::lookup
