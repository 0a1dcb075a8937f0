// The staff queue's totals (SqliteStore::CountQueue, read from queue_counts, which triggers keep)
// against a count of the tickets the test wrote, for every combination of the queue's filters:
// after random creates and changes, and after the migration has built the table for a database
// that already held tickets.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "store/sqlite_db.hpp"
#include "schema_history.hpp"
#include "store/sqlite_store.hpp"
#include "temp_data_dir.hpp"

using namespace aftercare;
using namespace aftercare::serve;
using aftercare::serve::testing::TempDataDir;

namespace {

constexpr core::TicketState kStates[] = {core::TicketState::Submitted, core::TicketState::Assigned,
                                         core::TicketState::WaitingCustomer, core::TicketState::Resolved,
                                         core::TicketState::Closed, core::TicketState::Cancelled};
constexpr core::TicketKind kKinds[] = {core::TicketKind::Repair, core::TicketKind::Complaint,
                                       core::TicketKind::Return};
constexpr core::Priority kPriorities[] = {core::Priority::General, core::Priority::Serious, core::Priority::Urgent};
const std::string kAssignees[] = {"", "engineer.li", "agent.chen"};
constexpr std::int64_t kSoonUntil = 5'000;

// What the test wrote for one ticket: the model the store's totals are checked against.
struct Row {
    std::int64_t id = 0;
    core::Ticket ticket;
    TicketIndex index;
};

bool Terminal(core::TicketState state) {
    return state == core::TicketState::Closed || state == core::TicketState::Cancelled;
}

void Randomize(Row& row, std::mt19937& random) {
    auto pick = [&](const auto& values) { return values[random() % std::size(values)]; };
    row.ticket.state = pick(kStates);
    row.ticket.priority = pick(kPriorities);
    row.ticket.assignee = pick(kAssignees);
    row.index.open = !Terminal(row.ticket.state);
    row.index.breached = random() % 4 == 0;
    row.index.sort_key = static_cast<std::int64_t>(random() % 10'000);
    row.ticket.updated_at += 1;
}

bool Matches(const Row& row, const QueueQuery& q) {
    const core::Ticket& t = row.ticket;
    if (q.state && *q.state != core::ToString(t.state)) return false;
    if (q.kind && *q.kind != core::ToString(t.details.kind)) return false;
    if (q.priority && *q.priority != core::ToString(t.priority)) return false;
    if (q.breached && *q.breached != row.index.breached) return false;
    if (q.assignee && *q.assignee != t.assignee) return false;
    if (q.open_only && !q.state && !row.index.open) return false;
    if (q.unassigned && !t.assignee.empty()) return false;
    if (q.visible_to && t.assignee != *q.visible_to && !t.assignee.empty()) return false;
    switch (q.sla) {
    case QueueSla::Any: return true;
    case QueueSla::Breached: return row.index.breached;
    case QueueSla::Soon: return !row.index.breached && row.index.sort_key <= q.soon_until;
    case QueueSla::OnTrack: return !row.index.breached && row.index.sort_key > q.soon_until;
    }
    return false;
}

// Every combination of the filters a console can send: 3,072 queries.
std::vector<QueueQuery> AllQueries() {
    std::vector<QueueQuery> queries;
    const std::optional<std::string> states[] = {std::nullopt, "submitted", "waiting_customer", "closed"};
    const std::optional<std::string> kinds[] = {std::nullopt, "complaint"};
    const std::optional<std::string> priorities[] = {std::nullopt, "urgent"};
    const std::optional<bool> breached[] = {std::nullopt, true, false};
    const std::optional<std::string> assignees[] = {std::nullopt, "engineer.li"};
    const std::optional<std::string> visible[] = {std::nullopt, "agent.chen"};
    for (const auto& state : states)
        for (const auto& kind : kinds)
            for (const auto& priority : priorities)
                for (const auto& b : breached)
                    for (const auto& assignee : assignees)
                        for (const bool unassigned : {false, true})
                            for (const auto& visible_to : visible)
                                for (const QueueSla sla : {QueueSla::Any, QueueSla::Breached, QueueSla::Soon,
                                                           QueueSla::OnTrack})
                                    for (const bool open_only : {true, false}) {
                                    QueueQuery q;
                                    q.state = state;
                                    q.kind = kind;
                                    q.priority = priority;
                                    q.breached = b;
                                    q.assignee = assignee;
                                    q.unassigned = unassigned;
                                    q.visible_to = visible_to;
                                    q.sla = sla;
                                    q.soon_until = kSoonUntil;
                                    q.open_only = open_only;  // without a state filter: closed work too
                                    queries.push_back(q);
                                    }
    return queries;
}

void CheckTotals(Store& store, const std::vector<Row>& rows) {
    int checked = 0;
    for (const QueueQuery& q : AllQueries()) {
        std::int64_t expected = 0;
        for (const Row& row : rows) expected += Matches(row, q) ? 1 : 0;
        const std::int64_t total = store.CountQueue(q);
        if (total != expected) {
            INFO("state=" << q.state.value_or("*") << " kind=" << q.kind.value_or("*") << " priority="
                          << q.priority.value_or("*") << " breached=" << (q.breached ? (*q.breached ? "1" : "0") : "*")
                          << " assignee=" << q.assignee.value_or("*") << " unassigned=" << q.unassigned
                          << " visible_to=" << q.visible_to.value_or("*") << " sla=" << static_cast<int>(q.sla)
                          << " open_only=" << q.open_only);
            CHECK(total == expected);
        }
        ++checked;
    }
    CHECK(checked == 3072);
}

} // namespace

TEST_CASE("queue totals match the tickets after random creates and changes, and after the migration builds them",
          "[store][queue]") {
    TempDataDir dir;
    std::mt19937 random(20261205);
    std::vector<Row> rows(240);
    {
        SqliteStore store(dir.path.string(), 1);
        store.Write([&](StoreTx& tx) {
            for (std::size_t i = 0; i < rows.size(); ++i) {
                Row& row = rows[i];
                row.ticket.details.kind = kKinds[i % std::size(kKinds)];
                Randomize(row, random);
                const std::string number = "Q" + std::to_string(100000 + i);
                row.id = tx.InsertTicket(number, TicketRow(row.ticket, row.index)).value();
            }
        });
        CheckTotals(store, rows);
        // Changes one at a time and in batches, some of which change nothing a total counts.
        for (int round = 0; round < 6; ++round) {
            store.Write([&](StoreTx& tx) {
                for (int k = 0; k < 60; ++k) {
                    Row& row = rows[random() % rows.size()];
                    if (k % 5 == 0) row.ticket.updated_at += 1;  // a note: the same columns
                    else Randomize(row, random);
                    tx.UpdateTicket(row.id, TicketRow(row.ticket, row.index));
                }
            });
        }
        CheckTotals(store, rows);
        // A failed write leaves the totals as they were.
        Row changed = rows.front();
        Randomize(changed, random);
        CHECK_THROWS(store.Write([&](StoreTx& tx) {
            tx.UpdateTicket(changed.id, TicketRow(changed.ticket, changed.index));
            throw std::runtime_error("abandoned");
        }));
        CheckTotals(store, rows);
    }

    // A database from before the table existed: version 6 builds it from the tickets.
    {
        sqlite::Connection db((dir.path / "aftercare.db").string());
        testing::UndoQueueCounts(db);
    }
    SqliteStore store(dir.path.string(), 1);
    CheckTotals(store, rows);
}
