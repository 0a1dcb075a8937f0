// SQLite implementation of the register interfaces (store/register.hpp), used by SqliteStore.
#pragma once

#include <functional>
#include <memory>

#include "store/register.hpp"
#include "store/sqlite_db.hpp"

namespace aftercare::serve {

// Tables and indexes of the register and the integration keys (idempotent).
void ApplyRegisterSchema(sqlite::Connection& db);

// Writes through the transaction's connection.
std::unique_ptr<RegisterTx> MakeSqliteRegisterTx(sqlite::Connection& db);

// Reads through a pooled connection that `with_reader` lends for the duration of the call.
using WithReader = std::function<void(const std::function<void(sqlite::Connection&)>&)>;
std::unique_ptr<RegisterReader> MakeSqliteRegisterReader(WithReader with_reader);

} // namespace aftercare::serve
