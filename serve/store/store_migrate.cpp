// SQLite -> PostgreSQL copy. Both schemas are brought to their newest version first (opening each
// store migrates it), so the tables and columns correspond one to one (pg_schema.cpp mirrors
// sqlite_store.cpp). Values keep their SQLite storage class: integers and text go as text
// parameters, BLOBs (token and key hashes, attachment bytes) as binary bytea.
#include "store/store_migrate.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>

#include "store/pg_db.hpp"
#include "store/pg_schema.hpp"
#include "store/pg_store.hpp"
#include "store/sqlite_store.hpp"

namespace aftercare::serve {
namespace {

// Parents before children (tickets before events, attachments, ratings). schema_migrations is not
// copied: each database records its own.
constexpr const char* kTables[] = {"meta",        "staff",   "tickets",    "events",   "tokens",
                                   "idempotency", "attachments", "ratings", "audit_log", "products",
                                   "orders",      "api_keys", "outbox", "email_unsubscribes", "webhook_endpoints",
                                   "followup_schedules", "followup_surveys"};
// Tables whose id PostgreSQL generates: their sequences continue after the copied ids.
constexpr const char* kIdentityTables[] = {"tickets", "staff", "audit_log", "api_keys", "outbox", "webhook_endpoints",
                                           "followup_schedules", "followup_surveys"};

struct SqliteRead {
    sqlite3_stmt* stmt = nullptr;
    ~SqliteRead() { sqlite3_finalize(stmt); }
};

std::vector<std::string> PgColumns(pg::Connection& db, const std::string& table) {
    auto rows = db.Run("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                       "AND table_name = $1 ORDER BY ordinal_position",
                       pg::Params().Add(table));
    std::vector<std::string> columns;
    for (int i = 0; i < rows.Rows(); ++i) columns.push_back(rows.Text(i, 0));
    return columns;
}

// Rows go in multi-row INSERTs: one round trip and one parse per batch instead of per row, which
// is what makes a 1M-ticket database (5.9M timeline events) copy in ~3 minutes. A batch ends at
// kBatchRows rows, at PostgreSQL's limit of 65,535 parameters, or after ~8 MiB of values
// (attachments are up to 10 MiB each), whichever comes first.
constexpr int kBatchRows = 1000;
constexpr int kMaxParams = 65535;
constexpr std::size_t kBatchBytes = 8u << 20;

std::string InsertSql(const std::string& table, const std::string& list, std::size_t columns, int rows) {
    std::string sql = "INSERT INTO " + table + "(" + list + ") VALUES";
    int parameter = 0;
    for (int r = 0; r < rows; ++r) {
        sql += r ? ",(" : "(";
        for (std::size_t c = 0; c < columns; ++c) sql += (c ? ",$" : "$") + std::to_string(++parameter);
        sql += ")";
    }
    return sql;
}

std::int64_t CopyTable(sqlite3* source, pg::Connection& target, const std::string& table) {
    const auto columns = PgColumns(target, table);
    if (columns.empty()) throw std::runtime_error("the PostgreSQL schema has no table " + table);
    std::string list;
    for (std::size_t i = 0; i < columns.size(); ++i) list += (i ? ", " : "") + columns[i];
    SqliteRead read;
    const std::string select = "SELECT " + list + " FROM " + table;
    if (sqlite3_prepare_v2(source, select.c_str(), -1, &read.stmt, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(source) + " (" + table + ")");
    const int batch_rows = std::max(1, std::min(kBatchRows, kMaxParams / static_cast<int>(columns.size())));
    const std::string full_batch = InsertSql(table, list, columns.size(), batch_rows);
    std::int64_t copied = 0;
    pg::Params params;
    int rows = 0;
    std::size_t bytes = 0;
    const auto flush = [&] {
        if (rows == 0) return;
        target.RunUncached(rows == batch_rows ? full_batch : InsertSql(table, list, columns.size(), rows), params);
        copied += rows;
        params = pg::Params();
        rows = 0;
        bytes = 0;
    };
    for (int rc; (rc = sqlite3_step(read.stmt)) != SQLITE_DONE;) {
        if (rc != SQLITE_ROW) throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(source));
        for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
            switch (sqlite3_column_type(read.stmt, c)) {
            case SQLITE_NULL: params.AddNull(); break;
            case SQLITE_INTEGER: params.Add(static_cast<std::int64_t>(sqlite3_column_int64(read.stmt, c))); break;
            case SQLITE_BLOB: {
                const auto* data = static_cast<const char*>(sqlite3_column_blob(read.stmt, c));
                const auto size = static_cast<std::size_t>(sqlite3_column_bytes(read.stmt, c));
                params.AddBytes(std::string_view(data ? data : "", size));
                bytes += size;
                break;
            }
            default: {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(read.stmt, c));
                const auto size = static_cast<std::size_t>(sqlite3_column_bytes(read.stmt, c));
                params.Add(std::string_view(text ? text : "", size));
                bytes += size;
            }
            }
        }
        if (++rows == batch_rows || bytes >= kBatchBytes) flush();
    }
    flush();
    return copied;
}

