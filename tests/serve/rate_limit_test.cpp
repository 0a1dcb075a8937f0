// RateLimiter and GuessBudget in-process: budgets, refunds, and memory bounded by LRU (finding 15).
#include <catch2/catch.hpp>

#include "rate_limit.hpp"
#include "services/guess_budget.hpp"

using aftercare::serve::GuessBudget;
using aftercare::serve::RateLimiter;

TEST_CASE("rate limiter: a burst, then a wait — a refund gives one back", "[rate]") {
    RateLimiter limiter(3, std::chrono::seconds(60));
    const auto t0 = RateLimiter::Clock::now();
    for (int i = 0; i < 3; ++i) CHECK(limiter.Take("a", 1.0, t0) == 0);
    CHECK(limiter.Take("a", 1.0, t0) == 20);  // one token every 20 s
    limiter.Refund("a", t0);
    CHECK(limiter.Take("a", 1.0, t0) == 0);
    CHECK(limiter.Take("a", 1.0, t0 + std::chrono::seconds(20)) == 0);
    CHECK(limiter.Take("b", 1.0, t0) == 0);  // keys are independent
}

TEST_CASE("rate limiter: weighted takes, and a cost above the burst waits for a full bucket", "[rate]") {
    RateLimiter bytes(1000, std::chrono::seconds(1000));
    const auto t0 = RateLimiter::Clock::now();
    CHECK(bytes.Take("a", 600, t0) == 0);
    CHECK(bytes.Take("a", 600, t0) == 200);
    CHECK(bytes.Take("b", 5000, t0) == 1);  // never fits; the wait is for capacity only
}

TEST_CASE("rate limiter: remembers at most max_keys, forgetting the least recently used", "[rate][security]") {
    RateLimiter limiter(1, std::chrono::seconds(3600), /*max_keys=*/3);
    const auto t0 = RateLimiter::Clock::now();
    CHECK(limiter.Take("a", 1.0, t0) == 0);
    CHECK(limiter.Take("b", 1.0, t0) == 0);
    CHECK(limiter.Take("c", 1.0, t0) == 0);
    CHECK(limiter.Take("a", 1.0, t0) > 0);  // touches a: b is now the oldest
    CHECK(limiter.Take("d", 1.0, t0) == 0);  // evicts b
    CHECK(limiter.TrackedKeys() == 3);
    CHECK(limiter.Take("a", 1.0, t0) > 0);  // a was kept, still empty
    CHECK(limiter.Take("b", 1.0, t0) == 0);  // b was forgotten: a fresh bucket

    // 250,000 distinct addresses: the default bound holds.
    RateLimiter many(10, std::chrono::seconds(60));
    for (int i = 0; i < 250000; ++i) many.Take("10.0." + std::to_string(i), 1.0, t0);
    CHECK(many.TrackedKeys() == RateLimiter::kDefaultMaxKeys);
}

TEST_CASE("guess budget: reserved before checking, refunded when right, one guess per address after", "[rate][security]") {
    GuessBudget budget(2);
    int wait = 0;
    auto first = budget.Reserve("SR1", "10.0.0.1", wait);
    auto second = budget.Reserve("SR1", "10.0.0.1", wait);
    REQUIRE(first);
    REQUIRE(second);
    CHECK_FALSE(budget.Reserve("SR1", "10.0.0.1", wait));  // spent, and this address already guessed
    CHECK(wait > 0);
    auto owner = budget.Reserve("SR1", "10.0.0.2", wait);  // another address: one guess
    REQUIRE(owner);
    budget.Correct(*owner);  // right: given back, so the owner may come again
    CHECK(budget.Reserve("SR1", "10.0.0.2", wait));
    CHECK(budget.Reserve("SR2", "10.0.0.1", wait));  // other subjects have their own budget
}
