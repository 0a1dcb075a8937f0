// The sweeper lease: pg_try_advisory_lock on a dedicated session, re-tried every pass.
#include "pg_sweeper_lease.hpp"

#include "log.hpp"
#include "store/pg_schema.hpp"

namespace aftercare::serve {

bool PgSweeperLease::Held() {
    try {
        if (!session_) session_ = std::make_unique<pg::Connection>(conninfo_);
        if (held_) {
            // Held as long as the session lives; a cheap round trip proves it does.
            session_->Run("SELECT 1");
            return true;
        }
        if (!session_->EnsureOpen()) return false;
        held_ = session_->Run("SELECT pg_try_advisory_lock($1)", pg::Params().Add(pg::kSweeperLockKey)).Text(0, 0) == "t";
        if (held_) LogEvent("info", "this instance runs the SLA sweeper (it holds the sweeper lease)");
        return held_;
    } catch (const pg::Error& e) {
        // The session is gone, and the lock with it: another instance may take over meanwhile.
        if (held_) LogEvent("warn", "the sweeper lease was lost with its database session", e.what());
        held_ = false;
        return false;
    }
}

}  // namespace aftercare::serve
