// TicketCache: a bounded map from ticket id to its last parsed version.
#include "store/ticket_cache.hpp"

namespace aftercare::serve {

std::shared_ptr<const core::Ticket> TicketCache::Find(std::int64_t id, std::int64_t sequence, std::int64_t updated_at) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end() || it->second.sequence != sequence || it->second.updated_at != updated_at) return nullptr;
    return it->second.ticket;
}

void TicketCache::Put(std::int64_t id, std::int64_t sequence, std::int64_t updated_at,
                      std::shared_ptr<const core::Ticket> ticket) {
    if (capacity_ == 0) return;
    std::lock_guard lock(mutex_);
    if (entries_.size() >= capacity_ && !entries_.count(id)) {
        // Cheap bounded eviction: drop an arbitrary tenth. Hash order is effectively random, which
        // for a cache of recently read tickets is close enough to LRU at a fraction of the cost.
        std::size_t drop = capacity_ / 10 + 1;
        for (auto victim = entries_.begin(); victim != entries_.end() && drop > 0; --drop) victim = entries_.erase(victim);
    }
    entries_[id] = Entry{sequence, updated_at, std::move(ticket)};
}

}  // namespace aftercare::serve
