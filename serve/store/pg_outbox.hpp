// PostgreSQL implementation of the outbox interfaces (store/outbox.hpp), used by PgStore.
#pragma once

#include <memory>

#include "store/outbox.hpp"
#include "store/pg_register.hpp"  // PgWithReader

namespace aftercare::serve {

std::unique_ptr<OutboxTx> MakePgOutboxTx(pg::Connection& db);
std::unique_ptr<OutboxReader> MakePgOutboxReader(PgWithReader with_reader);

}  // namespace aftercare::serve
