// Live updates for long-polling clients: writers bump a ticket's version after commit; a poll with
// nothing new is parked (a callback, not a thread) until its ticket changes or its deadline passes,
// and the server then runs the request again to read the news from the store.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

namespace aftercare::serve {

using SteadyTime = std::chrono::steady_clock::time_point;

// Thrown by a service whose poll has nothing new yet (LiveUpdates::Park). The server catches it,
// suspends the request and runs the handler again on wake-up; by then the deadline may have passed,
// and the handler answers with what there is.
struct ParkRequest {
    std::int64_t key;    // ticket id, or LiveUpdates::kAnyTicket
    std::uint64_t seen;  // the version the request has read
    SteadyTime deadline;
};

// The waiting side is in-process. With several instances on PostgreSQL, PgLiveRelay passes every
// local Notify on to the other instances (NOTIFY) and feeds theirs in here (NotifyFromPeer).
class LiveUpdates {
public:
    static constexpr std::int64_t kAnyTicket = -1;  // "any ticket changed": the staff console's feed

    explicit LiveUpdates(int max_waiters);
    ~LiveUpdates();

    struct Waiter;
    // A parked poll, as Suspend left it; empty once it has been woken.
    using ParkedPoll = std::weak_ptr<Waiter>;

    enum class Outcome {
        Parked,   // the callback runs once: on a change, at the deadline, or on Shutdown
        Full,     // not parked: every place is taken (answer 503 with Retry-After)
        Stopped,  // not parked: the server is stopping
    };

    std::uint64_t Version(std::int64_t ticket_id);
    std::uint64_t AnyVersion();
    // Bumps the ticket's and the any-ticket version and wakes the polls that follow either; then
    // hands the change to the relay, if one is set.
    void Notify(std::int64_t ticket_id);
    // A change another instance made: wakes like Notify, relays nothing.
    void NotifyFromPeer(std::int64_t ticket_id);
    // After a gap in the feed from other instances (its connection was lost and is back): every
    // parked poll runs again and reads the store; one with nothing new parks again.
    void WakeAll();
    // Set once at start, before any request: passes local changes on (PgLiveRelay). Must not throw.
    void SetRelay(std::function<void(std::int64_t)> relay) { relay_ = std::move(relay); }

    // For services: throws ParkRequest{key, seen, deadline}. Never returns.
    [[noreturn]] static void Park(std::int64_t key, std::uint64_t seen, SteadyTime deadline) {
        throw ParkRequest{key, seen, deadline};
    }

    // For the server: runs `wake` (on the notifying thread or the timer thread, never under a lock)
    // once the key's version differs from `seen`, the deadline passes, or Shutdown(). When the version
    // already differs, `wake` runs before Suspend returns. `parked` (optional) names the poll for Abandon.
    Outcome Suspend(const ParkRequest& park, std::function<void()> wake, ParkedPoll* parked = nullptr);

    // The client of a parked poll went away: its place is free at once and `wake` never runs (it is
    // dropped, and with it the request). Nothing happens when the poll was woken already.
    void Abandon(const ParkedPoll& parked);

    // Wakes every parked poll; later Suspend calls return Stopped. Called on server stop.
    void Shutdown();

    // /metrics: polls waiting now, the places there are, the polls refused for want of one and those
    // whose client hung up while waiting.
    void Collect(std::string& out);

private:
    using WaiterPtr = std::shared_ptr<Waiter>;
    std::uint64_t VersionLocked(std::int64_t key) const;
    void Remove(const WaiterPtr& waiter);  // under mutex_
    void TimerLoop();

    std::mutex mutex_;
    std::condition_variable timer_wake_;
    std::unordered_map<std::int64_t, std::uint64_t> versions_;
    std::uint64_t any_version_ = 0;
    std::uint64_t epoch_ = 0;  // added to every version (WakeAll)
    std::unordered_multimap<std::int64_t, WaiterPtr> by_key_;
    std::multimap<SteadyTime, WaiterPtr> by_deadline_;
    int max_waiters_;
    std::uint64_t refused_ = 0;
    std::uint64_t abandoned_ = 0;
    bool shutdown_ = false;
    std::function<void(std::int64_t)> relay_;
    std::thread timer_;  // last: it starts after everything it reads exists
};

}  // namespace aftercare::serve
