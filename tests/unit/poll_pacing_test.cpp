// Live-update pacing: a held poll goes again at once; nothing else ever does — a refusal waits at
// least its Retry-After, failures back off to 30 s, an empty answer that came back at once counts
// as a failure, and the jitter spreads pages over up to half the wait again.
#include "net/poll_pacing.h"

#include <catch2/catch.hpp>

using namespace aftercare::portal;

TEST_CASE("a held poll or one with news goes again at once", "[poll_pacing]") {
    CHECK(NextPollDelay({.ok = true, .news = true, .held_seconds = 0.05, .failures = 1}, 0.9) == 0.0);
    CHECK(NextPollDelay({.ok = true, .news = false, .held_seconds = 25.0, .failures = 1}, 0.9) == 0.0);
    CHECK(NextPollDelay({.ok = true, .news = false, .held_seconds = kQuickEmptyAnswerSeconds, .failures = 1}, 0.9) ==
          0.0);
}

TEST_CASE("an empty answer that came back at once waits, and backs off when it repeats", "[poll_pacing]") {
    CHECK(NextPollDelay({.ok = true, .news = false, .held_seconds = 0.01, .failures = 1}, 0.0) == 1.0);
    CHECK(NextPollDelay({.ok = true, .news = false, .held_seconds = 0.01, .failures = 3}, 0.0) == 4.0);
}

TEST_CASE("failures back off exponentially up to 30 s, with a Retry-After as the floor", "[poll_pacing]") {
    CHECK(NextPollDelay({.failures = 1}, 0.0) == 1.0);
    CHECK(NextPollDelay({.failures = 2}, 0.0) == 2.0);
    CHECK(NextPollDelay({.failures = 5}, 0.0) == 16.0);
    CHECK(NextPollDelay({.failures = 6}, 0.0) == kMaxPollBackoffSeconds);
    CHECK(NextPollDelay({.failures = 1000}, 0.0) == kMaxPollBackoffSeconds);
    CHECK(NextPollDelay({.failures = 1, .retry_after_seconds = 5}, 0.0) == 5.0);
    CHECK(NextPollDelay({.failures = 6, .retry_after_seconds = 5}, 0.0) == kMaxPollBackoffSeconds);
    // Not counted yet (0) is read as the first failure: never a zero wait.
    CHECK(NextPollDelay({.failures = 0}, 0.0) == 1.0);
}

TEST_CASE("jitter adds up to half the wait, never less than the floor", "[poll_pacing]") {
    CHECK(NextPollDelay({.failures = 1, .retry_after_seconds = 5}, 0.5) == 6.25);
    CHECK(NextPollDelay({.failures = 1, .retry_after_seconds = 5}, 0.999) < 7.5);
    CHECK(NextPollDelay({.failures = 1, .retry_after_seconds = 5}, 0.999) > 7.49);
    CHECK(NextPollDelay({.failures = 1, .retry_after_seconds = 5}, -3.0) == 5.0);  // out of range is clamped
}
