// One statement per bucket operation: INSERT a new bucket or, under the row's lock, refill the
// existing one by the time since its last use (the database's clock, one for all instances) and
// apply the operation. `taken` records whether a Take found enough, for RETURNING.
#include "store/pg_buckets.hpp"

#include <cstdlib>

namespace aftercare::serve {
namespace {

#define AFTERCARE_NOW_MS "(EXTRACT(EPOCH FROM now()) * 1000)::bigint"
#define AFTERCARE_REFILLED \
    "LEAST($2::float8, b.tokens + GREATEST(0, " AFTERCARE_NOW_MS " - b.updated_ms) * $3::float8 / 1000.0)"

// $1 key, $2 capacity, $3 tokens per second, $4 cost, $5 op (0 take, 1 charge, 2 refund).
constexpr const char* kApply =
    "INSERT INTO rate_buckets AS b(key, tokens, updated_ms, taken) VALUES($1, "
    "CASE $5::int WHEN 0 THEN CASE WHEN $2::float8 >= $4::float8 THEN $2::float8 - $4::float8 ELSE $2::float8 END "
    "WHEN 1 THEN $2::float8 - 1 ELSE $2::float8 END, " AFTERCARE_NOW_MS ", ($5::int <> 0 OR $2::float8 >= $4::float8)) "
    "ON CONFLICT(key) DO UPDATE SET tokens = CASE $5::int "
    "WHEN 0 THEN CASE WHEN " AFTERCARE_REFILLED " >= $4::float8 THEN " AFTERCARE_REFILLED " - $4::float8 "
    "ELSE " AFTERCARE_REFILLED " END "
    "WHEN 1 THEN GREATEST(-$2::float8, " AFTERCARE_REFILLED " - 1) "
    "ELSE LEAST($2::float8, " AFTERCARE_REFILLED " + 1) END, "
    "updated_ms = " AFTERCARE_NOW_MS ", taken = ($5::int <> 0 OR " AFTERCARE_REFILLED " >= $4::float8) "
    "RETURNING tokens, taken";

// The connection of the Serialized step running on this thread, if any.
thread_local pg::Connection* t_serialized = nullptr;

double ApplyOn(pg::Connection& db, const std::string& key, double capacity, double per_second, double cost, int code,
               bool& taken) {
    auto row = db.Run(kApply, pg::Params().Add(key).Add(capacity).Add(per_second).Add(cost).Add(code));
    taken = row.Text(0, 1) == "t";
    return std::strtod(row.Text(0, 0).c_str(), nullptr);
}

}  // namespace

double PgBuckets::Apply(const std::string& key, double capacity, double per_second, double cost, Op op, bool& taken) {
    const int code = op == Op::Take ? 0 : op == Op::Charge ? 1 : 2;
    if (t_serialized != nullptr) return ApplyOn(*t_serialized, key, capacity, per_second, cost, code, taken);
    return store_.WithReader(
        [&](pg::Connection& db) { return ApplyOn(db, key, capacity, per_second, cost, code, taken); });
}

void PgBuckets::Serialized(const std::string& key, const std::function<void()>& work) {
    store_.WithReader([&](pg::Connection& db) {
        db.Exec("BEGIN");
        // The two-int4 form: a key space apart from the bigint keys of pg_schema.hpp.
        db.Run("SELECT pg_advisory_xact_lock(7, hashtext($1))", pg::Params().Add(key));
        t_serialized = &db;
        try {
            work();
        } catch (...) {
            t_serialized = nullptr;
            throw;  // the pool rolls the transaction back (PgStore::Release)
        }
        t_serialized = nullptr;
        db.Exec("COMMIT");
        return 0;
    });
}

}  // namespace aftercare::serve
