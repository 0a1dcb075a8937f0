// Storage quotas: public endpoints store tickets and attachments (up to 10 MiB each), so the disk is
// a shared resource an anonymous caller could fill. Two limits, checked before every write that
// stores customer content:
//   * global: the database may hold at most `global_bytes`; beyond it writes get 507 storage_full,
//     and crossing `kWarnFraction` of it logs a warning once (and again after it fell below);
//   * per client address: at most `per_address_bytes_per_day` stored a day (a token bucket in bytes),
//     beyond it 507 storage_quota_exceeded with Retry-After. On PostgreSQL the bucket is in the
//     database (ShareLimits), so N instances still allow one day's bytes, not N.
// Both are exported to /metrics (aftercare_storage_used_bytes, aftercare_storage_quota_bytes).
// Measuring the database costs a query (on PostgreSQL one that sizes every table's files), so far
// below the quota a write is checked against the last measure, at most a second old, plus the bytes
// reserved since; from kWarnFraction of the quota on, every write measures.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "rate_limit.hpp"
#include "store/store.hpp"

namespace aftercare::serve {

class StorageQuota {
public:
    static constexpr double kWarnFraction = 0.9;

    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    // 0 disables a limit. `clock` times the measures (tests pass their own).
    StorageQuota(Store& store, std::int64_t global_bytes, std::int64_t per_address_bytes_per_day,
                 Clock clock = std::chrono::steady_clock::now);

    // Throws DomainError 507 when storing `bytes` more from `client` would pass either quota; otherwise
    // charges the address. Checked before the write: concurrent writers may overshoot the global
    // quota by at most one request each (10 MiB per worker thread).
    void Reserve(const std::string& client, std::int64_t bytes);

    // From now on the per-address buckets are `buckets`' (one atomic upsert per charge, pg_buckets.cpp),
    // shared by every instance on the database. Called at start, before any request.
    void ShareLimits(const std::shared_ptr<SharedBuckets>& buckets) { per_address_.Share(buckets, "storage.address:"); }

    // Appends the gauges in Prometheus text.
    void Collect(std::string& out);

private:
    static constexpr std::chrono::seconds kMeasureEvery{1};

    std::int64_t UsedBytes();
    // What the database will hold before this write of `bytes`: measured, or estimated as above.
    std::int64_t BytesBefore(std::int64_t bytes);

    Store& store_;
    std::int64_t global_bytes_;
    std::int64_t per_address_bytes_;
    RateLimiter per_address_;
    std::atomic<bool> warned_{false};
    Clock clock_;
    std::mutex estimate_mutex_;  // guards the three below
    std::int64_t measured_bytes_ = -1;  // -1: not measured yet
    std::chrono::steady_clock::time_point measured_at_;
    std::int64_t reserved_since_ = 0;
};

}  // namespace aftercare::serve
