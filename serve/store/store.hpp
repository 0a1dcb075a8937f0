// Storage interface of the backend. SQLite implements it today; a PostgreSQL store can implement the
// same interface later. Services decide everything (through src/core); the store only keeps data.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/followup.h"
#include "core/rating.h"
#include "core/ticket.h"
#include "core/warranty.h"

namespace aftercare::serve {

class OutboxTx;        // store/outbox.hpp
class OutboxReader;    // store/outbox.hpp
class RegisterTx;      // store/register.hpp
class RegisterReader;  // store/register.hpp

// Columns derived from core state on every write, so queue, sweeper and stats can use indexes
// instead of evaluating every ticket's SLA clock.
struct TicketIndex {
    bool open = true;
    std::int64_t sort_key = 0;                    // queue order: the earliest running deadline
    std::optional<std::int64_t> next_check_at;    // when the sweeper must look at it again
    bool breached = false;
    std::optional<std::int64_t> first_response_at;
    std::optional<std::int64_t> resolved_at;
    std::optional<std::int64_t> ended_at;         // when it became closed, cancelled or rejected
    // For the statistics (#19): a resolution that did not hold, a 重大质量问题, a repeat repair.
    int reopen_count = 0;
    std::optional<std::int64_t> quality_incident_at;
    bool repeat_repair = false;
    // Follow-up calls (回访, core/followup.h): the resolution a call is still owed for, and when the
    // last one reached the customer. The follow-up queue reads followup_since through an index.
    std::optional<std::int64_t> followup_since;
    std::optional<std::int64_t> followup_reached_at;
};

struct StoredTicket {
    std::int64_t id = 0;
    core::Ticket ticket;
};

// A ticket as a store writes it: its index columns, the JSON of its body, and the JSON of its events
// after `after` (the events already stored). A create makes it before its write transaction: the
// group commit runs a batch's pieces one after another, so formatting JSON there would queue behind
// every other create instead of running beside them.
struct TicketRow {
    TicketRow(const core::Ticket& of, TicketIndex columns, int after = 0);
    TicketRow(core::Ticket&&, TicketIndex, int = 0) = delete;  // it points at the ticket

