// What every service needs: the store, credentials, the vendor policy, the clock, live updates and
// the rate limiters that are not per-route. Passed by reference; no globals.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "auth.hpp"
#include "core/policy.h"
#include "core/time.h"
#include "holiday_calendar.hpp"
#include "live_updates.hpp"
#include "metrics.hpp"
#include "rate_limit.hpp"
#include "services/guess_budget.hpp"
#include "storage_quota.hpp"
#include "store/store.hpp"

namespace aftercare::serve {

namespace outbound {
class Notifier;       // outbound/notifier.hpp
class ChannelConfig;  // outbound/channel_config.hpp
}

// The vendor policy in force. An admin may replace it while the server runs (PUT /staff/policy),
// so nobody holds a reference to it: each use takes a snapshot that stays valid while in use.
class PolicyHolder {
public:
    // Every policy held carries `calendar`'s holidays: the calendar files are the one place those
    // dates live, whatever a policy file or an admin's saved policy lists.
    explicit PolicyHolder(core::Policy policy, HolidayCalendar calendar = {})
        : calendar_(std::move(calendar)) {
        calendar_.ApplyTo(policy);
        current_ = std::make_shared<const core::Policy>(std::move(policy));
    }

    std::shared_ptr<const core::Policy> Get() const {
        std::lock_guard lock(mutex_);
        return current_;
    }
    const HolidayCalendar& Calendar() const { return calendar_; }

    void Set(core::Policy policy) {
        calendar_.ApplyTo(policy);
        auto next = std::make_shared<const core::Policy>(std::move(policy));
        std::lock_guard lock(mutex_);
        current_ = std::move(next);
    }

private:
    HolidayCalendar calendar_; // set once at start
    mutable std::mutex mutex_;
    std::shared_ptr<const core::Policy> current_;
};

struct Services {
    Store& store;
    Auth& auth;
    PolicyHolder& policies;
    LiveUpdates& live;
    Metrics& metrics;
    GuessBudget& guesses;  // wrong phone digits per service number or order, reserved before checking
    StorageQuota& quota;   // checked before storing customer content
    RateLimiter& reveals;  // customer phone/address reveals per staff account (--rate-reveal an hour)
    std::function<std::int64_t()> now;  // Unix seconds; offset in tests that need time to pass
    int long_poll_seconds = 25;
    // Outbound messages (e-mail, SMS, webhooks) written with the events that cause them; null when
    // nothing is configured to go out (tools, some tests).
    outbound::Notifier* notifier = nullptr;
    // The e-mail and SMS channels in force (flags, else the admin screen's); null with the notifier.
    outbound::ChannelConfig* channels = nullptr;

    // A snapshot of the policy: keep the pointer for as long as its values are used.
    std::shared_ptr<const core::Policy> Policy() const { return policies.Get(); }
    // How long after a ticket ended its customer may still open it (policy, in seconds).
    std::int64_t CustomerAccessAfterClose() const {
        return static_cast<std::int64_t>(Policy()->tickets.customer_access_days_after_close) * core::kSecondsPerDay;
    }
};

}  // namespace aftercare::serve
