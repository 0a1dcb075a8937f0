// Store selection.
#include "store/open_store.hpp"

#include <algorithm>

#include "config.hpp"
#include "store/pg_store.hpp"
#include "store/sqlite_store.hpp"

namespace aftercare::serve {

namespace {
// PostgreSQL's default max_connections is 100, shared by every instance: a pool as large as the
// handler threads (64) would let two instances exhaust it. Reads are short, so a few connections
// serve many threads; a thread waits for one instead of the server refusing connections.
constexpr int kMaxPgReaders = 8;
}  // namespace

std::unique_ptr<Store> OpenStore(const Config& config, int connections) {
    if (!config.database.empty())
        return std::make_unique<PgStore>(config.database, std::min(connections, kMaxPgReaders));
    return std::make_unique<SqliteStore>(config.data_dir, connections);
}

std::string StoreLocation(const Config& config) {
    if (config.database.empty()) return config.data_dir;
    // postgresql://user:secret@host/db -> postgresql://user@host/db
    std::string shown = config.database;
    const auto scheme = shown.find("://");
    const auto at = shown.find('@');
    if (scheme != std::string::npos && at != std::string::npos) {
        const auto colon = shown.find(':', scheme + 3);
        if (colon != std::string::npos && colon < at) shown.erase(colon, at - colon);
    }
    return shown;
}

}  // namespace aftercare::serve
