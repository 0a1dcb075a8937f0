// SqliteStore::ShareReads: while the guard lives, the thread's reads share one read transaction (one
// snapshot, one reader connection: with a pool of one, a read that leased another would wait
// forever), and a write committed meanwhile is seen once the guard is gone.
#include <catch2/catch.hpp>

#include "store/sqlite_store.hpp"
#include "temp_data_dir.hpp"

using namespace aftercare;
using namespace aftercare::serve;
using aftercare::serve::testing::TempDataDir;

namespace {

std::int64_t InsertTicket(SqliteStore& store, const std::string& number) {
    std::int64_t id = 0;
    store.Write([&](StoreTx& tx) {
        core::Ticket ticket;
        ticket.service_number = number;
        id = tx.InsertTicket(number, TicketRow(ticket, TicketIndex{})).value();
    });
    return id;
}

}  // namespace

TEST_CASE("shared reads: one snapshot and one connection for the thread's reads while the guard lives", "[store]") {
    TempDataDir dir;
    SqliteStore store(dir.path.string(), 1);  // one reader connection
    const std::int64_t first = InsertTicket(store, "S100001");
    {
        auto shared = store.ShareReads();
        REQUIRE(shared);
        CHECK(store.ShareReads() == nullptr);  // already shared on this thread
        CHECK(store.CountTickets() == 1);
        InsertTicket(store, "S100002");         // committed by the writer meanwhile
        CHECK(store.CountTickets() == 1);        // the same snapshot
        CHECK(store.LoadTicketBundle(first));    // a read that opens its own transaction elsewhere
    }
    CHECK(store.CountTickets() == 2);
}
