// ConcurrencyCap and PeakGauge in-process (finding 6: at most 4 argon2id checks at once).
#include <catch2/catch.hpp>

#include <future>
#include <optional>
#include <vector>

#include "auth.hpp"
#include "concurrency_cap.hpp"

using aftercare::serve::Auth;
using aftercare::serve::ConcurrencyCap;
using aftercare::serve::PeakGauge;

TEST_CASE("concurrency cap: the fifth caller finds no place until one leaves", "[security]") {
    ConcurrencyCap cap(Auth::kConcurrentPasswordChecks);
    REQUIRE(cap.limit() == 4);
    std::vector<ConcurrencyCap::Slot> held;
    for (int i = 0; i < 4; ++i) {
        auto slot = cap.TryEnter(std::chrono::milliseconds(0));
        REQUIRE(slot);
        held.push_back(std::move(*slot));
    }
    CHECK(cap.inside() == 4);
    CHECK_FALSE(cap.TryEnter(std::chrono::milliseconds(0)));
    CHECK_FALSE(cap.TryEnter(std::chrono::milliseconds(20)));  // waiting does not make room either
    held.pop_back();
    CHECK(cap.inside() == 3);
    auto fifth = cap.TryEnter(std::chrono::milliseconds(0));
    CHECK(fifth);
    CHECK(cap.inside() == 4);
}

TEST_CASE("concurrency cap: a waiting caller gets the place another one frees", "[security]") {
    ConcurrencyCap cap(1);
    auto first = cap.TryEnter(std::chrono::milliseconds(0));
    REQUIRE(first);
    std::promise<void> waiting;
    auto second = std::async(std::launch::async, [&] {
        waiting.set_value();
        // Long enough that only a lost wake-up could make it fail; it returns as soon as `first` goes.
        return cap.TryEnter(std::chrono::minutes(1)).has_value();
    });
    waiting.get_future().wait();
    first.reset();
    CHECK(second.get());
    CHECK(cap.inside() == 0);  // the second caller's slot left with its scope
}

TEST_CASE("peak gauge: counts who is inside and remembers the most", "[security]") {
    PeakGauge gauge;
    {
        const PeakGauge::Scope a(gauge);
        {
            const PeakGauge::Scope b(gauge);
            const PeakGauge::Scope c(gauge);
            CHECK(gauge.now() == 3);
        }
        CHECK(gauge.now() == 1);
    }
    CHECK(gauge.now() == 0);
    CHECK(gauge.peak() == 3);
}
