// Live updates for long-polling clients: writers bump a ticket's version after commit, waiters
// sleep until their ticket changes (or a timeout), then re-read from the store.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace aftercare::serve {

// In-process only: with several server processes (PostgreSQL scale-out) this would be fed by
// LISTEN/NOTIFY instead; the waiting side stays the same.
class LiveUpdates {
public:
    explicit LiveUpdates(int max_waiters) : max_waiters_(max_waiters) {}

    enum class Outcome {
        Waited,   // changed, or the timeout passed
        Full,     // not waited: too many clients wait already (each holds a thread)
        Stopped,  // not waited, or woken: the server is stopping
    };

    std::uint64_t Version(std::int64_t ticket_id);
    void Notify(std::int64_t ticket_id);

    // Waits until the ticket's version differs from `seen`, the timeout passes, or Shutdown().
    Outcome Wait(std::int64_t ticket_id, std::uint64_t seen, std::chrono::milliseconds timeout);

    // The same for "any ticket changed", which the staff console's queue and boards follow.
    std::uint64_t AnyVersion();
    Outcome WaitAny(std::uint64_t seen, std::chrono::milliseconds timeout);

    // Wakes every waiter; later waits return at once. Called on server stop.
    void Shutdown();

    // /metrics: polls waiting now, the places there are, and the polls refused for want of one.
    void Collect(std::string& out);

private:
    template <class Changed>
    Outcome WaitFor(std::chrono::milliseconds timeout, Changed changed);

    std::mutex mutex_;
    std::condition_variable changed_;
    std::unordered_map<std::int64_t, std::uint64_t> versions_;
    std::uint64_t any_version_ = 0;
    int waiters_ = 0;
    int max_waiters_;
    std::uint64_t refused_ = 0;
    bool shutdown_ = false;
};

}  // namespace aftercare::serve
