// LiveUpdates in-process: a parked poll is a callback that runs exactly once — on a change to its
// key, at its deadline, or on shutdown — and never while it would miss a change.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <string>

#include "live_updates.hpp"

using aftercare::serve::LiveUpdates;
using aftercare::serve::ParkRequest;
using Clock = std::chrono::steady_clock;

namespace {

ParkRequest Park(std::int64_t key, std::uint64_t seen, std::chrono::milliseconds in) {
    return ParkRequest{key, seen, Clock::now() + in};
}

bool Waiters(LiveUpdates& live, int count) {
    std::string out;
    live.Collect(out);
    return out.find("\naftercare_live_waiters " + std::to_string(count) + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("live updates: a change wakes the polls of its ticket and the any-ticket polls, not others", "[live]") {
    LiveUpdates live(100);
    std::atomic<int> seven{0}, eight{0}, any{0};
    REQUIRE(live.Suspend(Park(7, live.Version(7), std::chrono::hours(1)), [&] { ++seven; }) == LiveUpdates::Outcome::Parked);
    REQUIRE(live.Suspend(Park(7, live.Version(7), std::chrono::hours(1)), [&] { ++seven; }) == LiveUpdates::Outcome::Parked);
    REQUIRE(live.Suspend(Park(8, live.Version(8), std::chrono::hours(1)), [&] { ++eight; }) == LiveUpdates::Outcome::Parked);
    REQUIRE(live.Suspend(Park(LiveUpdates::kAnyTicket, live.AnyVersion(), std::chrono::hours(1)), [&] { ++any; }) ==
            LiveUpdates::Outcome::Parked);
    CHECK(Waiters(live, 4));
    live.Notify(7);
    CHECK(seven == 2);
    CHECK(eight == 0);
    CHECK(any == 1);
    CHECK(Waiters(live, 1));
    live.Notify(7);  // woken once only
    CHECK(seven == 2);
    CHECK(any == 1);
}

TEST_CASE("live updates: a change between the poll's read and its park wakes it at once", "[live]") {
    LiveUpdates live(100);
    const std::uint64_t seen = live.Version(3);
    live.Notify(3);
    int woken = 0;
    CHECK(live.Suspend(Park(3, seen, std::chrono::hours(1)), [&] { ++woken; }) == LiveUpdates::Outcome::Parked);
    CHECK(woken == 1);
    CHECK(Waiters(live, 0));
}

TEST_CASE("live updates: the deadline wakes a poll with no change, earliest first", "[live]") {
    LiveUpdates live(100);
    std::promise<int> early, late;
    std::atomic<int> order{0};
    live.Suspend(Park(1, 0, std::chrono::milliseconds(300)), [&] { late.set_value(++order); });
    live.Suspend(Park(2, 0, std::chrono::milliseconds(50)), [&] { early.set_value(++order); });
    CHECK(early.get_future().get() == 1);
    CHECK(late.get_future().get() == 2);
    CHECK(Waiters(live, 0));
}

TEST_CASE("live updates: beyond the places a poll is refused, and shutdown wakes every poll", "[live]") {
    LiveUpdates live(2);
    std::atomic<int> woken{0};
    CHECK(live.Suspend(Park(1, 0, std::chrono::hours(1)), [&] { ++woken; }) == LiveUpdates::Outcome::Parked);
    CHECK(live.Suspend(Park(2, 0, std::chrono::hours(1)), [&] { ++woken; }) == LiveUpdates::Outcome::Parked);
    CHECK(live.Suspend(Park(3, 0, std::chrono::hours(1)), [&] { ++woken; }) == LiveUpdates::Outcome::Full);
    std::string out;
    live.Collect(out);
    CHECK(out.find("\naftercare_live_refused_total 1\n") != std::string::npos);
    live.Shutdown();
    CHECK(woken == 2);
    CHECK(live.Suspend(Park(4, 0, std::chrono::hours(1)), [&] { ++woken; }) == LiveUpdates::Outcome::Stopped);
    CHECK(woken == 2);
}

TEST_CASE("live updates: an abandoned poll frees its place and never runs, a woken one is not abandoned", "[live]") {
    LiveUpdates live(1);
    std::atomic<int> first{0}, second{0};
    LiveUpdates::ParkedPoll parked;
    REQUIRE(live.Suspend(Park(7, live.Version(7), std::chrono::hours(1)), [&] { ++first; }, &parked) ==
            LiveUpdates::Outcome::Parked);
    CHECK(live.Suspend(Park(7, live.Version(7), std::chrono::hours(1)), [&] { ++second; }) == LiveUpdates::Outcome::Full);
    live.Abandon(parked);  // its client hung up
    CHECK(Waiters(live, 0));
    LiveUpdates::ParkedPoll next;
    REQUIRE(live.Suspend(Park(7, live.Version(7), std::chrono::hours(1)), [&] { ++second; }, &next) ==
            LiveUpdates::Outcome::Parked);
    live.Notify(7);
    CHECK(first == 0);
    CHECK(second == 1);
    live.Abandon(next);  // woken already: nothing to give up
    live.Abandon(parked);
    std::string out;
    live.Collect(out);
    CHECK(out.find("\naftercare_live_abandoned_total 1\n") != std::string::npos);
}
