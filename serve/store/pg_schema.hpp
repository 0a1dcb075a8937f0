// The PostgreSQL schema as numbered migrations, applied at start (pg_schema.cpp).
#pragma once

#include "store/pg_db.hpp"

namespace aftercare::serve::pg {

// Brings the database to the newest schema version: every migration not yet recorded in
// schema_migrations runs, in order, in one transaction together with their rows. A transaction-level
// advisory lock makes instances that start together wait for each other, so each step runs once.
// Returns the version the database is at.
int Migrate(Connection& db);

// The advisory lock key every write transaction takes (see PgStore::Write); distinct from the
// migration lock so a migrating instance and a writing one are ordered by the migration's own lock.
inline constexpr std::int64_t kWriteLockKey = 0x41667465'72636172;   // "Aftercar"
inline constexpr std::int64_t kMigrateLockKey = 0x41667465'7273636d; // "Afterscm"
// Held (session-level) by the one instance whose SLA sweeper runs (PgSweeperLease).
inline constexpr std::int64_t kSweeperLockKey = 0x41667465'72737770; // "Afterswp"

}  // namespace aftercare::serve::pg
