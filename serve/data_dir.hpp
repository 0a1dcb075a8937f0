// The data directory holds customers' personal data: it and the database files in it are private
// to the server's user (0700 / 0600), made so and checked at every start.
#pragma once

#include <string>

namespace aftercare::serve {

// Creates `dir` if needed, then makes it 0700 and every file in it 0600 (logging a warning for each
// one that was readable by others). False, with `error`, when that cannot be done
// (e.g. the directory belongs to another user): the server then refuses to start.
bool PrepareDataDir(const std::string& dir, std::string& error);

}  // namespace aftercare::serve
