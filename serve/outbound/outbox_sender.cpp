// Outbox sender thread.
#include "outbound/outbox_sender.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "log.hpp"
#include "store/outbox.hpp"

namespace aftercare::serve::outbound {
namespace {
constexpr int kBatch = 100;
// How long a claimed row stays away from other passes while one is being delivered; also bounds
// how long a row waits after a crash if ReleaseClaims did not run.
constexpr std::int64_t kLeaseSeconds = 300;
constexpr std::int64_t kMaxSleepSeconds = 60;

double Random01() { return static_cast<double>(randombytes_uniform(1u << 30)) / static_cast<double>(1u << 30); }

std::string RecipientForLog(const OutboxMessage& m) {
    return m.channel == OutboxChannel::Sms ? MaskPhone(m.recipient) : m.recipient_label;
}
}  // namespace

std::string MaskPhone(const std::string& phone) {
    if (phone.size() <= 7) return std::string(phone.size(), '*');
    const std::size_t keep_head = phone[0] == '+' ? 6 : 3;
    std::string masked = phone.substr(0, keep_head);
    masked += std::string(phone.size() - keep_head - 4, '*');
    masked += phone.substr(phone.size() - 4);
    return masked;
}

std::int64_t RetryDelay(int attempt, int base_seconds, int cap_seconds, double random01) {
    const double ceiling =
        std::min(static_cast<double>(cap_seconds), static_cast<double>(base_seconds) * std::pow(2.0, std::max(0, attempt - 1)));
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(ceiling * random01));
}

std::int64_t QuietUntil(std::int64_t now, int utc_offset_minutes, int start_hour, int end_hour) {
    const std::int64_t local = now + static_cast<std::int64_t>(utc_offset_minutes) * 60;
    const std::int64_t day_start = local - ((local % 86400) + 86400) % 86400;
    const std::int64_t hour = (local - day_start) / 3600;
    const bool quiet = start_hour > end_hour ? (hour >= start_hour || hour < end_hour)
                                             : (hour >= start_hour && hour < end_hour);
    if (!quiet) return 0;
    std::int64_t end_local = day_start + static_cast<std::int64_t>(end_hour) * 3600;
    if (end_local <= local) end_local += 86400;
    return end_local - static_cast<std::int64_t>(utc_offset_minutes) * 60;
}

OutboxSender::OutboxSender(Store& store, Metrics& metrics, OutboundSettings settings, const ChannelConfig& channels,
                           std::function<std::int64_t()> now, std::function<int()> vendor_offset)
    : store_(store),
      metrics_(metrics),
      settings_(std::move(settings)),
      vendor_offset_(std::move(vendor_offset)),
      now_(std::move(now)),
      channels_(channels),
      sms_per_recipient_(settings_.sms_per_recipient_per_hour, std::chrono::hours(1)) {}

OutboxSender::~OutboxSender() { Stop(); }

void OutboxSender::Refresh() {
    const auto in_force = channels_.Current();
    if (in_force->version == built_version_) return;
    email_ = MakeEmailChannel(*in_force, settings_.public_url);
    sms_ = MakeSmsChannel(*in_force, now_);
    built_version_ = in_force->version;
}

Channel* OutboxSender::AdapterFor(OutboxChannel channel) const {
    switch (channel) {
        case OutboxChannel::Email: return email_.get();
        case OutboxChannel::Sms: return sms_.get();
        case OutboxChannel::Webhook: return webhook_.get();
    }
    return nullptr;
}

void OutboxSender::Start() {
    const std::int64_t now = now_();
    int released = 0;
    store_.Write([&](StoreTx& tx) { released = tx.Outbox().ReleaseClaims(now); });
    if (released > 0)
        LogEvent("warn", "outbox: messages claimed before a restart are due again", std::to_string(released));
    thread_ = std::thread([this] { Loop(); });
}

void OutboxSender::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void OutboxSender::Wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

int OutboxSender::RunOnce() {
    Refresh();
    const std::int64_t now = now_();
    std::vector<OutboxMessage> due;
    store_.Write([&](StoreTx& tx) { due = tx.Outbox().ClaimDue(now, now + kLeaseSeconds, kBatch); });
    for (const OutboxMessage& message : due) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) break;  // claimed rows are released at the next start
        }
        const std::int64_t at = now_();
        // SMS rules: quiet hours on the vendor's clock (urgent tickets excepted), and a per-recipient
        // budget so a flapping ticket cannot flood one phone.
        if (message.channel == OutboxChannel::Sms) {
            if (!message.urgent) {
                if (const std::int64_t until = QuietUntil(at, vendor_offset_(),
                                                          settings_.quiet_start_hour, settings_.quiet_end_hour)) {
                    store_.Write([&](StoreTx& tx) { tx.Outbox().Postpone(message.id, until, "quiet hours"); });
                    continue;
                }
            }
            if (const int wait = sms_per_recipient_.Take(message.recipient); wait > 0) {
                store_.Write([&](StoreTx& tx) {
                    tx.Outbox().Postpone(message.id, at + wait, "recipient rate limit");
                });
                continue;
            }
        }
        DeliveryOutcome outcome;
        Channel* channel = AdapterFor(message.channel);
        if (channel == nullptr) {
            outcome.error = std::string(ToString(message.channel)) + " is not configured";
        } else {
            try {
                outcome = channel->Deliver(message);
            } catch (const std::exception& e) {
                outcome.error = e.what();
            }
        }
        const std::int64_t done = now_();
        const std::string metric_channel = std::string(ToString(message.channel));
        store_.Write([&](StoreTx& tx) {
            if (outcome.ok) {
                tx.Outbox().MarkSent(message.id, done);
            } else if (outcome.permanent || message.attempts >= settings_.max_attempts) {
                tx.Outbox().MarkFailed(message.id, outcome.error, std::nullopt);
            } else {
                tx.Outbox().MarkFailed(
                    message.id, outcome.error,
                    done + RetryDelay(message.attempts, settings_.retry_base_seconds, settings_.retry_cap_seconds,
                                      Random01()));
            }
        });
        if (outcome.ok) {
            metrics_.AddCounter("aftercare_outbox_" + metric_channel + "_sent_total", 1);
        } else {
            metrics_.AddCounter("aftercare_outbox_" + metric_channel + "_failures_total", 1);
            LogEvent("warn", "outbox delivery failed",
                     metric_channel + " " + message.event_type + " to " + RecipientForLog(message) + " (attempt " +
                         std::to_string(message.attempts) + "): " + outcome.error);
        }
    }
    return static_cast<int>(due.size());
}

void OutboxSender::Loop() {
    for (;;) {
        int attempted = 0;
        try {
            attempted = RunOnce();
        } catch (const std::exception& e) {
            // Logged and retried: a transient store error must not kill the thread.
            LogEvent("error", "outbox pass failed", e.what());
        }
        std::int64_t sleep_seconds = kMaxSleepSeconds;
        if (attempted >= kBatch) {
            sleep_seconds = 0;  // more may be due right now
        } else {
            try {
                if (auto next = store_.Outbox().NextDueAt())
                    sleep_seconds = std::clamp<std::int64_t>(*next - now_(), 0, kMaxSleepSeconds);
            } catch (const std::exception&) {
            }
        }
        std::unique_lock lock(mutex_);
        if (sleep_seconds > 0)
            wake_.wait_for(lock, std::chrono::seconds(sleep_seconds), [this] { return stopping_ || woken_; });
        woken_ = false;
        if (stopping_) return;
    }
}

}  // namespace aftercare::serve::outbound