    const core::Ticket* ticket;
    TicketIndex index;
    int last_sequence = 0;
    std::string body;
    std::vector<std::pair<int, std::string>> events;  // (sequence, JSON), in sequence order
};

struct TokenRecord {
    enum class Kind { Customer, Staff };
    Kind kind = Kind::Customer;
    std::int64_t ticket_id = 0;     // Customer
    std::string ticket_number;      // Customer: the ticket's compact service number
    std::optional<std::int64_t> ticket_ended_at;  // Customer: when the ticket was closed, cancelled or rejected
    std::int64_t staff_id = 0;      // Staff
    std::int64_t expires_at = 0;
};

// What a lookup needs of a ticket, read by one indexed query.
struct TicketAccess {
    std::int64_t id = 0;
    std::string phone;                      // E.164
    std::optional<std::int64_t> ended_at;   // closed, cancelled or rejected at
};

struct StaffRecord {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    std::vector<std::string> roles;
    std::string password_hash;  // libsodium crypto_pwhash_str (argon2id)
    bool active = true;         // a deactivated account cannot log in and its sessions end
    std::int64_t created_at = 0;
    std::string email;          // optional: where escalation notices go
    std::string phone;          // optional, E.164: escalation SMS
    std::string language = "zh-CN";  // the language of the notices sent to them: zh-CN | en
};

// Who looked at or changed what: customer data reveals, account and policy changes. Append-only.
struct AuditRecord {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::string staff;           // username
    std::string action;          // "reveal_phone", "staff_create", "policy_update", ...
    std::int64_t ticket_id = 0;  // 0 when not about a ticket
    std::string service_number;  // filled on read
    std::string detail;
};

// A rating and when it was given (satisfaction over time).
struct RatingRow {
    core::Rating rating;
    std::int64_t at = 0;
    std::string number;  // the ticket's compact service number
    core::RatingChannel channel = core::RatingChannel::Portal;  // the portal, or taken on a follow-up call
};

struct AttachmentRecord {
    std::string id;
    std::int64_t ticket_id = 0;
    std::string file_name;
    std::string content_type;
    std::int64_t size_bytes = 0;
    std::int64_t created_at = 0;
    std::string data;  // filled only by LoadAttachment
};

// A ticket with what its view shows besides the ticket itself, read as one snapshot.
struct TicketBundle {
    StoredTicket stored;
    std::optional<core::Rating> rating;
    std::vector<AttachmentRecord> attachments;  // metadata only
};

struct ProductRecord {
    std::string serial;
    std::string model;
    std::optional<core::CivilDate> purchase_date;
    std::vector<core::PartReplacement> replacements;
};

struct OrderRecord {
    std::string order_number;
    std::string phone;  // E.164
    std::string model;
    std::string serial;
    std::optional<core::CivilDate> purchase_date;
    std::optional<std::int64_t> delivered_at;
};

struct IdempotencyRecord {
    std::string request_hash;
    std::int64_t ticket_id = 0;
};

// Queue orders; each maps to one fixed ORDER BY in the store (never to caller text).
enum class QueueOrder { Sla, Created, Updated, Priority, State, Kind, Number, Assignee };

// SLA filter over the index columns: breached, due within `soon_until`, or further out.
enum class QueueSla { Any, Breached, Soon, OnTrack };

struct QueueQuery {
    std::optional<std::string> state;
    std::optional<std::string> kind;
    std::optional<std::string> priority;
    std::optional<bool> breached;
    std::optional<std::string> assignee;
    bool unassigned = false;                 // only tickets nobody is assigned to
    std::optional<std::string> visible_to;   // an agent: their own and unassigned tickets only
    QueueSla sla = QueueSla::Any;
    std::int64_t soon_until = 0;             // QueueSla::Soon/OnTrack boundary (now + window)
    bool open_only = true;  // without a state filter the queue shows work still to do
    QueueOrder order = QueueOrder::Sla;
    bool descending = false;
    int limit = 50;
    std::int64_t offset = 0;                 // random access (ignored with `after`)
    std::optional<std::pair<std::int64_t, std::int64_t>> after;  // (sort_key, id) of the last row seen; Sla order only
};

struct QueueRow {
    std::int64_t id = 0;
    std::int64_t sort_key = 0;
    core::Ticket ticket;
};

// Per-ticket facts that statistics aggregate.
struct StatsRow {
    std::string number;  // compact service number
    std::string assignee;
    std::string priority;
    std::string state;
    std::string kind;
    bool breached = false;
    bool escalated = false;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> first_response_at;
    std::optional<std::int64_t> resolved_at;
    int reopen_count = 0;
    bool quality_incident = false;
    bool repeat_repair = false;
    std::string channel;  // details.channel from the body; "web" for tickets stored before it existed
    std::string complaint_category;  // details.complaint.category; "other" for complaints stored before it

