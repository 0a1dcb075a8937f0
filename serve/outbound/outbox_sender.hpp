// The outbox sender: a background thread that claims due outbox rows, hands each to its channel,
// and marks it sent, or schedules a retry with exponential backoff and full jitter, or dead after
// the last try. Woken when a commit enqueued something, otherwise it sleeps until the next row is
// due. Delivery is at least once: a row is marked sent only after the channel accepted it, so a
// crash in between sends it again after restart (receivers dedup by the message id).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "metrics.hpp"
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
    OutboxSender(Store& store, Metrics& metrics, OutboundSettings settings, std::function<std::int64_t()> now,
                 std::function<int()> vendor_offset);
    ~OutboxSender();

    void SetChannel(OutboxChannel channel, std::unique_ptr<Channel> adapter);
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

    Store& store_;
    Metrics& metrics_;
    OutboundSettings settings_;
    std::function<int()> vendor_offset_;
    std::function<std::int64_t()> now_;
    std::map<OutboxChannel, std::unique_ptr<Channel>> channels_;
    RateLimiter sms_per_recipient_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool woken_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace aftercare::serve::outbound
