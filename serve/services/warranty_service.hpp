// Warranty lookup by serial number, with an optional repair cost estimate.
#pragma once

#include "api/customer_wire.h"
#include "services/services.hpp"

namespace aftercare::serve::warranty {

api::WarrantyLookupResponse Lookup(Services& services, const api::WarrantyLookupRequest& request);

}  // namespace aftercare::serve::warranty