    // Resolved at least once: a reopened ticket was resolved before, whether or not its resolution
    // clock says so now.
    bool ResolvedOnce() const { return resolved_at.has_value() || reopen_count > 0; }
};

// The follow-up queue (回访): tickets whose follow-up call is owed for a resolution at or before
// `resolved_by` (now minus the policy's after_days), through the tickets_followup index.
struct FollowUpQuery {
    std::int64_t resolved_by = 0;
    std::optional<std::string> visible_to;  // an agent: their own and unassigned tickets only
    int limit = 50;
    std::int64_t offset = 0;
};

// Follow-up and rating response over the tickets created in a period (statistics).
struct FollowUpCounts {
    int rated = 0;    // tickets with a rating (any channel)
    int due = 0;      // tickets whose follow-up call fell due by `resolved_by`, or was made
    int reached = 0;  // of those, the ones a call reached
};

// A key customer's product followed up every month or quarter (core::FollowUpScheduleDraft), and
// the 《售后系统运行调查表》 recorded on each visit.
struct FollowUpScheduleRecord {
    std::int64_t id = 0;
    std::string serial;
    std::string customer_name;
    std::string customer_phone;  // E.164
    std::string project_name;
    std::string contract_number;
    std::string period;          // core::FollowUpPeriod wire name
    std::string anchor;          // YYYY-MM-DD: the first due date, which every later one counts from
    std::string next_due;        // YYYY-MM-DD
    bool active = true;
    std::string created_by;      // staff username
    std::int64_t created_at = 0;
};

struct FollowUpSurveyRecord {
    std::int64_t id = 0;
    std::int64_t schedule_id = 0;
    std::string serial;
    std::string project_name;     // as the schedule said when the survey was made
    std::string contract_number;
    std::string due_date;         // YYYY-MM-DD: the visit it was for
    std::int64_t surveyed_at = 0; // 调查时间
    std::string staff;
    core::OperationSurvey survey;
};

// Everything written inside one transaction. Throwing from the callback of Store::Write rolls it
// back; returning commits, durably (the store acknowledges only after the commit is on disk).
class StoreTx {
public:
    virtual ~StoreTx() = default;
    virtual std::optional<StoredTicket> LoadTicket(const std::string& compact_number) = 0;
    virtual std::optional<StoredTicket> LoadTicketById(std::int64_t id) = 0;
    // Returns false when the service number is taken (the caller draws a new one).
    virtual std::optional<std::int64_t> InsertTicket(const std::string& compact_number,
                                                     const TicketRow& row) = 0;
    // Saves the ticket and appends the row's events (those after the sequence it was made with).
    virtual void UpdateTicket(std::int64_t id, const TicketRow& row) = 0;
    virtual void InsertToken(const std::string& token_hash, const TokenRecord& record, std::int64_t now) = 0;
    virtual void DeleteToken(const std::string& token_hash) = 0;
    // Ends every customer session of a ticket ("sign out on all devices").
    virtual int DeleteTicketTokens(std::int64_t ticket_id) = 0;  // how many there were
    virtual std::optional<IdempotencyRecord> FindIdempotency(const std::string& scope, const std::string& key) = 0;
    virtual void InsertIdempotency(const std::string& scope, const std::string& key, const std::string& request_hash,
                                   std::int64_t ticket_id, std::int64_t now) = 0;
    virtual int CountAttachments(std::int64_t ticket_id) = 0;
    virtual void InsertAttachment(const AttachmentRecord& record) = 0;
    virtual void InsertRating(std::int64_t ticket_id, const core::Rating& rating, bool satisfied,
                              std::int64_t now, core::RatingChannel channel = core::RatingChannel::Portal) = 0;
    virtual std::optional<std::int64_t> InsertStaff(const StaffRecord& record, std::int64_t now) = 0;
    // Saves display name, roles, password hash and active flag of an existing account.
    virtual void UpdateStaff(const StaffRecord& record) = 0;
    // Ends every session of a staff account (deactivation, password change).
    virtual void DeleteStaffTokens(std::int64_t staff_id) = 0;
    virtual void InsertAudit(const AuditRecord& record) = 0;
    virtual void SetMeta(const std::string& key, const std::string& value) = 0;
    // Periodic follow-ups (回访): a new schedule (its id), one read for update, its next due date
    // moved on, and a survey recorded (its id).
    virtual std::int64_t InsertFollowUpSchedule(const FollowUpScheduleRecord& record) = 0;
    virtual std::optional<FollowUpScheduleRecord> LoadFollowUpSchedule(std::int64_t id) = 0;
    virtual void SetFollowUpScheduleDue(std::int64_t id, const std::string& next_due) = 0;
    virtual void EndFollowUpSchedule(std::int64_t id) = 0;  // active = false
    virtual std::int64_t InsertFollowUpSurvey(const FollowUpSurveyRecord& record) = 0;
    // The product register and integration keys, in this same transaction.
    virtual RegisterTx& Register() = 0;
    // Outbound messages, in this same transaction as the events that cause them.
    virtual OutboxTx& Outbox() = 0;
};

// While a SharedReads lives, its thread's reads of the store that made it share one read
// transaction: one snapshot, and one transaction's cost instead of one per read. Only for work
// that does not write (a read after the thread's own write would not see it) and does not need a
// snapshot newer than its first read (a long-poll reads its version first, then the ticket).
class SharedReads {
public:
    virtual ~SharedReads() = default;
};

class Store {
public:
    virtual ~Store() = default;

    // Serialized write transaction (one writer at a time).
    virtual void Write(const std::function<void(StoreTx&)>& work) = 0;
    // Write, for work that makes every check that can refuse it before its first write: once it has
    // written, only a store failure stops it. SQLite runs such work without a savepoint of its own (a
    // savepoint copies every page the work touches, about a tenth of a create's cost); if it throws
    // after writing all the same, its whole batch is rolled back and fails, so nothing half done is
    // ever kept.
    virtual void WriteChecksFirst(const std::function<void(StoreTx&)>& work) { Write(work); }

