// Token-bucket rate limiter keyed by client (and, for guesses, by service number), bounded by LRU.
#include "rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace aftercare::serve {

RateLimiter::RateLimiter(long long per_period, std::chrono::seconds period, std::size_t max_keys)
    : capacity_(static_cast<double>(per_period)),
      per_second_(per_period > 0 ? static_cast<double>(per_period) / static_cast<double>(period.count()) : 0),
      max_keys_(std::max<std::size_t>(1, max_keys)) {}

RateLimiter::Bucket& RateLimiter::Refill(const std::string& key, Clock::time_point now) {
    auto it = buckets_.find(key);
    if (it == buckets_.end()) {
        if (buckets_.size() >= max_keys_) {
            buckets_.erase(recency_.back());
            recency_.pop_back();
        }
        recency_.push_front(key);
        return buckets_.emplace(key, Bucket{capacity_, now, recency_.begin()}).first->second;
    }
    Bucket& bucket = it->second;
    recency_.splice(recency_.begin(), recency_, bucket.recency);
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(capacity_, bucket.tokens + std::max(0.0, elapsed) * per_second_);
    bucket.updated = now;
    return bucket;
}

int RateLimiter::Take(const std::string& key, double cost, Clock::time_point now) {
    if (capacity_ <= 0) return 0;
    double tokens = 0;
    if (shared_) {
        bool taken = false;
        tokens = shared_->Apply(scope_ + key, capacity_, per_second_, cost, SharedBuckets::Op::Take, taken);
        if (taken) return 0;
    } else {
        std::lock_guard lock(mutex_);
        Bucket& bucket = Refill(key, now);
        if (bucket.tokens >= cost) {
            bucket.tokens -= cost;
            return 0;
        }
        tokens = bucket.tokens;
    }
    // A cost above the burst can never be met; the wait then is for a full bucket.
    const double missing = std::min(cost, capacity_) - tokens;
    return std::max(1, static_cast<int>(std::ceil(missing / per_second_)));
}

void RateLimiter::Charge(const std::string& key, Clock::time_point now) {
    if (capacity_ <= 0) return;
    if (shared_) {
        bool taken = false;
        shared_->Apply(scope_ + key, capacity_, per_second_, 1.0, SharedBuckets::Op::Charge, taken);
        return;
    }
    std::lock_guard lock(mutex_);
    Bucket& bucket = Refill(key, now);
    bucket.tokens = std::max(-capacity_, bucket.tokens - 1.0);
}

void RateLimiter::Refund(const std::string& key, Clock::time_point now) {
    if (capacity_ <= 0) return;
    if (shared_) {
        bool taken = false;
        shared_->Apply(scope_ + key, capacity_, per_second_, 1.0, SharedBuckets::Op::Refund, taken);
        return;
    }
    std::lock_guard lock(mutex_);
    Bucket& bucket = Refill(key, now);
    bucket.tokens = std::min(capacity_, bucket.tokens + 1.0);
}

std::size_t RateLimiter::TrackedKeys() {
    std::lock_guard lock(mutex_);
    return buckets_.size();
}

}  // namespace aftercare::serve
