// Per-client token buckets: lookups, creates and logins are budgeted per client address so that
// guessing service numbers and phone digits, or flooding the store, is impractical.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace aftercare::serve {

// Where buckets live when several instances must share them (PostgreSQL: pg_buckets.cpp). Each
// operation refills and changes one bucket atomically, so concurrent requests through any
// instance are counted exactly once each.
class SharedBuckets {
public:
    enum class Op { Take, Charge, Refund };
    virtual ~SharedBuckets() = default;
    // Refills `key` to at most `capacity` at `per_second`, then: Take removes `cost` only if that
    // many are there; Charge removes one regardless (down to -capacity); Refund adds one. Returns
    // the tokens left; `taken` says whether a Take succeeded.
    virtual double Apply(const std::string& key, double capacity, double per_second, double cost, Op op,
                         bool& taken) = 0;
    // Runs `work` (several Apply calls) as one step for everyone who serializes on `key`, in every
    // instance: decisions over two buckets (GuessBudget) cannot interleave.
    virtual void Serialized(const std::string& key, const std::function<void()>& work) = 0;
};

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

    // From now on the buckets are `buckets`' (keys prefixed with `scope`), not this process's:
    // several instances then share one budget. Called at start, before any request.
    void Share(std::shared_ptr<SharedBuckets> buckets, std::string scope) {
        shared_ = std::move(buckets);
        scope_ = std::move(scope);
    }

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
    std::shared_ptr<SharedBuckets> shared_;
    std::string scope_;
};

}  // namespace aftercare::serve
