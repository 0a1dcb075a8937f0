// Takes a test's SQLite database back to before a schema version, so that reopening the store runs
// that version's migration on the rows the test wrote. Newest first: going back past a version means
// undoing every later one.
#pragma once

#include "store/sqlite_db.hpp"

namespace aftercare::serve::testing {

// Before version 7: the phone and serial indexed through json_extract on the body, no columns.
inline void UndoPhoneAndSerialColumns(sqlite::Connection& db) {
    db.Exec(R"sql(
DROP INDEX tickets_phone;
DROP INDEX tickets_serial;
DROP INDEX tickets_serial_resolved;
ALTER TABLE tickets DROP COLUMN customer_phone;
ALTER TABLE tickets DROP COLUMN product_serial;
CREATE INDEX tickets_phone ON tickets(json_extract(body, '$.details.customer.phone'));
CREATE INDEX tickets_serial ON tickets(json_extract(body, '$.details.product.serial'))
    WHERE json_extract(body, '$.details.product.serial') <> '';
CREATE INDEX tickets_serial_resolved ON tickets(json_extract(body, '$.details.product.serial'), updated_at)
    WHERE kind = 'repair' AND state IN ('resolved', 'confirmed', 'closed');
DELETE FROM schema_migrations WHERE version = 7;
)sql");
}

// Before version 6: no queue_counts table or triggers.
inline void UndoQueueCounts(sqlite::Connection& db) {
    UndoPhoneAndSerialColumns(db);
    db.Exec("DROP TRIGGER queue_counts_insert; DROP TRIGGER queue_counts_delete; "
            "DROP TRIGGER queue_counts_update; DROP TABLE queue_counts; "
            "DELETE FROM schema_migrations WHERE version = 6;");
}

}  // namespace aftercare::serve::testing
