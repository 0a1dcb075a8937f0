// Live updates for long-polling clients: writers bump a ticket's version after commit, waiters
// sleep until their ticket changes (or a timeout), then re-read from the store.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace aftercare::serve {

// In-process only: with several server processes (PostgreSQL scale-out) this would be fed by
// LISTEN/NOTIFY instead; the waiting side stays the same.
class LiveUpdates {
public:
    explicit LiveUpdates(int max_waiters) : max_waiters_(max_waiters) {}

    std::uint64_t Version(std::int64_t ticket_id);
    void Notify(std::int64_t ticket_id);

    // Waits until the ticket's version differs from `seen`, the timeout passes, or Shutdown().
    // Returns false without waiting when too many clients wait already (each holds a thread).
    bool Wait(std::int64_t ticket_id, std::uint64_t seen, std::chrono::milliseconds timeout);

    // The same for "any ticket changed", which the staff console's queue and boards follow.
    std::uint64_t AnyVersion();
    bool WaitAny(std::uint64_t seen, std::chrono::milliseconds timeout);

    // Wakes every waiter; later waits return at once. Called on server stop.
    void Shutdown();

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::unordered_map<std::int64_t, std::uint64_t> versions_;
    std::uint64_t any_version_ = 0;
    int waiters_ = 0;
    int max_waiters_;
    bool shutdown_ = false;
};

}  // namespace aftercare::serve
