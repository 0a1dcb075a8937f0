// PgTx: every write of the backend on PostgreSQL (parameterized only), inside PgStore::Write's
// transaction, which already holds the cross-instance write lock.
#include "store/pg_tx.hpp"

#include <nlohmann/json.hpp>

#include "core/vocabulary.h"
#include "store/pg_outbox.hpp"
#include "store/pg_register.hpp"
#include "store/store_json.hpp"

namespace aftercare::serve {

using pg::Params;
using Json = nlohmann::json;
using store_json::Dump;

namespace pg_rows {

namespace {
std::optional<StoredTicket> LoadFrom(pg::Connection& db, const pg::Result& row) {
    if (row.Empty()) return std::nullopt;
    const std::int64_t id = row.Int(0, 0);
    const std::int64_t last = row.Int(0, 1);
    std::vector<std::string> events;
    auto rows = db.Run("SELECT body FROM events WHERE ticket_id = $1 AND sequence <= $2 ORDER BY sequence",
                       Params().Add(id).Add(last));
    events.reserve(static_cast<std::size_t>(rows.Rows()));
    for (int i = 0; i < rows.Rows(); ++i) events.push_back(rows.Text(i, 0));
    return StoredTicket{id, store_json::ParseTicket(row.Text(0, 2), events)};
}
}  // namespace

std::optional<StoredTicket> LoadById(pg::Connection& db, std::int64_t id) {
    return LoadFrom(db, db.Run("SELECT id, last_sequence, body FROM tickets WHERE id = $1", Params().Add(id)));
}

std::optional<StoredTicket> LoadByNumber(pg::Connection& db, const std::string& number) {
    return LoadFrom(db, db.Run("SELECT id, last_sequence, body FROM tickets WHERE number = $1", Params().Add(number)));
}

FollowUpScheduleRecord ScheduleRow(const pg::Result& rows, int i) {
    FollowUpScheduleRecord r;
    r.id = rows.Int(i, 0);
    r.serial = rows.Text(i, 1);
    r.customer_name = rows.Text(i, 2);
    r.customer_phone = rows.Text(i, 3);
    r.project_name = rows.Text(i, 4);
    r.contract_number = rows.Text(i, 5);
    r.period = rows.Text(i, 6);
    r.anchor = rows.Text(i, 7);
    r.next_due = rows.Text(i, 8);
    r.active = rows.Int(i, 9) != 0;
    r.created_by = rows.Text(i, 10);
    r.created_at = rows.Int(i, 11);
    return r;
}

}  // namespace pg_rows

namespace {

void InsertEvents(pg::Connection& db, std::int64_t ticket_id, const TicketRow& row) {
    for (const auto& [sequence, body] : row.events)
        db.Run("INSERT INTO events(ticket_id, sequence, body) VALUES($1, $2, $3)",
               Params().Add(ticket_id).Add(sequence).Add(body));
}

class PgTx : public StoreTx {
public:
    explicit PgTx(pg::Connection& db) : db_(db) {}

    std::optional<StoredTicket> LoadTicket(const std::string& number) override { return pg_rows::LoadByNumber(db_, number); }
    std::optional<StoredTicket> LoadTicketById(std::int64_t id) override { return pg_rows::LoadById(db_, id); }

    std::optional<std::int64_t> InsertTicket(const std::string& number, const TicketRow& row) override {
        const core::Ticket& ticket = *row.ticket;
        const TicketIndex& index = row.index;
        // Under the write lock nobody else inserts meanwhile, so check-then-insert is exact (and an
        // INSERT that failed on the unique number would abort the whole transaction).
        if (!db_.Run("SELECT 1 FROM tickets WHERE number = $1", Params().Add(number)).Empty()) return std::nullopt;
        auto inserted = db_.Run(
            "INSERT INTO tickets(number, kind, priority, state, assignee, escalation, is_open, sort_key, "
            "next_check_at, breached, first_response_at, resolved_at, last_sequence, created_at, updated_at, body, "
            "ended_at, reopen_count, quality_incident_at, repeat_repair, followup_since, followup_reached_at) "
            "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) "
            "RETURNING id",
            Params()
                .Add(number)
                .Add(core::ToString(ticket.details.kind))
                .Add(core::ToString(ticket.priority))
                .Add(core::ToString(ticket.state))
                .Add(ticket.assignee)
                .Add(core::ToString(ticket.escalation))
                .Add(index.open)
                .Add(index.sort_key)
                .Add(index.next_check_at)
                .Add(index.breached)
                .Add(index.first_response_at)
                .Add(index.resolved_at)
                .Add(row.last_sequence)
                .Add(ticket.created_at)
                .Add(ticket.updated_at)
                .Add(row.body)
                .Add(index.ended_at)
                .Add(index.reopen_count)
                .Add(index.quality_incident_at)
                .Add(index.repeat_repair)
                .Add(index.followup_since)
                .Add(index.followup_reached_at));
        const std::int64_t id = inserted.Int(0, 0);
        InsertEvents(db_, id, row);
        return id;
    }

