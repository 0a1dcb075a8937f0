// Ticket use cases: create (idempotent), read, follow (long-poll), message, customer and staff
// transitions, rating. Every rule is core's; this layer loads, applies, stores and notifies.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "api/customer_wire.h"
#include "api/staff_wire.h"
#include "services/services.hpp"

namespace aftercare::serve::tickets {

// Queue/sweeper columns derived from core's view of the ticket at `now`.
TicketIndex ComputeIndex(const core::Ticket& ticket, std::int64_t now, const core::Policy& policy);

// Any accepted spelling of a service number -> the compact storage key. A number that does not
// parse (bad check character included) answers exactly like an unknown one: 404.
std::string CompactNumber(const std::string& text);

// Ticket id for a number, or 404.
std::int64_t RequireTicketId(Services& services, const std::string& number_text);

// Staff readers get the customer's address masked like the phone (revealing either is audited).
api::TicketView MakeView(Services& services, const StoredTicket& stored, core::ActorRole reader);
api::TicketView Read(Services& services, std::int64_t ticket_id, core::ActorRole reader);

struct CreateResult {
    api::CreateTicketResponse response;
    bool replayed = false;
};

// `idempotency_scope` + `idempotency_key` (key may be empty) make retries safe: the same key and
// body return the same ticket (with a fresh token), the same key with another body is refused
// (422). The key is stored in the ticket's own transaction, so it exists exactly when the ticket does.
// The scope is the client's address, which is also whose guess allowance a return's order check uses.
// `creator` registers it: the customer (channel web/kiosk/embed), or staff taking a call or a
// walk-in (phone/walk_in/email; core::CheckChannel). `also` runs in the ticket's transaction when a
// ticket is really created (not on a replay), e.g. the intake's audit entry.
CreateResult Create(Services& services, core::TicketDraft draft, const std::string& request_hash,
                    const std::string& idempotency_scope, const std::string& idempotency_key,
                    const core::Actor& creator = {},
                    const std::function<void(StoreTx&, const StoredTicket&)>& also = {});

// Which page of a ticket's events (api::EventsAfter / api::EventsBefore).
struct EventsQuery {
    std::optional<int> before;  // a page back through history: answered at once, never waits
    int after = 0;              // live updates: events later than this
    int limit = api::kTimelinePage;
};

// `before`: the newest `limit` events earlier than it. Otherwise the oldest `limit` events after
// `after`; when there are none and `deadline` has not passed, parks the request until the ticket
// changes (throws ParkRequest; the server runs the request again on wake-up). The server refuses a
// park with 503 when every long-poll place is taken (RefuseLiveWait).
api::EventsResponse Events(Services& services, std::int64_t ticket_id, const EventsQuery& query, SteadyTime deadline, core::ActorRole reader);

// 503 with Retry-After: a long-poll found every waiting place taken. An empty 200 instead would
// send the client straight back (one page made 2,142 requests in 2 s); this tells it when to.
[[noreturn]] void RefuseLiveWait();

// Checked inside the write transaction against the ticket as it is there (who may touch it);
// throws DomainError to refuse.
using TicketGuard = std::function<void(const core::Ticket&)>;

api::TicketView AddMessage(Services& services, std::int64_t ticket_id, const core::Actor& actor, std::string text,
                           core::ActorRole reader, const TicketGuard& guard = {});

// An internal note, or a quality-incident flag with its note (core::AddInternalNote /
// FlagQualityIncident): staff only, answered with the staff view.
api::TicketView AddNote(Services& services, std::int64_t ticket_id, const core::Actor& actor, std::string text,
                        bool quality_incident, const TicketGuard& guard);

// A state-machine action; `expected_sequence` (staff) gives 409 when the ticket moved on meanwhile.
api::TicketView Act(Services& services, std::int64_t ticket_id, const core::TransitionRequest& request,
                    std::optional<int> expected_sequence, core::ActorRole reader, const TicketGuard& guard = {});

// What else a change writes in its transaction once core has accepted it (an attachment, an
// audit entry), with the ticket as it will be saved.
using AlsoWrite = std::function<void(StoreTx&, const core::Ticket&)>;

// The unit's coverage for a quote or a service report: the vendor's register wins over the date the
// customer typed (as in the warranty lookup); nullopt when neither gives a purchase date.
std::optional<core::WarrantyQuery> CoverageOf(Services& services, const core::Ticket& ticket);

// A staff work record (diagnosis, parts, visit steps, quote, service report, sign-off; core/work_log.h).
// A quote's or report's fields are checked all at once, and its charges use the unit's coverage.
api::TicketView RecordWork(Services& services, std::int64_t ticket_id, const core::Actor& actor,
                           const core::WorkEntry& entry, const TicketGuard& guard = {},
                           const AlsoWrite& also = {});

// The customer accepts or declines the pending repair quote (core::AnswerQuote).
api::TicketView AnswerQuote(Services& services, std::int64_t ticket_id, bool accept);

// A follow-up call's record (core::RecordFollowUpCall) and, with a phone rating, the rating row
// marked with its channel, in one transaction with what `first` checks before core's rules (a
// replayed idempotency key) and what `also` writes after them (audit, idempotency).
api::TicketView RecordFollowUpCall(Services& services, std::int64_t ticket_id, const core::Actor& actor,
                                   const core::FollowUpCallEntry& entry, const TicketGuard& guard,
                                   const AlsoWrite& first, const AlsoWrite& also);

api::TicketView Rate(Services& services, std::int64_t ticket_id, const core::Rating& rating);

// The SLA sweeper's step for one ticket: escalate one level when due, close after the reopen
// window, refresh the index. Returns true when an escalation was written.
bool Sweep(Services& services, std::int64_t ticket_id);

}  // namespace aftercare::serve::tickets
