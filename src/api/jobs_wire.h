// Wire types of the engineer's phone view: "my jobs" (GET /api/v1/staff/jobs) and the customer's
// signature (POST /api/v1/staff/tickets/{number}/signature, a raw PNG body answered by TicketView).
#pragma once

#include "api/core_json.h"
#include "api/customer_wire.h"
#include "api/wire_reader.h"

#include <optional>
#include <string>
#include <vector>

namespace aftercare::api {

// The signature PNG's size cap. A finger's strokes rasterized on the phone fit in a few tens of KB;
// anything near the cap is not a signature.
inline constexpr std::int64_t kSignatureMaxBytes = 256 * 1024;

// One on-site job of the signed-in engineer: what the phone shows and which step comes next.
struct JobItem {
    std::string service_number;
    core::Priority priority = core::Priority::General;
    core::TicketState state = core::TicketState::Assigned;
    std::string subject;
    std::string customer_name;
    std::string model;                          // product model
    std::string fault_category;                 // the portal's fault category id ("" when none)
    std::string address_masked;                 // MaskAddress: the reveal shows the rest (audited)
    std::optional<core::VisitWindow> visit;     // the booked window
    std::optional<core::UnixSeconds> visit_start;
    std::optional<core::UnixSeconds> visit_end;
    std::optional<core::UnixSeconds> arrival_due_at;  // the arrival clock's deadline, while it runs
    bool arrival_overdue = false;
    std::string stage;                          // core::VisitStage: not_departed, on_the_way, on_site, finished
    int last_sequence = 0;                      // for expected_sequence on "finish"
    bool has_service_report = false;            // core::CurrentServiceReport: "finish" needs it
};

JobItem MakeJobItem(const core::Ticket& ticket, core::UnixSeconds now, const core::Policy& policy);

// Booked visits first by window start, then unbooked ones by their earliest deadline; keyset
// paged (next_cursor empty at the end).
struct JobsResponse {
    std::vector<JobItem> items;
    std::string next_cursor;
    std::int64_t version = 0;  // the change counter (GET /staff/changes) when read
};

AFTERCARE_WIRE_TYPE(JobItem);
AFTERCARE_WIRE_TYPE(JobsResponse);

} // namespace aftercare::api
