// The data commands of aftercare-server: `import` (a CSV or JSON Lines file into the register)
// and `create-api-key`. Both open only the store, so they run beside a serving process.
#pragma once

#include "config.hpp"

namespace aftercare::serve {

// Exit status: 0 written (or clean on --dry-run), 1 rows refused and nothing written, 2 could not run.
int RunImportCommand(const CliResult& cli);

// Prints the new key once; exit 0, or 2 on bad input.
int RunCreateApiKeyCommand(const CliResult& cli);

} // namespace aftercare::serve
