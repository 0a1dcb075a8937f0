// SQLite backup and restore; see sqlite_backup.hpp.
#include "store/sqlite_backup.hpp"

#include "store/sqlite_db.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

namespace aftercare::serve {
namespace {

constexpr const char* kDatabaseName = "aftercare.db";  // as SqliteStore names it

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

Handle Open(const std::string& path, int flags, std::string& error) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Handle db(raw);
    if (rc != SQLITE_OK) {
        error = "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
        return nullptr;
    }
    sqlite3_busy_timeout(db.get(), 10000);  // a serving process may hold the write lock briefly
    return db;
}

// The whole database in one step, so the copy is one snapshot: a write committed meanwhile is in
// it entirely or not at all.
bool Copy(sqlite3* from, sqlite3* to, std::string& error) {
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (backup == nullptr) {
        error = std::string("cannot start the copy: ") + sqlite3_errmsg(to);
        return false;
    }
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        error = std::string("the copy failed: ") + sqlite3_errstr(rc);
        return false;
    }
    return true;
}

std::string SingleText(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string text;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
        const unsigned char* value = sqlite3_column_text(stmt, 0);
        if (value) text = reinterpret_cast<const char*>(value);
    }
    sqlite3_finalize(stmt);
    return text;
}

// A database this server wrote (its meta table), intact (integrity_check), and its row counts.
bool Check(sqlite3* db, TableCounts& counts, std::string& error) {
    const std::string integrity = SingleText(db, "PRAGMA integrity_check");
    if (integrity != "ok") {
        error = "integrity check failed: " + (integrity.empty() ? std::string(sqlite3_errmsg(db)) : integrity);
        return false;
    }
    if (SingleText(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'") != "meta") {
        error = "not an Aftercare database (no meta table)";
        return false;
    }
    sqlite3_stmt* tables = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                       -1, &tables, nullptr);
    counts.clear();
    while (sqlite3_step(tables) == SQLITE_ROW) {
        const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(tables, 0));
        // Table names come from the database's own schema, quoted as identifiers.
        std::string quoted = "\"";
        for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        const std::string count = SingleText(db, ("SELECT COUNT(*) FROM " + quoted + "\"").c_str());
        counts.emplace_back(name, std::stoll(count.empty() ? "0" : count));
    }
    sqlite3_finalize(tables);
    return true;
}

bool SyncFile(const std::string& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    const bool ok = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) ::close(fd);
    if (!ok) error = "cannot flush " + path + " to disk";
    return ok;
}

// Copies `from` into a new file `to`: written under a temporary name, checked, made
// self-contained (no -wal beside it), flushed, then renamed, so `to` is complete or absent.
CopyResult CopyInto(sqlite3* from, const std::string& to) {
    CopyResult result;
    const std::string partial = to + ".partial";
    std::filesystem::remove(partial);
    {
        Handle target = Open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, result.error);
        if (!target || !Copy(from, target.get(), result.error)) {
            target.reset();
            std::filesystem::remove(partial);
            return result;
        }
        sqlite3_exec(target.get(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
        if (!Check(target.get(), result.counts, result.error)) {
            target.reset();
            std::filesystem::remove(partial);
            return result;
        }
    }
    if (!SyncFile(partial, result.error)) return result;
    std::error_code renamed;
    std::filesystem::rename(partial, to, renamed);
    if (renamed) {
        result.error = "cannot name the copy " + to + ": " + renamed.message();
        return result;
    }
    result.ok = true;
    return result;
}

}  // namespace

CopyResult BackupSqlite(const std::string& data_dir, const std::string& target) {
    CopyResult result;
    const std::string source = (std::filesystem::path(data_dir) / kDatabaseName).string();
    if (!std::filesystem::exists(source)) {
        result.error = "no database in " + data_dir;
        return result;
    }
    if (std::filesystem::exists(target)) {
        result.error = target + " exists: a backup never overwrites a file";
        return result;
    }
    Handle db = Open(source, SQLITE_OPEN_READONLY, result.error);
    if (!db) return result;
    return CopyInto(db.get(), target);
}

CopyResult RestoreSqlite(const std::string& source, const std::string& data_dir) {
    CopyResult result;
    const std::filesystem::path target = std::filesystem::path(data_dir) / kDatabaseName;
    if (std::filesystem::exists(target)) {
        result.error = data_dir + " already holds a database: restore into an empty data directory, "
                                  "then start the server on it";
        return result;
    }
    if (!std::filesystem::exists(source)) {
        result.error = "no file " + source;
        return result;
    }
    Handle backup = Open(source, SQLITE_OPEN_READONLY, result.error);
    if (!backup) return result;
    TableCounts counts;
    if (!Check(backup.get(), counts, result.error)) {
        result.error = source + ": " + result.error;
        return result;
    }
    std::error_code created;
    std::filesystem::create_directories(data_dir, created);
    if (created) {
        result.error = "cannot create " + data_dir + ": " + created.message();
        return result;
    }
    return CopyInto(backup.get(), target.string());
}

}  // namespace aftercare::serve
