// SQLite's group commit (SqliteStore::Write): many writers at once, more than one batch holds, some
// of them refused. Every writer returns (a batch's end wakes its writers and the next leader, and a
// stranded waiter would hang this test), every accepted write is stored, and a refused one rolls
// back alone.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite_store.hpp"
#include "temp_data_dir.hpp"

using namespace aftercare;
using namespace aftercare::serve;
using aftercare::serve::testing::TempDataDir;

TEST_CASE("group commit: 96 concurrent writers all return, accepted writes are stored, refused ones alone roll back",
          "[store]") {
    TempDataDir dir;
    SqliteStore store(dir.path.string(), 1);
    constexpr int kWriters = 96;  // more than one batch (64) can take
    constexpr int kWritesEach = 25;
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
                        tx.InsertTicket(ticket.service_number, ticket, TicketIndex{});
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
    CHECK(accepted + refused == kWriters * kWritesEach);
    CHECK(refused == (kWriters * kWritesEach + 6) / 7);
    CHECK(store.CountTickets() == accepted);
}
