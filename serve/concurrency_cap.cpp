// ConcurrencyCap and PeakGauge: a mutex and a condition variable each, nothing clever.
#include "concurrency_cap.hpp"

#include <algorithm>

namespace aftercare::serve {

std::optional<ConcurrencyCap::Slot> ConcurrencyCap::TryEnter(std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    if (!freed_.wait_for(lock, wait, [this] { return inside_ < limit_; })) return std::nullopt;
    ++inside_;
    return Slot(*this);
}

int ConcurrencyCap::inside() const {
    std::lock_guard lock(mutex_);
    return inside_;
}

void ConcurrencyCap::Leave() {
    {
        std::lock_guard lock(mutex_);
        --inside_;
    }
    freed_.notify_one();
}

int PeakGauge::now() const {
    std::lock_guard lock(mutex_);
    return now_;
}

int PeakGauge::peak() const {
    std::lock_guard lock(mutex_);
    return peak_;
}

void PeakGauge::Enter() {
    std::lock_guard lock(mutex_);
    peak_ = std::max(peak_, ++now_);
}

void PeakGauge::Leave() {
    std::lock_guard lock(mutex_);
    --now_;
}

}  // namespace aftercare::serve
