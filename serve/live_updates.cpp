// LiveUpdates: version counters, parked polls indexed by ticket and by deadline, and one timer thread
// that wakes the polls whose deadline has passed.
#include "live_updates.hpp"

#include <vector>

namespace aftercare::serve {

struct LiveUpdates::Waiter {
    std::int64_t key;
    std::function<void()> wake;
    std::multimap<SteadyTime, WaiterPtr>::iterator timed;
};

LiveUpdates::LiveUpdates(int max_waiters) : max_waiters_(max_waiters), timer_([this] { TimerLoop(); }) {}

LiveUpdates::~LiveUpdates() {
    Shutdown();
    if (timer_.joinable()) timer_.join();
}

std::uint64_t LiveUpdates::VersionLocked(std::int64_t key) const {
    // epoch_ moves every version at once (WakeAll), even of tickets nobody notified yet.
    if (key == kAnyTicket) return any_version_ + epoch_;
    auto it = versions_.find(key);
    return (it == versions_.end() ? 0 : it->second) + epoch_;
}

std::uint64_t LiveUpdates::Version(std::int64_t ticket_id) {
    std::lock_guard lock(mutex_);
    return VersionLocked(ticket_id);
}

std::uint64_t LiveUpdates::AnyVersion() {
    std::lock_guard lock(mutex_);
    return any_version_ + epoch_;
}

void LiveUpdates::Remove(const WaiterPtr& waiter) {
    by_deadline_.erase(waiter->timed);
    auto [first, last] = by_key_.equal_range(waiter->key);
    for (auto it = first; it != last; ++it) {
        if (it->second == waiter) {
            by_key_.erase(it);
            break;
        }
    }
}

void LiveUpdates::Notify(std::int64_t ticket_id) {
    NotifyFromPeer(ticket_id);
    if (relay_) relay_(ticket_id);
}

void LiveUpdates::WakeAll() {
    std::vector<std::function<void()>> woken;
    {
        std::lock_guard lock(mutex_);
        // Every version moves, so a poll between its read and Suspend does not park on old news.
        ++epoch_;
        for (auto& [key, waiter] : by_key_) woken.push_back(std::move(waiter->wake));
        by_key_.clear();
        by_deadline_.clear();
    }
    for (auto& wake : woken) wake();
}

void LiveUpdates::NotifyFromPeer(std::int64_t ticket_id) {
    std::vector<std::function<void()>> woken;
    {
        std::lock_guard lock(mutex_);
        ++versions_[ticket_id];
        ++any_version_;
        for (const std::int64_t key : {ticket_id, kAnyTicket}) {
            auto [first, last] = by_key_.equal_range(key);
            for (auto it = first; it != last; ++it) {
                woken.push_back(std::move(it->second->wake));
                by_deadline_.erase(it->second->timed);
            }
            by_key_.erase(first, last);
        }
    }
    for (auto& wake : woken) wake();
}

LiveUpdates::Outcome LiveUpdates::Suspend(const ParkRequest& park, std::function<void()> wake, ParkedPoll* parked) {
    {
        std::lock_guard lock(mutex_);
        if (shutdown_) return Outcome::Stopped;
        if (static_cast<int>(by_key_.size()) >= max_waiters_) {
            ++refused_;
            return Outcome::Full;
        }
        if (VersionLocked(park.key) == park.seen) {
            auto waiter = std::make_shared<Waiter>(Waiter{park.key, std::move(wake), {}});
            const bool earliest = by_deadline_.empty() || park.deadline < by_deadline_.begin()->first;
            waiter->timed = by_deadline_.emplace(park.deadline, waiter);
            by_key_.emplace(park.key, waiter);
            if (parked) *parked = waiter;
            if (earliest) timer_wake_.notify_one();
            return Outcome::Parked;
        }
    }
    // Changed between the request's read and now: run it again at once.
    wake();
    return Outcome::Parked;
}

void LiveUpdates::Abandon(const ParkedPoll& parked) {
    std::function<void()> dropped;  // destroyed outside the lock: it may hold the last of a request
    {
        std::lock_guard lock(mutex_);
        // Registered waiters are owned by the maps alone: one that can still be locked is parked.
        WaiterPtr waiter = parked.lock();
        if (!waiter) return;
        Remove(waiter);
        dropped = std::move(waiter->wake);
        ++abandoned_;
    }
}

void LiveUpdates::TimerLoop() {
    std::unique_lock lock(mutex_);
    while (!shutdown_) {
        if (by_deadline_.empty()) {
            timer_wake_.wait(lock);
            continue;
        }
        const SteadyTime next = by_deadline_.begin()->first;
        if (std::chrono::steady_clock::now() < next) {
            timer_wake_.wait_until(lock, next);
            continue;
        }
        std::vector<std::function<void()>> due;
        const SteadyTime now = std::chrono::steady_clock::now();
        while (!by_deadline_.empty() && by_deadline_.begin()->first <= now) {
            WaiterPtr waiter = by_deadline_.begin()->second;
            Remove(waiter);
            due.push_back(std::move(waiter->wake));
        }
        lock.unlock();
        for (auto& wake : due) wake();
        lock.lock();
    }
}

void LiveUpdates::Shutdown() {
    std::vector<std::function<void()>> woken;
    {
        std::lock_guard lock(mutex_);
        if (shutdown_) return;
        shutdown_ = true;
        for (auto& [deadline, waiter] : by_deadline_) woken.push_back(std::move(waiter->wake));
        by_deadline_.clear();
        by_key_.clear();
    }
    timer_wake_.notify_all();
    for (auto& wake : woken) wake();
}

void LiveUpdates::Collect(std::string& out) {
    std::lock_guard lock(mutex_);
    out += "# HELP aftercare_live_waiters Live-update polls waiting now.\n# TYPE aftercare_live_waiters gauge\n";
    out += "aftercare_live_waiters " + std::to_string(by_key_.size()) + "\n";
    out += "# HELP aftercare_live_waiter_places Polls that may wait at once.\n"
           "# TYPE aftercare_live_waiter_places gauge\n";
    out += "aftercare_live_waiter_places " + std::to_string(max_waiters_) + "\n";
    out += "# HELP aftercare_live_refused_total Polls answered 503 because every place was taken.\n"
           "# TYPE aftercare_live_refused_total counter\n";
    out += "aftercare_live_refused_total " + std::to_string(refused_) + "\n";
    out += "# HELP aftercare_live_abandoned_total Polls given up while waiting: their client hung up.\n"
           "# TYPE aftercare_live_abandoned_total counter\n";
    out += "aftercare_live_abandoned_total " + std::to_string(abandoned_) + "\n";
}

}  // namespace aftercare::serve
