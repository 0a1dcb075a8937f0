// SQLite's group commit (SqliteStore::Write): many writers at once, more than one batch holds, some
// of them refused. Every writer returns (a batch's end wakes its writers and the next leader, and a
// stranded waiter would hang this test), every accepted write is stored, and a refused one rolls
// back alone. WriteChecksFirst's pieces run without savepoints: refused before writing, one fails
// alone; refused after writing, its batch fails whole, and nothing of it is kept.
#include <catch2/catch.hpp>

#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite_store.hpp"
#include "temp_data_dir.hpp"

using namespace aftercare;
using namespace aftercare::serve;
using aftercare::serve::testing::TempDataDir;

namespace {

constexpr int kWriters = 96;  // more than one batch (64) can take
constexpr int kWritesEach = 25;
constexpr int kWrites = kWriters * kWritesEach;
constexpr int kRefusals = (kWrites + 6) / 7;  // every seventh

}  // namespace

TEST_CASE("group commit: 96 concurrent writers all return, accepted writes are stored, refused ones alone roll back",
          "[store]") {
    TempDataDir dir;
    SqliteStore store(dir.path.string(), 1);
    std::atomic<int> accepted{0};
    std::atomic<int> refused{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            for (int i = 0; i < kWritesEach; ++i) {
                const int n = w * kWritesEach + i;
                try {
                    store.Write([&](StoreTx& tx) {
                        core::Ticket ticket;
                        ticket.service_number = "G" + std::to_string(100000 + n);
                        tx.InsertTicket(ticket.service_number, TicketRow(ticket, TicketIndex{}));
                        if (n % 7 == 0) throw std::runtime_error("refused after its insert");
                    });
                    ++accepted;
                } catch (const std::runtime_error&) {
                    ++refused;
                }
            }
        });
    }
    for (auto& writer : writers) writer.join();
    CHECK(accepted + refused == kWrites);
    CHECK(refused == kRefusals);
    CHECK(store.CountTickets() == accepted);
}

namespace {

struct Outcome {
    std::atomic<int> accepted{0};
    std::atomic<int> refused{0};          // the work's own refusal reached its writer
    std::atomic<int> abandoned{0};        // a store error: the batch was rolled back
    std::atomic<int> misattributed{0};    // a refusal reached a writer whose work did not refuse
    std::atomic<int> refusal_accepted{0};  // work that refused was reported stored
};

// kWriters × kWritesEach creates through WriteChecksFirst; every seventh is refused by `refuse`.
void RunChecksFirst(SqliteStore& store, const std::function<void(StoreTx&, const core::Ticket&)>& refuse,
                    Outcome& outcome) {
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            for (int i = 0; i < kWritesEach; ++i) {
                const int n = w * kWritesEach + i;
                const bool refuses = n % 7 == 0;
                try {
                    store.WriteChecksFirst([&](StoreTx& tx) {
                        core::Ticket ticket;
                        ticket.service_number = "C" + std::to_string(100000 + n);
                        if (refuses) refuse(tx, ticket);
                        else tx.InsertTicket(ticket.service_number, TicketRow(ticket, TicketIndex{}));
                    });
                    ++outcome.accepted;
                    if (refuses) ++outcome.refusal_accepted;
                } catch (const sqlite::Error&) {
                    ++outcome.abandoned;
                } catch (const std::runtime_error&) {
                    ++outcome.refused;
                    if (!refuses) ++outcome.misattributed;
                }
            }
        });
    }
    for (auto& writer : writers) writer.join();
}

}  // namespace

TEST_CASE("group commit: checks-first work refused before it writes fails alone", "[store]") {
    TempDataDir dir;
    SqliteStore store(dir.path.string(), 1);
    Outcome outcome;
    const auto refuse = [](StoreTx&, const core::Ticket&) {
        throw std::runtime_error("refused before any write");
    };
    RunChecksFirst(store, refuse, outcome);
    CHECK(outcome.refused == kRefusals);
    CHECK(outcome.misattributed == 0);
    CHECK(outcome.abandoned == 0);
    CHECK(outcome.accepted == kWrites - kRefusals);
    CHECK(store.CountTickets() == outcome.accepted);
}

TEST_CASE("group commit: checks-first work refused after writing fails its whole batch, none of it kept",
          "[store]") {
    TempDataDir dir;
    SqliteStore store(dir.path.string(), 1);
    Outcome outcome;
    RunChecksFirst(
        store,
        [](StoreTx& tx, const core::Ticket& ticket) {
            tx.InsertTicket(ticket.service_number, TicketRow(ticket, TicketIndex{}));
            throw std::runtime_error("refused after its insert");
        },
        outcome);
    CHECK(outcome.accepted + outcome.refused + outcome.abandoned == kWrites);
    CHECK(outcome.refused >= 1);
    CHECK(outcome.misattributed == 0);
    CHECK(outcome.refusal_accepted == 0);
    CHECK(store.CountTickets() == outcome.accepted);  // no refused insert, no rolled-back neighbour
    // The store goes on: the next write is stored.
    store.WriteChecksFirst([](StoreTx& tx) {
        core::Ticket ticket;
        ticket.service_number = "C999999";
        tx.InsertTicket(ticket.service_number, TicketRow(ticket, TicketIndex{}));
    });
    CHECK(store.CountTickets() == outcome.accepted + 1);
}
