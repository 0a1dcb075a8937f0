// SQLite implementation of the outbox interfaces (store/outbox.hpp), used by SqliteStore.
#pragma once

#include <memory>

#include "store/outbox.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_register.hpp"  // WithReader

namespace aftercare::serve {

// The outbox and webhook tables (idempotent: a migration step run at every open).
void ApplyOutboxSchema(sqlite::Connection& db);

std::unique_ptr<OutboxTx> MakeSqliteOutboxTx(sqlite::Connection& db);
std::unique_ptr<OutboxReader> MakeSqliteOutboxReader(WithReader with_reader);

}  // namespace aftercare::serve
