// Wire types of the outbound messages: the delivery log (staff, per ticket; admin, webhooks) and the
// vendor's webhook endpoints (admin).
//
//   GET  /api/v1/staff/tickets/{number}/deliveries   -> DeliveryList (who was told, how, when, state)
//   GET  /api/v1/staff/webhooks                      -> WebhookList (admin; never the secrets)
//   POST /api/v1/staff/webhooks                      CreateWebhookRequest -> WebhookView (admin; secret shown once)
//   POST /api/v1/staff/webhooks/{id}                 UpdateWebhookRequest -> WebhookView (admin; new secret shown once on rotate)
//   GET  /api/v1/staff/webhook-deliveries            -> DeliveryList (admin)
//   POST /api/v1/staff/deliveries/{id}/resend        -> DeliveryEntry (admin)
//   POST /api/v1/unsubscribe/{message_id}            -> UnsubscribeResponse (public: the e-mail's link)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/wire_reader.h"

namespace aftercare::api {

inline constexpr const char* kWebhookEvents[] = {"ticket.created", "ticket.state_changed", "ticket.escalated",
                                                 "rating.created", "complaint.answered"};

struct DeliveryEntry {
    std::int64_t id = 0;
    std::string message_id;
    std::string channel;          // email | sms | webhook
    std::string recipient;        // masked for customers' phones and e-mail addresses
    std::string recipient_label;  // "customer", a staff login, "webhook#<id>"
    std::string event_type;
    std::string state;            // pending | sent | dead
    int attempts = 0;
    std::string last_error;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> sent_at;
    std::optional<std::int64_t> next_attempt_at;  // pending only
    bool operator==(const DeliveryEntry&) const = default;
};

struct DeliveryList {
    std::vector<DeliveryEntry> deliveries;  // newest first
    bool operator==(const DeliveryList&) const = default;
};

struct WebhookView {
    std::int64_t id = 0;
    std::string url;
    std::vector<std::string> events;
    bool active = true;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> previous_secret_until;  // the rotated-out secret still signs until then
    std::string secret;  // only when created or rotated: shown once
    bool operator==(const WebhookView&) const = default;
};

struct WebhookList {
    std::vector<WebhookView> endpoints;
    bool operator==(const WebhookList&) const = default;
};

struct CreateWebhookRequest {
    std::string url;
    std::vector<std::string> events;
    bool operator==(const CreateWebhookRequest&) const = default;
};

struct UpdateWebhookRequest {
    std::optional<std::string> url;
    std::optional<std::vector<std::string>> events;
    std::optional<bool> active;
    // A new secret; the old one keeps signing (second v1=) for `overlap_hours` (default 24).
    bool rotate_secret = false;
    std::optional<int> overlap_hours;
    bool operator==(const UpdateWebhookRequest&) const = default;
};

struct UnsubscribeResponse {
    bool unsubscribed = true;
    bool operator==(const UnsubscribeResponse&) const = default;
};

AFTERCARE_WIRE_TYPE(DeliveryEntry);
AFTERCARE_WIRE_TYPE(DeliveryList);
AFTERCARE_WIRE_TYPE(WebhookView);
AFTERCARE_WIRE_TYPE(WebhookList);
AFTERCARE_WIRE_TYPE(CreateWebhookRequest);
AFTERCARE_WIRE_TYPE(UpdateWebhookRequest);
AFTERCARE_WIRE_TYPE(UnsubscribeResponse);

}  // namespace aftercare::api
