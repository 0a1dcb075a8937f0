// The product register as the services use it: imports from the admin upload and the integration
// API (the same engine as the command line), delivery events, and a product's record with its
// service history for the staff workspace.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "api/vendor_wire.h"
#include "import/engine.hpp"
#include "services/services.hpp"

namespace aftercare::serve::register_service {

// Runs the import engine over `body` and writes one audit entry naming `who` (a staff username or
// "api-key:<name>"). Returns the engine's report; the caller picks the status.
api::ImportReport Import(Services& services, const std::string& who, import::Kind kind, import::Format format,
                         bool dry_run, const std::string& body);

// POST /integration/orders/{order_number}/delivery: {"delivered_at": "2026-03-01 14:30"}.
nlohmann::json RecordDelivery(Services& services, const std::string& who, const std::string& order_number,
                              const nlohmann::json& body);

// The register entry of a serial (model, purchase date, replacements, warranty today) and every
// ticket that names it, newest first. Throws 422 for a malformed serial.
api::ProductHistory ProductHistory(Services& services, const std::string& serial);

// Every ticket of the customer who raised `ticket_id` (same phone), newest first, it included.
api::CustomerHistory CustomerHistory(Services& services, std::int64_t ticket_id);

} // namespace aftercare::serve::register_service
