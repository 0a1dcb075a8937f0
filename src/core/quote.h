// Paid repairs on a ticket: the quote the customer accepts or declines before paid work starts, and
// the structured service report (售后服务报告单) a repair needs before it is resolved, with its charges.
//   - Quote (staff, repair, assigned or in progress): parts and whether the damage is the
//     customer's; its charges come from the warranty and the policy. A free repair needs no quote
//     (not_needed). A later quote replaces the earlier one and needs its own answer.
//   - The customer answers the latest quote once (QuoteAccepted / QuoteDeclined work events).
//   - ServiceReport (staff, repair in progress): diagnosis, cause, actions, parts, labour, outcome.
//     When it costs the customer anything, the latest quote must be accepted and cover the total
//     (quote_required); after a declined quote only a report without parts is accepted, free.
//   - Resolve of a repair needs a service report since the ticket was last reopened (state_machine).
#pragma once

#include "policy.h"
#include "result.h"
#include "ticket.h"
#include "work_log.h"

namespace aftercare::core {

// The latest quote on the ticket and the customer's answer to it (either may be null).
struct QuoteStatus {
    const TimelineEvent* quote = nullptr;
    const TimelineEvent* answer = nullptr; // QuoteAccepted or QuoteDeclined
    bool Pending() const { return quote && !answer; }
    bool Accepted() const { return answer && answer->work->kind == WorkKind::QuoteAccepted; }
    bool Declined() const { return answer && answer->work->kind == WorkKind::QuoteDeclined; }
};
QuoteStatus LatestQuote(const Ticket& ticket);

// The states in which a quote can wait for (and take) the customer's answer.
bool QuoteCanWait(TicketState state);

// The customer accepts or declines the pending quote (not_found when none is pending).
Result<Applied> AnswerQuote(const Ticket& ticket, bool accept, UnixSeconds now);

// The service report of the current resolution: the latest ServiceReport work event since the
// ticket was last reopened, or null.
const TimelineEvent* CurrentServiceReport(const Ticket& ticket);

// The work record of a Quote / ServiceReport entry, with its charges; RecordWork has checked the
// actor and the state.
Result<WorkRecord> QuoteRecord(const Ticket& ticket, const WorkEntry& entry, const Policy& policy);
Result<WorkRecord> ServiceReportRecord(const Ticket& ticket, const WorkEntry& entry, const Policy& policy);

} // namespace aftercare::core
