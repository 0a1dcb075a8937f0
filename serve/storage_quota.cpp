// Global and per-address storage quotas.
#include "storage_quota.hpp"

#include <algorithm>
#include <utility>

#include "log.hpp"
#include "services/domain_error.hpp"

namespace aftercare::serve {

StorageQuota::StorageQuota(Store& store, std::int64_t global_bytes, std::int64_t per_address_bytes_per_day,
                           Clock clock)
    : store_(store),
      global_bytes_(global_bytes),
      per_address_bytes_(per_address_bytes_per_day),
      per_address_(per_address_bytes_per_day, std::chrono::seconds(86400)),
      clock_(std::move(clock)) {}

std::int64_t StorageQuota::UsedBytes() {
    const std::int64_t used = store_.StorageBytes();
    if (global_bytes_ > 0) {
        const bool high = static_cast<double>(used) >= kWarnFraction * static_cast<double>(global_bytes_);
        // Once per crossing, not once per write.
        if (high && !warned_.exchange(true))
            LogEvent("warn", "storage almost full",
                     std::to_string(used) + " of " + std::to_string(global_bytes_) + " bytes used (--storage-quota-mb)");
        else if (!high)
            warned_ = false;
    }
    return used;
}

std::int64_t StorageQuota::BytesBefore(std::int64_t bytes) {
    const auto now = clock_();
    {
        std::lock_guard lock(estimate_mutex_);
        const std::int64_t estimate = measured_bytes_ + reserved_since_;
        if (measured_bytes_ >= 0 && now - measured_at_ < kMeasureEvery &&
            static_cast<double>(estimate + bytes) < kWarnFraction * static_cast<double>(global_bytes_)) {
            reserved_since_ += bytes;
            return estimate;
        }
    }
    const std::int64_t used = UsedBytes();
    std::lock_guard lock(estimate_mutex_);
    measured_bytes_ = used;
    measured_at_ = now;
    reserved_since_ = bytes;
    return used;
}

void StorageQuota::Reserve(const std::string& client, std::int64_t bytes) {
    if (global_bytes_ > 0 && BytesBefore(bytes) + bytes > global_bytes_)
        throw DomainError(
            ErrorKind::StorageFull, "storage_full", "存储空间已满，暂时无法保存，请稍后再试或联系服务商",
            "Storage is full; nothing can be saved right now. Try later or contact the vendor.");
    if (per_address_bytes_ > 0) {
        // A write larger than the whole daily quota could never fit: charge it as the whole quota.
        const double cost = static_cast<double>(std::min(bytes, per_address_bytes_));
        if (int wait = per_address_.Take(client, cost); wait > 0) {
            DomainError error(ErrorKind::StorageFull, "storage_quota_exceeded",
                              "今天从此网络上传的内容已达上限，请明天再试",
                              "This network has stored as much as it may today; try again later.");
            error.retry_after_seconds = wait;
            throw error;
        }
    }
}

void StorageQuota::Collect(std::string& out) {
    out += "# HELP aftercare_storage_used_bytes Bytes the database holds (free pages not counted).\n"
           "# TYPE aftercare_storage_used_bytes gauge\n";
    out += "aftercare_storage_used_bytes " + std::to_string(UsedBytes()) + "\n";
    out += "# HELP aftercare_storage_quota_bytes The global storage quota (0: none).\n"
           "# TYPE aftercare_storage_quota_bytes gauge\n";
    out += "aftercare_storage_quota_bytes " + std::to_string(global_bytes_) + "\n";
}

}  // namespace aftercare::serve
