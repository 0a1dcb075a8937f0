// Wire types of the staff endpoints of /api/v1 (login, queue with SLA state, assign, transition, stats).
#pragma once

#include "api/core_json.h"
#include "api/customer_wire.h"
#include "api/wire_reader.h"
#include "core/state_machine.h"
#include "core/work_log.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::api {

// Endpoints (staff token = "Authorization: Bearer <token>" from login). What an account may do
// follows its roles (core/staff_roles.h): agents see their own and unassigned tickets only.
//   POST /api/v1/staff/login                      StaffLoginRequest -> StaffLoginResponse
//   GET  /api/v1/staff/queue?state=&kind=&priority=&breached=&sla=&assignee=&unassigned=
//                           &sort=&dir=&offset=&limit=&cursor=                   -> QueueResponse
//   GET  /api/v1/staff/changes?since=&wait=       -> ChangesResponse (long-poll: any ticket changed)
//   GET  /api/v1/staff/tickets/{sn}               -> TicketView (phone and address masked; newest timeline page)
//   GET  /api/v1/staff/tickets/{sn}/events?after=|before=&limit=  -> EventsResponse (as the customer's)
//   POST /api/v1/staff/tickets/{sn}/assign        AssignRequest -> TicketView
//   POST /api/v1/staff/tickets/{sn}/transition    TransitionRequestWire -> TicketView
//   POST /api/v1/staff/tickets/{sn}/work          WorkRequest -> TicketView
//   POST /api/v1/staff/tickets/{sn}/reveal        RevealRequest -> RevealResponse (audited)
//   GET  /api/v1/staff/audit?ticket=&limit=       -> AuditResponse
//   GET  /api/v1/staff/members                    -> StaffListResponse
//   POST /api/v1/staff/members                    CreateStaffRequest -> StaffAccount (admin)
//   POST /api/v1/staff/members/{username}         UpdateStaffRequest -> StaffAccount (admin)
//   PUT  /api/v1/staff/policy                     policy JSON (api/policy_json.h) -> policy JSON (admin)
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

// The queue's sort columns (?sort=), the only ones the server orders by. "sla" is the earliest
// running deadline (the default: most urgent first).
inline constexpr std::string_view kQueueSortColumns[] = {"sla",   "created", "updated", "priority",
                                                         "state", "kind",    "number",  "assignee"};
bool IsQueueSortColumn(std::string_view column);

// ?sla= values: core::SlaUrgency as seen by the queue (Breached, Soon, OnTrack).
inline constexpr std::string_view kSlaFilterBreached = "breached";
inline constexpr std::string_view kSlaFilterSoon = "soon";
inline constexpr std::string_view kSlaFilterOnTrack = "on_track";

// Query-string filters, parsed by the server from ?state=...; all optional.
// Paging is either by `cursor` (keyset, "sla" order only) or by `offset` (random access, any
// order: the console's virtualized table asks for exactly the rows it draws).
struct QueueFilter {
    std::optional<core::TicketState> state;
    std::optional<core::TicketKind> kind;
    std::optional<core::Priority> priority;
    std::optional<bool> breached;
    std::string sla;          // "", kSlaFilterBreached, kSlaFilterSoon, kSlaFilterOnTrack
    std::string assignee;
    bool unassigned = false;  // only tickets nobody is assigned to
    std::string sort = "sla"; // one of kQueueSortColumns
    bool descending = false;
    std::optional<int> offset;
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
    core::Channel channel = core::Channel::Web; // how it came in
};

QueueItem MakeQueueItem(const core::Ticket& ticket, core::UnixSeconds now, const core::Policy& policy);

struct QueueResponse {
    std::vector<QueueItem> items; // in the order asked for (most urgent first by default)
    std::string next_cursor;      // empty at the end
    int offset = 0;               // of items[0] when paging by offset
    std::int64_t total = 0;       // rows matching the filter (what the table scrolls over)
    std::int64_t version = 0;     // change counter at the time of the answer (see ChangesResponse)
};

