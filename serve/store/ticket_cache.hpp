// Parsed tickets kept in memory between reads. Parsing a ticket's JSON and its timeline is most of
// the cost of a read, and a ticket's content only changes together with a new timeline event, so
// (last_sequence, updated_at) identifies a version exactly and a stale entry can never be served.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/ticket.h"

namespace aftercare::serve {

class TicketCache {
public:
    explicit TicketCache(std::size_t capacity) : capacity_(capacity) {}

    std::shared_ptr<const core::Ticket> Find(std::int64_t id, std::int64_t sequence, std::int64_t updated_at);
    // Only versions read from committed snapshots may be put here (see SqliteStore).
    void Put(std::int64_t id, std::int64_t sequence, std::int64_t updated_at, std::shared_ptr<const core::Ticket> ticket);

private:
    struct Entry {
        std::int64_t sequence;
        std::int64_t updated_at;
        std::shared_ptr<const core::Ticket> ticket;
    };
    std::size_t capacity_;
    std::mutex mutex_;
    std::unordered_map<std::int64_t, Entry> entries_;
};

}  // namespace aftercare::serve
