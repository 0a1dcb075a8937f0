// Thin RAII over the SQLite C API: connections, cached prepared statements, bound parameters only.
// There is deliberately no way to run SQL assembled from request data.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace aftercare::serve::sqlite {

struct Error : std::runtime_error {
    int code;
    Error(int code_in, const std::string& message) : std::runtime_error(message), code(code_in) {}
};

class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    // Leaves the cached statement reset and unbound for the next user.
    ~Statement();

    Statement& Bind(int index, std::int64_t value);
    Statement& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
    Statement& Bind(int index, bool value) { return Bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& Bind(int index, std::string_view text);
    Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
    Statement& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
    Statement& BindBlob(int index, std::string_view bytes);
    Statement& BindNull(int index);
    template <typename T>
    Statement& Bind(int index, const std::optional<T>& value) {
        return value ? Bind(index, *value) : BindNull(index);
    }

    // True while a row is available.
    bool Step();
    // Runs to completion; for statements without result rows.
    void Run();
    // Makes the statement ready for new bindings (needed before re-binding in a loop).
    void Reset() { sqlite3_reset(stmt_); }

    std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
    bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::optional<std::int64_t> OptInt(int column) const {
        return IsNull(column) ? std::nullopt : std::optional<std::int64_t>(Int(column));
    }
    std::string Text(int column) const;
    std::string Blob(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_;
};

class Connection {
public:
    explicit Connection(const std::string& path);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs fixed SQL text (schema, pragmas, BEGIN/COMMIT): never request data.
    void Exec(const char* sql);
    // Statements are cached by their SQL text, which is always a string literal in this code base.
    Statement Prepare(const char* sql);
    std::int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
    int Changes() const { return sqlite3_changes(db_); }
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::unordered_map<const char*, sqlite3_stmt*> cache_;
};

}  // namespace aftercare::serve::sqlite
