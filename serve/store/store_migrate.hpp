// `aftercare-server migrate --from sqlite:DIR --to postgresql://...`: moves a SQLite data
// directory's whole database into an empty PostgreSQL database, in one transaction, and verifies
// every table's row count before committing.
#pragma once

#include <string>

#include "store/sqlite_backup.hpp"  // CopyResult

namespace aftercare::serve {

CopyResult MigrateSqliteToPostgres(const std::string& data_dir, const std::string& conninfo);

}  // namespace aftercare::serve
