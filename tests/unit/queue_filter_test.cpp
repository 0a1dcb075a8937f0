// The staff queue's filter lives in the route (#/staff?state=…&sort=…), so a reload, a copied link
// or the back button shows the same rows: the filter must survive the trip through the query.
#include "screens/staff_queue.h"

#include <catch2/catch.hpp>

using namespace aftercare;
using namespace aftercare::portal;

TEST_CASE("queue filter: every field survives the route query", "[queue]") {
    api::QueueFilter filter;
    filter.state = core::TicketState::WaitingCustomer;
    filter.kind = core::TicketKind::Exchange;
    filter.priority = core::Priority::Urgent;
    filter.sla = api::kSlaFilterSoon;
    filter.assignee = "王工 eng&01";
    filter.sort = "created";
    filter.descending = true;
    const std::string query = QueueQueryString(filter);
    CHECK(query == "state=waiting_customer&kind=exchange&priority=urgent&sla=soon&assignee=%E7%8E%8B%E5%B7%A5%20eng%2601"
                   "&sort=created&dir=desc");
    CHECK(QueueFilterFromQuery(query) == filter);

    api::QueueFilter unassigned;
    unassigned.unassigned = true;
    CHECK(QueueQueryString(unassigned) == "unassigned=1");
    CHECK(QueueFilterFromQuery("unassigned=1") == unassigned);
}

TEST_CASE("queue filter: the default filter is the empty query", "[queue]") {
    CHECK(QueueQueryString(api::QueueFilter{}).empty());
    CHECK(QueueFilterFromQuery("") == api::QueueFilter{});
}

TEST_CASE("queue filter: unknown values in a hand-edited link fall back to the defaults", "[queue]") {
    const api::QueueFilter filter =
        QueueFilterFromQuery("state=lost&kind=gift&priority=whenever&sla=late&sort=password&dir=sideways&unassigned=yes");
    CHECK(filter == api::QueueFilter{});
}
