// A ticket's customer phone and product serial, indexed through columns of their own (SQLite schema
// version 7): the customer's history, a product's history, the repeat-repair check and the lookup by
// service number find the same tickets after creates and changes, and after the migration has
// filled the columns of a database that already held tickets.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "schema_history.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_store.hpp"
#include "temp_data_dir.hpp"

using namespace aftercare;
using namespace aftercare::serve;
using aftercare::serve::testing::TempDataDir;

namespace {

const std::string kPhones[] = {"+8613800138000", "+8613900139000", "+8618600186000"};
const std::string kSerials[] = {"KF200-2401-0123", "", "KF200-2401-0456", "KF200-2401-0123"};
constexpr core::TicketState kStates[] = {core::TicketState::Submitted, core::TicketState::Resolved,
                                         core::TicketState::Closed, core::TicketState::Assigned,
                                         core::TicketState::Confirmed};

struct Written {
    std::int64_t id = 0;
    std::string number;
    core::Ticket ticket;
};

std::vector<Written> WriteTickets(Store& store) {
    std::vector<Written> tickets(30);
    store.Write([&](StoreTx& tx) {
        for (std::size_t i = 0; i < tickets.size(); ++i) {
            Written& t = tickets[i];
            t.number = "P" + std::to_string(100000 + i);
            t.ticket.details.kind = i % 4 == 3 ? core::TicketKind::Complaint : core::TicketKind::Repair;
            t.ticket.details.customer.phone = kPhones[i % std::size(kPhones)];
            t.ticket.details.product.serial = kSerials[i % std::size(kSerials)];
            t.ticket.state = kStates[i % std::size(kStates)];
            t.ticket.created_at = 1'000 + static_cast<std::int64_t>(i % 7);  // ties: ordered by id
            t.ticket.updated_at = 2'000 + static_cast<std::int64_t>(i);
            t.id = tx.InsertTicket(t.number, TicketRow(t.ticket, TicketIndex{})).value();
        }
    });
    return tickets;
}

// The ids of the written tickets that `keep` accepts, in the order `before` sorts them.
template <typename Keep, typename Before>
std::vector<std::int64_t> Expected(const std::vector<Written>& tickets, Keep keep, Before before) {
    std::vector<const Written*> found;
    for (const Written& t : tickets)
        if (keep(t)) found.push_back(&t);
    std::sort(found.begin(), found.end(), before);
    std::vector<std::int64_t> ids;
    for (const Written* t : found) ids.push_back(t->id);
    return ids;
}

bool NewestFirst(const Written* a, const Written* b) {
    if (a->ticket.created_at != b->ticket.created_at) return a->ticket.created_at > b->ticket.created_at;
    return a->id > b->id;
}

bool NewestChangeFirst(const Written* a, const Written* b) {
    return a->ticket.updated_at > b->ticket.updated_at;
}

// The store's answers against the tickets the test wrote.
void CheckLookups(Store& store, const std::vector<Written>& tickets) {
    for (const std::string& phone : kPhones) {
        auto of_phone = [&](const Written& t) { return t.ticket.details.customer.phone == phone; };
        CHECK(store.Register().TicketIdsForPhone(phone, 100) == Expected(tickets, of_phone, NewestFirst));
    }
    for (const std::string& serial : {std::string("KF200-2401-0123"), std::string("KF200-2401-0456")}) {
        auto of_serial = [&](const Written& t) { return t.ticket.details.product.serial == serial; };
        CHECK(store.Register().TicketIdsForSerial(serial, 100) == Expected(tickets, of_serial, NewestFirst));

        // The repeat-repair check: resolved, confirmed or closed repairs changed since 2,010, newest
        // change first.
        auto resolved_repair = [&](const Written& t) {
            const core::TicketState s = t.ticket.state;
            return of_serial(t) && t.ticket.details.kind == core::TicketKind::Repair &&
                   (s == core::TicketState::Resolved || s == core::TicketState::Confirmed ||
                    s == core::TicketState::Closed) &&
                   t.ticket.updated_at >= 2'010;
        };
        const std::vector<std::int64_t> resolved = Expected(tickets, resolved_repair, NewestChangeFirst);
        CHECK_FALSE(resolved.empty());
        CHECK(store.Register().ResolvedRepairIdsForSerial(serial, 2'010, 100) == resolved);
    }
    CHECK(store.Register().TicketIdsForSerial("", 100).empty());  // no serial is nobody's product
    for (const Written& t : tickets) {
        auto access = store.FindTicketPhone(t.number);
        REQUIRE(access);
        CHECK(access->id == t.id);
        CHECK(access->phone == t.ticket.details.customer.phone);
    }
}

std::string QueryPlan(const std::filesystem::path& dir, const std::string& query) {
    sqlite::Connection db((dir / "aftercare.db").string());
    auto plan = db.Prepare(("EXPLAIN QUERY PLAN " + query).c_str());
    std::string details;
    while (plan.Step()) details += plan.Text(3) + "\n";
    return details;
}

} // namespace

TEST_CASE("tickets are found by phone and serial through their columns, also after the migration fills them",
          "[store][register]") {
    TempDataDir dir;
    std::vector<Written> tickets;
    {
        SqliteStore store(dir.path.string(), 1);
        tickets = WriteTickets(store);
        CheckLookups(store, tickets);

        // A change of phone or serial (a corrected intake) moves the ticket in both histories.
        Written& corrected = tickets[4];
        corrected.ticket.details.customer.phone = kPhones[2];
        corrected.ticket.details.product.serial = "KF200-2401-0456";
        corrected.ticket.updated_at = 2'100;
        store.Write([&](StoreTx& tx) {
            tx.UpdateTicket(corrected.id, TicketRow(corrected.ticket, TicketIndex{}));
        });
        CheckLookups(store, tickets);
    }

    // A database from before version 7: the migration fills the columns from the tickets' bodies.
    {
        sqlite::Connection db((dir.path / "aftercare.db").string());
        testing::UndoPhoneAndSerialColumns(db);
    }
    {
        SqliteStore store(dir.path.string(), 1);
        CheckLookups(store, tickets);
    }
    CHECK_THAT(QueryPlan(dir.path, "SELECT id FROM tickets WHERE customer_phone = '+8613800138000'"),
               Catch::Contains("INDEX tickets_phone"));
    CHECK_THAT(QueryPlan(dir.path,
                         "SELECT id FROM tickets WHERE product_serial = 'X' AND product_serial <> ''"),
               Catch::Contains("INDEX tickets_serial"));
}

TEST_CASE("a service number already taken is refused before anything is written", "[store][group-commit]") {
    TempDataDir dir;
    SqliteStore store(dir.path.string(), 1);
    core::Ticket ticket;
    ticket.details.customer.phone = kPhones[0];
    store.Write([&](StoreTx& tx) {
        REQUIRE(tx.InsertTicket("TAKEN0000001", TicketRow(ticket, TicketIndex{})));
    });
    store.WriteChecksFirst([&](StoreTx& tx) {
        CHECK_FALSE(tx.InsertTicket("TAKEN0000001", TicketRow(ticket, TicketIndex{})));
        CHECK(tx.InsertTicket("TAKEN0000002", TicketRow(ticket, TicketIndex{})));
    });
    CHECK(store.Register().TicketIdsForPhone(kPhones[0], 10).size() == 2);
}
