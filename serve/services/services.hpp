// What every service needs: the store, credentials, the vendor policy, the clock, live updates and
// the rate limiters that are not per-route. Passed by reference; no globals.
#pragma once

#include <cstdint>
#include <functional>

#include "auth.hpp"
#include "core/policy.h"
#include "live_updates.hpp"
#include "metrics.hpp"
#include "rate_limit.hpp"
#include "store/store.hpp"

namespace aftercare::serve {

struct Services {
    Store& store;
    Auth& auth;
    const core::Policy& policy;
    LiveUpdates& live;
    Metrics& metrics;
    RateLimiter& lookup_failures;  // wrong phone digits per service number
    std::function<std::int64_t()> now;  // Unix seconds; offset in tests that need time to pass
    int long_poll_seconds = 25;
};

}  // namespace aftercare::serve
