// PgStore: connections, the serialized write transaction and every read of the backend on
// PostgreSQL (parameterized only). Each read mirrors SqliteStore's: same rows, same ORDER BYs, same
// keyset paging.
//
// [SECTION] Queue SQL
// [SECTION] Connections and writes
// [SECTION] Reads
#include "store/pg_store.hpp"

#include <limits>
#include <nlohmann/json.hpp>

#include "api/core_json.h"
#include "core/vocabulary.h"
#include "log.hpp"
#include "services/domain_error.hpp"
#include "store/pg_outbox.hpp"
#include "store/pg_register.hpp"
#include "store/pg_schema.hpp"
#include "store/pg_tx.hpp"
#include "store/store_json.hpp"

namespace aftercare::serve {
namespace {

using pg::Params;
using Json = nlohmann::json;

//-----------------------------------------------------------------------------
// [SECTION] Queue SQL
//-----------------------------------------------------------------------------

// The queue's filters as one fixed WHERE clause, as in sqlite_store.cpp: absent filters are bound
// as NULL (or 0) and switch their condition off, so no caller text ever becomes SQL. The casts give
// PostgreSQL the parameter types a bare `$1 IS NULL` cannot. $1-$8 are columns of queue_counts too
// (CountQueue); $9 is the SLA bucket.
#define AFTERCARE_PG_QUEUE_COLUMN_FILTERS                                                                  \
    "($1::text IS NULL OR state = $1::text) AND ($2::text IS NULL OR kind = $2::text) "                      \
    "AND ($3::text IS NULL OR priority = $3::text) AND ($4::int IS NULL OR breached = $4::int) "             \
    "AND ($5::text IS NULL OR assignee = $5::text) AND ($6::int = 0 OR is_open = 1) "                         \
    "AND ($7::int = 0 OR assignee = '') AND ($8::text IS NULL OR assignee = $8::text OR assignee = '') "
#define AFTERCARE_PG_QUEUE_WHERE                                                                           \
    "WHERE " AFTERCARE_PG_QUEUE_COLUMN_FILTERS                                                             \
    "AND ($9::int = 0 OR ($9::int = 1 AND breached = 1) OR ($9::int = 2 AND breached = 0 AND sort_key <= $10::bigint) " \
    "OR ($9::int = 3 AND breached = 0 AND sort_key > $10::bigint)) "

// $1-$9: the filters queue_counts can answer too ($9, the SLA bucket, as 0 or 1 there).
Params CountFilters(const QueueQuery& query) {
    Params params;
    params.Add(query.state).Add(query.kind).Add(query.priority);
    if (query.breached) params.Add(*query.breached);
    else params.AddNull();
    params.Add(query.assignee).Add(query.open_only && !query.state).Add(query.unassigned);
    params.Add(query.visible_to).Add(static_cast<int>(query.sla));
    return params;
}

// $1-$10: the ticket rows' filters, with the "due soon" boundary.
Params QueueFilters(const QueueQuery& query) {
    Params params = CountFilters(query);
    params.Add(query.soon_until);
    return params;
}

// ORDER BY for each QueueOrder, ascending; the same expressions as SQLite's (sqlite_store.cpp).
// COLLATE "C" makes text order byte order, which is SQLite's BINARY collation.
const char* OrderExpression(QueueOrder order) {
    switch (order) {
    case QueueOrder::Sla: return "sort_key";
    case QueueOrder::Created: return "created_at";
    case QueueOrder::Updated: return "updated_at";
    case QueueOrder::Priority:
        return "CASE priority WHEN 'general' THEN 0 WHEN 'serious' THEN 1 WHEN 'urgent' THEN 2 ELSE 3 END";
    case QueueOrder::State:
        return "CASE state WHEN 'submitted' THEN 0 WHEN 'accepted' THEN 1 WHEN 'assigned' THEN 2 "
               "WHEN 'in_progress' THEN 3 WHEN 'waiting_customer' THEN 4 WHEN 'awaiting_item' THEN 5 "
               "WHEN 'item_received' THEN 6 WHEN 'resolved' THEN 7 WHEN 'confirmed' THEN 8 WHEN 'closed' THEN 9 "
               "WHEN 'cancelled' THEN 10 ELSE 11 END";
    case QueueOrder::Kind: return "kind COLLATE \"C\"";
    case QueueOrder::Number: return "number COLLATE \"C\"";
    case QueueOrder::Assignee: return "assignee COLLATE \"C\"";
    }
    return "sort_key";
}

// Prepared statements are cached by the text's address: every text lives as long as the program.
const char* PagedQueueSql(QueueOrder order, bool descending) {
    constexpr int kOrders = static_cast<int>(QueueOrder::Assignee) + 1;
    static const std::vector<std::string> kStatements = [] {
        std::vector<std::string> statements;
        for (int i = 0; i < kOrders * 2; ++i) {
            const char* direction = i % 2 ? " DESC" : " ASC";
            statements.push_back(std::string("SELECT id, sort_key FROM tickets " AFTERCARE_PG_QUEUE_WHERE "ORDER BY ") +
                                 OrderExpression(static_cast<QueueOrder>(i / 2)) + direction + ", id" + direction +
                                 " LIMIT $11 OFFSET $12");
        }
        return statements;
    }();
    return kStatements[static_cast<std::size_t>(static_cast<int>(order) * 2 + (descending ? 1 : 0))].c_str();
}

// The keyset page: (sort_key, id) after the cursor, over the (is_open|state|assignee, sort_key, id)
// indexes. Without a state or an assignee filter SQLite's statement walks the open queue, so $6 is
// then 1 whatever open_only says (the same rows as SQLite's kOpen).
constexpr const char* kKeysetQueue =
    "SELECT id, sort_key FROM tickets WHERE ($1::text IS NULL OR state = $1::text) "
    "AND ($2::text IS NULL OR kind = $2::text) AND ($3::text IS NULL OR priority = $3::text) "
    "AND ($4::int IS NULL OR breached = $4::int) AND ($5::text IS NULL OR assignee = $5::text) "
    "AND ($6::int = 0 OR is_open = 1) AND (sort_key, id) > ($7::bigint, $8::bigint) ORDER BY sort_key, id LIMIT $9";

#define AFTERCARE_STAFF_COLUMNS "id, username, display_name, roles, password_hash, active, created_at, email, phone, language"

StaffRecord ReadStaff(const pg::Result& row, int i) {
    StaffRecord staff;
    staff.id = row.Int(i, 0);
    staff.username = row.Text(i, 1);
    staff.display_name = row.Text(i, 2);
    for (const auto& role : Json::parse(row.Text(i, 3))) staff.roles.push_back(role.get<std::string>());
    staff.password_hash = row.Text(i, 4);
    staff.active = row.Int(i, 5) != 0;
    staff.created_at = row.Int(i, 6);
    staff.email = row.Text(i, 7);
    staff.phone = row.Text(i, 8);
    staff.language = row.Text(i, 9);
    return staff;
}

std::optional<core::CivilDate> OptDate(const pg::Result& row, int i, int column) {
    if (row.IsNull(i, column)) return std::nullopt;
    return core::ParseIsoDate(row.Text(i, column));
}

core::Rating ReadRating(const pg::Result& rows, int i) {
    core::Rating rating;
    rating.quality = static_cast<int>(rows.Int(i, 0));
    rating.speed = static_cast<int>(rows.Int(i, 1));
    rating.attitude = static_cast<int>(rows.Int(i, 2));
    rating.scope = static_cast<int>(rows.Int(i, 3));
    rating.guarantee = static_cast<int>(rows.Int(i, 4));
    rating.solved = rows.Int(i, 5) != 0;
    rating.comment = rows.Text(i, 6);
    return rating;
}

std::optional<core::Rating> LoadRatingOn(pg::Connection& db, std::int64_t ticket_id) {
    auto row = db.Run("SELECT quality, speed, attitude, scope, guarantee, solved, comment FROM ratings "
                      "WHERE ticket_id = $1",
                      Params().Add(ticket_id));
    if (row.Empty()) return std::nullopt;
    return ReadRating(row, 0);
}

std::vector<AttachmentRecord> ListAttachmentsOn(pg::Connection& db, std::int64_t ticket_id) {
    std::vector<AttachmentRecord> list;
    auto rows = db.Run("SELECT id, file_name, content_type, size, created_at FROM attachments WHERE ticket_id = $1 "
                       "ORDER BY created_at, id COLLATE \"C\"",
                       Params().Add(ticket_id));
    for (int i = 0; i < rows.Rows(); ++i) {
        AttachmentRecord record;
        record.id = rows.Text(i, 0);
        record.ticket_id = ticket_id;
        record.file_name = rows.Text(i, 1);
        record.content_type = rows.Text(i, 2);
        record.size_bytes = rows.Int(i, 3);
        record.created_at = rows.Int(i, 4);
        list.push_back(std::move(record));
    }
    return list;
}

// Runs `read` in one REPEATABLE READ transaction: everything it reads is one consistent snapshot.
template <typename Read>
auto Snapshot(pg::Connection& db, Read&& read) {
    db.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    auto result = read();  // on a throw, Release rolls the transaction back
    db.Exec("COMMIT");
    return result;
}

std::vector<QueueRow> LoadQueueRows(pg::Connection& db, const pg::Result& ids) {
    std::vector<QueueRow> result;
    result.reserve(static_cast<std::size_t>(ids.Rows()));
    for (int i = 0; i < ids.Rows(); ++i) {
        const std::int64_t id = ids.Int(i, 0);
        if (auto stored = pg_rows::LoadById(db, id)) result.push_back(QueueRow{id, ids.Int(i, 1), std::move(stored->ticket)});
    }
    return result;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Connections and writes
//-----------------------------------------------------------------------------

PgStore::PgStore(const std::string& conninfo, int max_readers)
    : conninfo_(conninfo), max_readers_(std::max(1, max_readers)) {
    writer_ = std::make_unique<pg::Connection>(conninfo_);
    schema_version_ = pg::Migrate(*writer_);
    // A 201 means committed on disk: refuse a server that does not flush (fsync=off), and make this
    // session's commits wait for the flush whatever the database's default says.
    if (writer_->Run("SHOW fsync").Text(0, 0) != "on")
        throw pg::Error("postgresql: the server runs with fsync=off; an acknowledged write could be lost", "", false);
    writer_->Exec("SET synchronous_commit = on");
    register_reader_ = MakePgRegisterReader([this](const std::function<void(pg::Connection&)>& read) {
        WithReader([&](pg::Connection& db) {
            read(db);
            return 0;
        });
    });
    outbox_reader_ = MakePgOutboxReader([this](const std::function<void(pg::Connection&)>& read) {
        WithReader([&](pg::Connection& db) {
            read(db);
            return 0;
        });
    });
}

PgStore::~PgStore() = default;

void PgStore::Unavailable(const pg::Error& error) {
    // Class 53 (insufficient resources: disk full, out of memory): the same 507 as a full SQLite disk.
    if (error.sqlstate.rfind("53", 0) == 0) {
        LogEvent("error", "database out of resources", error.what());
        throw DomainError(ErrorKind::StorageFull, "storage_full", "存储空间已满，暂时无法保存，请稍后再试或联系服务商",
                          "Storage is full; nothing can be saved right now. Try later or contact the vendor.");
    }
    if (!error.connection_lost) throw error;
    LogEvent("error", "database connection lost", error.what());
    DomainError unavailable(ErrorKind::Busy, "database_unavailable", "数据库暂时无法连接，请稍后再试",
                            "The database cannot be reached right now; please try again shortly.");
    unavailable.retry_after_seconds = 2;
    throw unavailable;
}

pg::Connection& PgStore::Acquire() {
    pg::Connection* connection = nullptr;
    bool open_new = false;
    {
        std::unique_lock lock(pool_mutex_);
        pool_cv_.wait(lock, [this] { return !idle_.empty() || static_cast<int>(readers_.size()) < max_readers_; });
        if (!idle_.empty()) {
            connection = idle_.back();
            idle_.pop_back();
        } else {
            readers_.push_back(nullptr);  // the place, taken now; filled below without the lock
            open_new = true;
        }
    }
    if (open_new) {
        try {
            auto fresh = std::make_unique<pg::Connection>(conninfo_);
            connection = fresh.get();
            std::lock_guard lock(pool_mutex_);
            for (auto& slot : readers_)
                if (!slot) {
                    slot = std::move(fresh);
                    break;
                }
        } catch (const pg::Error& e) {
            {
                std::lock_guard lock(pool_mutex_);
                for (auto it = readers_.begin(); it != readers_.end(); ++it)
                    if (!*it) {
                        readers_.erase(it);
                        break;
                    }
            }
            pool_cv_.notify_one();
            Unavailable(pg::Error(e.what(), e.sqlstate, true));
        }
    }
    if (!connection->EnsureOpen()) {
        Release(*connection);
        Unavailable(pg::Error("postgresql: cannot reconnect", "", true));
    }
    return *connection;
}

void PgStore::Release(pg::Connection& connection) {
    // A read that threw inside its snapshot leaves the transaction open (or aborted): end it here.
    if (connection.InTransaction()) {
        try {
            connection.Exec("ROLLBACK");
        } catch (const pg::Error&) {
            // The connection is gone; the next Acquire reconnects it.
        }
    }
    {
        std::lock_guard lock(pool_mutex_);
        idle_.push_back(&connection);
    }
    pool_cv_.notify_one();
}

void PgStore::Write(const std::function<void(StoreTx&)>& work) {
    std::lock_guard lock(write_mutex_);
    pg::Connection& db = *writer_;
    try {
        if (!db.EnsureOpen()) throw pg::Error("postgresql: cannot reconnect", "", true);
        // Session settings died with a lost session; setting it per transaction costs one round trip.
        db.Exec("BEGIN; SET LOCAL synchronous_commit = on");
        // Every write of every instance waits here for the one before it, so what the work reads is
        // the state its writes are based on (no lost update between load and save).
        db.Run("SELECT pg_advisory_xact_lock($1)", Params().Add(pg::kWriteLockKey));
        auto tx = MakePgTx(db);
        work(*tx);
        db.Exec("COMMIT");
    } catch (const pg::Error& e) {
        if (db.InTransaction()) {
            try {
                db.Exec("ROLLBACK");
            } catch (const pg::Error&) {
            }
        }
        Unavailable(e);
    } catch (...) {
        if (db.InTransaction()) {
            try {
                db.Exec("ROLLBACK");
            } catch (const pg::Error&) {
            }
        }
        throw;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Reads
//-----------------------------------------------------------------------------

std::optional<std::string> PgStore::GetMeta(const std::string& key) {
    return WithReader([&](pg::Connection& db) -> std::optional<std::string> {
        auto row = db.Run("SELECT value FROM meta WHERE key = $1", Params().Add(key));
        if (row.Empty()) return std::nullopt;
        return row.Text(0, 0);
    });
}

std::optional<StoredTicket> PgStore::LoadTicket(const std::string& number) {
    return WithReader([&](pg::Connection& db) { return pg_rows::LoadByNumber(db, number); });
}

std::optional<StoredTicket> PgStore::LoadTicketById(std::int64_t id) {
    return WithReader([&](pg::Connection& db) { return pg_rows::LoadById(db, id); });
}

std::optional<TicketBundle> PgStore::LoadTicketBundle(std::int64_t id) {
    return WithReader([&](pg::Connection& db) {
        return Snapshot(db, [&]() -> std::optional<TicketBundle> {
            auto stored = pg_rows::LoadById(db, id);
            if (!stored) return std::nullopt;
            return TicketBundle{std::move(*stored), LoadRatingOn(db, id), ListAttachmentsOn(db, id)};
        });
    });
}

std::vector<core::TimelineEvent> PgStore::LoadEventsAfter(std::int64_t ticket_id, int after) {
    return WithReader([&](pg::Connection& db) {
        std::vector<core::TimelineEvent> events;
        auto rows = db.Run("SELECT body FROM events WHERE ticket_id = $1 AND sequence > $2 ORDER BY sequence",
                           Params().Add(ticket_id).Add(after));
        for (int i = 0; i < rows.Rows(); ++i) events.push_back(store_json::ParseEvent(rows.Text(i, 0)));
        return events;
    });
}

std::optional<TokenRecord> PgStore::FindToken(const std::string& hash, std::int64_t now) {
    return WithReader([&](pg::Connection& db) -> std::optional<TokenRecord> {
        auto row = db.Run("SELECT k.kind, k.ticket_id, k.staff_id, k.expires_at, t.number, t.ended_at FROM tokens k "
                          "LEFT JOIN tickets t ON t.id = k.ticket_id WHERE k.hash = $1 AND k.expires_at > $2",
                          Params().AddBytes(hash).Add(now));
        if (row.Empty()) return std::nullopt;
        TokenRecord record;
        record.kind = row.Text(0, 0) == "staff" ? TokenRecord::Kind::Staff : TokenRecord::Kind::Customer;
        record.ticket_id = row.OptInt(0, 1).value_or(0);
        record.staff_id = row.OptInt(0, 2).value_or(0);
        record.expires_at = row.Int(0, 3);
        record.ticket_number = row.Text(0, 4);
        record.ticket_ended_at = row.OptInt(0, 5);
        return record;
    });
}

std::optional<TicketAccess> PgStore::FindTicketPhone(const std::string& number) {
    return WithReader([&](pg::Connection& db) -> std::optional<TicketAccess> {
        auto row = db.Run("SELECT id, COALESCE((body::jsonb) #>> '{details,customer,phone}', ''), ended_at "
                          "FROM tickets WHERE number = $1",
                          Params().Add(number));
        if (row.Empty()) return std::nullopt;
        return TicketAccess{row.Int(0, 0), row.Text(0, 1), row.OptInt(0, 2)};
    });
}

std::vector<AttachmentRecord> PgStore::ListAttachments(std::int64_t ticket_id) {
    return WithReader([&](pg::Connection& db) { return ListAttachmentsOn(db, ticket_id); });
}

std::optional<AttachmentRecord> PgStore::LoadAttachment(std::int64_t ticket_id, const std::string& id) {
    return WithReader([&](pg::Connection& db) -> std::optional<AttachmentRecord> {
        // Scoped by ticket: an attachment id from another ticket is simply not found.
        auto row = db.Run("SELECT file_name, content_type, size, created_at, data FROM attachments "
                          "WHERE ticket_id = $1 AND id = $2",
                          Params().Add(ticket_id).Add(id));
        if (row.Empty()) return std::nullopt;
        AttachmentRecord record;
        record.id = id;
        record.ticket_id = ticket_id;
        record.file_name = row.Text(0, 0);
        record.content_type = row.Text(0, 1);
        record.size_bytes = row.Int(0, 2);
        record.created_at = row.Int(0, 3);
        record.data = row.Bytes(0, 4);
        return record;
    });
}

std::optional<core::Rating> PgStore::LoadRating(std::int64_t ticket_id) {
    return WithReader([&](pg::Connection& db) { return LoadRatingOn(db, ticket_id); });
}

std::optional<StaffRecord> PgStore::FindStaff(const std::string& username) {
    return WithReader([&](pg::Connection& db) -> std::optional<StaffRecord> {
        auto row = db.Run("SELECT " AFTERCARE_STAFF_COLUMNS " FROM staff WHERE username = $1", Params().Add(username));
        if (row.Empty()) return std::nullopt;
        return ReadStaff(row, 0);
    });
}

std::optional<StaffRecord> PgStore::FindStaffById(std::int64_t id) {
    return WithReader([&](pg::Connection& db) -> std::optional<StaffRecord> {
        auto row = db.Run("SELECT " AFTERCARE_STAFF_COLUMNS " FROM staff WHERE id = $1", Params().Add(id));
        if (row.Empty()) return std::nullopt;
        return ReadStaff(row, 0);
    });
}

std::optional<ProductRecord> PgStore::FindProduct(const std::string& serial) {
    return WithReader([&](pg::Connection& db) -> std::optional<ProductRecord> {
        auto row = db.Run("SELECT serial, model, purchase_date, replacements FROM products WHERE serial = $1",
                          Params().Add(serial));
        if (row.Empty()) return std::nullopt;
        ProductRecord product;
        product.serial = row.Text(0, 0);
        product.model = row.Text(0, 1);
        product.purchase_date = OptDate(row, 0, 2);
        auto replacements = api::FromJson<std::vector<core::PartReplacement>>(Json::parse(row.Text(0, 3)));
        if (replacements) product.replacements = std::move(replacements).Value();
        return product;
    });
}

std::optional<OrderRecord> PgStore::FindOrder(const std::string& order_number) {
    return WithReader([&](pg::Connection& db) -> std::optional<OrderRecord> {
        auto row = db.Run("SELECT order_number, phone, model, serial, purchase_date, delivered_at FROM orders "
                          "WHERE order_number = $1",
                          Params().Add(order_number));
        if (row.Empty()) return std::nullopt;
        OrderRecord order;
        order.order_number = row.Text(0, 0);
        order.phone = row.Text(0, 1);
        order.model = row.Text(0, 2);
        order.serial = row.Text(0, 3);
        order.purchase_date = OptDate(row, 0, 4);
        order.delivered_at = row.OptInt(0, 5);
        return order;
    });
}

std::vector<QueueRow> PgStore::Queue(const QueueQuery& query) {
    // The same split as SqliteStore::Queue: offset paging in any allowlisted order, or the keyset
    // path for the default order with a cursor (and the first page).
    const bool keyset = query.order == QueueOrder::Sla && !query.descending && query.offset == 0 &&
                        query.sla == QueueSla::Any && !query.visible_to && !query.unassigned;
    return WithReader([&](pg::Connection& db) {
        return Snapshot(db, [&] {
            if (!keyset) {
                Params params = QueueFilters(query);
                params.Add(query.limit).Add(query.offset);
                return LoadQueueRows(db, db.Run(PagedQueueSql(query.order, query.descending), params));
            }
            Params params;
            params.Add(query.state).Add(query.kind).Add(query.priority);
            if (query.breached) params.Add(*query.breached);
            else params.AddNull();
            const bool open_queue = !query.state && !query.assignee;
            params.Add(query.assignee).Add(open_queue || (query.open_only && !query.state));
            const auto after = query.after.value_or(
                std::make_pair(std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::min()));
            params.Add(after.first).Add(after.second).Add(query.limit);
            return LoadQueueRows(db, db.Run(kKeysetQueue, params));
        });
    });
}

std::int64_t PgStore::CountQueue(const QueueQuery& query) {
    // As on SQLite: every filter but the "due soon" and "on track" buckets is a column of queue_counts.
    if (query.sla == QueueSla::Any || query.sla == QueueSla::Breached) {
        return WithReader([&](pg::Connection& db) {
            return db.Run(
                "SELECT COALESCE(SUM(n), 0) FROM queue_counts WHERE " AFTERCARE_PG_QUEUE_COLUMN_FILTERS
                "AND ($9::int = 0 OR breached = 1)",
                CountFilters(query)).Int(0, 0);
        });
    }
    return WithReader([&](pg::Connection& db) {
        return db.Run("SELECT COUNT(*) FROM tickets " AFTERCARE_PG_QUEUE_WHERE, QueueFilters(query)).Int(0, 0);
    });
}

std::vector<StaffRecord> PgStore::ListStaff() {
    return WithReader([&](pg::Connection& db) {
        std::vector<StaffRecord> staff;
        auto rows = db.Run("SELECT " AFTERCARE_STAFF_COLUMNS " FROM staff ORDER BY username COLLATE \"C\"");
        for (int i = 0; i < rows.Rows(); ++i) staff.push_back(ReadStaff(rows, i));
        return staff;
    });
}

std::vector<AuditRecord> PgStore::Audit(std::int64_t ticket_id, int limit) {
    return WithReader([&](pg::Connection& db) {
        std::vector<AuditRecord> records;
        auto rows = db.Run(
            "SELECT a.id, a.at, a.staff, a.action, COALESCE(a.ticket_id, 0), a.detail, "
            "COALESCE((t.body::jsonb) ->> 'service_number', '') FROM audit_log a "
            "LEFT JOIN tickets t ON t.id = a.ticket_id WHERE ($1::bigint = 0 OR a.ticket_id = $1::bigint) "
            "ORDER BY a.id DESC LIMIT $2",
            Params().Add(ticket_id).Add(limit));
        for (int i = 0; i < rows.Rows(); ++i) {
            AuditRecord record;
            record.id = rows.Int(i, 0);
            record.at = rows.Int(i, 1);
            record.staff = rows.Text(i, 2);
            record.action = rows.Text(i, 3);
            record.ticket_id = rows.Int(i, 4);
            record.detail = rows.Text(i, 5);
            record.service_number = rows.Text(i, 6);
            records.push_back(std::move(record));
        }
        return records;
    });
}

std::vector<RatingRow> PgStore::RatingsGivenBetween(std::int64_t from, std::int64_t to) {
    return WithReader([&](pg::Connection& db) {
        std::vector<RatingRow> result;
        auto rows = db.Run(
            "SELECT r.quality, r.speed, r.attitude, r.scope, r.guarantee, r.solved, r.comment, r.created_at, t.number, "
            "r.channel FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
            "WHERE r.created_at >= $1 AND r.created_at < $2 ORDER BY r.created_at",
            Params().Add(from).Add(to));
        for (int i = 0; i < rows.Rows(); ++i) {
            RatingRow row;
            row.rating = ReadRating(rows, i);
            row.at = rows.Int(i, 7);
            row.number = rows.Text(i, 8);
            core::FromString(rows.Text(i, 9), row.channel);
            result.push_back(std::move(row));
        }
        return result;
    });
}

std::vector<StoredTicket> PgStore::Complaints(std::int64_t from, std::int64_t to, int limit) {
    return WithReader([&](pg::Connection& db) {
        return Snapshot(db, [&] {
            auto ids = db.Run("SELECT id FROM tickets WHERE kind = 'complaint' AND "
                              "(is_open = 1 OR (created_at >= $1 AND created_at < $2)) "
                              "ORDER BY is_open DESC, created_at LIMIT $3",
                              Params().Add(from).Add(to).Add(limit));
            std::vector<StoredTicket> result;
            for (int i = 0; i < ids.Rows(); ++i)
                if (auto stored = pg_rows::LoadById(db, ids.Int(i, 0))) result.push_back(std::move(*stored));
            return result;
        });
    });
}

std::vector<std::int64_t> PgStore::DueForCheck(std::int64_t now, int limit) {
    return WithReader([&](pg::Connection& db) {
        std::vector<std::int64_t> ids;
        auto rows = db.Run("SELECT id FROM tickets WHERE next_check_at IS NOT NULL AND next_check_at <= $1 "
                           "ORDER BY next_check_at LIMIT $2",
                           Params().Add(now).Add(limit));
        for (int i = 0; i < rows.Rows(); ++i) ids.push_back(rows.Int(i, 0));
        return ids;
    });
}

std::vector<StatsRow> PgStore::StatsRows(std::int64_t from, std::int64_t to) {
    return WithReader([&](pg::Connection& db) {
        std::vector<StatsRow> result;
        auto rows = db.Run("SELECT priority, state, kind, breached, escalation, created_at, first_response_at, "
                           "resolved_at, number, assignee, reopen_count, (quality_incident_at IS NOT NULL)::int, "
                           "repeat_repair, COALESCE(body::jsonb #>> '{details,channel}', 'web'), "
                           "COALESCE(body::jsonb #>> '{details,complaint,category}', 'other') FROM tickets "
                           "WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, id",
                           Params().Add(from).Add(to));
        for (int i = 0; i < rows.Rows(); ++i) {
            StatsRow row;
            row.priority = rows.Text(i, 0);
            row.state = rows.Text(i, 1);
            row.kind = rows.Text(i, 2);
            row.breached = rows.Int(i, 3) != 0;
            row.escalated = rows.Text(i, 4) != core::ToString(core::EscalationLevel::None);
            row.created_at = rows.Int(i, 5);
            row.first_response_at = rows.OptInt(i, 6);
            row.resolved_at = rows.OptInt(i, 7);
            row.number = rows.Text(i, 8);
            row.assignee = rows.Text(i, 9);
            row.reopen_count = static_cast<int>(rows.Int(i, 10));
            row.quality_incident = rows.Int(i, 11) != 0;
            row.repeat_repair = rows.Int(i, 12) != 0;
            row.channel = rows.Text(i, 13);
            row.complaint_category = rows.Text(i, 14);
            result.push_back(std::move(row));
        }
        return result;
    });
}

std::vector<core::Rating> PgStore::Ratings(std::int64_t from, std::int64_t to) {
    return WithReader([&](pg::Connection& db) {
        std::vector<core::Rating> result;
        auto rows = db.Run("SELECT r.quality, r.speed, r.attitude, r.scope, r.guarantee, r.solved, r.comment "
                           "FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
                           "WHERE t.created_at >= $1 AND t.created_at < $2",
                           Params().Add(from).Add(to));
        for (int i = 0; i < rows.Rows(); ++i) result.push_back(ReadRating(rows, i));
        return result;
    });
}

std::map<std::string, std::int64_t> PgStore::CountByState() {
    return WithReader([&](pg::Connection& db) {
        std::map<std::string, std::int64_t> counts;
        auto rows = db.Run("SELECT state, COUNT(*) FROM tickets GROUP BY state");
        for (int i = 0; i < rows.Rows(); ++i) counts[rows.Text(i, 0)] = rows.Int(i, 1);
        return counts;
    });
}

std::int64_t PgStore::CountBreachedOpen() {
    return WithReader([&](pg::Connection& db) {
        return db.Run("SELECT COUNT(*) FROM tickets WHERE is_open = 1 AND breached = 1").Int(0, 0);
    });
}

std::int64_t PgStore::CountTickets() {
    return WithReader([&](pg::Connection& db) { return db.Run("SELECT COUNT(*) FROM tickets").Int(0, 0); });
}

std::int64_t PgStore::StorageBytes() {
    // The tables of this schema with their indexes and TOAST (attachments), not the whole database:
    // an empty PostgreSQL database already takes ~7 MB of catalogs, which no quota should count.
    return WithReader([&](pg::Connection& db) {
        return db
            .Run("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c "
                 "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'")
            .Int(0, 0);
    });
}

void PgStore::Prune(std::int64_t now, std::int64_t idempotency_before) {
    Write([&](StoreTx&) {
        writer_->Run("DELETE FROM tokens WHERE expires_at <= $1", Params().Add(now));
        writer_->Run("DELETE FROM idempotency WHERE created_at < $1", Params().Add(idempotency_before));
        // Budgets untouched for two days are full again (the longest refill is a day): forget them.
        // By the database's clock, which is the one the buckets are kept by (pg_buckets.cpp).
        writer_->Run("DELETE FROM rate_buckets WHERE updated_ms < (EXTRACT(EPOCH FROM now()) * 1000)::bigint - $1",
                     Params().Add(std::int64_t{2 * 86400 * 1000}));
    });
}

bool PgStore::Healthy() {
    try {
        return WithReader([&](pg::Connection& db) { return db.Run("SELECT 1").Int(0, 0) == 1; });
    } catch (const std::exception&) {
        return false;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Follow-ups (回访)
//-----------------------------------------------------------------------------

// The same statements as SqliteStore's, over the tickets_followup partial index.
std::vector<std::pair<std::int64_t, std::int64_t>> PgStore::FollowUpsDue(const FollowUpQuery& query) {
    return WithReader([&](pg::Connection& db) {
        auto rows = db.Run("SELECT id, followup_since FROM tickets WHERE followup_since IS NOT NULL AND followup_since <= $1 "
                           "AND ($2::text IS NULL OR assignee = $2 OR assignee = '') "
                           "ORDER BY followup_since, id LIMIT $3 OFFSET $4",
                           Params().Add(query.resolved_by).Add(query.visible_to).Add(query.limit).Add(query.offset));
        std::vector<std::pair<std::int64_t, std::int64_t>> ids;
        for (int i = 0; i < rows.Rows(); ++i) ids.emplace_back(rows.Int(i, 0), rows.Int(i, 1));
        return ids;
    });
}

std::int64_t PgStore::CountFollowUpsDue(const FollowUpQuery& query) {
    return WithReader([&](pg::Connection& db) {
        return db.Run("SELECT COUNT(*) FROM tickets WHERE followup_since IS NOT NULL AND followup_since <= $1 "
                      "AND ($2::text IS NULL OR assignee = $2 OR assignee = '')",
                      Params().Add(query.resolved_by).Add(query.visible_to))
            .Int(0, 0);
    });
}

FollowUpCounts PgStore::CountFollowUps(std::int64_t from, std::int64_t to, std::int64_t resolved_by) {
    return WithReader([&](pg::Connection& db) {
        auto row = db.Run("SELECT COUNT(r.ticket_id), "
                          "COUNT(*) FILTER (WHERE t.followup_reached_at IS NOT NULL), "
                          "COUNT(*) FILTER (WHERE t.followup_reached_at IS NOT NULL OR t.followup_since <= $3) "
                          "FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id "
                          "WHERE t.created_at >= $1 AND t.created_at < $2",
                          Params().Add(from).Add(to).Add(resolved_by));
        FollowUpCounts counts;
        counts.rated = static_cast<int>(row.Int(0, 0));
        counts.reached = static_cast<int>(row.Int(0, 1));
        counts.due = static_cast<int>(row.Int(0, 2));
        return counts;
    });
}


std::vector<FollowUpScheduleRecord> PgStore::FollowUpSchedulesDue(const std::string& today, int limit) {
    return WithReader([&](pg::Connection& db) {
        auto rows = db.Run(AFTERCARE_PG_SCHEDULE_SELECT " WHERE active = 1 AND next_due <= $1 ORDER BY next_due, id LIMIT $2",
                           Params().Add(today).Add(limit));
        std::vector<FollowUpScheduleRecord> result;
        for (int i = 0; i < rows.Rows(); ++i) result.push_back(pg_rows::ScheduleRow(rows, i));
        return result;
    });
}

std::int64_t PgStore::CountFollowUpSchedulesDue(const std::string& today) {
    return WithReader([&](pg::Connection& db) {
        return db.Run("SELECT COUNT(*) FROM followup_schedules WHERE active = 1 AND next_due <= $1", Params().Add(today))
            .Int(0, 0);
    });
}

std::vector<FollowUpScheduleRecord> PgStore::FollowUpSchedulesFor(const std::string& serial) {
    return WithReader([&](pg::Connection& db) {
        auto rows = db.Run(AFTERCARE_PG_SCHEDULE_SELECT " WHERE serial = $1 ORDER BY id DESC LIMIT 100",
                           Params().Add(serial));
        std::vector<FollowUpScheduleRecord> result;
        for (int i = 0; i < rows.Rows(); ++i) result.push_back(pg_rows::ScheduleRow(rows, i));
        return result;
    });
}

std::vector<FollowUpSurveyRecord> PgStore::FollowUpSurveysFor(const std::string& serial, int limit) {
    return WithReader([&](pg::Connection& db) {
        auto rows = db.Run("SELECT id, schedule_id, serial, project_name, contract_number, due_date, surveyed_at, staff, "
                           "body FROM followup_surveys WHERE serial = $1 ORDER BY surveyed_at DESC, id DESC LIMIT $2",
                           Params().Add(serial).Add(limit));
        std::vector<FollowUpSurveyRecord> result;
        for (int i = 0; i < rows.Rows(); ++i) {
            FollowUpSurveyRecord r;
            r.id = rows.Int(i, 0);
            r.schedule_id = rows.Int(i, 1);
            r.serial = rows.Text(i, 2);
            r.project_name = rows.Text(i, 3);
            r.contract_number = rows.Text(i, 4);
            r.due_date = rows.Text(i, 5);
            r.surveyed_at = rows.Int(i, 6);
            r.staff = rows.Text(i, 7);
            r.survey = store_json::ParseSurvey(rows.Text(i, 8));
            result.push_back(std::move(r));
        }
        return result;
    });
}

}  // namespace aftercare::serve