// The server's change counter: it moves whenever any ticket changes (created, moved, escalated).
// The console long-polls ?since=<version> and refreshes what it shows when the answer differs.
struct ChangesResponse {
    std::int64_t version = 0;
    bool operator==(const ChangesResponse&) const = default;
};

// A staff work record (core/work_log.h).
struct WorkRequest {
    core::WorkKind kind = core::WorkKind::Diagnosis;
    std::string note;
    std::string part;
    int completes = 0;
    std::string part_serial;  // part_fitted: the new part's serial, recorded in the product register
    std::optional<core::Quote> quote;          // quote: the parts; its charges are computed by the server
    std::optional<core::ServiceReport> report; // service_report: the 售后服务报告单; charges computed
    bool operator==(const WorkRequest&) const = default;
};

core::WorkEntry ToWorkEntry(const WorkRequest& request);

// An internal note (staff only, never shown or sent to the customer); `quality_incident` flags the
// ticket as a major quality problem with this note as what was found, and tells the quality team.
struct NoteRequest {
    std::string text;
    bool quality_incident = false;
    bool operator==(const NoteRequest&) const = default;
};

// Customer personal data is masked in staff views; seeing it is a deliberate, audited act.
inline constexpr std::string_view kRevealPhone = "phone";
inline constexpr std::string_view kRevealAddress = "address";

// Why a reveal is needed, from a short fixed list (the console labels each one); "other" needs a
// note saying why. The audit entry's detail records it: "contact_customer", "other: 客户要求…".
inline constexpr std::string_view kRevealReasonOther = "other";
inline constexpr std::string_view kRevealReasons[] = {"contact_customer", "on_site_visit", "verify_identity",
                                                       kRevealReasonOther};
inline constexpr std::size_t kRevealNoteMax = 100;  // code points
bool IsRevealReason(std::string_view reason);

struct RevealRequest {
    std::string field;  // kRevealPhone or kRevealAddress
    std::string reason; // one of kRevealReasons (the server refuses a reveal without one)
    std::string note;   // required with "other", optional otherwise
    bool operator==(const RevealRequest&) const = default;
};

struct RevealResponse {
    std::string field;
    std::string value;
    core::UnixSeconds revealed_at = 0;
    bool operator==(const RevealResponse&) const = default;
};

struct AuditEntry {
    std::int64_t id = 0;
    core::UnixSeconds at = 0;
    std::string staff;          // username
    std::string action;         // "reveal_phone", "reveal_address", "staff_create", "staff_update", "policy_update"
                                // (a reveal's detail is its reason: "contact_customer", "other: <note>")
    std::string service_number; // when about a ticket
    std::string detail;
    bool operator==(const AuditEntry&) const = default;
};

struct AuditResponse {
    std::vector<AuditEntry> entries; // newest first
    bool operator==(const AuditResponse&) const = default;
};

struct StaffAccount {
    std::string id; // username
    std::string display_name;
    std::vector<std::string> roles;
    bool active = true;
    core::UnixSeconds created_at = 0;
    std::string email; // escalation notices (admins see it; empty when none)
    std::string phone; // E.164, escalation SMS (admins see it; empty when none)
    std::string language = "zh-CN"; // the notices' language: zh-CN | en
    bool operator==(const StaffAccount&) const = default;
};

struct StaffListResponse {
    std::vector<StaffAccount> members;
    bool operator==(const StaffListResponse&) const = default;
};

struct CreateStaffRequest {
    std::string username;
    std::string display_name;
    std::vector<std::string> roles;
    std::string password; // empty: an account to assign work to that cannot log in
    // Contact details for escalation notices are set afterwards (UpdateStaffRequest email/phone).
    bool operator==(const CreateStaffRequest&) const = default;
};

