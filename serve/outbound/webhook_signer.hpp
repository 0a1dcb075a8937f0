// Webhook signatures: Aftercare-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
// and, while a rotated-out secret is still valid, a second v1= made with it (receivers accept either).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "outbound/delivery.hpp"
#include "store/store.hpp"

namespace aftercare::serve::outbound {

std::string HmacSha256Hex(std::string_view key, std::string_view message);

// The header value for `body` signed at `t` with `secret` (and `previous_secret` when not empty).
std::string SignatureHeader(std::int64_t t, std::string_view body, std::string_view secret,
                            std::string_view previous_secret);

// "whsec_" + 32 random bytes in hex.
std::string NewWebhookSecret();

// Delivers webhooks to the URL in the outbox row, signed with that endpoint's current secrets
// (looked up at send time, so a rotation applies to messages already queued). 2xx is success.
class WebhookChannel : public Channel {
  public:
    WebhookChannel(Store& store, std::function<std::int64_t()> now);
    DeliveryOutcome Deliver(const OutboxMessage& message) override;

  private:
    Store& store_;
    std::function<std::int64_t()> now_;
};

}  // namespace aftercare::serve::outbound
