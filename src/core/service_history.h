// A unit's and a customer's service history: which earlier repair a new one repeats (standard
// §17 6) "不允许同一问题重复发生", §18 "避免出现重复维修、维修不彻底").
#pragma once

#include "policy.h"
#include "ticket.h"

#include <optional>
#include <string>
#include <vector>

namespace aftercare::core {

// An earlier ticket of the same serial, as the repeat check needs it.
struct PastTicket {
    std::string service_number;
    TicketKind kind = TicketKind::Repair;
    std::optional<UnixSeconds> resolved_at; // its current resolution (LastResolvedAt), if it stands
};

// The earlier repair that a repair submitted at `now` repeats: the most recently resolved repair of
// the same serial whose resolution is at most policy.tickets.repeat_repair_days old (the boundary
// day counts). "" when none; never for other kinds, and never when the window is 0 days.
std::string RepeatedRepair(TicketKind kind, const std::vector<PastTicket>& earlier, UnixSeconds now,
                           const Policy& policy);

} // namespace aftercare::core
