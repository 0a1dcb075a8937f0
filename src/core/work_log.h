// Staff work records on a ticket's timeline: diagnosis, spare parts with their 2 h / 8 h
// commitments, departure and arrival on site and the service report; and the parts still owed.
#pragma once

#include "policy.h"
#include "result.h"
#include "ticket.h"
#include "warranty.h"

#include <optional>
#include <string>
#include <vector>

namespace aftercare::core {

// What a staff member records. `note` is the text (required for a diagnosis and an interim plan); `part` names the spare part (required for PartReserved/PartOrdered); `completes` is
// the sequence of the PartReserved/PartOrdered event that a PartFitted/PartShipped completes.
struct WorkEntry {
    WorkKind kind = WorkKind::Diagnosis;
    std::string note;
    std::string part;
    int completes = 0;
    std::string part_serial;  // PartFitted: the new part's own serial (optional)
    // SignOff: the signature PNG the server stored (never from a client: the server hashes the
    // bytes it keeps and names the attachment it wrote).
    std::string signature_sha256;
    std::string attachment_id;
    std::optional<Quote> quote;          // Quote: parts and whether the damage is the customer's
    std::optional<ServiceReport> report; // ServiceReport: the structured report (charges are computed)
    // Quote / ServiceReport: the unit's coverage from the product register or the ticket, set by the
    // server (never from a client); nullopt when no purchase date is known.
    std::optional<WarrantyQuery> warranty;

    bool operator==(const WorkEntry&) const = default;
};

inline constexpr std::size_t kPartNameMax = 64;

// A ticket takes staff work records (all but the sign-off) while someone works on it:
// Assigned or InProgress. The console offers its work forms by the same rule.
constexpr bool TakesWork(TicketState state) {
    return state == TicketState::Assigned || state == TicketState::InProgress;
}

// Appends a Work event. Rules:
//   - staff only (forbidden_actor), on an Assigned or InProgress ticket (illegal_transition);
//     everything but a diagnosis is for repair tickets only (parts, the visit, the report, the
//     quote, the interim plan, which needs its text like a diagnosis), departure and
//     arrival for on-site ones (IsOnSite); a departure while already on the way is already_done
//     (an arrival without a recorded departure is accepted: the engineer forgot to tap);
//   - a reserved part is owed fitted within policy.warranty.spare_part_in_stock_hours, an ordered
//     one shipped within spare_part_ship_hours: the event carries that due time;
//   - PartFitted completes an open PartReserved, PartShipped an open PartOrdered (not_found /
//     already_done otherwise); only PartFitted may carry the new part's serial (a valid serial);
//   - arrival on an Assigned ticket also starts the work (a Start transition first), because the
//     urgent resolution clock counts from arrival;
//   - a service report needs the work to have started (InProgress); quotes and reports follow quote.h;
//     a quote's answer is the customer's (AnswerQuote), never a staff work record;
//   - SignOff / SignOffLater close a finished on-site visit: only on a Resolved on-site repair, once
//     per resolution (already_done after either). SignOff needs the signature's hash and attachment
//     and is the customer's confirmation given in person, so a Confirm transition (actor: the
//     customer) follows it; SignOffLater leaves the ticket Resolved for the portal's confirm.
Result<Applied> RecordWork(const Ticket& ticket, const Actor& actor, const WorkEntry& entry, UnixSeconds now,
                           const Policy& policy);

// Where an on-site visit stands, from the timeline: what the engineer's phone offers next.
//   NotDeparted  nobody is on the way (depart)      OnTheWay  departed, not arrived (arrive)
//   OnSite       arrived, work not finished (finish) Finished  resolved or later (sign-off)
enum class VisitStage { NotDeparted, OnTheWay, OnSite, Finished };
std::string_view ToString(VisitStage stage);
VisitStage StageOf(const Ticket& ticket);

// How the customer signed off the ticket's current resolution: the SignOff / SignOffLater work
// event recorded since the last Resolve, if any.
std::optional<TimelineEvent> SignOffOf(const Ticket& ticket);

// The latest interim plan agreed with the customer (an InterimPlan work event), if any.
std::optional<TimelineEvent> InterimPlanOf(const Ticket& ticket);

// A part the engineer committed to, and whether that commitment was kept.
struct PartCommitment {
    int sequence = 0; // of the PartReserved / PartOrdered event
    std::string part;
    bool in_stock = true; // reserved from stock (fit by due) or ordered (ship by due)
    UnixSeconds promised_at = 0;
    UnixSeconds due_at = 0;
    std::optional<UnixSeconds> done_at;

    bool Late(UnixSeconds now) const { return done_at ? *done_at > due_at : now > due_at; }
    bool operator==(const PartCommitment&) const = default;
};

// From the whole timeline, so only the server can say it: a client holds one page of the
// timeline and reads the answer from the ticket view (api::TicketView::parts).
std::vector<PartCommitment> PartCommitments(const Ticket& ticket);

} // namespace aftercare::core