    virtual std::optional<std::string> GetMeta(const std::string& key) = 0;
    virtual std::optional<StoredTicket> LoadTicket(const std::string& compact_number) = 0;
    virtual std::optional<StoredTicket> LoadTicketById(std::int64_t id) = 0;
    virtual std::optional<TicketBundle> LoadTicketBundle(std::int64_t id) = 0;
    // Events with sequence > after, oldest first.
    virtual std::vector<core::TimelineEvent> LoadEventsAfter(std::int64_t ticket_id, int after) = 0;
    virtual std::optional<TokenRecord> FindToken(const std::string& token_hash, std::int64_t now) = 0;
    // Id, E.164 phone and end of a ticket: the one cheap query lookups make, hit or miss alike.
    virtual std::optional<TicketAccess> FindTicketPhone(const std::string& compact_number) = 0;
    virtual std::vector<AttachmentRecord> ListAttachments(std::int64_t ticket_id) = 0;
    virtual std::optional<AttachmentRecord> LoadAttachment(std::int64_t ticket_id, const std::string& id) = 0;
    virtual std::optional<core::Rating> LoadRating(std::int64_t ticket_id) = 0;
    virtual std::optional<StaffRecord> FindStaff(const std::string& username) = 0;
    virtual std::optional<StaffRecord> FindStaffById(std::int64_t id) = 0;
    virtual std::optional<ProductRecord> FindProduct(const std::string& serial) = 0;
    virtual std::optional<OrderRecord> FindOrder(const std::string& order_number) = 0;
    virtual std::vector<QueueRow> Queue(const QueueQuery& query) = 0;
    // Rows matching the query's filters (paging ignored): what the console's table scrolls over.
    virtual std::int64_t CountQueue(const QueueQuery& query) = 0;
    virtual std::vector<StaffRecord> ListStaff() = 0;
    // Newest first; `ticket_id` 0 for every ticket and none.
    virtual std::vector<AuditRecord> Audit(std::int64_t ticket_id, int limit) = 0;
    // Ratings given in [from, to), oldest first.
    virtual std::vector<RatingRow> RatingsGivenBetween(std::int64_t from, std::int64_t to) = 0;
    // Complaints still open, and those created in [from, to); at most `limit`.
    virtual std::vector<StoredTicket> Complaints(std::int64_t from, std::int64_t to, int limit) = 0;
    // Open tickets whose next_check_at has come, oldest first.
    virtual std::vector<std::int64_t> DueForCheck(std::int64_t now, int limit) = 0;
    virtual std::vector<StatsRow> StatsRows(std::int64_t from, std::int64_t to) = 0;
    virtual std::vector<core::Rating> Ratings(std::int64_t from, std::int64_t to) = 0;
    virtual std::map<std::string, std::int64_t> CountByState() = 0;
    virtual std::int64_t CountBreachedOpen() = 0;
    virtual std::int64_t CountTickets() = 0;
    // Bytes the data takes up in storage (free pages not counted): what the storage quota limits.
    virtual std::int64_t StorageBytes() = 0;
    // Housekeeping: expired tokens and idempotency keys older than `before`.
    virtual void Prune(std::int64_t now, std::int64_t idempotency_before) = 0;
    virtual bool Healthy() = 0;
    // nullptr where reads are not shared (PostgreSQL: each read leases a connection of its own).
    virtual std::unique_ptr<SharedReads> ShareReads() { return nullptr; }
    // Follow-ups (回访): the due ones' (ticket id, followup_since), oldest resolution first (the
    // caller loads the tickets of the page it shows), how many there are, and the response counts
    // of a period's tickets.
    virtual std::vector<std::pair<std::int64_t, std::int64_t>> FollowUpsDue(const FollowUpQuery& query) = 0;
    virtual std::int64_t CountFollowUpsDue(const FollowUpQuery& query) = 0;
    virtual FollowUpCounts CountFollowUps(std::int64_t from, std::int64_t to, std::int64_t resolved_by) = 0;
    // Active schedules due on or before `today` (YYYY-MM-DD), earliest first, through an index.
    virtual std::vector<FollowUpScheduleRecord> FollowUpSchedulesDue(const std::string& today, int limit) = 0;
    virtual std::int64_t CountFollowUpSchedulesDue(const std::string& today) = 0;
    // A product's schedules (newest first) and its surveys (newest first, at most `limit`).
    virtual std::vector<FollowUpScheduleRecord> FollowUpSchedulesFor(const std::string& serial) = 0;
    virtual std::vector<FollowUpSurveyRecord> FollowUpSurveysFor(const std::string& serial, int limit) = 0;
    // Register and integration-key reads.
    virtual RegisterReader& Register() = 0;
    // The delivery log and the outbox sender's schedule.
    virtual OutboxReader& Outbox() = 0;
};

}  // namespace aftercare::serve
