// Attachments: type recognised from the bytes (never from the name or the client's header),
// limits from the policy via core, bytes stored with the ticket in one transaction.
#pragma once

#include <optional>
#include <string>

#include "api/customer_wire.h"
#include "services/services.hpp"

namespace aftercare::serve::attachments {

// "image/jpeg", "image/png", "image/webp", "application/pdf", or nullopt for anything else.
std::optional<std::string> SniffContentType(const std::string& bytes);

// The name is cleaned by SanitizeFileName (file_names.hpp) for the recognised type.
// `client` (the caller's address) is charged the bytes in the storage quota.
api::AttachmentInfo Upload(Services& services, std::int64_t ticket_id, const core::Actor& actor,
                           const std::string& file_name, const std::string& bytes, core::ActorRole reader,
                           const std::string& client);

// Only within `ticket_id`: an id from another ticket is not found.
AttachmentRecord Download(Services& services, std::int64_t ticket_id, const std::string& attachment_id);

}  // namespace aftercare::serve::attachments
