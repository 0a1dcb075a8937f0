// Backup and restore of the embedded SQLite store, as one self-contained database file.
// A backup is taken with SQLite's online backup API from a live data directory: the copy is one
// consistent snapshot (a single read transaction), taken beside a serving process without stopping
// it, and is checked (integrity_check) before it is given its name. Restoring writes such a file
// into a data directory that holds no database yet; the server is then started on that directory.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace aftercare::serve {

// Rows per table of a database, in table-name order: what an operator compares after a copy.
using TableCounts = std::vector<std::pair<std::string, std::int64_t>>;

struct CopyResult {
    bool ok = false;
    std::string error;  // what went wrong, for the operator
    TableCounts counts; // of the copy just written
};

// Copies `data_dir`'s database to `target`, which must not exist (a backup never overwrites).
CopyResult BackupSqlite(const std::string& data_dir, const std::string& target);

// Copies the backup `source` into `data_dir`, which must hold no database yet.
CopyResult RestoreSqlite(const std::string& source, const std::string& data_dir);

}  // namespace aftercare::serve
