// Per-client token buckets: lookups, creates and logins are budgeted per client address so that
// guessing service numbers and phone digits, or flooding the store, is impractical.
#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace aftercare::serve {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    // How many keys one limiter remembers. Beyond that the least recently used key is forgotten in
    // O(1) (a key untouched for longest has most likely refilled, and forgetting a full bucket loses
    // nothing), so memory and the time under the lock stay bounded however many addresses call.
    static constexpr std::size_t kDefaultMaxKeys = 100000;

    // `per_period` tokens per `period`, with a burst of the same size; 0 disables the limiter.
    RateLimiter(long long per_period, std::chrono::seconds period, std::size_t max_keys = kDefaultMaxKeys);

    // Takes `cost` tokens for `key`. Returns 0 when allowed, otherwise the seconds until enough are
    // back (for Retry-After). Every attempt is charged, valid or not, so malformed probes cost the same.
    int Take(const std::string& key, double cost = 1.0, Clock::time_point now = Clock::now());

    // Charges one token without checking (it may go negative, down to minus the burst).
    void Charge(const std::string& key, Clock::time_point now = Clock::now());
    // Gives back one token taken or charged earlier (a guess that turned out right).
    void Refund(const std::string& key, Clock::time_point now = Clock::now());

    std::size_t TrackedKeys();

private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
        std::list<std::string>::iterator recency;  // position in recency_ (front: most recent)
    };
    Bucket& Refill(const std::string& key, Clock::time_point now);

    double capacity_;
    double per_second_;
    std::size_t max_keys_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
    std::list<std::string> recency_;
};

}  // namespace aftercare::serve
