// Staff use cases: accounts (create-admin, the console's admin page), login, the work queue and
// its change feed, ticket access by role, customer-data reveals (audited), the vendor policy,
// statistics.
#pragma once

#include <optional>
#include <string>

#include "api/staff_wire.h"
#include "api/wire_reader.h"
#include "core/staff_roles.h"
#include "principal.hpp"
#include "services/services.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve::staff {

// For `aftercare-server create-admin` and the demo seed. An empty password creates an account
// that cannot log in (demo engineers exist to be assigned, not to be logged into).
// Returns false when the username is taken.
bool CreateAccount(Store& store, const std::string& username, const std::string& display_name,
                   const std::vector<std::string>& roles, const std::string& password, std::int64_t now);

// Minimum password length for staff accounts.
constexpr std::size_t kMinPasswordLength = 10;

// 1-64 of [A-Za-z0-9._@-]: usernames appear in logs, timelines and the audit log as they are.
bool IsValidUsername(const std::string& name);

// Where a policy saved from the console is kept (the meta table); it wins over the file at start.
inline constexpr const char* kPolicyMetaKey = "policy";

// The signed-in staff member and what their roles allow.
struct Caller {
    std::string username;
    core::StaffPermissions permissions;
};
Caller CallerOf(const Principal& who);

// Every attempt, right or wrong, is audited with the caller's address (`client`).
api::StaffLoginResponse Login(Services& services, const api::StaffLoginRequest& request, const std::string& client);

// Agents see their own and unassigned tickets only, whatever the filter asks.
api::QueueResponse Queue(Services& services, const Caller& caller, const api::QueueFilter& filter);

// The change counter; while it is still `since` and `deadline` has not passed, parks the request
// (throws ParkRequest) until any ticket changes.
api::ChangesResponse Changes(Services& services, std::int64_t since, SteadyTime deadline);

// 403 unless the caller may work this ticket (core::CanWorkTicket).
void RequireTicketAccess(Services& services, const Caller& caller, std::int64_t ticket_id);
// The same check for use inside a write transaction (tickets::TicketGuard).
tickets::TicketGuard TicketGuardFor(const Caller& caller);

// The assignee must be an active staff account; agents only dispatch unassigned tickets.
api::TicketView Assign(Services& services, std::int64_t ticket_id, const Caller& caller,
                       const api::AssignRequest& request);

// Transitions with the role rules on top of core's: escalating by hand and reassigning are for
// supervisors.
api::TicketView Transition(Services& services, std::int64_t ticket_id, const Caller& caller,
                           const api::TransitionRequestWire& request);

api::TicketView RecordWork(Services& services, std::int64_t ticket_id, const Caller& caller,
                           const api::WorkRequest& request);

api::TicketView AddMessage(Services& services, std::int64_t ticket_id, const Caller& caller, std::string text);
api::TicketView AddNote(Services& services, std::int64_t ticket_id, const Caller& caller, api::NoteRequest request);

// A ticket for a caller, walk-in or e-mail (any staff role): tickets::Create with the
// staff member as the creator, idempotency keys scoped to that staff member, and an audit entry
// ("ticket_intake", detail = the channel) in the ticket's own transaction.
tickets::CreateResult Intake(Services& services, const Caller& caller, core::TicketDraft draft,
                             const std::string& request_hash, const std::string& idempotency_key);

// The unmasked phone or address, after writing who asked for it to the audit log.
api::RevealResponse Reveal(Services& services, std::int64_t ticket_id, const Caller& caller,
                           const api::RevealRequest& request);

// One ticket's entries for anyone who may work it; everything for supervisors and admins.
// A staff download of an attachment, recorded in the audit log in the same transaction.
AttachmentRecord DownloadAttachment(Services& services, const Caller& caller, std::int64_t ticket_id,
                                    const std::string& attachment_id);
api::AuditResponse Audit(Services& services, const Caller& caller, std::optional<std::int64_t> ticket_id, int limit);

// Everyone's name (to assign work); roles and account state only for admins.
api::StaffListResponse Members(Services& services, const Caller& caller);
api::StaffAccount CreateMember(Services& services, const Caller& caller, const api::CreateStaffRequest& request);
api::StaffAccount UpdateMember(Services& services, const Caller& caller, const std::string& username,
                               const api::UpdateStaffRequest& request);

// Validates (field paths such as "sla.urgent.resolution_minutes"), saves, audits and applies at once.
std::string UpdatePolicy(Services& services, const Caller& caller, const api::Json& body);

// `from`/`to` are Unix seconds over ticket creation time (ratings: over when they were given).
// Aggregates over every ticket; the complaint list names only tickets the caller may work on.
api::StatsResponse Stats(Services& services, const Caller& caller, std::int64_t from, std::int64_t to);

}  // namespace aftercare::serve::staff
