// The outbox sender: a background thread that claims due outbox rows, hands each to its channel,
// and marks it sent, or schedules a retry with exponential backoff and full jitter, or dead after
// the last try. Woken when a commit enqueued something, otherwise it sleeps until the next row is
// due. Delivery is at least once: a row is marked sent only after the channel accepted it, so a
// crash in between sends it again after restart (receivers dedup by the message id).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "metrics.hpp"
#include "outbound/channel_config.hpp"
#include "outbound/delivery.hpp"
#include "outbound/settings.hpp"
#include "rate_limit.hpp"
#include "store/store.hpp"

namespace aftercare::serve::outbound {

// "+8613800138000" -> "+86138****8000": phone numbers are never logged in full.
std::string MaskPhone(const std::string& phone);

// The delay before retry `attempt` (1-based): uniform in [0, min(cap, base * 2^(attempt-1))] ("full
// jitter"), at least one second. `random01` is in [0, 1).
std::int64_t RetryDelay(int attempt, int base_seconds, int cap_seconds, double random01);

// When SMS quiet hours (vendor time) hold a message sent at `now`: the end of the quiet period, or 0
// when `now` is outside it.
std::int64_t QuietUntil(std::int64_t now, int utc_offset_minutes, int start_hour, int end_hour);

class OutboxSender {
  public:
    // `vendor_offset`: the vendor's UTC offset now, from the policy (quiet hours are on its clock).
    // E-mail and SMS go by `channels`' snapshot in force, taken at each pass (an admin's save takes
    // effect on the next message).
    OutboxSender(Store& store, Metrics& metrics, OutboundSettings settings, const ChannelConfig& channels,
                 std::function<std::int64_t()> now, std::function<int()> vendor_offset);
    ~OutboxSender();

    // The webhook channel (its endpoints live in the store, so it never changes).
    void SetWebhookChannel(std::unique_ptr<Channel> adapter) { webhook_ = std::move(adapter); }
    // From now on the per-recipient SMS budget is `buckets`' (several instances share it). Before Start.
    void ShareLimits(const std::shared_ptr<SharedBuckets>& buckets) { sms_per_recipient_.Share(buckets, "sms.recipient:"); }
    void Start();
    void Stop();
    // Something was enqueued: look now rather than at the next scheduled time.
    void Wake();
    // One pass over due rows; returns how many were attempted.
    int RunOnce();

  private:
    void Loop();
    // Rebuilds the e-mail and SMS adapters when the channels in force changed.
    void Refresh();
    Channel* AdapterFor(OutboxChannel channel) const;

    Store& store_;
    Metrics& metrics_;
    OutboundSettings settings_;
    std::function<int()> vendor_offset_;
    std::function<std::int64_t()> now_;
    const ChannelConfig& channels_;
    std::uint64_t built_version_ = ~std::uint64_t{0};
    std::unique_ptr<Channel> email_;
    std::unique_ptr<Channel> sms_;
    std::unique_ptr<Channel> webhook_;
    RateLimiter sms_per_recipient_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool woken_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace aftercare::serve::outbound
