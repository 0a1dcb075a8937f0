// Budgets for guessing a secret that belongs to one subject (the phone digits of a service number or
// an order): how many wrong answers may be evaluated, reserved before the answer is checked.
//
// Two budgets, both reserved atomically before the store is asked (so a concurrent burst cannot be
// evaluated more often than the budget allows):
//   * per subject: `per_subject_per_hour` wrong answers an hour across all addresses (5 by default);
//   * per (address, subject): once the subject's budget is spent, each address gets one guess per
//     day at it, and an address that already guessed wrong at it gets none.
// A correct answer gives back what it reserved, so it never costs anything; and because the second
// budget is per address, spending a service number's budget from elsewhere does not lock its owner
// out: the owner's first try from their own address is still evaluated.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "rate_limit.hpp"

namespace aftercare::serve {

class GuessBudget {
public:
    // One guess per address per day at a subject whose hourly budget is spent.
    static constexpr int kLockedGuessesPerAddressPerDay = 1;

    // 0 disables both budgets (benchmarks, some tests).
    explicit GuessBudget(int per_subject_per_hour);

    struct Reservation {
        std::string subject;
        std::string pair;           // client + subject
        bool took_subject = false;  // false: the guess came out of the per-address allowance
    };

    // Reserves one guess at `subject` from `client`. Returns nullopt when neither budget has room,
    // with the seconds until one does in `retry_after`.
    std::optional<Reservation> Reserve(const std::string& subject, const std::string& client, int& retry_after);
    // The answer was right: give back what the reservation took.
    void Correct(const Reservation& reservation);
    // Both budgets in `buckets` (PostgreSQL), shared by every instance. At start only.
    void Share(const std::shared_ptr<SharedBuckets>& buckets) {
        per_subject_.Share(buckets, "guess.subject:");
        per_pair_.Share(buckets, "guess.pair:");
        shared_ = buckets;
    }

private:
    // A reservation reads one budget and then changes the other: it runs as one step per subject
    // (across instances with shared buckets), or a burst could slip a guess between the two.
    void OneAtATime(const std::string& subject, const std::function<void()>& work);

    RateLimiter per_subject_;
    RateLimiter per_pair_;
    std::shared_ptr<SharedBuckets> shared_;
    std::mutex mutex_;
};

}  // namespace aftercare::serve