struct UpdateStaffRequest {
    std::optional<std::string> display_name;
    std::optional<std::vector<std::string>> roles;
    std::optional<bool> active; // false also ends the account's sessions
    std::optional<std::string> password;
    std::optional<std::string> email; // where escalation notices go; "" removes it
    std::optional<std::string> phone; // escalation SMS (E.164 after normalising); "" removes it
    std::optional<std::string> language; // the notices' language: zh-CN | en
    bool operator==(const UpdateStaffRequest&) const = default;
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
    std::optional<core::VisitWindow> visit;  // reschedule: the new window
    std::optional<core::ComplaintFindings> findings;  // resolve of a complaint: required
    bool operator==(const TransitionRequestWire&) const = default;
};

core::TransitionRequest ToTransitionRequest(const TransitionRequestWire& wire, const core::Actor& actor);

struct SlaCompliance {
    int tickets = 0;
    int breached = 0;
    double compliance_rate = 1.0; // 1 - breached / tickets; 1 when there are none
    bool operator==(const SlaCompliance&) const = default;
};

// How long something took, as a histogram: buckets[i] counts values <= bucket_upper_seconds[i]
// (and above the previous bound); the last bucket counts everything longer.
struct DurationDistribution {
    int count = 0;
    std::int64_t p50 = 0, p90 = 0, p99 = 0;
    std::vector<std::int64_t> bucket_upper_seconds;
    std::vector<int> buckets; // bucket_upper_seconds.size() + 1 entries (both empty: no histogram)
    bool operator==(const DurationDistribution&) const = default;
};

// Ratings given in one period (a vendor-local day, or a week for long ranges).
struct SatisfactionPoint {
    core::UnixSeconds from = 0;
    int count = 0;
    int satisfied = 0;
    double mean_quality = 0, mean_speed = 0, mean_attitude = 0, mean_scope = 0, mean_guarantee = 0;
    bool operator==(const SatisfactionPoint&) const = default;
};

// A complaint and its answer deadline in working days (vendor calendar).
struct ComplaintItem {
    std::string service_number;
    std::string subject;
    core::TicketState state = core::TicketState::Submitted;
    core::UnixSeconds created_at = 0;
    core::UnixSeconds due_at = 0;
    bool answered = false;       // resolved (the answer was given)
    bool late = false;           // answered late, or still open past the deadline
    int working_days_left = 0;   // working days from today to the deadline day; negative when past
    core::ComplaintCategory category = core::ComplaintCategory::Other;
    std::string related_ticket;  // the ticket complained about, when linked
    std::optional<core::ComplaintFindings> findings;  // root cause and corrective action, once answered
    bool operator==(const ComplaintItem&) const = default;
};

// One complaint category's count over the period (all complaints, not only the caller's).
struct ComplaintCategoryCount {
    int total = 0;
    int answered = 0;  // resolved at least once
    int breached = 0;  // a promise missed: the answer (or first response) late or overdue
    bool operator==(const ComplaintCategoryCount&) const = default;
};

