// "My jobs": the caller's open tickets read through the queue's assignee index (the same store
// query on SQLite and PostgreSQL), kept when core says they are on-site work still to do, ordered
// by the visit and paged by a keyset cursor over that order.
#include "services/jobs_service.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

#include "core/work_log.h"
#include "services/domain_error.hpp"
#include "store/store.hpp"

namespace aftercare::serve::jobs {
namespace {

// One engineer's open tickets are a day's or a week's work; reading more than this many would mean
// the assignment itself is wrong, and the view says nothing about the rest rather than stalling.
constexpr int kMaxOpenTickets = 2000;
constexpr int kReadPage = 200;

// The order key: booked visits (group 0) by window start, unbooked (group 1) by deadline; id last.
using Key = std::tuple<int, std::int64_t, std::int64_t>;

std::string EncodeCursor(const Key& key) {
    return std::to_string(std::get<0>(key)) + "." + std::to_string(std::get<1>(key)) + "." +
           std::to_string(std::get<2>(key));
}

std::optional<Key> DecodeCursor(const std::string& text) {
    std::int64_t parts[3] = {};
    const char* at = text.data();
    const char* end = text.data() + text.size();
    for (int i = 0; i < 3; ++i) {
        auto [next, error] = std::from_chars(at, end, parts[i]);
        if (error != std::errc{} || next == at) return std::nullopt;
        at = next;
        if (i < 2) {
            if (at == end || *at != '.') return std::nullopt;
            ++at;
        }
    }
    if (at != end || (parts[0] != 0 && parts[0] != 1)) return std::nullopt;
    return Key{static_cast<int>(parts[0]), parts[1], parts[2]};
}

// Work still to do on site: before the visit, during it, or finished and waiting for the
// customer's sign-off.
bool IsOpenJob(const core::Ticket& ticket) {
    if (ticket.details.kind != core::TicketKind::Repair || !core::IsOnSite(ticket)) return false;
    switch (ticket.state) {
    case core::TicketState::Assigned:
    case core::TicketState::InProgress:
    case core::TicketState::WaitingCustomer: return true;
    case core::TicketState::Resolved: return !core::SignOffOf(ticket).has_value();
    default: return false;
    }
}

struct Job {
    Key key;
    const core::Ticket* ticket;
};

}  // namespace

api::JobsResponse Jobs(Services& services, const staff::Caller& caller, int limit, const std::string& cursor) {
    std::optional<Key> after;
    if (!cursor.empty()) {
        after = DecodeCursor(cursor);
        if (!after)
            throw DomainError(ErrorKind::BadRequest, "invalid_value", "分页游标无效", "Invalid cursor.", "cursor");
    }
    const std::int64_t now = services.now();
    const auto policy = services.Policy();

    api::JobsResponse response;
    // The version first: a change landing while we read is reported again, never missed.
    response.version = static_cast<std::int64_t>(services.live.AnyVersion());

    QueueQuery query;
    query.assignee = caller.username;
    query.open_only = true;
    query.limit = kReadPage;
    std::vector<QueueRow> rows;
    for (int read = 0; read < kMaxOpenTickets;) {
        auto page = services.store.Queue(query);
        read += static_cast<int>(page.size());
        const bool more = static_cast<int>(page.size()) == kReadPage;
        if (more) query.after = std::make_pair(page.back().sort_key, page.back().id);
        for (auto& row : page) rows.push_back(std::move(row));
        if (!more) break;
    }

    std::vector<Job> jobs;
    for (const QueueRow& row : rows) {
        if (!IsOpenJob(row.ticket)) continue;
        const auto visit = core::BookedVisit(row.ticket);
        const Key key = visit ? Key{0, core::SpanOf(*visit, row.ticket.details.utc_offset_minutes).start, row.id}
                              : Key{1, row.sort_key, row.id};
        if (after && key <= *after) continue;
        jobs.push_back(Job{key, &row.ticket});
    }
    std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.key < b.key; });

    const std::size_t page = static_cast<std::size_t>(std::clamp(limit, 1, 100));
    for (std::size_t i = 0; i < jobs.size() && i < page; ++i)
        response.items.push_back(api::MakeJobItem(*jobs[i].ticket, now, *policy));
    if (jobs.size() > page) response.next_cursor = EncodeCursor(jobs[page - 1].key);
    return response;
}

}  // namespace aftercare::serve::jobs
