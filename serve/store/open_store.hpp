// Picks the store a configuration names: PostgreSQL with --database, else SQLite in --data-dir.
#pragma once

#include <memory>
#include <string>

#include "store/store.hpp"

namespace aftercare::serve {

struct Config;

// Opens (and migrates) the store. `connections`: SQLite reader connections, or at most that many
// pooled PostgreSQL connections. Throws (sqlite::Error, pg::Error) when it cannot.
std::unique_ptr<Store> OpenStore(const Config& config, int connections);

// Where the data lives, for messages: the data directory, or the database URL without a password.
std::string StoreLocation(const Config& config);

}  // namespace aftercare::serve
