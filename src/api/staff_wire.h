// Wire types of the staff endpoints of /api/v1 (login, queue with SLA state, assign, transition, stats).
#pragma once

#include "api/core_json.h"
#include "api/customer_wire.h"
#include "api/wire_reader.h"
#include "core/state_machine.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aftercare::api {

// Endpoints (staff token = "Authorization: Bearer <token>" from login):
//   POST /api/v1/staff/login                      StaffLoginRequest -> StaffLoginResponse
//   GET  /api/v1/staff/queue?state=&kind=&priority=&breached=&assignee=&limit=&cursor=  -> QueueResponse
//   POST /api/v1/staff/tickets/{sn}/assign        AssignRequest -> TicketView
//   POST /api/v1/staff/tickets/{sn}/transition    TransitionRequestWire -> TicketView
//   GET  /api/v1/staff/stats?from=&to=            -> StatsResponse

struct StaffLoginRequest {
    std::string username;
    std::string password;
    bool operator==(const StaffLoginRequest&) const = default;
};

struct StaffMember {
    std::string id;
    std::string display_name;
    std::vector<std::string> roles; // "engineer", "department_manager", "general_manager", ...
    bool operator==(const StaffMember&) const = default;
};

struct StaffLoginResponse {
    std::string access_token;
    core::UnixSeconds token_expires_at = 0;
    StaffMember staff;
    bool operator==(const StaffLoginResponse&) const = default;
};

// Query-string filters, parsed by the server from ?state=...; all optional.
struct QueueFilter {
    std::optional<core::TicketState> state;
    std::optional<core::TicketKind> kind;
    std::optional<core::Priority> priority;
    std::optional<bool> breached;
    std::string assignee;
    int limit = 50;
    std::string cursor;
    bool operator==(const QueueFilter&) const = default;
};

struct QueueItem {
    std::string service_number;
    core::TicketKind kind = core::TicketKind::Repair;
    core::Priority priority = core::Priority::General;
    core::TicketState state = core::TicketState::Submitted;
    std::string subject;
    std::string customer_name;
    std::string assignee;
    core::EscalationLevel escalation = core::EscalationLevel::None;
    core::UnixSeconds created_at = 0;
    core::UnixSeconds updated_at = 0;
    SlaView sla;
};

QueueItem MakeQueueItem(const core::Ticket& ticket, core::UnixSeconds now, const core::Policy& policy);

struct QueueResponse {
    std::vector<QueueItem> items; // most urgent first
    std::string next_cursor;      // empty at the end
};

struct AssignRequest {
    std::string assignee;
    std::string note;
    bool operator==(const AssignRequest&) const = default;
};

// `expected_sequence`: the last timeline sequence the staff member saw; the server answers 409
// "conflict" when the ticket moved on meanwhile (optimistic concurrency).
struct TransitionRequestWire {
    core::Action action = core::Action::Accept;
    std::string note;
    std::string assignee;
    std::optional<core::Priority> priority;
    std::optional<int> expected_sequence;
    bool operator==(const TransitionRequestWire&) const = default;
};

core::TransitionRequest ToTransitionRequest(const TransitionRequestWire& wire, const core::Actor& actor);

struct StatsResponse {
    core::UnixSeconds from = 0;
    core::UnixSeconds to = 0;
    int tickets_total = 0;
    std::map<std::string, int> by_state;    // wire name -> count
    std::map<std::string, int> by_kind;
    std::map<std::string, int> by_priority;
    int breached = 0;                        // tickets with any clock met late or overdue
    int escalated = 0;
    std::int64_t mean_first_response_seconds = 0;
    std::int64_t mean_resolution_seconds = 0;
    core::SatisfactionStats satisfaction;
    double satisfaction_target = 0.9;
};

AFTERCARE_WIRE_TYPE(StaffLoginRequest);
AFTERCARE_WIRE_TYPE(StaffMember);
AFTERCARE_WIRE_TYPE(StaffLoginResponse);
AFTERCARE_WIRE_TYPE(QueueFilter);
AFTERCARE_WIRE_TYPE(QueueItem);
AFTERCARE_WIRE_TYPE(QueueResponse);
AFTERCARE_WIRE_TYPE(AssignRequest);
AFTERCARE_WIRE_TYPE(TransitionRequestWire);
AFTERCARE_WIRE_TYPE(StatsResponse);

} // namespace aftercare::api
