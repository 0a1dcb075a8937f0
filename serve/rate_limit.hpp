// Per-client token buckets: lookups, creates and logins are budgeted per client address so that
// guessing service numbers and phone digits, or flooding the store, is impractical.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace aftercare::serve {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    // `per_period` requests per `period`, with a burst of the same size; 0 disables the limiter.
    RateLimiter(int per_period, std::chrono::seconds period);

    // Takes one token for `key`. Returns 0 when allowed, otherwise the seconds until a token is back
    // (for Retry-After). Every attempt is charged, valid or not, so malformed probes cost the same.
    int Take(const std::string& key, Clock::time_point now = Clock::now());

    // Charges without checking (e.g. a failed phone match against one service number).
    void Charge(const std::string& key, Clock::time_point now = Clock::now());
    // Seconds until `key` may try again, 0 if it may now; does not charge.
    int Blocked(const std::string& key, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
    };
    Bucket& Refill(const std::string& key, Clock::time_point now);
    void PruneLocked(Clock::time_point now);

    double capacity_;
    double per_second_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace aftercare::serve
