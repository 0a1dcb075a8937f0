// The SLA sweeper: a background thread that escalates tickets whose deadlines passed (one level
// per pass, per policy), closes resolved tickets after the reopen window, and prunes expired tokens.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "services/services.hpp"

namespace aftercare::serve {

class Sweeper {
public:
    Sweeper(Services& services, int interval_seconds);
    ~Sweeper();

    // Before each pass: whether this instance may sweep (the PostgreSQL lease); unset: always.
    // Set before Start.
    void SetLease(std::function<bool()> lease) { lease_ = std::move(lease); }
    void Start();
    void Stop();

    // One pass, also run by Start's thread; returns the number of escalations written.
    int RunOnce();

private:
    void Loop();

    Services& services_;
    int interval_seconds_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
    std::int64_t last_prune_ = 0;
    std::function<bool()> lease_;
};

}  // namespace aftercare::serve
