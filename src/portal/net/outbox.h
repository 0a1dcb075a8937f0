// The kiosk's outbox: a ticket submission that got no answer (the network is down) is kept in
// memory with its idempotency key and sent again when the network returns ('online' event) or on
// a backoff timer, so the customer can walk away from a kiosk whose line dropped. The server
// answers a repeated key with the ticket it already made: however often it is sent, one ticket.
// Memory only: nothing personal is ever written to storage.
#pragma once

#include "net/api_client.h"

#include "api/customer_wire.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aftercare::portal {

class Host;

struct OutboxItem {
    enum class State {
        Sending,  // a request is out
        Waiting,  // no answer last time: sent again at `next_attempt_at` or when the network returns
        Sent,     // the server made the ticket: `response`
        Refused,  // the server said no (invalid, rate limited...): `error`; the customer must act
    };
    std::uint64_t id = 0;  // what the screen keeps to show this submission's state
    std::string idempotency_key;
    api::CreateTicketRequest request;  // cleared once sent: only the answer is needed then
    State state = State::Sending;
    int attempts = 0;
    double next_attempt_at = 0;        // host clock, seconds
    std::optional<api::CreateTicketResponse> response;
    std::optional<ApiError> error;
};

class Outbox {
public:
    // Sends a new ticket now; keeps it and tries again while there is no answer.
    std::uint64_t Submit(ApiClient& api, Host& host, api::CreateTicketRequest request, std::string idempotency_key);

    // Sends what is due (call once per frame) and asks for a frame when the next retry is due.
    void Tick(ApiClient& api, Host& host);
    // The browser says the network is back: everything waiting goes at the next Tick.
    void OnOnline();
    // The transport forgot the requests in flight (a kiosk reset): those are sent again, with the
    // same keys, so a ticket the server did make is not made twice.
    void OnRequestsAbandoned();
    // A kiosk reset: finished submissions (and what they said) belong to the customer who left.
    void ForgetFinished();

    const OutboxItem* Find(std::uint64_t id) const;
    int WaitingCount() const;  // items not yet answered

private:
    void Send(ApiClient& api, Host& host, OutboxItem& item);
    OutboxItem* FindMutable(std::uint64_t id);

    std::vector<OutboxItem> items_;
    std::uint64_t next_id_ = 1;
};

// Seconds before attempt number `attempts` + 1: 2, 4, 8, then every 15 s (a kiosk's line usually
// comes back within minutes; a busy retry loop would only load a recovering server).
double OutboxRetryDelay(int attempts);

} // namespace aftercare::portal
