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
//   GET  /api/v1/staff/channels                      -> ChannelsView (admin; never the secrets)
//   POST /api/v1/staff/channels                      UpdateChannelsRequest -> ChannelsView (admin)
//   POST /api/v1/staff/channels/test                 TestChannelRequest -> TestChannelResponse (admin: one message now)
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

// The e-mail channel: SMTP through libcurl. In a request, an absent password keeps the saved one and
// an empty one clears it; a view never carries it (`password_set` says whether there is one).
struct EmailChannel {
    std::string url;   // smtp://host:port | smtps://host:port; empty: no e-mail
    std::string from;  // the From: address
    std::string user;
    std::optional<std::string> password;
    bool operator==(const EmailChannel&) const = default;
};

// The SMS channel: "tencent" (Tencent Cloud SMS API 3.0) or "http" (a generic JSON gateway). The
// secret key (Tencent's SecretKey, the http gateway's Bearer token) follows the password's rules.
struct SmsChannel {
    std::string provider;  // "" (no SMS) | tencent | http
    std::string url;       // http: the gateway; tencent: the endpoint (empty: the public one)
    std::string secret_id;  // tencent SecretId
    std::string sdk_app_id;
    std::string sign_name;
    std::string template_id;
    std::string region;
    std::optional<std::string> secret_key;
    bool operator==(const SmsChannel&) const = default;
};

// Where a channel's settings come from: the server's flags and environment win (a deployment's own
// configuration stays the truth; the screen shows them read-only), else what an admin saved.
struct ChannelsView {
    EmailChannel email;
    bool email_set_by_server = false;
    bool email_password_set = false;
    SmsChannel sms;
    bool sms_set_by_server = false;
    bool sms_secret_set = false;
    bool operator==(const ChannelsView&) const = default;
};

struct UpdateChannelsRequest {
    std::optional<EmailChannel> email;  // absent: unchanged
    std::optional<SmsChannel> sms;
    bool operator==(const UpdateChannelsRequest&) const = default;
};

struct TestChannelRequest {
    std::string channel;  // email | sms
    std::string to;       // an e-mail address or a phone number (+86… or 11 digits)
    bool operator==(const TestChannelRequest&) const = default;
};

// A test message is sent at once, not through the outbox: the admin sees the server's answer.
struct TestChannelResponse {
    bool sent = false;
    std::string error;  // the channel's answer when not sent (never a secret)
    bool operator==(const TestChannelResponse&) const = default;
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
AFTERCARE_WIRE_TYPE(EmailChannel);
AFTERCARE_WIRE_TYPE(SmsChannel);
AFTERCARE_WIRE_TYPE(ChannelsView);
AFTERCARE_WIRE_TYPE(UpdateChannelsRequest);
AFTERCARE_WIRE_TYPE(TestChannelRequest);
AFTERCARE_WIRE_TYPE(TestChannelResponse);

}  // namespace aftercare::api
