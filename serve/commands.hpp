// The data commands of aftercare-server: `import` (a CSV or JSON Lines file into the register),
// `create-api-key` and `backup` open only the store, so they run beside a serving process;
// `restore` writes a new data directory.
#pragma once

#include "config.hpp"

namespace aftercare::serve {

// Exit status: 0 written (or clean on --dry-run), 1 rows refused and nothing written, 2 could not run.
int RunImportCommand(const CliResult& cli);

// Prints the new key once; exit 0, or 2 on bad input.
int RunCreateApiKeyCommand(const CliResult& cli);

// backup / restore of the SQLite store (store/sqlite_backup.hpp); print the copy's row counts.
// Exit 0 copied and checked, 2 not (nothing is left under the target's name).
int RunBackupCommand(const CliResult& cli);
int RunRestoreCommand(const CliResult& cli);
int RunMigrateCommand(const CliResult& cli);

} // namespace aftercare::serve
