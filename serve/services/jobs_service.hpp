// The engineer's phone view: the signed-in engineer's on-site jobs, in the order they will be
// visited (GET /api/v1/staff/jobs).
#pragma once

#include <string>

#include "api/jobs_wire.h"
#include "services/services.hpp"
#include "services/staff_service.hpp"

namespace aftercare::serve::jobs {

// On-site repairs assigned to the caller that are open and still need the engineer: not yet
// finished, or finished and not yet signed off. Booked visits first by window start, then
// unbooked ones by their earliest running deadline; `cursor` is a previous page's next_cursor.
api::JobsResponse Jobs(Services& services, const staff::Caller& caller, int limit, const std::string& cursor);

}  // namespace aftercare::serve::jobs
