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

bool LiveUpdates::Wait(std::int64_t ticket_id, std::uint64_t seen, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (shutdown_ || waiters_ >= max_waiters_) return false;
    ++waiters_;
    changed_.wait_for(lock, timeout, [&] {
        if (shutdown_) return true;
        auto it = versions_.find(ticket_id);
        return (it == versions_.end() ? 0 : it->second) != seen;
    });
    --waiters_;
    return true;
}

std::uint64_t LiveUpdates::AnyVersion() {
    std::lock_guard lock(mutex_);
    return any_version_;
}

bool LiveUpdates::WaitAny(std::uint64_t seen, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (shutdown_ || waiters_ >= max_waiters_) return false;
    ++waiters_;
    changed_.wait_for(lock, timeout, [&] { return shutdown_ || any_version_ != seen; });
    --waiters_;
    return true;
}

void LiveUpdates::Shutdown() {
    {
        std::lock_guard lock(mutex_);
        shutdown_ = true;
    }
    changed_.notify_all();
}

}  // namespace aftercare::serve