// One staff member's share of the period's tickets, for appraisal (§10 三.2 "考核指标", §9 3.5
// "定期检查和考核"): the tickets assigned to them now, how many met their promises, how many
// resolutions held, and how their customers rated them.
struct AssigneeStats {
    std::string assignee;  // staff username
    int tickets = 0;
    int resolved = 0;      // resolved at least once
    int breached = 0;      // a clock met late or overdue
    double on_time_rate = 1;  // 1 - breached / tickets
    int reopened = 0;      // of the resolved, reopened by the customer
    int repeat_repairs = 0;
    std::int64_t mean_resolution_seconds = 0;  // over those resolved (0 when none)
    core::SatisfactionStats satisfaction;      // the period's ratings of these tickets
};

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
    std::int64_t mean_resolution_seconds = 0;            // over the period's tickets that were resolved
    // "解决客户问题的平均时间不超过48小时": the policy's target for that mean, and whether it holds
    // (false when nothing was resolved: no evidence either way, the screen says so).
    std::int64_t resolution_target_seconds = 48 * 3600;
    bool resolution_meets_target = false;
    core::SatisfactionStats satisfaction;
    double satisfaction_target = 0.9;
    bool satisfaction_meets_target = false;
    std::map<std::string, SlaCompliance> sla_compliance; // priority wire name -> compliance
    DurationDistribution first_response_seconds;         // from submission to the first staff event
    DurationDistribution resolution_seconds;             // from submission to resolution
    std::int64_t series_bucket_seconds = 86400;          // length of one satisfaction_series period
    std::vector<SatisfactionPoint> satisfaction_series;  // oldest first, one per period
    int complaint_answer_working_days = 3;
    std::vector<ComplaintItem> complaints;               // open first, then by deadline
    // category wire name -> count, every category listed (zeros included) so the chart keeps its rows
    std::map<std::string, ComplaintCategoryCount> complaints_by_category;
    // how the period's tickets came in: channel wire name -> count (every
    // channel listed, zeros included, so a chart keeps its rows).
    std::map<std::string, int> by_channel;
    // Service quality (#19): resolutions that did not hold, repeat repairs, 重大质量问题.
    int resolved = 0;           // tickets resolved at least once
    int reopened = 0;           // of those, reopened by the customer at least once
    double reopen_rate = 0;     // reopened / resolved (0 when none resolved)
    int repairs = 0;
    int repeat_repairs = 0;     // repairs of a serial soon after a resolved repair of it
    double repeat_repair_rate = 0; // repeat_repairs / repairs (0 when no repairs)
    int quality_incidents = 0;
    // Follow-ups (回访) and how ratings came in: satisfaction of the ratings given on the portal and
    // of those taken by phone on a follow-up call, and the response rates.
    core::SatisfactionStats satisfaction_portal;
    core::SatisfactionStats satisfaction_phone;
    int rated = 0;                   // the period's tickets with a rating (any channel)
    double rating_response_rate = 0; // rated / resolved (0 when none resolved)
    int followups_due = 0;           // the period's tickets whose follow-up call fell due (or was made)
    int followups_reached = 0;       // of those, reached by a call
    double followup_reach_rate = 0;  // followups_reached / followups_due (0 when none due)
    // Per staff member, most tickets first; an agent gets only their own row.
    std::vector<AssigneeStats> by_assignee;
};

AFTERCARE_WIRE_TYPE(StaffLoginRequest);
AFTERCARE_WIRE_TYPE(StaffMember);
AFTERCARE_WIRE_TYPE(StaffLoginResponse);
AFTERCARE_WIRE_TYPE(QueueFilter);
AFTERCARE_WIRE_TYPE(QueueItem);
AFTERCARE_WIRE_TYPE(QueueResponse);
AFTERCARE_WIRE_TYPE(AssignRequest);
AFTERCARE_WIRE_TYPE(TransitionRequestWire);
AFTERCARE_WIRE_TYPE(ChangesResponse);
AFTERCARE_WIRE_TYPE(WorkRequest);
AFTERCARE_WIRE_TYPE(NoteRequest);
AFTERCARE_WIRE_TYPE(RevealRequest);
AFTERCARE_WIRE_TYPE(RevealResponse);
AFTERCARE_WIRE_TYPE(AuditEntry);
AFTERCARE_WIRE_TYPE(AuditResponse);
AFTERCARE_WIRE_TYPE(StaffAccount);
AFTERCARE_WIRE_TYPE(StaffListResponse);
AFTERCARE_WIRE_TYPE(CreateStaffRequest);
AFTERCARE_WIRE_TYPE(UpdateStaffRequest);
AFTERCARE_WIRE_TYPE(SlaCompliance);
AFTERCARE_WIRE_TYPE(AssigneeStats);
AFTERCARE_WIRE_TYPE(DurationDistribution);
AFTERCARE_WIRE_TYPE(SatisfactionPoint);
AFTERCARE_WIRE_TYPE(ComplaintItem);
AFTERCARE_WIRE_TYPE(ComplaintCategoryCount);
AFTERCARE_WIRE_TYPE(StatsResponse);

} // namespace aftercare::api
