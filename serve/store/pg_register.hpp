// PostgreSQL implementation of the register interfaces (store/register.hpp), used by PgStore.
#pragma once

#include <functional>
#include <memory>

#include "store/pg_db.hpp"
#include "store/register.hpp"

namespace aftercare::serve {

std::unique_ptr<RegisterTx> MakePgRegisterTx(pg::Connection& db);

// Reads through a pooled connection that `with_reader` lends for the duration of the call.
using PgWithReader = std::function<void(const std::function<void(pg::Connection&)>&)>;
std::unique_ptr<RegisterReader> MakePgRegisterReader(PgWithReader with_reader);

}  // namespace aftercare::serve