    void UpdateTicket(std::int64_t id, const TicketRow& row) override {
        const core::Ticket& ticket = *row.ticket;
        const TicketIndex& index = row.index;
        db_.Run("UPDATE tickets SET priority = $1, state = $2, assignee = $3, escalation = $4, is_open = $5, "
                "sort_key = $6, next_check_at = $7, breached = $8, first_response_at = $9, resolved_at = $10, "
                "last_sequence = $11, updated_at = $12, body = $13, ended_at = $14, reopen_count = $15, "
                "quality_incident_at = $16, repeat_repair = $17, followup_since = $18, followup_reached_at = $19 "
                "WHERE id = $20",
                Params()
                    .Add(core::ToString(ticket.priority))
                    .Add(core::ToString(ticket.state))
                    .Add(ticket.assignee)
                    .Add(core::ToString(ticket.escalation))
                    .Add(index.open)
                    .Add(index.sort_key)
                    .Add(index.next_check_at)
                    .Add(index.breached)
                    .Add(index.first_response_at)
                    .Add(index.resolved_at)
                    .Add(row.last_sequence)
                    .Add(ticket.updated_at)
                    .Add(row.body)
                    .Add(index.ended_at)
                    .Add(index.reopen_count)
                    .Add(index.quality_incident_at)
                    .Add(index.repeat_repair)
                    .Add(index.followup_since)
                    .Add(index.followup_reached_at)
                    .Add(id));
        InsertEvents(db_, id, row);
    }

    void InsertToken(const std::string& hash, const TokenRecord& record, std::int64_t now) override {
        Params params;
        params.AddBytes(hash).Add(record.kind == TokenRecord::Kind::Customer ? "customer" : "staff");
        if (record.kind == TokenRecord::Kind::Customer) params.Add(record.ticket_id).AddNull();
        else params.AddNull().Add(record.staff_id);
        params.Add(record.expires_at).Add(now);
        db_.Run("INSERT INTO tokens(hash, kind, ticket_id, staff_id, expires_at, created_at) "
                "VALUES($1, $2, $3, $4, $5, $6)",
                params);
    }

    void DeleteToken(const std::string& hash) override {
        db_.Run("DELETE FROM tokens WHERE hash = $1", Params().AddBytes(hash));
    }

    int DeleteTicketTokens(std::int64_t ticket_id) override {
        return static_cast<int>(
            db_.Run("DELETE FROM tokens WHERE kind = 'customer' AND ticket_id = $1", Params().Add(ticket_id)).Affected());
    }

    std::optional<IdempotencyRecord> FindIdempotency(const std::string& scope, const std::string& key) override {
        auto row = db_.Run("SELECT request_hash, ticket_id FROM idempotency WHERE scope = $1 AND key = $2",
                           Params().Add(scope).Add(key));
        if (row.Empty()) return std::nullopt;
        return IdempotencyRecord{row.Bytes(0, 0), row.Int(0, 1)};
    }

    void InsertIdempotency(const std::string& scope, const std::string& key, const std::string& request_hash,
                           std::int64_t ticket_id, std::int64_t now) override {
        db_.Run("INSERT INTO idempotency(scope, key, request_hash, ticket_id, created_at) VALUES($1, $2, $3, $4, $5)",
                Params().Add(scope).Add(key).AddBytes(request_hash).Add(ticket_id).Add(now));
    }

    int CountAttachments(std::int64_t ticket_id) override {
        return static_cast<int>(
            db_.Run("SELECT COUNT(*) FROM attachments WHERE ticket_id = $1", Params().Add(ticket_id)).Int(0, 0));
    }

    void InsertAttachment(const AttachmentRecord& record) override {
        db_.Run("INSERT INTO attachments(id, ticket_id, file_name, content_type, size, created_at, data) "
                "VALUES($1, $2, $3, $4, $5, $6, $7)",
                Params()
                    .Add(record.id)
                    .Add(record.ticket_id)
                    .Add(record.file_name)
                    .Add(record.content_type)
                    .Add(record.size_bytes)
                    .Add(record.created_at)
                    .AddBytes(record.data));
    }

    void InsertRating(std::int64_t ticket_id, const core::Rating& rating, bool satisfied, std::int64_t now,
                      core::RatingChannel channel) override {
        db_.Run("INSERT INTO ratings(ticket_id, quality, speed, attitude, scope, guarantee, solved, comment, "
                "satisfied, created_at, channel) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                Params()
                    .Add(ticket_id)
                    .Add(rating.quality)
                    .Add(rating.speed)
                    .Add(rating.attitude)
                    .Add(rating.scope)
                    .Add(rating.guarantee)
                    .Add(rating.solved)
                    .Add(rating.comment)
                    .Add(satisfied)
                    .Add(now)
                    .Add(std::string(core::ToString(channel))));
    }

