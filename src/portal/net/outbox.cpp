// The kiosk outbox; see outbox.h.
#include "net/outbox.h"

#include "host.h"
#include "net/customer_requests.h"

#include <algorithm>

namespace aftercare::portal {

double OutboxRetryDelay(int attempts) {
    if (attempts <= 1) return 2.0;
    if (attempts == 2) return 4.0;
    if (attempts == 3) return 8.0;
    return 15.0;
}

std::uint64_t Outbox::Submit(ApiClient& api, Host& host, api::CreateTicketRequest request,
                             std::string idempotency_key) {
    OutboxItem& item = items_.emplace_back();
    item.id = next_id_++;
    item.idempotency_key = std::move(idempotency_key);
    item.request = std::move(request);
    Send(api, host, item);
    return item.id;
}

void Outbox::Send(ApiClient& api, Host& host, OutboxItem& item) {
    item.state = OutboxItem::State::Sending;
    ++item.attempts;
    // Callbacks find the item again by id: items_ may have grown (and moved) in between. `this`
    // stays valid: the outbox lives as long as the page (a reset abandons the requests first).
    const std::uint64_t id = item.id;
    Host* host_ptr = &host;
    // The item keeps its own key (items move in memory), under CreateTicket's idempotency rule.
    api.Call<api::CreateTicketResponse>(
        {api::endpoints::kPostTickets}, item.request, {.idempotency_key = item.idempotency_key},
        [this, id](api::CreateTicketResponse response) {
            OutboxItem* sent = FindMutable(id);
            if (sent == nullptr) return;
            sent->state = OutboxItem::State::Sent;
            sent->response = std::move(response);
            sent->error.reset();
            sent->request = {};
        },
        [this, id, host_ptr](ApiError error) {
            OutboxItem* failed = FindMutable(id);
            if (failed == nullptr) return;
            // No answer, or an answer that says "try later": keep it and try again. Anything else
            // is the server's considered "no", which waiting will not change.
            if (!requests::EndsAttempt(error)) {
                const double wait = std::max(OutboxRetryDelay(failed->attempts),
                                             static_cast<double>(error.retry_after_seconds));
                failed->state = OutboxItem::State::Waiting;
                failed->next_attempt_at = host_ptr->NowUnixSeconds() + wait;
                host_ptr->RequestRedrawAfter(wait);
            } else {
                failed->state = OutboxItem::State::Refused;
            }
            failed->error = std::move(error);
        });
}

void Outbox::Tick(ApiClient& api, Host& host) {
    const double now = host.NowUnixSeconds();
    for (size_t i = 0; i < items_.size(); ++i) {
        // By index: Send may not add items, but keep the loop honest if it ever does.
        OutboxItem& item = items_[i];
        if (item.state != OutboxItem::State::Waiting) continue;
        if (item.next_attempt_at <= now) {
            Send(api, host, item);
        } else {
            host.RequestRedrawAfter(item.next_attempt_at - now);
        }
    }
}

void Outbox::OnOnline() {
    for (OutboxItem& item : items_) {
        if (item.state == OutboxItem::State::Waiting) item.next_attempt_at = 0;
    }
}

void Outbox::OnRequestsAbandoned() {
    for (OutboxItem& item : items_) {
        if (item.state == OutboxItem::State::Sending) {
            item.state = OutboxItem::State::Waiting;
            item.next_attempt_at = 0;
        }
    }
}

void Outbox::ForgetFinished() {
    std::erase_if(items_, [](const OutboxItem& item) {
        return item.state == OutboxItem::State::Sent || item.state == OutboxItem::State::Refused;
    });
}

const OutboxItem* Outbox::Find(std::uint64_t id) const {
    const auto it = std::find_if(items_.begin(), items_.end(), [&](const OutboxItem& item) { return item.id == id; });
    return it == items_.end() ? nullptr : &*it;
}

OutboxItem* Outbox::FindMutable(std::uint64_t id) {
    return const_cast<OutboxItem*>(static_cast<const Outbox&>(*this).Find(id));
}

int Outbox::WaitingCount() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const OutboxItem& item) {
        return item.state == OutboxItem::State::Waiting || item.state == OutboxItem::State::Sending;
    }));
}

} // namespace aftercare::portal
