// The customer's signature on the engineer's phone: a PNG checked for what it claims to be, kept
// as an attachment of the ticket with its SHA-256 on the timeline, in one transaction.
#pragma once

#include <string>

#include "api/customer_wire.h"
#include "services/services.hpp"
#include "services/staff_service.hpp"

namespace aftercare::serve::signatures {

// A well-formed PNG: the signature bytes, an IHDR chunk first (width and height 1..4096), an IEND
// chunk last, every chunk's length inside the file. Not a decoder: enough to refuse anything that
// is not a PNG image, whatever the client says it is.
bool IsPng(const std::string& bytes);

// Lower-case hex SHA-256.
std::string Sha256Hex(const std::string& bytes);

struct SignResult {
    api::TicketView view;
    bool replayed = false;  // this very PNG was already the ticket's signature: nothing written
};

// Refuses an empty body (422 required), more than api::kSignatureMaxBytes (413) and anything not a
// PNG (415); then core decides (a finished on-site job not yet signed off; 409 otherwise). Writes
// the attachment, the SignOff event and the customer's Confirm, and an audit entry ("sign_off",
// detail the hash). `client` is charged the bytes in the storage quota.
SignResult Sign(Services& services, std::int64_t ticket_id, const staff::Caller& caller, const std::string& bytes,
                const std::string& client);

}  // namespace aftercare::serve::signatures