    std::optional<std::int64_t> InsertStaff(const StaffRecord& record, std::int64_t now) override {
        if (!db_.Run("SELECT 1 FROM staff WHERE username = $1", Params().Add(record.username)).Empty())
            return std::nullopt;
        Json roles = record.roles;
        return db_
            .Run("INSERT INTO staff(username, display_name, roles, password_hash, created_at, active, email, phone, "
                 "language) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                 Params()
                     .Add(record.username)
                     .Add(record.display_name)
                     .Add(Dump(roles))
                     .Add(record.password_hash)
                     .Add(now)
                     .Add(record.active)
                     .Add(record.email)
                     .Add(record.phone)
                     .Add(record.language))
            .Int(0, 0);
    }

    void UpdateStaff(const StaffRecord& record) override {
        Json roles = record.roles;
        db_.Run("UPDATE staff SET display_name = $1, roles = $2, password_hash = $3, active = $4, email = $5, "
                "phone = $6, language = $7 WHERE id = $8",
                Params()
                    .Add(record.display_name)
                    .Add(Dump(roles))
                    .Add(record.password_hash)
                    .Add(record.active)
                    .Add(record.email)
                    .Add(record.phone)
                    .Add(record.language)
                    .Add(record.id));
    }

    void DeleteStaffTokens(std::int64_t staff_id) override {
        db_.Run("DELETE FROM tokens WHERE kind = 'staff' AND staff_id = $1", Params().Add(staff_id));
    }

    std::int64_t InsertFollowUpSchedule(const FollowUpScheduleRecord& r) override {
        return db_.Run("INSERT INTO followup_schedules(serial, customer_name, customer_phone, project_name, "
                       "contract_number, period, anchor, next_due, active, created_by, created_at) "
                       "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                       Params()
                           .Add(r.serial)
                           .Add(r.customer_name)
                           .Add(r.customer_phone)
                           .Add(r.project_name)
                           .Add(r.contract_number)
                           .Add(r.period)
                           .Add(r.anchor)
                           .Add(r.next_due)
                           .Add(r.active)
                           .Add(r.created_by)
                           .Add(r.created_at))
            .Int(0, 0);
    }

    std::optional<FollowUpScheduleRecord> LoadFollowUpSchedule(std::int64_t id) override {
        auto rows = db_.Run(AFTERCARE_PG_SCHEDULE_SELECT " WHERE id = $1 FOR UPDATE", Params().Add(id));
        if (rows.Rows() == 0) return std::nullopt;
        return pg_rows::ScheduleRow(rows, 0);
    }

    void SetFollowUpScheduleDue(std::int64_t id, const std::string& next_due) override {
        db_.Run("UPDATE followup_schedules SET next_due = $1 WHERE id = $2", Params().Add(next_due).Add(id));
    }

    void EndFollowUpSchedule(std::int64_t id) override {
        db_.Run("UPDATE followup_schedules SET active = 0 WHERE id = $1", Params().Add(id));
    }

    std::int64_t InsertFollowUpSurvey(const FollowUpSurveyRecord& r) override {
        return db_.Run("INSERT INTO followup_surveys(schedule_id, serial, project_name, contract_number, due_date, "
                       "surveyed_at, staff, body) VALUES($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                       Params()
                           .Add(r.schedule_id)
                           .Add(r.serial)
                           .Add(r.project_name)
                           .Add(r.contract_number)
                           .Add(r.due_date)
                           .Add(r.surveyed_at)
                           .Add(r.staff)
                           .Add(store_json::SurveyBody(r.survey)))
            .Int(0, 0);
    }

    void InsertAudit(const AuditRecord& record) override {
        Params params;
        params.Add(record.at).Add(record.staff).Add(record.action);
        if (record.ticket_id != 0) params.Add(record.ticket_id);
        else params.AddNull();
        params.Add(record.detail);
        db_.Run("INSERT INTO audit_log(at, staff, action, ticket_id, detail) VALUES($1, $2, $3, $4, $5)", params);
    }

    void SetMeta(const std::string& key, const std::string& value) override {
        db_.Run("INSERT INTO meta(key, value) VALUES($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                Params().Add(key).Add(value));
    }

    RegisterTx& Register() override {
        if (!register_) register_ = MakePgRegisterTx(db_);
        return *register_;
    }

    OutboxTx& Outbox() override {
        if (!outbox_) outbox_ = MakePgOutboxTx(db_);
        return *outbox_;
    }

private:
    pg::Connection& db_;
    std::unique_ptr<RegisterTx> register_;
    std::unique_ptr<OutboxTx> outbox_;
};

}  // namespace

std::unique_ptr<StoreTx> MakePgTx(pg::Connection& db) { return std::make_unique<PgTx>(db); }

}  // namespace aftercare::serve
