// Thin RAII over libpq: a connection with prepared statements cached by their SQL text, parameters
// bound separately (never spliced into SQL), results read as text. Like sqlite_db.hpp there is
// deliberately no way to run SQL assembled from request data.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aftercare::serve::pg {

struct Error : std::runtime_error {
    std::string sqlstate;       // "23505" unique violation, ...; empty when the server said nothing
    bool connection_lost;       // the connection is gone: the request answers 503 and the next one reconnects
    Error(const std::string& message, std::string state, bool lost)
        : std::runtime_error(message), sqlstate(std::move(state)), connection_lost(lost) {}
};

// Parameters of one statement, $1.. in order. Text format throughout, except bytea (binary), so no
// escaping ever happens on our side.
class Params {
public:
    Params& Add(std::int64_t value) { return Text(std::to_string(value)); }
    Params& Add(int value) { return Add(static_cast<std::int64_t>(value)); }
    Params& Add(bool value) { return Add(static_cast<std::int64_t>(value ? 1 : 0)); }
    Params& Add(double value);  // every digit (%.17g)
    Params& Add(std::string_view text) { return Text(std::string(text)); }
    Params& Add(const char* text) { return Text(text); }
    Params& Add(const std::string& text) { return Text(text); }
    Params& AddBytes(std::string_view bytes);
    Params& AddNull();
    template <typename T>
    Params& Add(const std::optional<T>& value) {
        return value ? Add(*value) : AddNull();
    }

    int count() const { return static_cast<int>(values_.size()); }
    std::vector<const char*> values() const;
    const int* lengths() const { return lengths_.data(); }
    const int* formats() const { return formats_.data(); }

private:
    Params& Text(std::string text);
    std::vector<std::optional<std::string>> values_;
    std::vector<int> lengths_;
    std::vector<int> formats_;
};

class Result {
public:
    explicit Result(PGresult* result) : result_(result) {}
    Result(Result&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    ~Result() { PQclear(result_); }

    int Rows() const { return PQntuples(result_); }
    bool Empty() const { return Rows() == 0; }
    // Rows an INSERT/UPDATE/DELETE touched.
    std::int64_t Affected() const;
    bool IsNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
    std::int64_t Int(int row, int column) const;
    std::optional<std::int64_t> OptInt(int row, int column) const {
        return IsNull(row, column) ? std::nullopt : std::optional<std::int64_t>(Int(row, column));
    }
    std::string Text(int row, int column) const;
    std::string Bytes(int row, int column) const;  // a bytea column

private:
    PGresult* result_;
};

class Connection {
public:
    // Connects (throws Error when it cannot). `conninfo` is a postgresql:// URL or key=value pairs.
    explicit Connection(const std::string& conninfo);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Fixed SQL text only (schema, BEGIN/COMMIT, SET): never request data. May hold several statements.
    void Exec(const char* sql);
    // A statement with parameters. Prepared once per connection and cached by the text's address,
    // which is always a string literal (or a static string) in this code base.
    Result Run(const char* sql, const Params& params = Params());
    // A statement whose text is built at run time from this schema's own table and column names
    // (the SQLite -> PostgreSQL copy); never cached, never from request data.
    Result RunUncached(const std::string& sql, const Params& params = Params());
    // True when the connection is usable; reconnects once when it was lost (or ended while idle).
    // Only between statements: an idle session with anything to read is taken for ended.
    bool EnsureOpen();
    bool InTransaction() const;
    // The libpq handle, for LISTEN's socket wait (PgLiveRelay).
    PGconn* handle() const { return conn_; }

private:
    [[noreturn]] void Fail(const char* what, PGresult* result);
    std::string conninfo_;
    PGconn* conn_ = nullptr;
    std::unordered_map<const char*, std::string> prepared_;
    // The session was found dead (terminated, or the socket closed): libpq may still call it OK
    // until it reads the end of the stream, so the next use reconnects on this word alone.
    bool lost_ = false;
};

}  // namespace aftercare::serve::pg
