// Token-bucket rate limiter keyed by client (and, for lookups, by service number).
#include "rate_limit.hpp"

#include <algorithm>
#include <cmath>

namespace aftercare::serve {
namespace {
// Bounded memory: beyond this many tracked keys, buckets that have refilled completely are dropped
// (forgetting them loses nothing: a full bucket is the same as a new one).
constexpr std::size_t kPruneThreshold = 100000;
}  // namespace

RateLimiter::RateLimiter(int per_period, std::chrono::seconds period)
    : capacity_(per_period), per_second_(per_period > 0 ? per_period / static_cast<double>(period.count()) : 0) {}

RateLimiter::Bucket& RateLimiter::Refill(const std::string& key, Clock::time_point now) {
    if (buckets_.size() > kPruneThreshold) PruneLocked(now);
    auto [it, inserted] = buckets_.try_emplace(key, Bucket{capacity_, now});
    Bucket& bucket = it->second;
    if (!inserted) {
        const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
        bucket.tokens = std::min(capacity_, bucket.tokens + std::max(0.0, elapsed) * per_second_);
        bucket.updated = now;
    }
    return bucket;
}

void RateLimiter::PruneLocked(Clock::time_point now) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
        const double elapsed = std::chrono::duration<double>(now - it->second.updated).count();
        if (it->second.tokens + elapsed * per_second_ >= capacity_) it = buckets_.erase(it);
        else ++it;
    }
}

int RateLimiter::Take(const std::string& key, Clock::time_point now) {
    if (capacity_ <= 0) return 0;
    std::lock_guard lock(mutex_);
    Bucket& bucket = Refill(key, now);
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / per_second_)));
}

void RateLimiter::Charge(const std::string& key, Clock::time_point now) {
    if (capacity_ <= 0) return;
    std::lock_guard lock(mutex_);
    Bucket& bucket = Refill(key, now);
    bucket.tokens = std::max(-capacity_, bucket.tokens - 1.0);
}

int RateLimiter::Blocked(const std::string& key, Clock::time_point now) {
    if (capacity_ <= 0) return 0;
    std::lock_guard lock(mutex_);
    Bucket& bucket = Refill(key, now);
    if (bucket.tokens >= 1.0) return 0;
    return std::max(1, static_cast<int>(std::ceil((1.0 - bucket.tokens) / per_second_)));
}

}  // namespace aftercare::serve
