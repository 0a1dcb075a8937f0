// HMAC-SHA256 signatures (libsodium) and the webhook channel.
#include "outbound/webhook_signer.hpp"

#include <sodium.h>

#include "outbound/http_post.hpp"
#include "store/outbox.hpp"

namespace aftercare::serve::outbound {
namespace {

std::string Hex(const unsigned char* bytes, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, size);
    out.pop_back();
    return out;
}

}  // namespace

std::string HmacSha256Hex(std::string_view key, std::string_view message) {
    // crypto_auth_hmacsha256 with a key of any length (init/update/final): the documented
    // verification snippets use the secret's text as the key, whatever its length.
    crypto_auth_hmacsha256_state state;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    return Hex(mac, sizeof mac);
}

std::string SignatureHeader(std::int64_t t, std::string_view body, std::string_view secret,
                            std::string_view previous_secret) {
    std::string signed_text = std::to_string(t) + ".";
    signed_text.append(body);
    std::string header = "t=" + std::to_string(t) + ",v1=" + HmacSha256Hex(secret, signed_text);
    if (!previous_secret.empty()) header += ",v1=" + HmacSha256Hex(previous_secret, signed_text);
    return header;
}

std::string NewWebhookSecret() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    return "whsec_" + Hex(bytes, sizeof bytes);
}

WebhookChannel::WebhookChannel(Store& store, std::function<std::int64_t()> now)
    : store_(store), now_(std::move(now)) {}

DeliveryOutcome WebhookChannel::Deliver(const OutboxMessage& message) {
    // recipient_label is "webhook#<id>": the endpoint whose secrets sign the body.
    const std::string prefix = "webhook#";
    std::int64_t endpoint_id = 0;
    if (message.recipient_label.rfind(prefix, 0) == 0) endpoint_id = std::atoll(message.recipient_label.c_str() + prefix.size());
    std::optional<WebhookEndpoint> endpoint;
    for (auto& candidate : store_.Outbox().ListWebhooks())
        if (candidate.id == endpoint_id) endpoint = std::move(candidate);
    if (!endpoint) return {false, true, "webhook endpoint no longer exists"};
    if (!endpoint->active) return {false, true, "webhook endpoint disabled"};
    const std::int64_t t = now_();
    const std::string previous = endpoint->previous_until > t ? endpoint->previous_secret : std::string();
    const HttpReply reply = PostJson(endpoint->url, message.body,
                                     {"Aftercare-Signature: " + SignatureHeader(t, message.body, endpoint->secret, previous),
                                      "Aftercare-Event-Id: " + message.message_id,
                                      "Aftercare-Event-Type: " + message.event_type});
    if (!reply.transport_ok) return {false, false, "webhook: " + reply.error};
    if (reply.status >= 200 && reply.status < 300) return {true, false, {}};
    return {false, false, "webhook: HTTP " + std::to_string(reply.status)};
}

}  // namespace aftercare::serve::outbound
