// The PostgreSQL write transaction (StoreTx) and the ticket reads it shares with PgStore.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/pg_db.hpp"
#include "store/store.hpp"

namespace aftercare::serve {

// StoreTx over a connection that is inside the write transaction (see PgStore::Write).
std::unique_ptr<StoreTx> MakePgTx(pg::Connection& db);

namespace pg_rows {
// A ticket with its timeline. The events read are bounded by the row's last_sequence, so the two
// statements agree even outside a snapshot (events are append-only).
std::optional<StoredTicket> LoadById(pg::Connection& db, std::int64_t id);
std::optional<StoredTicket> LoadByNumber(pg::Connection& db, const std::string& number);
}  // namespace pg_rows

}  // namespace aftercare::serve
