// Sweeper thread.
#include "sweeper.hpp"

#include "log.hpp"

#include "services/ticket_service.hpp"

namespace aftercare::serve {
namespace {
constexpr int kBatch = 500;
constexpr std::int64_t kPruneEverySeconds = 3600;
constexpr std::int64_t kIdempotencyRetentionSeconds = 7 * 86400;  // well beyond the usual 24 h
}  // namespace

Sweeper::Sweeper(Services& services, int interval_seconds)
    : services_(services), interval_seconds_(interval_seconds) {}

Sweeper::~Sweeper() { Stop(); }

void Sweeper::Start() { thread_ = std::thread([this] { Loop(); }); }

void Sweeper::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

int Sweeper::RunOnce() {
    int escalations = 0;
    const std::int64_t now = services_.now();
    for (std::int64_t id : services_.store.DueForCheck(now, kBatch)) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) break;
        }
        if (tickets::Sweep(services_, id)) ++escalations;
    }
    if (escalations > 0) services_.metrics.AddCounter("aftercare_sla_escalations_total", escalations);
    if (now - last_prune_ >= kPruneEverySeconds) {
        services_.store.Prune(now, now - kIdempotencyRetentionSeconds);
        last_prune_ = now;
    }
    return escalations;
}

void Sweeper::Loop() {
    for (;;) {
        try {
            // Several instances on one database: only the lease holder sweeps (PgSweeperLease).
            if (!lease_ || lease_()) RunOnce();
        } catch (const std::exception& e) {
            // Logged and retried next interval: a transient store error must not kill the thread.
            LogEvent("error", "sla sweep failed", e.what());
        }
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, std::chrono::seconds(interval_seconds_), [this] { return stopping_; })) return;
    }
}

}  // namespace aftercare::serve
