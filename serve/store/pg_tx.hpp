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
// The columns of followup_schedules that ScheduleRow reads. A macro, so statements stay literals
// (the connection caches prepared statements by their text's address).
#define AFTERCARE_PG_SCHEDULE_SELECT                                                                       \
    "SELECT id, serial, customer_name, customer_phone, project_name, contract_number, period, anchor, next_due, " \
    "active, created_by, created_at FROM followup_schedules"
FollowUpScheduleRecord ScheduleRow(const pg::Result& rows, int i);
}  // namespace pg_rows

}  // namespace aftercare::serve
