// Exactly one SLA sweeper among the instances on one PostgreSQL database: the sweeper runs a pass
// only while its instance holds a session-level advisory lock on a session of its own. When the
// holder dies (kill -9, a lost network), PostgreSQL ends its session and with it the lock, and the
// next instance to try takes it over at its next pass (--sweep-interval).
#pragma once

#include <memory>
#include <string>

#include "store/pg_db.hpp"

namespace aftercare::serve {

class PgSweeperLease {
public:
    explicit PgSweeperLease(std::string conninfo) : conninfo_(std::move(conninfo)) {}

    // Called by the sweeper thread before each pass. True while this instance holds the lease.
    bool Held();

private:
    std::string conninfo_;
    std::unique_ptr<pg::Connection> session_;
    bool held_ = false;
};

}  // namespace aftercare::serve
