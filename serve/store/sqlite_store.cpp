// SqliteStore: schema, durability settings and every query of the backend (parameterized only).
//
// [SECTION] Schema
// [SECTION] Row mapping
// [SECTION] Transaction (StoreTx)
// [SECTION] SqliteStore
#include "store/sqlite_store.hpp"

#include <memory>

#include <filesystem>
#include <iterator>
#include <limits>

#include "api/core_json.h"
#include "core/vocabulary.h"
#include "store/sqlite_outbox.hpp"
#include "store/sqlite_register.hpp"
#include "store/store_json.hpp"

namespace aftercare::serve {
namespace {

using sqlite::Connection;
using Json = nlohmann::json;

//-----------------------------------------------------------------------------
// [SECTION] Schema
//-----------------------------------------------------------------------------

// synchronous=FULL in WAL mode syncs the WAL on every commit: a commit that returned is on disk even
// after power loss (NORMAL would survive kill -9 but may lose the last commits on power loss).
constexpr const char* kPragmas = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
)sql";

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS tickets(
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,          -- compact service number (12 symbols)
    kind TEXT NOT NULL,
    priority TEXT NOT NULL,
    state TEXT NOT NULL,
    assignee TEXT NOT NULL DEFAULT '',
    escalation TEXT NOT NULL,
    is_open INTEGER NOT NULL,
    sort_key INTEGER NOT NULL,            -- queue order: earliest running deadline first
    next_check_at INTEGER,                -- when the SLA sweeper must look again
    breached INTEGER NOT NULL DEFAULT 0,
    first_response_at INTEGER,
    resolved_at INTEGER,
    ended_at INTEGER,                     -- closed/cancelled/rejected at: customer tokens end N days later
    last_sequence INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    body TEXT NOT NULL                    -- core::Ticket as JSON, without the timeline
);
CREATE INDEX IF NOT EXISTS tickets_queue ON tickets(is_open, sort_key, id);
CREATE INDEX IF NOT EXISTS tickets_state ON tickets(state, sort_key, id);
CREATE INDEX IF NOT EXISTS tickets_assignee ON tickets(assignee, sort_key, id);
CREATE INDEX IF NOT EXISTS tickets_check ON tickets(next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS tickets_created ON tickets(created_at);

-- The timeline is append-only: the triggers make that a property of the database, not a habit.
CREATE TABLE IF NOT EXISTS events(
    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    sequence INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY(ticket_id, sequence)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'timeline is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'timeline is append-only'); END;

-- Only a hash of each bearer token is stored: a copy of the database grants no access.
CREATE TABLE IF NOT EXISTS tokens(
    hash BLOB PRIMARY KEY,
    kind TEXT NOT NULL CHECK(kind IN ('customer', 'staff')),
    ticket_id INTEGER,
    staff_id INTEGER,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tokens_expiry ON tokens(expires_at);
CREATE INDEX IF NOT EXISTS tokens_ticket ON tokens(ticket_id) WHERE kind = 'customer';  -- sign out on all devices

CREATE TABLE IF NOT EXISTS idempotency(
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash BLOB NOT NULL,
    ticket_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY(scope, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idempotency_created ON idempotency(created_at);

-- Attachment bytes live in the database so that a ticket and its files commit (and survive) together.
CREATE TABLE IF NOT EXISTS attachments(
    id TEXT PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS attachments_ticket ON attachments(ticket_id, created_at);

CREATE TABLE IF NOT EXISTS ratings(
    ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id),   -- one rating per ticket
    quality INTEGER NOT NULL,
    speed INTEGER NOT NULL,
    attitude INTEGER NOT NULL,
    scope INTEGER NOT NULL,
    guarantee INTEGER NOT NULL,
    solved INTEGER NOT NULL,
    comment TEXT NOT NULL,
    satisfied INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS staff(
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    roles TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);

-- Who saw customer data and who changed accounts or the policy. Append-only, like the timeline.
CREATE TABLE IF NOT EXISTS audit_log(
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    staff TEXT NOT NULL,
    action TEXT NOT NULL,
    ticket_id INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS audit_ticket ON audit_log(ticket_id, id);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE INDEX IF NOT EXISTS ratings_created ON ratings(created_at);

CREATE TABLE IF NOT EXISTS products(
    serial TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    purchase_date TEXT,
    replacements TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS orders(
    order_number TEXT PRIMARY KEY,
    phone TEXT NOT NULL,
    model TEXT NOT NULL,
    serial TEXT NOT NULL DEFAULT '',
    purchase_date TEXT,
    delivered_at INTEGER
) WITHOUT ROWID;
)sql";

// Columns added before migrations were versioned: CREATE TABLE IF NOT EXISTS does not add them.
void MigrateColumns(Connection& db) {
    bool has_active = false;
    auto columns = db.Prepare("SELECT name FROM pragma_table_info('staff')");
    while (columns.Step()) has_active = has_active || columns.Text(0) == "active";
    if (!has_active) db.Exec("ALTER TABLE staff ADD COLUMN active INTEGER NOT NULL DEFAULT 1");

    // #17: staff contact details for escalation notices.
    bool has_email = false;
    auto staff_columns = db.Prepare("SELECT name FROM pragma_table_info('staff')");
    while (staff_columns.Step()) has_email = has_email || staff_columns.Text(0) == "email";
    if (!has_email) {
        db.Exec("ALTER TABLE staff ADD COLUMN email TEXT NOT NULL DEFAULT ''");
        db.Exec("ALTER TABLE staff ADD COLUMN phone TEXT NOT NULL DEFAULT ''");
    }

    bool has_ended_at = false;
    auto ticket_columns = db.Prepare("SELECT name FROM pragma_table_info('tickets')");
    while (ticket_columns.Step()) has_ended_at = has_ended_at || ticket_columns.Text(0) == "ended_at";
    if (!has_ended_at) {
        db.Exec("ALTER TABLE tickets ADD COLUMN ended_at INTEGER");
        // Tickets that ended before the column existed: their last change is when they ended (a
        // terminal ticket changes no more), so their customers' access runs out on the same rule.
        db.Exec("UPDATE tickets SET ended_at = updated_at WHERE is_open = 0");
    }
}

// Version 1 is the baseline: the schema as it stood when migrations became versioned (#15). It is
// applied idempotently, since databases from before then exist: every CREATE says IF NOT EXISTS
// and MigrateColumns checks before it adds.
void Baseline(Connection& db) {
    db.Exec(kSchema);
    MigrateColumns(db);
    ApplyRegisterSchema(db);
    ApplyOutboxSchema(db);
}

// Version 2 (#17): the language of the notices a staff member receives (escalations).
void AddStaffLanguage(Connection& db) { db.Exec("ALTER TABLE staff ADD COLUMN language TEXT NOT NULL DEFAULT 'zh-CN'"); }

// Version 3 (#19): what the statistics count per ticket (reopens, quality incidents, repeat repairs),
// and the customer's history: every ticket of one phone, found through an index.
void AddServiceRecordColumns(Connection& db) {
    db.Exec("ALTER TABLE tickets ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0");
    db.Exec("ALTER TABLE tickets ADD COLUMN quality_incident_at INTEGER");
    db.Exec("ALTER TABLE tickets ADD COLUMN repeat_repair INTEGER NOT NULL DEFAULT 0");
    db.Exec("CREATE INDEX IF NOT EXISTS tickets_phone ON tickets(json_extract(body, '$.details.customer.phone'))");
}

// Version 4 (#19 follow-ups): the follow-up queue (回访) reads followup_since, the resolution a call
// is still owed for, through a partial index, oldest first; followup_reached_at counts the calls
// that reached the customer; a rating records how it was given (the portal, or a follow-up call).
// Tickets still resolved or confirmed when this runs join the queue from their resolution; closed
// ones do not (a call about a repair long done would be news to nobody).
void AddFollowUps(Connection& db) {
    db.Exec("ALTER TABLE tickets ADD COLUMN followup_since INTEGER");
    db.Exec("ALTER TABLE tickets ADD COLUMN followup_reached_at INTEGER");
    db.Exec("UPDATE tickets SET followup_since = resolved_at WHERE state IN ('resolved', 'confirmed')");
    db.Exec("CREATE INDEX IF NOT EXISTS tickets_followup ON tickets(followup_since, id) WHERE followup_since IS NOT NULL");
    db.Exec("ALTER TABLE ratings ADD COLUMN channel TEXT NOT NULL DEFAULT 'portal'");
    // Periodic follow-ups of a key customer's product and the surveys made on them (G1, G2).
    db.Exec(R"sql(
CREATE TABLE IF NOT EXISTS followup_schedules(
    id INTEGER PRIMARY KEY,
    serial TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    customer_phone TEXT NOT NULL,
    project_name TEXT NOT NULL,
    contract_number TEXT NOT NULL DEFAULT '',
    period TEXT NOT NULL,
    anchor TEXT NOT NULL,
    next_due TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS followup_schedules_due ON followup_schedules(next_due, id) WHERE active = 1;
CREATE INDEX IF NOT EXISTS followup_schedules_serial ON followup_schedules(serial, id);
CREATE TABLE IF NOT EXISTS followup_surveys(
    id INTEGER PRIMARY KEY,
    schedule_id INTEGER NOT NULL REFERENCES followup_schedules(id),
    serial TEXT NOT NULL,
    project_name TEXT NOT NULL,
    contract_number TEXT NOT NULL,
    due_date TEXT NOT NULL,
    surveyed_at INTEGER NOT NULL,
    staff TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS followup_surveys_serial ON followup_surveys(serial, surveyed_at);
)sql");
}

// Version 5: a new repair's repeat check (ticket_service.cpp RepeatOf) reads the serial's recently
// changed resolved repairs through this partial index, not the serial's whole history.
void AddRepeatRepairIndex(Connection& db) {
    db.Exec("CREATE INDEX IF NOT EXISTS tickets_serial_resolved ON tickets(json_extract(body, "
            "'$.details.product.serial'), updated_at) WHERE kind = 'repair' AND state IN ('resolved', "
            "'confirmed', 'closed')");
}

// Version 6: the staff queue's totals, kept by triggers. Counting the open queue walked every open
// ticket's index entry (8.8 ms of CPU per first page at ~160,000 open, docs/benchmarks.md); the
// total is now a sum over one row per combination of the columns a count filters on (45 rows at
// 1.27M tickets in the benchmark's data). Triggers, not the store's code, keep it, so no write path can forget it. One
// writer at a time (as on PostgreSQL, behind its advisory lock): the rows are no point of contention.
void AddQueueCounts(Connection& db) {
    db.Exec(R"sql(
CREATE TABLE queue_counts(
    is_open INTEGER NOT NULL,
    state TEXT NOT NULL,
    kind TEXT NOT NULL,
    priority TEXT NOT NULL,
    breached INTEGER NOT NULL,
    assignee TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY(is_open, state, kind, priority, breached, assignee)
) WITHOUT ROWID;
INSERT INTO queue_counts SELECT is_open, state, kind, priority, breached, assignee, COUNT(*) FROM tickets
    GROUP BY is_open, state, kind, priority, breached, assignee;
CREATE TRIGGER queue_counts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO queue_counts VALUES(NEW.is_open, NEW.state, NEW.kind, NEW.priority, NEW.breached, NEW.assignee, 1)
        ON CONFLICT(is_open, state, kind, priority, breached, assignee) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER queue_counts_delete AFTER DELETE ON tickets BEGIN
    UPDATE queue_counts SET n = n - 1 WHERE is_open = OLD.is_open AND state = OLD.state AND kind = OLD.kind
        AND priority = OLD.priority AND breached = OLD.breached AND assignee = OLD.assignee;
END;
CREATE TRIGGER queue_counts_update AFTER UPDATE OF is_open, state, kind, priority, breached, assignee ON tickets
WHEN OLD.is_open IS NOT NEW.is_open OR OLD.state IS NOT NEW.state OR OLD.kind IS NOT NEW.kind
    OR OLD.priority IS NOT NEW.priority OR OLD.breached IS NOT NEW.breached OR OLD.assignee IS NOT NEW.assignee
BEGIN
    UPDATE queue_counts SET n = n - 1 WHERE is_open = OLD.is_open AND state = OLD.state AND kind = OLD.kind
        AND priority = OLD.priority AND breached = OLD.breached AND assignee = OLD.assignee;
    INSERT INTO queue_counts VALUES(NEW.is_open, NEW.state, NEW.kind, NEW.priority, NEW.breached, NEW.assignee, 1)
        ON CONFLICT(is_open, state, kind, priority, breached, assignee) DO UPDATE SET n = n + 1;
END;
)sql");
}

// Version 7: a ticket's customer phone and product serial in columns of their own, which the store
// writes beside the body, indexed in place of the json_extract(body, ...) expressions of versions 1,
// 3 and 5. Those made SQLite parse the body's JSON three times for every ticket written (the phone;
// the serial, and the serial again for tickets_serial's WHERE), on the group commit's one writer
// thread (docs/benchmarks.md, "Phone and serial as columns").
void AddPhoneAndSerialColumns(Connection& db) {
    db.Exec(R"sql(
ALTER TABLE tickets ADD COLUMN customer_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN product_serial TEXT NOT NULL DEFAULT '';
UPDATE tickets SET customer_phone = COALESCE(json_extract(body, '$.details.customer.phone'), ''),
                   product_serial = COALESCE(json_extract(body, '$.details.product.serial'), '');
DROP INDEX tickets_phone;
DROP INDEX tickets_serial;
DROP INDEX tickets_serial_resolved;
CREATE INDEX tickets_phone ON tickets(customer_phone);
CREATE INDEX tickets_serial ON tickets(product_serial) WHERE product_serial <> '';
CREATE INDEX tickets_serial_resolved ON tickets(product_serial, updated_at)
    WHERE kind = 'repair' AND state IN ('resolved', 'confirmed', 'closed');
)sql");
}

// Versioned migrations, as on PostgreSQL (pg_schema.cpp): schema_migrations records each version
// applied; a later change is a new step at the end of kSteps, run once, never edited after release.
// BEGIN IMMEDIATE holds the write lock, so a command started beside the server (import,
// create-admin) and the server never migrate at once.
void ApplyMigrations(Connection& db) {
    using Step = void (*)(Connection&);
    static constexpr Step kSteps[] = {Baseline, AddStaffLanguage, AddServiceRecordColumns, AddFollowUps,
                                       AddRepeatRepairIndex, AddQueueCounts, AddPhoneAndSerialColumns};
    const int newest = static_cast<int>(std::size(kSteps));
    db.Exec("BEGIN IMMEDIATE");
    try {
        db.Exec("CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
        int at = 0;
        {
            auto row = db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
            if (row.Step()) at = static_cast<int>(row.Int(0));
        }
        if (at > newest)
            throw sqlite::Error(SQLITE_ERROR, "sqlite: the database is at schema version " + std::to_string(at) +
                                                  ", newer than this server knows (" + std::to_string(newest) + ")");
        for (int version = at + 1; version <= newest; ++version) {
            kSteps[version - 1](db);
            auto insert = db.Prepare("INSERT INTO schema_migrations(version, applied_at) VALUES(?, CAST(strftime('%s', 'now') AS INTEGER))");
            insert.Bind(1, version);
            insert.Run();
        }
        db.Exec("COMMIT");
    } catch (...) {
        if (sqlite3_get_autocommit(db.handle()) == 0) db.Exec("ROLLBACK");
        throw;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Row mapping
//-----------------------------------------------------------------------------

// Statements are cached by their text's address (sqlite::Connection::Prepare): literals only.
#define AFTERCARE_SCHEDULE_SELECT                                                                              "SELECT id, serial, customer_name, customer_phone, project_name, contract_number, period, anchor, next_due, "     "active, created_by, created_at FROM followup_schedules"

FollowUpScheduleRecord ScheduleRow(const sqlite::Statement& row) {
    FollowUpScheduleRecord r;
    r.id = row.Int(0);
    r.serial = row.Text(1);
    r.customer_name = row.Text(2);
    r.customer_phone = row.Text(3);
    r.project_name = row.Text(4);
    r.contract_number = row.Text(5);
    r.period = row.Text(6);
    r.anchor = row.Text(7);
    r.next_due = row.Text(8);
    r.active = row.Int(9) != 0;
    r.created_by = row.Text(10);
    r.created_at = row.Int(11);
    return r;
}

using store_json::Dump;

// Rows were written by this code from validated values; a row that does not read back is
// corruption, which surfaces as an exception (a 500 with nothing leaked), never as a half ticket.
core::Ticket ReadTicket(Connection& db, std::int64_t id, const std::string& body_text) {
    Json body = Json::parse(body_text);
    Json timeline = Json::array();
    auto events = db.Prepare("SELECT body FROM events WHERE ticket_id = ? ORDER BY sequence");
    events.Bind(1, id);
    while (events.Step()) timeline.push_back(Json::parse(events.Text(0)));
    body["timeline"] = std::move(timeline);
    auto ticket = api::FromJson<core::Ticket>(body);
    if (!ticket) throw std::runtime_error("stored ticket does not parse: " + ticket.GetError().code);
    return std::move(ticket).Value();
}

// Reads a ticket by a key column. With a cache (reader connections only: their snapshots are
// committed), a known version skips parsing entirely.
std::optional<StoredTicket> LoadTicketWhere(Connection& db, const char* sql, auto key, TicketCache* cache) {
    std::int64_t id = 0, sequence = 0, updated_at = 0;
    {
        auto row = db.Prepare(sql);
        row.Bind(1, key);
        if (!row.Step()) return std::nullopt;
        id = row.Int(0);
        sequence = row.Int(1);
        updated_at = row.Int(2);
    }
    if (cache)
        if (auto hit = cache->Find(id, sequence, updated_at)) return StoredTicket{id, *hit};
    std::string body;
    {
        auto row = db.Prepare("SELECT body FROM tickets WHERE id = ?");
        row.Bind(1, id);
        if (!row.Step()) return std::nullopt;
        body = row.Text(0);
    }
    auto ticket = std::make_shared<const core::Ticket>(ReadTicket(db, id, body));
    if (cache) cache->Put(id, sequence, updated_at, ticket);
    return StoredTicket{id, *ticket};
}

std::optional<StoredTicket> LoadByNumber(Connection& db, const std::string& number, TicketCache* cache = nullptr) {
    return LoadTicketWhere(db, "SELECT id, last_sequence, updated_at FROM tickets WHERE number = ?", number, cache);
}

std::optional<StoredTicket> LoadById(Connection& db, std::int64_t id, TicketCache* cache = nullptr) {
    return LoadTicketWhere(db, "SELECT id, last_sequence, updated_at FROM tickets WHERE id = ?", id, cache);
}

void InsertEvents(Connection& db, std::int64_t ticket_id, const TicketRow& row) {
    auto insert = db.Prepare("INSERT INTO events(ticket_id, sequence, body) VALUES(?, ?, ?)");
    for (const auto& [sequence, body] : row.events) {
        insert.Bind(1, ticket_id).Bind(2, sequence).Bind(3, body);
        insert.Run();
        insert.Reset();
    }
}

std::optional<core::CivilDate> OptDate(const sqlite::Statement& row, int column) {
    if (row.IsNull(column)) return std::nullopt;
    return core::ParseIsoDate(row.Text(column));
}

#define AFTERCARE_STAFF_COLUMNS "id, username, display_name, roles, password_hash, active, created_at, email, phone, language"

StaffRecord ReadStaff(const sqlite::Statement& row) {
    StaffRecord staff;
    staff.id = row.Int(0);
    staff.username = row.Text(1);
    staff.display_name = row.Text(2);
    for (const auto& role : Json::parse(row.Text(3))) staff.roles.push_back(role.get<std::string>());
    staff.password_hash = row.Text(4);
    staff.active = row.Int(5) != 0;
    staff.created_at = row.Int(6);
    staff.email = row.Text(7);
    staff.phone = row.Text(8);
    staff.language = row.Text(9);
    return staff;
}

std::vector<AttachmentRecord> ListAttachmentsOn(Connection& db, std::int64_t ticket_id) {
    std::vector<AttachmentRecord> list;
    auto rows = db.Prepare(
        "SELECT id, file_name, content_type, size, created_at FROM attachments WHERE ticket_id = ? "
        "ORDER BY created_at, id");
    rows.Bind(1, ticket_id);
    while (rows.Step()) {
        AttachmentRecord record;
        record.id = rows.Text(0);
        record.ticket_id = ticket_id;
        record.file_name = rows.Text(1);
        record.content_type = rows.Text(2);
        record.size_bytes = rows.Int(3);
        record.created_at = rows.Int(4);
        list.push_back(std::move(record));
    }
    return list;
}

std::optional<core::Rating> LoadRatingOn(Connection& db, std::int64_t ticket_id) {
    auto row = db.Prepare(
        "SELECT quality, speed, attitude, scope, guarantee, solved, comment FROM ratings WHERE ticket_id = ?");
    row.Bind(1, ticket_id);
    if (!row.Step()) return std::nullopt;
    core::Rating rating;
    rating.quality = static_cast<int>(row.Int(0));
    rating.speed = static_cast<int>(row.Int(1));
    rating.attitude = static_cast<int>(row.Int(2));
    rating.scope = static_cast<int>(row.Int(3));
    rating.guarantee = static_cast<int>(row.Int(4));
    rating.solved = row.Int(5) != 0;
    rating.comment = row.Text(6);
    return rating;
}

// The queue's filters as one fixed WHERE clause: absent filters are bound as NULL (or 0) and switch
// their condition off, so no caller text ever becomes SQL. ?1-?8 are columns of queue_counts too
// (CountQueue); ?9 is the SLA bucket.
#define AFTERCARE_QUEUE_COLUMN_FILTERS                                                                  \
    "(?1 IS NULL OR state = ?1) AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR priority = ?3) "        \
    "AND (?4 IS NULL OR breached = ?4) AND (?5 IS NULL OR assignee = ?5) AND (?6 = 0 OR is_open = 1) "   \
    "AND (?7 = 0 OR assignee = '') AND (?8 IS NULL OR assignee = ?8 OR assignee = '') "
#define AFTERCARE_QUEUE_WHERE                                                                           \
    "WHERE " AFTERCARE_QUEUE_COLUMN_FILTERS                                                             \
    "AND (?9 = 0 OR (?9 = 1 AND breached = 1) OR (?9 = 2 AND breached = 0 AND sort_key <= ?10) "        \
    "OR (?9 = 3 AND breached = 0 AND sort_key > ?10)) "

// The open queue (no state filter) walks the (is_open, sort_key, id) index in order, so a page at
// an offset reads offset + limit index entries and no sort happens.
#define AFTERCARE_OPEN_QUEUE_WHERE                                                                      \
    "WHERE is_open = 1 AND (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR kind = ?2) "                   \
    "AND (?3 IS NULL OR priority = ?3) AND (?4 IS NULL OR breached = ?4) AND (?5 IS NULL OR assignee = ?5) " \
    "AND (?6 = ?6) AND (?7 = 0 OR assignee = '') AND (?8 IS NULL OR assignee = ?8 OR assignee = '') "   \
    "AND (?9 = 0 OR (?9 = 1 AND breached = 1) OR (?9 = 2 AND breached = 0 AND sort_key <= ?10) "        \
    "OR (?9 = 3 AND breached = 0 AND sort_key > ?10)) "

// ?1-?9: the filters queue_counts can answer too (?9, the SLA bucket, as 0 or 1 there).
void BindCountFilters(sqlite::Statement& select, const QueueQuery& query) {
    select.Bind(1, query.state).Bind(2, query.kind).Bind(3, query.priority);
    if (query.breached) select.Bind(4, *query.breached);
    else select.BindNull(4);
    select.Bind(5, query.assignee).Bind(6, query.open_only && !query.state).Bind(7, query.unassigned);
    select.Bind(8, query.visible_to).Bind(9, static_cast<int>(query.sla));
}

// ?1-?10: the ticket rows' filters, with the "due soon" boundary.
void BindQueueFilters(sqlite::Statement& select, const QueueQuery& query) {
    BindCountFilters(select, query);
    select.Bind(10, query.soon_until);
}

// ORDER BY for each QueueOrder, ascending; the id tie-break keeps pages stable. Priority and state
// sort by their meaning (urgent above general, the service flow's order), not alphabetically.
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
    case QueueOrder::Kind: return "kind";
    case QueueOrder::Number: return "number";
    case QueueOrder::Assignee: return "assignee";
    }
    return "sort_key";
}

// The statement cache is keyed by the SQL text's address, so every text must live as long as the
// program: the paged queue's statements are built once, from the fixed fragments above.
const char* PagedQueueSql(QueueOrder order, bool descending, bool open_queue) {
    constexpr int kOrders = static_cast<int>(QueueOrder::Assignee) + 1;
    static const std::vector<std::string> kStatements = [] {
        std::vector<std::string> statements;
        for (int open = 0; open < 2; ++open) {
            for (int i = 0; i < kOrders * 2; ++i) {
                const char* direction = i % 2 ? " DESC" : " ASC";
                std::string sql = open ? "SELECT id, sort_key FROM tickets INDEXED BY tickets_queue " AFTERCARE_OPEN_QUEUE_WHERE
                                       : "SELECT id, sort_key FROM tickets " AFTERCARE_QUEUE_WHERE;
                sql += std::string("ORDER BY ") + OrderExpression(static_cast<QueueOrder>(i / 2)) + direction + ", id" +
                       direction + " LIMIT ?13 OFFSET ?14";
                statements.push_back(std::move(sql));
            }
        }
        return statements;
    }();
    const int index = (open_queue ? kOrders * 2 : 0) + static_cast<int>(order) * 2 + (descending ? 1 : 0);
    return kStatements[static_cast<std::size_t>(index)].c_str();
}

//-----------------------------------------------------------------------------
// [SECTION] Transaction (StoreTx)
//-----------------------------------------------------------------------------

class SqliteTx : public StoreTx {
public:
    explicit SqliteTx(Connection& db) : db_(db) {}

    std::optional<StoredTicket> LoadTicket(const std::string& number) override { return LoadByNumber(db_, number); }
    std::optional<StoredTicket> LoadTicketById(std::int64_t id) override { return LoadById(db_, id); }

    std::optional<std::int64_t> InsertTicket(const std::string& number, const TicketRow& row) override {
        const core::Ticket& ticket = *row.ticket;
        const TicketIndex& index = row.index;
        // A number already taken changes nothing (no row, no trigger), so a create can still be refused
        // before its first write (Store::WriteChecksFirst).
        auto insert = db_.Prepare(
            "INSERT INTO tickets(number, kind, priority, state, assignee, escalation, is_open, sort_key, "
            "next_check_at, breached, first_response_at, resolved_at, last_sequence, created_at, updated_at, body, "
            "ended_at, reopen_count, quality_incident_at, repeat_repair, followup_since, "
            "followup_reached_at, customer_phone, product_serial) "
            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(number) DO NOTHING");
        insert.Bind(1, number)
            .Bind(2, core::ToString(ticket.details.kind))
            .Bind(3, core::ToString(ticket.priority))
            .Bind(4, core::ToString(ticket.state))
            .Bind(5, ticket.assignee)
            .Bind(6, core::ToString(ticket.escalation))
            .Bind(7, index.open)
            .Bind(8, index.sort_key)
            .Bind(9, index.next_check_at)
            .Bind(10, index.breached)
            .Bind(11, index.first_response_at)
            .Bind(12, index.resolved_at)
            .Bind(13, row.last_sequence)
            .Bind(14, ticket.created_at)
            .Bind(15, ticket.updated_at)
            .Bind(16, row.body)
            .Bind(17, index.ended_at)
            .Bind(18, index.reopen_count)
            .Bind(19, index.quality_incident_at)
            .Bind(20, index.repeat_repair)
            .Bind(21, index.followup_since)
            .Bind(22, index.followup_reached_at)
            .Bind(23, ticket.details.customer.phone)
            .Bind(24, ticket.details.product.serial);
        insert.Run();
        if (db_.Changes() == 0) return std::nullopt;
        const std::int64_t id = db_.LastInsertId();
        InsertEvents(db_, id, row);
        return id;
    }

    void UpdateTicket(std::int64_t id, const TicketRow& row) override {
        const core::Ticket& ticket = *row.ticket;
        const TicketIndex& index = row.index;
        auto update = db_.Prepare(
            "UPDATE tickets SET priority = ?, state = ?, assignee = ?, escalation = ?, is_open = ?, sort_key = ?, "
            "next_check_at = ?, breached = ?, first_response_at = ?, resolved_at = ?, last_sequence = ?, "
            "updated_at = ?, body = ?, ended_at = ?, reopen_count = ?, quality_incident_at = ?, repeat_repair = ?, "
            "followup_since = ?, followup_reached_at = ?, customer_phone = ?, product_serial = ? "
            "WHERE id = ?");
        update.Bind(1, core::ToString(ticket.priority))
            .Bind(2, core::ToString(ticket.state))
            .Bind(3, ticket.assignee)
            .Bind(4, core::ToString(ticket.escalation))
            .Bind(5, index.open)
            .Bind(6, index.sort_key)
            .Bind(7, index.next_check_at)
            .Bind(8, index.breached)
            .Bind(9, index.first_response_at)
            .Bind(10, index.resolved_at)
            .Bind(11, row.last_sequence)
            .Bind(12, ticket.updated_at)
            .Bind(13, row.body)
            .Bind(14, index.ended_at)
            .Bind(15, index.reopen_count)
            .Bind(16, index.quality_incident_at)
            .Bind(17, index.repeat_repair)
            .Bind(18, index.followup_since)
            .Bind(19, index.followup_reached_at)
            .Bind(20, ticket.details.customer.phone)
            .Bind(21, ticket.details.product.serial)
            .Bind(22, id);
        update.Run();
        InsertEvents(db_, id, row);
    }

    void InsertToken(const std::string& hash, const TokenRecord& record, std::int64_t now) override {
        auto insert = db_.Prepare(
            "INSERT INTO tokens(hash, kind, ticket_id, staff_id, expires_at, created_at) VALUES(?, ?, ?, ?, ?, ?)");
        insert.BindBlob(1, hash)
            .Bind(2, record.kind == TokenRecord::Kind::Customer ? "customer" : "staff")
            .Bind(5, record.expires_at)
            .Bind(6, now);
        if (record.kind == TokenRecord::Kind::Customer) insert.Bind(3, record.ticket_id).BindNull(4);
        else insert.BindNull(3).Bind(4, record.staff_id);
        insert.Run();
    }

    void DeleteToken(const std::string& hash) override {
        auto remove = db_.Prepare("DELETE FROM tokens WHERE hash = ?");
        remove.BindBlob(1, hash);
        remove.Run();
    }

    int DeleteTicketTokens(std::int64_t ticket_id) override {
        auto remove = db_.Prepare("DELETE FROM tokens WHERE kind = 'customer' AND ticket_id = ?");
        remove.Bind(1, ticket_id);
        remove.Run();
        return db_.Changes();
    }

    std::optional<IdempotencyRecord> FindIdempotency(const std::string& scope, const std::string& key) override {
        auto row = db_.Prepare("SELECT request_hash, ticket_id FROM idempotency WHERE scope = ? AND key = ?");
        row.Bind(1, scope).Bind(2, key);
        if (!row.Step()) return std::nullopt;
        return IdempotencyRecord{row.Blob(0), row.Int(1)};
    }

    void InsertIdempotency(const std::string& scope, const std::string& key, const std::string& request_hash,
                           std::int64_t ticket_id, std::int64_t now) override {
        auto insert = db_.Prepare(
            "INSERT INTO idempotency(scope, key, request_hash, ticket_id, created_at) VALUES(?, ?, ?, ?, ?)");
        insert.Bind(1, scope).Bind(2, key).BindBlob(3, request_hash).Bind(4, ticket_id).Bind(5, now);
        insert.Run();
    }

    int CountAttachments(std::int64_t ticket_id) override {
        auto row = db_.Prepare("SELECT COUNT(*) FROM attachments WHERE ticket_id = ?");
        row.Bind(1, ticket_id);
        row.Step();
        return static_cast<int>(row.Int(0));
    }

    void InsertAttachment(const AttachmentRecord& record) override {
        auto insert = db_.Prepare(
            "INSERT INTO attachments(id, ticket_id, file_name, content_type, size, created_at, data) "
            "VALUES(?, ?, ?, ?, ?, ?, ?)");
        insert.Bind(1, record.id)
            .Bind(2, record.ticket_id)
            .Bind(3, record.file_name)
            .Bind(4, record.content_type)
            .Bind(5, record.size_bytes)
            .Bind(6, record.created_at)
            .BindBlob(7, record.data);
        insert.Run();
    }

    void InsertRating(std::int64_t ticket_id, const core::Rating& rating, bool satisfied, std::int64_t now,
                      core::RatingChannel channel) override {
        auto insert = db_.Prepare(
            "INSERT INTO ratings(ticket_id, quality, speed, attitude, scope, guarantee, solved, comment, satisfied, "
            "created_at, channel) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.Bind(1, ticket_id)
            .Bind(2, rating.quality)
            .Bind(3, rating.speed)
            .Bind(4, rating.attitude)
            .Bind(5, rating.scope)
            .Bind(6, rating.guarantee)
            .Bind(7, rating.solved)
            .Bind(8, rating.comment)
            .Bind(9, satisfied)
            .Bind(10, now)
            .Bind(11, core::ToString(channel));
        insert.Run();
    }

    std::optional<std::int64_t> InsertStaff(const StaffRecord& record, std::int64_t now) override {
        {
            auto exists = db_.Prepare("SELECT 1 FROM staff WHERE username = ?");
            exists.Bind(1, record.username);
            if (exists.Step()) return std::nullopt;
        }
        Json roles = record.roles;
        auto insert = db_.Prepare(
            "INSERT INTO staff(username, display_name, roles, password_hash, created_at, active, email, phone, "
            "language) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.Bind(1, record.username)
            .Bind(2, record.display_name)
            .Bind(3, Dump(roles))
            .Bind(4, record.password_hash)
            .Bind(5, now)
            .Bind(6, record.active)
            .Bind(7, record.email)
            .Bind(8, record.phone)
            .Bind(9, record.language);
        insert.Run();
        return db_.LastInsertId();
    }

    void UpdateStaff(const StaffRecord& record) override {
        Json roles = record.roles;
        auto update = db_.Prepare(
            "UPDATE staff SET display_name = ?, roles = ?, password_hash = ?, active = ?, email = ?, phone = ?, "
            "language = ? WHERE id = ?");
        update.Bind(1, record.display_name)
            .Bind(2, Dump(roles))
            .Bind(3, record.password_hash)
            .Bind(4, record.active)
            .Bind(5, record.email)
            .Bind(6, record.phone)
            .Bind(7, record.language)
            .Bind(8, record.id);
        update.Run();
    }

    void DeleteStaffTokens(std::int64_t staff_id) override {
        auto remove = db_.Prepare("DELETE FROM tokens WHERE kind = 'staff' AND staff_id = ?");
        remove.Bind(1, staff_id);
        remove.Run();
    }

    std::int64_t InsertFollowUpSchedule(const FollowUpScheduleRecord& r) override {
        auto insert = db_.Prepare(
            "INSERT INTO followup_schedules(serial, customer_name, customer_phone, project_name, contract_number, "
            "period, anchor, next_due, active, created_by, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.Bind(1, r.serial).Bind(2, r.customer_name).Bind(3, r.customer_phone).Bind(4, r.project_name)
            .Bind(5, r.contract_number).Bind(6, r.period).Bind(7, r.anchor).Bind(8, r.next_due).Bind(9, r.active)
            .Bind(10, r.created_by).Bind(11, r.created_at);
        insert.Run();
        return db_.LastInsertId();
    }

    std::optional<FollowUpScheduleRecord> LoadFollowUpSchedule(std::int64_t id) override {
        auto select = db_.Prepare(AFTERCARE_SCHEDULE_SELECT " WHERE id = ?");
        select.Bind(1, id);
        if (!select.Step()) return std::nullopt;
        return ScheduleRow(select);
    }

    void SetFollowUpScheduleDue(std::int64_t id, const std::string& next_due) override {
        auto update = db_.Prepare("UPDATE followup_schedules SET next_due = ? WHERE id = ?");
        update.Bind(1, next_due).Bind(2, id);
        update.Run();
    }

    void EndFollowUpSchedule(std::int64_t id) override {
        auto update = db_.Prepare("UPDATE followup_schedules SET active = 0 WHERE id = ?");
        update.Bind(1, id);
        update.Run();
    }

    std::int64_t InsertFollowUpSurvey(const FollowUpSurveyRecord& r) override {
        auto insert = db_.Prepare(
            "INSERT INTO followup_surveys(schedule_id, serial, project_name, contract_number, due_date, surveyed_at, "
            "staff, body) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        insert.Bind(1, r.schedule_id).Bind(2, r.serial).Bind(3, r.project_name).Bind(4, r.contract_number)
            .Bind(5, r.due_date).Bind(6, r.surveyed_at).Bind(7, r.staff).Bind(8, store_json::SurveyBody(r.survey));
        insert.Run();
        return db_.LastInsertId();
    }

    void InsertAudit(const AuditRecord& record) override {
        auto insert = db_.Prepare("INSERT INTO audit_log(at, staff, action, ticket_id, detail) VALUES(?, ?, ?, ?, ?)");
        insert.Bind(1, record.at).Bind(2, record.staff).Bind(3, record.action).Bind(5, record.detail);
        if (record.ticket_id != 0) insert.Bind(4, record.ticket_id);
        else insert.BindNull(4);
        insert.Run();
    }

    void SetMeta(const std::string& key, const std::string& value) override {
        auto upsert = db_.Prepare(
            "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        upsert.Bind(1, key).Bind(2, value);
        upsert.Run();
    }

    RegisterTx& Register() override {
        if (!register_) register_ = MakeSqliteRegisterTx(db_);
        return *register_;
    }

    OutboxTx& Outbox() override {
        if (!outbox_) outbox_ = MakeSqliteOutboxTx(db_);
        return *outbox_;
    }

private:
    Connection& db_;
    std::unique_ptr<RegisterTx> register_;
    std::unique_ptr<OutboxTx> outbox_;
};

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] SqliteStore
//-----------------------------------------------------------------------------

// Returns a reader connection to the pool when a read is done.
namespace {
// The reader connection this thread's reads share while a SharedReader lives (ShareReads).
thread_local const SqliteStore* shared_store = nullptr;
thread_local sqlite::Connection* shared_connection = nullptr;
}  // namespace

// A reader connection for one read: this thread's shared one, or one from the pool.
class SqliteStore::Lease {
public:
    explicit Lease(SqliteStore& store)
        : store_(store),
          shared_(shared_store == &store),
          connection_(shared_ ? *shared_connection : store.Acquire()) {}
    ~Lease() {
        if (!shared_) store_.Release(connection_);
    }
    Connection& operator*() { return connection_; }
    Connection* operator->() { return &connection_; }

private:
    SqliteStore& store_;
    bool shared_;
    Connection& connection_;
};

class SqliteStore::SharedReader final : public SharedReads {
public:
    explicit SharedReader(SqliteStore& store) : store_(store), connection_(store.Acquire()) {
        // Deferred: the read transaction starts with the first read.
        connection_.Prepare("BEGIN").Run();
        shared_store = &store;
        shared_connection = &connection_;
    }
    ~SharedReader() override {
        shared_store = nullptr;
        shared_connection = nullptr;
        try {
            connection_.Prepare("COMMIT").Run();
        } catch (const sqlite::Error&) {
            // A read-only transaction has nothing to lose; the connection is usable either way.
        }
        store_.Release(connection_);
    }

private:
    SqliteStore& store_;
    Connection& connection_;
};

std::unique_ptr<SharedReads> SqliteStore::ShareReads() {
    if (shared_store != nullptr) return nullptr;  // already shared on this thread
    return std::make_unique<SharedReader>(*this);
}

SqliteStore::SqliteStore(const std::string& data_dir, int readers) {
    std::filesystem::create_directories(data_dir);
    path_ = (std::filesystem::path(data_dir) / "aftercare.db").string();
    writer_ = std::make_unique<Connection>(path_);
    writer_->Exec(kPragmas);
    ApplyMigrations(*writer_);
    register_reader_ = MakeSqliteRegisterReader([this](const std::function<void(Connection&)>& read) {
        Lease db(*this);
        read(*db);
    });
    outbox_reader_ = MakeSqliteOutboxReader([this](const std::function<void(Connection&)>& read) {
        Lease db(*this);
        read(*db);
    });
    {
        auto mode = writer_->Prepare("PRAGMA journal_mode");
        if (mode.Step()) journal_mode_ = mode.Text(0);
        auto sync = writer_->Prepare("PRAGMA synchronous");
        if (sync.Step()) synchronous_ = static_cast<int>(sync.Int(0));
    }
    // 2 = FULL. Refuse to run with weaker durability than a 201 promises.
    if (journal_mode_ != "wal" || synchronous_ != 2)
        throw sqlite::Error(SQLITE_ERROR, "sqlite: could not enable WAL with synchronous=FULL");
    for (int i = 0; i < readers; ++i) {
        auto reader = std::make_unique<Connection>(path_);
        reader->Exec("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;");
        idle_.push_back(reader.get());
        readers_.push_back(std::move(reader));
    }
}

SqliteStore::~SqliteStore() = default;

Connection& SqliteStore::Acquire() {
    std::unique_lock lock(pool_mutex_);
    pool_cv_.wait(lock, [this] { return !idle_.empty(); });
    Connection* connection = idle_.back();
    idle_.pop_back();
    return *connection;
}

void SqliteStore::Release(Connection& connection) {
    {
        std::lock_guard lock(pool_mutex_);
        idle_.push_back(&connection);
    }
    pool_cv_.notify_one();
}

void SqliteStore::Write(const std::function<void(StoreTx&)>& work) { WriteInBatch(work, false); }

void SqliteStore::WriteChecksFirst(const std::function<void(StoreTx&)>& work) { WriteInBatch(work, true); }

void SqliteStore::WriteInBatch(const std::function<void(StoreTx&)>& work, bool checks_first) {
    // Group commit: concurrent writers queue up; whoever finds no batch running becomes the leader
    // and runs everything queued in one transaction, each piece inside its own savepoint (a refused
    // piece rolls back alone; WriteChecksFirst's pieces need none). One fsync then acknowledges the
    // whole batch, and nobody returns before the COMMIT that contains their writes is on disk.
    PendingWrite me;
    me.work = &work;
    me.checks_first = checks_first;
    std::unique_lock lock(write_mutex_);
    write_queue_.push_back(&me);
    while (!me.done) {
        if (!leader_active_) {
            leader_active_ = true;
            std::vector<PendingWrite*> batch;
            const std::size_t take = std::min(write_queue_.size(), kMaxBatch);
            batch.assign(write_queue_.begin(), write_queue_.begin() + static_cast<std::ptrdiff_t>(take));
            write_queue_.erase(write_queue_.begin(), write_queue_.begin() + static_cast<std::ptrdiff_t>(take));
            lock.unlock();
            RunBatch(batch);
            lock.lock();
            leader_active_ = false;
            // Only the batch's writers and the next leader are woken: waking every waiter after every
            // commit made each queued writer switch in and out once per batch for nothing.
            for (auto* item : batch) {
                item->done = true;
                item->wake.notify_one();
            }
            if (!write_queue_.empty()) write_queue_.front()->wake.notify_one();
        } else {
            me.wake.wait(lock);
        }
    }
    if (me.error) std::rethrow_exception(me.error);
}

void SqliteStore::RunBatch(const std::vector<PendingWrite*>& batch) {
    Connection& db = *writer_;
    // IMMEDIATE takes the write lock up front, so the reads inside the transaction are the state the
    // writes are based on (no lost update between load and save).
    try {
        db.Prepare("BEGIN IMMEDIATE").Run();
    } catch (...) {
        for (auto* item : batch) item->error = std::current_exception();
        return;
    }
    SqliteTx tx(db);
    // When SQLite aborts the whole transaction itself (disk full, I/O error), the connection is back
    // in autocommit mode: a further SAVEPOINT would start a new transaction that RELEASE commits, so
    // later pieces would be stored while reported as failed. So the batch stops there, and every
    // piece, earlier ones included (they were rolled back with it), fails.
    std::exception_ptr aborted;
    for (auto* item : batch) {
        if (aborted) break;
        const std::int64_t changes_before = sqlite3_total_changes64(db.handle());
        if (!item->checks_first) db.Prepare("SAVEPOINT piece").Run();
        try {
            (*item->work)(tx);
            if (!item->checks_first) db.Prepare("RELEASE piece").Run();
        } catch (...) {
            item->error = std::current_exception();
            if (!item->checks_first) {
                try {
                    db.Prepare("ROLLBACK TO piece").Run();
                    db.Prepare("RELEASE piece").Run();
                } catch (...) {
                    // SQLite may have rolled back the whole transaction itself (e.g. SQLITE_FULL).
                }
            } else if (sqlite3_total_changes64(db.handle()) != changes_before) {
                // Refused after writing (SQLite counted rows changed), with no savepoint to take back
                // only its writes.
                aborted = std::make_exception_ptr(sqlite::Error(SQLITE_ABORT, "sqlite: batch rolled back"));
            }
        }
        if (!aborted && sqlite3_get_autocommit(db.handle()) != 0)
            aborted = item->error ? item->error
                                  : std::make_exception_ptr(sqlite::Error(SQLITE_ABORT, "sqlite: transaction aborted"));
    }
    if (aborted) {
        if (sqlite3_get_autocommit(db.handle()) == 0) {
            try {
                db.Exec("ROLLBACK");
            } catch (...) {
            }
        }
        for (auto* item : batch)
            if (!item->error) item->error = aborted;
        return;
    }
    try {
        db.Prepare("COMMIT").Run();
    } catch (...) {
        auto error = std::current_exception();
        try {
            db.Exec("ROLLBACK");
        } catch (...) {
        }
        for (auto* item : batch)
            if (!item->error) item->error = error;
    }
}

std::optional<std::string> SqliteStore::GetMeta(const std::string& key) {
    Lease db(*this);
    auto row = db->Prepare("SELECT value FROM meta WHERE key = ?");
    row.Bind(1, key);
    if (!row.Step()) return std::nullopt;
    return row.Text(0);
}

// Runs `read` inside one read transaction, so everything it reads is one consistent snapshot:
// its own, or the shared one it is already in (ShareReads).
template <typename Read>
auto Snapshot(Connection& db, Read&& read) {
    if (sqlite3_get_autocommit(db.handle()) == 0) return read();
    db.Prepare("BEGIN").Run();
    try {
        auto result = read();
        db.Prepare("COMMIT").Run();
        return result;
    } catch (...) {
        db.Prepare("ROLLBACK").Run();
        throw;
    }
}

std::optional<StoredTicket> SqliteStore::LoadTicket(const std::string& number) {
    Lease db(*this);
    return Snapshot(*db, [&] { return LoadByNumber(*db, number, &cache_); });
}

std::optional<StoredTicket> SqliteStore::LoadTicketById(std::int64_t id) {
    Lease db(*this);
    return Snapshot(*db, [&] { return LoadById(*db, id, &cache_); });
}

std::optional<TicketBundle> SqliteStore::LoadTicketBundle(std::int64_t id) {
    Lease db(*this);
    return Snapshot(*db, [&]() -> std::optional<TicketBundle> {
        auto stored = LoadById(*db, id, &cache_);
        if (!stored) return std::nullopt;
        return TicketBundle{std::move(*stored), LoadRatingOn(*db, id), ListAttachmentsOn(*db, id)};
    });
}

std::vector<core::TimelineEvent> SqliteStore::LoadEventsAfter(std::int64_t ticket_id, int after) {
    Lease db(*this);
    std::vector<core::TimelineEvent> events;
    auto rows = db->Prepare("SELECT body FROM events WHERE ticket_id = ? AND sequence > ? ORDER BY sequence");
    rows.Bind(1, ticket_id).Bind(2, after);
    while (rows.Step()) {
        auto event = api::FromJson<core::TimelineEvent>(Json::parse(rows.Text(0)));
        if (!event) throw std::runtime_error("stored event does not parse");
        events.push_back(std::move(event).Value());
    }
    return events;
}

std::optional<TokenRecord> SqliteStore::FindToken(const std::string& hash, std::int64_t now) {
    Lease db(*this);
    auto row = db->Prepare(
        "SELECT k.kind, k.ticket_id, k.staff_id, k.expires_at, t.number, t.ended_at FROM tokens k "
        "LEFT JOIN tickets t ON t.id = k.ticket_id WHERE k.hash = ? AND k.expires_at > ?");
    row.BindBlob(1, hash).Bind(2, now);
    if (!row.Step()) return std::nullopt;
    TokenRecord record;
    record.kind = row.Text(0) == "staff" ? TokenRecord::Kind::Staff : TokenRecord::Kind::Customer;
    record.ticket_id = row.Int(1);
    record.staff_id = row.Int(2);
    record.expires_at = row.Int(3);
    record.ticket_number = row.Text(4);
    if (!row.IsNull(5)) record.ticket_ended_at = row.Int(5);
    return record;
}

std::optional<TicketAccess> SqliteStore::FindTicketPhone(const std::string& number) {
    Lease db(*this);
    auto row = db->Prepare(
        "SELECT id, customer_phone, ended_at FROM tickets WHERE number = ?");
    row.Bind(1, number);
    if (!row.Step()) return std::nullopt;
    TicketAccess access{row.Int(0), row.Text(1), std::nullopt};
    if (!row.IsNull(2)) access.ended_at = row.Int(2);
    return access;
}

std::vector<AttachmentRecord> SqliteStore::ListAttachments(std::int64_t ticket_id) {
    Lease db(*this);
    return ListAttachmentsOn(*db, ticket_id);
}

std::optional<AttachmentRecord> SqliteStore::LoadAttachment(std::int64_t ticket_id, const std::string& id) {
    Lease db(*this);
    // Scoped by ticket: an attachment id from another ticket is simply not found.
    auto row = db->Prepare(
        "SELECT file_name, content_type, size, created_at, data FROM attachments WHERE ticket_id = ? AND id = ?");
    row.Bind(1, ticket_id).Bind(2, id);
    if (!row.Step()) return std::nullopt;
    AttachmentRecord record;
    record.id = id;
    record.ticket_id = ticket_id;
    record.file_name = row.Text(0);
    record.content_type = row.Text(1);
    record.size_bytes = row.Int(2);
    record.created_at = row.Int(3);
    record.data = row.Blob(4);
    return record;
}

std::optional<core::Rating> SqliteStore::LoadRating(std::int64_t ticket_id) {
    Lease db(*this);
    return LoadRatingOn(*db, ticket_id);
}

std::optional<StaffRecord> SqliteStore::FindStaff(const std::string& username) {
    Lease db(*this);
    auto row = db->Prepare("SELECT " AFTERCARE_STAFF_COLUMNS " FROM staff WHERE username = ?");
    row.Bind(1, username);
    if (!row.Step()) return std::nullopt;
    return ReadStaff(row);
}

std::optional<StaffRecord> SqliteStore::FindStaffById(std::int64_t id) {
    Lease db(*this);
    auto row = db->Prepare("SELECT " AFTERCARE_STAFF_COLUMNS " FROM staff WHERE id = ?");
    row.Bind(1, id);
    if (!row.Step()) return std::nullopt;
    return ReadStaff(row);
}

std::optional<ProductRecord> SqliteStore::FindProduct(const std::string& serial) {
    Lease db(*this);
    auto row = db->Prepare("SELECT serial, model, purchase_date, replacements FROM products WHERE serial = ?");
    row.Bind(1, serial);
    if (!row.Step()) return std::nullopt;
    ProductRecord product;
    product.serial = row.Text(0);
    product.model = row.Text(1);
    product.purchase_date = OptDate(row, 2);
    auto replacements = api::FromJson<std::vector<core::PartReplacement>>(Json::parse(row.Text(3)));
    if (replacements) product.replacements = std::move(replacements).Value();
    return product;
}

std::optional<OrderRecord> SqliteStore::FindOrder(const std::string& order_number) {
    Lease db(*this);
    auto row = db->Prepare(
        "SELECT order_number, phone, model, serial, purchase_date, delivered_at FROM orders WHERE order_number = ?");
    row.Bind(1, order_number);
    if (!row.Step()) return std::nullopt;
    OrderRecord order;
    order.order_number = row.Text(0);
    order.phone = row.Text(1);
    order.model = row.Text(2);
    order.serial = row.Text(3);
    order.purchase_date = OptDate(row, 4);
    order.delivered_at = row.OptInt(5);
    return order;
}

std::vector<QueueRow> SqliteStore::Queue(const QueueQuery& query) {
    Lease db(*this);
    // The console's table pages by offset, in any allowlisted order, with role scoping and the SLA
    // buckets; the keyset path below stays for the default order with a cursor (and the first page).
    const bool keyset = query.order == QueueOrder::Sla && !query.descending && query.offset == 0 &&
                        query.sla == QueueSla::Any && !query.visible_to && !query.unassigned;
    if (!keyset) {
        std::vector<std::pair<std::int64_t, std::int64_t>> ids;
        return Snapshot(*db, [&] {
            {
                auto select = db->Prepare(PagedQueueSql(query.order, query.descending, query.open_only && !query.state));
                BindQueueFilters(select, query);
                select.Bind(13, query.limit).Bind(14, query.offset);
                while (select.Step()) ids.emplace_back(select.Int(0), select.Int(1));
            }
            std::vector<QueueRow> result;
            result.reserve(ids.size());
            for (const auto& [id, sort_key] : ids) {
                if (auto stored = LoadById(*db, id, &cache_)) result.push_back(QueueRow{id, sort_key, std::move(stored->ticket)});
            }
            return result;
        });
    }
    // Three fixed statements, one per driving index, so the first page at a million tickets reads
    // ~limit index entries instead of sorting the table. Absent secondary filters are bound as NULL
    // and switch their condition off (no SQL assembly), and the (sort_key, id) row-value cursor is
    // an index range, so every page costs the same.
    static constexpr const char* kByState =
        "SELECT id, sort_key, last_sequence, updated_at FROM tickets INDEXED BY tickets_state "
        "WHERE state = ?1 AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR priority = ?3) "
        "AND (?4 IS NULL OR breached = ?4) AND (?5 IS NULL OR assignee = ?5) "
        "AND (sort_key, id) > (?7, ?8) ORDER BY sort_key, id LIMIT ?9";
    static constexpr const char* kByAssignee =
        "SELECT id, sort_key, last_sequence, updated_at FROM tickets INDEXED BY tickets_assignee "
        "WHERE assignee = ?5 AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR priority = ?3) "
        "AND (?4 IS NULL OR breached = ?4) AND (?6 = 0 OR is_open = 1) AND (?1 IS NULL OR state = ?1) "
        "AND (sort_key, id) > (?7, ?8) ORDER BY sort_key, id LIMIT ?9";
    static constexpr const char* kOpen =
        "SELECT id, sort_key, last_sequence, updated_at FROM tickets INDEXED BY tickets_queue "
        "WHERE is_open = 1 AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR priority = ?3) "
        "AND (?4 IS NULL OR breached = ?4) AND (?5 IS NULL OR assignee = ?5) AND (?6 = ?6) "
        "AND (?1 IS NULL OR state = ?1) AND (sort_key, id) > (?7, ?8) ORDER BY sort_key, id LIMIT ?9";
    const char* sql = query.state ? kByState : query.assignee ? kByAssignee : kOpen;
    struct Row {
        std::int64_t id, sort_key, sequence, updated_at;
    };
    return Snapshot(*db, [&] {
        std::vector<Row> rows;
        {
            auto select = db->Prepare(sql);
            select.Bind(1, query.state).Bind(2, query.kind).Bind(3, query.priority);
            if (query.breached) select.Bind(4, *query.breached);
            else select.BindNull(4);
            select.Bind(5, query.assignee).Bind(6, query.open_only && !query.state);
            const auto after = query.after.value_or(std::make_pair(std::numeric_limits<std::int64_t>::min(),
                                                                   std::numeric_limits<std::int64_t>::min()));
            select.Bind(7, after.first).Bind(8, after.second).Bind(9, query.limit);
            while (select.Step()) rows.push_back({select.Int(0), select.Int(1), select.Int(2), select.Int(3)});
        }
        std::vector<QueueRow> result;
        result.reserve(rows.size());
        for (const Row& row : rows) {
            auto stored = LoadById(*db, row.id, &cache_);
            if (stored) result.push_back(QueueRow{row.id, row.sort_key, std::move(stored->ticket)});
        }
        return result;
    });
}

std::int64_t SqliteStore::CountQueue(const QueueQuery& query) {
    Lease db(*this);
    // Every filter but the "due soon" and "on track" buckets (a deadline against the clock) is a
    // column of queue_counts; those two count the tickets themselves, the open queue over its index.
    if (query.sla == QueueSla::Any || query.sla == QueueSla::Breached) {
        auto count = db->Prepare(
            "SELECT COALESCE(SUM(n), 0) FROM queue_counts WHERE " AFTERCARE_QUEUE_COLUMN_FILTERS
            "AND (?9 = 0 OR breached = 1)");
        BindCountFilters(count, query);
        count.Step();
        return count.Int(0);
    }
    auto count = query.open_only && !query.state
                     ? db->Prepare("SELECT COUNT(*) FROM tickets INDEXED BY tickets_queue " AFTERCARE_OPEN_QUEUE_WHERE)
                     : db->Prepare("SELECT COUNT(*) FROM tickets " AFTERCARE_QUEUE_WHERE);
    BindQueueFilters(count, query);
    count.Step();
    return count.Int(0);
}

std::vector<StaffRecord> SqliteStore::ListStaff() {
    Lease db(*this);
    std::vector<StaffRecord> staff;
    auto rows = db->Prepare("SELECT " AFTERCARE_STAFF_COLUMNS " FROM staff ORDER BY username");
    while (rows.Step()) staff.push_back(ReadStaff(rows));
    return staff;
}

std::vector<AuditRecord> SqliteStore::Audit(std::int64_t ticket_id, int limit) {
    Lease db(*this);
    std::vector<AuditRecord> records;
    auto rows = db->Prepare(
        "SELECT a.id, a.at, a.staff, a.action, COALESCE(a.ticket_id, 0), a.detail, "
        "COALESCE(json_extract(t.body, '$.service_number'), '') FROM audit_log a "
        "LEFT JOIN tickets t ON t.id = a.ticket_id WHERE (?1 = 0 OR a.ticket_id = ?1) ORDER BY a.id DESC LIMIT ?2");
    rows.Bind(1, ticket_id).Bind(2, limit);
    while (rows.Step()) {
        AuditRecord record;
        record.id = rows.Int(0);
        record.at = rows.Int(1);
        record.staff = rows.Text(2);
        record.action = rows.Text(3);
        record.ticket_id = rows.Int(4);
        record.detail = rows.Text(5);
        record.service_number = rows.Text(6);
        records.push_back(std::move(record));
    }
    return records;
}

std::vector<RatingRow> SqliteStore::RatingsGivenBetween(std::int64_t from, std::int64_t to) {
    Lease db(*this);
    std::vector<RatingRow> result;
    auto rows = db->Prepare(
        "SELECT r.quality, r.speed, r.attitude, r.scope, r.guarantee, r.solved, r.comment, r.created_at, t.number, "
        "r.channel FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
        "WHERE r.created_at >= ? AND r.created_at < ? ORDER BY r.created_at");
    rows.Bind(1, from).Bind(2, to);
    while (rows.Step()) {
        RatingRow row;
        row.rating.quality = static_cast<int>(rows.Int(0));
        row.rating.speed = static_cast<int>(rows.Int(1));
        row.rating.attitude = static_cast<int>(rows.Int(2));
        row.rating.scope = static_cast<int>(rows.Int(3));
        row.rating.guarantee = static_cast<int>(rows.Int(4));
        row.rating.solved = rows.Int(5) != 0;
        row.rating.comment = rows.Text(6);
        row.at = rows.Int(7);
        row.number = rows.Text(8);
        core::FromString(rows.Text(9), row.channel);
        result.push_back(std::move(row));
    }
    return result;
}

std::vector<StoredTicket> SqliteStore::Complaints(std::int64_t from, std::int64_t to, int limit) {
    Lease db(*this);
    std::vector<std::int64_t> ids;
    {
        auto rows = db->Prepare(
            "SELECT id FROM tickets WHERE kind = 'complaint' AND (is_open = 1 OR (created_at >= ? AND created_at < ?)) "
            "ORDER BY is_open DESC, created_at LIMIT ?");
        rows.Bind(1, from).Bind(2, to).Bind(3, limit);
        while (rows.Step()) ids.push_back(rows.Int(0));
    }
    std::vector<StoredTicket> result;
    for (std::int64_t id : ids) {
        if (auto stored = LoadById(*db, id, &cache_)) result.push_back(std::move(*stored));
    }
    return result;
}

std::vector<std::int64_t> SqliteStore::DueForCheck(std::int64_t now, int limit) {
    Lease db(*this);
    std::vector<std::int64_t> ids;
    auto rows = db->Prepare(
        "SELECT id FROM tickets WHERE next_check_at IS NOT NULL AND next_check_at <= ? ORDER BY next_check_at LIMIT ?");
    rows.Bind(1, now).Bind(2, limit);
    while (rows.Step()) ids.push_back(rows.Int(0));
    return ids;
}

std::vector<StatsRow> SqliteStore::StatsRows(std::int64_t from, std::int64_t to) {
    Lease db(*this);
    std::vector<StatsRow> result;
    auto rows = db->Prepare(
        "SELECT priority, state, kind, breached, escalation, created_at, first_response_at, resolved_at, number, "
        "assignee, reopen_count, quality_incident_at IS NOT NULL, repeat_repair, "
        "COALESCE(json_extract(body, '$.details.channel'), 'web'), "
        "COALESCE(json_extract(body, '$.details.complaint.category'), 'other') FROM tickets "
        "WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id");
    rows.Bind(1, from).Bind(2, to);
    while (rows.Step()) {
        StatsRow row;
        row.priority = rows.Text(0);
        row.state = rows.Text(1);
        row.kind = rows.Text(2);
        row.breached = rows.Int(3) != 0;
        row.escalated = rows.Text(4) != core::ToString(core::EscalationLevel::None);
        row.created_at = rows.Int(5);
        row.first_response_at = rows.OptInt(6);
        row.resolved_at = rows.OptInt(7);
        row.number = rows.Text(8);
        row.assignee = rows.Text(9);
        row.reopen_count = static_cast<int>(rows.Int(10));
        row.quality_incident = rows.Int(11) != 0;
        row.repeat_repair = rows.Int(12) != 0;
        row.channel = rows.Text(13);
        row.complaint_category = rows.Text(14);
        result.push_back(std::move(row));
    }
    return result;
}

std::vector<core::Rating> SqliteStore::Ratings(std::int64_t from, std::int64_t to) {
    Lease db(*this);
    std::vector<core::Rating> result;
    auto rows = db->Prepare(
        "SELECT r.quality, r.speed, r.attitude, r.scope, r.guarantee, r.solved, r.comment FROM ratings r "
        "JOIN tickets t ON t.id = r.ticket_id WHERE t.created_at >= ? AND t.created_at < ?");
    rows.Bind(1, from).Bind(2, to);
    while (rows.Step()) {
        core::Rating rating;
        rating.quality = static_cast<int>(rows.Int(0));
        rating.speed = static_cast<int>(rows.Int(1));
        rating.attitude = static_cast<int>(rows.Int(2));
        rating.scope = static_cast<int>(rows.Int(3));
        rating.guarantee = static_cast<int>(rows.Int(4));
        rating.solved = rows.Int(5) != 0;
        rating.comment = rows.Text(6);
        result.push_back(std::move(rating));
    }
    return result;
}

std::map<std::string, std::int64_t> SqliteStore::CountByState() {
    Lease db(*this);
    std::map<std::string, std::int64_t> counts;
    auto rows = db->Prepare("SELECT state, COUNT(*) FROM tickets GROUP BY state");
    while (rows.Step()) counts[rows.Text(0)] = rows.Int(1);
    return counts;
}

std::int64_t SqliteStore::CountBreachedOpen() {
    Lease db(*this);
    auto row = db->Prepare("SELECT COUNT(*) FROM tickets WHERE is_open = 1 AND breached = 1");
    row.Step();
    return row.Int(0);
}

std::int64_t SqliteStore::CountTickets() {
    Lease db(*this);
    auto row = db->Prepare("SELECT COUNT(*) FROM tickets");
    row.Step();
    return row.Int(0);
}

std::int64_t SqliteStore::StorageBytes() {
    Lease db(*this);
    auto row = db->Prepare(
        "SELECT (p.page_count - f.freelist_count) * s.page_size "
        "FROM pragma_page_count() AS p, pragma_freelist_count() AS f, pragma_page_size() AS s");
    row.Step();
    return row.Int(0);
}

void SqliteStore::Prune(std::int64_t now, std::int64_t idempotency_before) {
    Write([&](StoreTx&) {
        auto tokens = writer_->Prepare("DELETE FROM tokens WHERE expires_at <= ?");
        tokens.Bind(1, now);
        tokens.Run();
        auto keys = writer_->Prepare("DELETE FROM idempotency WHERE created_at < ?");
        keys.Bind(1, idempotency_before);
        keys.Run();
    });
}

bool SqliteStore::Healthy() {
    try {
        Lease db(*this);
        auto row = db->Prepare("SELECT 1");
        return row.Step();
    } catch (const sqlite::Error&) {
        return false;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Follow-ups (回访)
//-----------------------------------------------------------------------------

// The range of the tickets_followup partial index, oldest resolution first: a page reads ~limit
// index entries (plus the skipped agent-scoped ones), never the table.
std::vector<std::pair<std::int64_t, std::int64_t>> SqliteStore::FollowUpsDue(const FollowUpQuery& query) {
    Lease db(*this);
    std::vector<std::pair<std::int64_t, std::int64_t>> ids;
    auto select = db->Prepare(
        "SELECT id, followup_since FROM tickets WHERE followup_since IS NOT NULL AND followup_since <= ?1 "
        "AND (?2 IS NULL OR assignee = ?2 OR assignee = '') ORDER BY followup_since, id LIMIT ?3 OFFSET ?4");
    select.Bind(1, query.resolved_by).Bind(2, query.visible_to).Bind(3, query.limit).Bind(4, query.offset);
    while (select.Step()) ids.emplace_back(select.Int(0), select.Int(1));
    return ids;
}

std::int64_t SqliteStore::CountFollowUpsDue(const FollowUpQuery& query) {
    Lease db(*this);
    auto count = db->Prepare("SELECT COUNT(*) FROM tickets WHERE followup_since IS NOT NULL AND followup_since <= ?1 "
                             "AND (?2 IS NULL OR assignee = ?2 OR assignee = '')");
    count.Bind(1, query.resolved_by).Bind(2, query.visible_to);
    return count.Step() ? count.Int(0) : 0;
}

FollowUpCounts SqliteStore::CountFollowUps(std::int64_t from, std::int64_t to, std::int64_t resolved_by) {
    Lease db(*this);
    auto row = db->Prepare(
        "SELECT COUNT(r.ticket_id), COALESCE(SUM(t.followup_reached_at IS NOT NULL), 0), "
        "COALESCE(SUM(t.followup_reached_at IS NOT NULL OR t.followup_since <= ?3), 0) "
        "FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.created_at >= ?1 AND t.created_at < ?2");
    row.Bind(1, from).Bind(2, to).Bind(3, resolved_by);
    FollowUpCounts counts;
    if (row.Step()) {
        counts.rated = static_cast<int>(row.Int(0));
        counts.reached = static_cast<int>(row.Int(1));
        counts.due = static_cast<int>(row.Int(2));
    }
    return counts;
}


std::vector<FollowUpScheduleRecord> SqliteStore::FollowUpSchedulesDue(const std::string& today, int limit) {
    Lease db(*this);
    auto select = db->Prepare(AFTERCARE_SCHEDULE_SELECT " WHERE active = 1 AND next_due <= ? ORDER BY next_due, id LIMIT ?");
    select.Bind(1, today).Bind(2, limit);
    std::vector<FollowUpScheduleRecord> result;
    while (select.Step()) result.push_back(ScheduleRow(select));
    return result;
}

std::int64_t SqliteStore::CountFollowUpSchedulesDue(const std::string& today) {
    Lease db(*this);
    auto count = db->Prepare("SELECT COUNT(*) FROM followup_schedules WHERE active = 1 AND next_due <= ?");
    count.Bind(1, today);
    return count.Step() ? count.Int(0) : 0;
}

std::vector<FollowUpScheduleRecord> SqliteStore::FollowUpSchedulesFor(const std::string& serial) {
    Lease db(*this);
    auto select = db->Prepare(AFTERCARE_SCHEDULE_SELECT " WHERE serial = ? ORDER BY id DESC LIMIT 100");
    select.Bind(1, serial);
    std::vector<FollowUpScheduleRecord> result;
    while (select.Step()) result.push_back(ScheduleRow(select));
    return result;
}

std::vector<FollowUpSurveyRecord> SqliteStore::FollowUpSurveysFor(const std::string& serial, int limit) {
    Lease db(*this);
    auto select = db->Prepare(
        "SELECT id, schedule_id, serial, project_name, contract_number, due_date, surveyed_at, staff, body "
        "FROM followup_surveys WHERE serial = ? ORDER BY surveyed_at DESC, id DESC LIMIT ?");
    select.Bind(1, serial).Bind(2, limit);
    std::vector<FollowUpSurveyRecord> result;
    while (select.Step()) {
        FollowUpSurveyRecord r;
        r.id = select.Int(0);
        r.schedule_id = select.Int(1);
        r.serial = select.Text(2);
        r.project_name = select.Text(3);
        r.contract_number = select.Text(4);
        r.due_date = select.Text(5);
        r.surveyed_at = select.Int(6);
        r.staff = select.Text(7);
        r.survey = store_json::ParseSurvey(select.Text(8));
        result.push_back(std::move(r));
    }
    return result;
}

}  // namespace aftercare::serve
