// LiveUpdates: version counters and a condition variable.
#include "live_updates.hpp"

namespace aftercare::serve {

std::uint64_t LiveUpdates::Version(std::int64_t ticket_id) {
    std::lock_guard lock(mutex_);
    auto it = versions_.find(ticket_id);
    return it == versions_.end() ? 0 : it->second;
}

void LiveUpdates::Notify(std::int64_t ticket_id) {
    {
        std::lock_guard lock(mutex_);
        ++versions_[ticket_id];
        ++any_version_;
    }
    changed_.notify_all();
}

template <class Changed>
LiveUpdates::Outcome LiveUpdates::WaitFor(std::chrono::milliseconds timeout, Changed changed) {
    std::unique_lock lock(mutex_);
    if (shutdown_) return Outcome::Stopped;
    if (waiters_ >= max_waiters_) {
        ++refused_;
        return Outcome::Full;
    }
    ++waiters_;
    changed_.wait_for(lock, timeout, [&] { return shutdown_ || changed(); });
    --waiters_;
    return shutdown_ ? Outcome::Stopped : Outcome::Waited;
}

LiveUpdates::Outcome LiveUpdates::Wait(std::int64_t ticket_id, std::uint64_t seen, std::chrono::milliseconds timeout) {
    return WaitFor(timeout, [&] {
        auto it = versions_.find(ticket_id);
        return (it == versions_.end() ? 0 : it->second) != seen;
    });
}

std::uint64_t LiveUpdates::AnyVersion() {
    std::lock_guard lock(mutex_);
    return any_version_;
}

LiveUpdates::Outcome LiveUpdates::WaitAny(std::uint64_t seen, std::chrono::milliseconds timeout) {
    return WaitFor(timeout, [&] { return any_version_ != seen; });
}

void LiveUpdates::Shutdown() {
    {
        std::lock_guard lock(mutex_);
        shutdown_ = true;
    }
    changed_.notify_all();
}

void LiveUpdates::Collect(std::string& out) {
    std::lock_guard lock(mutex_);
    out += "# HELP aftercare_live_waiters Live-update polls waiting now.\n# TYPE aftercare_live_waiters gauge\n";
    out += "aftercare_live_waiters " + std::to_string(waiters_) + "\n";
    out += "# HELP aftercare_live_waiter_places Polls that may wait at once.\n"
           "# TYPE aftercare_live_waiter_places gauge\n";
    out += "aftercare_live_waiter_places " + std::to_string(max_waiters_) + "\n";
    out += "# HELP aftercare_live_refused_total Polls answered 503 because every place was taken.\n"
           "# TYPE aftercare_live_refused_total counter\n";
    out += "aftercare_live_refused_total " + std::to_string(refused_) + "\n";
}

}  // namespace aftercare::serve