std::int64_t Count(sqlite3* db, const std::string& table) {
    SqliteRead read;
    const std::string sql = "SELECT COUNT(*) FROM " + table;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &read.stmt, nullptr) != SQLITE_OK || sqlite3_step(read.stmt) != SQLITE_ROW)
        throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db));
    return sqlite3_column_int64(read.stmt, 0);
}

}  // namespace

CopyResult MigrateSqliteToPostgres(const std::string& data_dir, const std::string& conninfo) {
    CopyResult result;
    const auto file = std::filesystem::path(data_dir) / "aftercare.db";
    if (!std::filesystem::exists(file)) {
        result.error = "no database in " + data_dir + " (expected " + file.string() + ")";
        return result;
    }
    try {
        // Opening each store brings its schema to the newest version.
        { SqliteStore upgrade(data_dir, 1); }
        { PgStore upgrade(conninfo, 1); }

        sqlite3* source = nullptr;
        if (sqlite3_open_v2(file.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            result.error = "cannot open " + file.string();
            sqlite3_close(source);
            return result;
        }
        struct Close {
            sqlite3* db;
            ~Close() { sqlite3_close(db); }
        } close{source};
        sqlite3_busy_timeout(source, 10000);
        // One read transaction: the copy is one snapshot even if a server still writes the file.
        sqlite3_exec(source, "BEGIN", nullptr, nullptr, nullptr);

        pg::Connection target(conninfo);
        target.Exec("BEGIN");
        // The write lock of every instance: nothing writes the target while it is filled.
        target.Run("SELECT pg_advisory_xact_lock($1)", pg::Params().Add(pg::kWriteLockKey));
        for (const char* table : kTables) {
            if (target.RunUncached(std::string("SELECT COUNT(*) FROM ") + table).Int(0, 0) != 0) {
                target.Exec("ROLLBACK");
                result.error = std::string("the PostgreSQL database is not empty (table ") + table +
                               " has rows); migrate only into a new database";
                return result;
            }
        }
        for (const char* table : kTables) {
            const std::int64_t copied = CopyTable(source, target, table);
            const std::int64_t expected = Count(source, table);
            const std::int64_t stored = target.RunUncached(std::string("SELECT COUNT(*) FROM ") + table).Int(0, 0);
            if (copied != expected || stored != expected) {
                target.Exec("ROLLBACK");
                result.error = std::string("count mismatch in ") + table + ": SQLite " + std::to_string(expected) +
                               ", copied " + std::to_string(copied) + ", PostgreSQL " + std::to_string(stored) +
                               "; nothing was committed";
                return result;
            }
            result.counts.emplace_back(table, stored);
        }
        for (const char* table : kIdentityTables)
            target.RunUncached(std::string("SELECT setval(pg_get_serial_sequence('") + table + "', 'id'), " +
                               "COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)");
        target.Exec("COMMIT");
        std::sort(result.counts.begin(), result.counts.end());
        result.ok = true;
    } catch (const std::exception& e) {
        result.counts.clear();
        result.error = e.what();
    }
    return result;
}

}  // namespace aftercare::serve
