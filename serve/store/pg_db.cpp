// libpq connection, parameters and results.
#include "store/pg_db.hpp"

#include <poll.h>

#include <charconv>
#include <cstdio>

namespace aftercare::serve::pg {

Params& Params::Text(std::string text) {
    lengths_.push_back(0);
    formats_.push_back(0);
    values_.emplace_back(std::move(text));
    return *this;
}

Params& Params::Add(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    return Text(text);
}

Params& Params::AddBytes(std::string_view bytes) {
    lengths_.push_back(static_cast<int>(bytes.size()));
    formats_.push_back(1);
    values_.emplace_back(std::string(bytes));
    return *this;
}

Params& Params::AddNull() {
    lengths_.push_back(0);
    formats_.push_back(0);
    values_.emplace_back(std::nullopt);
    return *this;
}

std::vector<const char*> Params::values() const {
    std::vector<const char*> pointers;
    pointers.reserve(values_.size());
    for (const auto& value : values_) pointers.push_back(value ? value->data() : nullptr);
    return pointers;
}

std::int64_t Result::Affected() const {
    const char* text = PQcmdTuples(result_);
    std::int64_t value = 0;
    std::from_chars(text, text + std::char_traits<char>::length(text), value);
    return value;
}

std::int64_t Result::Int(int row, int column) const {
    const char* text = PQgetvalue(result_, row, column);
    const int length = PQgetlength(result_, row, column);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text, text + length, value);
    if (ec != std::errc() || end != text + length) throw std::runtime_error("pg: not an integer column");
    return value;
}

std::string Result::Text(int row, int column) const {
    return std::string(PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::string Result::Bytes(int row, int column) const {
    std::size_t length = 0;
    unsigned char* data =
        PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row, column)), &length);
    if (data == nullptr) throw std::runtime_error("pg: bytea does not decode");
    std::string bytes(reinterpret_cast<const char*>(data), length);
    PQfreemem(data);
    return bytes;
}

Connection::Connection(const std::string& conninfo) : conninfo_(conninfo) {
    conn_ = PQconnectdb(conninfo_.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) Fail("cannot connect", nullptr);
    // NOTICEs ("relation already exists, skipping") are not for the operator's terminal.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
}

Connection::~Connection() { PQfinish(conn_); }

void Connection::Fail(const char* what, PGresult* result) {
    std::string state;
    if (result != nullptr)
        if (const char* code = PQresultErrorField(result, PG_DIAG_SQLSTATE)) state = code;
    std::string message = std::string("postgresql: ") + what + ": " +
                          (result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    PQclear(result);
    // Class 08 is "connection exception"; a dead socket often reports no SQLSTATE at all.
    const bool lost = PQstatus(conn_) != CONNECTION_OK || state.rfind("08", 0) == 0 || state == "57P01";
    lost_ = lost_ || lost;
    throw Error(message, state, lost);
}

bool Connection::EnsureOpen() {
    // An idle session has nothing to say. One the server ended while it sat in the pool (a restart,
    // pg_terminate_backend) has sent its farewell and closed: anything readable means start afresh,
    // so the request reconnects instead of failing on it.
    pollfd socket{PQsocket(conn_), POLLIN, 0};
    const bool farewell = ::poll(&socket, 1, 0) != 0;
    if (!lost_ && !farewell && PQstatus(conn_) == CONNECTION_OK) return true;
    // The server restarted or the network dropped: prepared statements died with the session.
    lost_ = false;
    prepared_.clear();
    PQreset(conn_);
    return PQstatus(conn_) == CONNECTION_OK;
}

bool Connection::InTransaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

void Connection::Exec(const char* sql) {
    PGresult* result = PQexec(conn_, sql);
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) Fail("statement failed", result);
    PQclear(result);
}

Result Connection::Run(const char* sql, const Params& params) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
        std::string name = "s" + std::to_string(prepared_.size());
        PGresult* prepared = PQprepare(conn_, name.c_str(), sql, 0, nullptr);
        if (PQresultStatus(prepared) != PGRES_COMMAND_OK) Fail("prepare failed", prepared);
        PQclear(prepared);
        it = prepared_.emplace(sql, std::move(name)).first;
    }
    const auto values = params.values();
    PGresult* result = PQexecPrepared(conn_, it->second.c_str(), params.count(), values.data(), params.lengths(),
                                      params.formats(), 0);
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) Fail("statement failed", result);
    return Result(result);
}

Result Connection::RunUncached(const std::string& sql, const Params& params) {
    const auto values = params.values();
    PGresult* result = PQexecParams(conn_, sql.c_str(), params.count(), nullptr, values.data(), params.lengths(),
                                    params.formats(), 0);
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) Fail("statement failed", result);
    return Result(result);
}

}  // namespace aftercare::serve::pg
