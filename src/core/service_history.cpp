// Repeat-repair detection; see service_history.h.
#include "service_history.h"

namespace aftercare::core {

std::string RepeatedRepair(TicketKind kind, const std::vector<PastTicket>& earlier, UnixSeconds now,
                           const Policy& policy) {
    const int days = policy.tickets.repeat_repair_days;
    if (kind != TicketKind::Repair || days <= 0) return {};
    const UnixSeconds window = static_cast<UnixSeconds>(days) * kSecondsPerDay;
    const PastTicket* latest = nullptr;
    for (const PastTicket& past : earlier) {
        if (past.kind != TicketKind::Repair || !past.resolved_at) continue;
        if (*past.resolved_at > now || now - *past.resolved_at > window) continue;
        if (latest == nullptr || *past.resolved_at > *latest->resolved_at) latest = &past;
    }
    return latest == nullptr ? std::string() : latest->service_number;
}

} // namespace aftercare::core
