// Live updates across instances on PostgreSQL: every change an instance notifies locally is also
// sent as NOTIFY aftercare_live, and every instance LISTENs and wakes its own parked polls for the
// changes of the others. So a staff change made through instance B wakes a customer page
// long-polling instance A, as soon as the notification arrives (typically milliseconds).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "live_updates.hpp"
#include "store/pg_db.hpp"

namespace aftercare::serve {

class PgLiveRelay {
public:
    PgLiveRelay(std::string conninfo, LiveUpdates& live);
    ~PgLiveRelay();  // stops listening
    PgLiveRelay(const PgLiveRelay&) = delete;
    PgLiveRelay& operator=(const PgLiveRelay&) = delete;

    // Connects both sessions (throws pg::Error when the database cannot be reached), sets the
    // relay on `live` and starts the listening thread.
    void Start();
    void Stop();
    // Runs (on the listening thread) when another instance moved the "any ticket" counter with
    // Notify(0): shared settings changed there (an admin saved the policy), so re-read them. Set
    // before Start.
    void OnSharedChange(std::function<void()> reload) { on_shared_change_ = std::move(reload); }

private:
    void Publish(std::int64_t ticket_id);
    void Listen();
    bool Connect();

    std::string conninfo_;
    LiveUpdates& live_;
    std::string instance_;  // random: an instance ignores its own notifications (it woke its polls already)
    std::mutex publish_mutex_;
    std::unique_ptr<pg::Connection> publisher_;
    std::unique_ptr<pg::Connection> listener_;  // used by the listening thread only, after Start
    std::function<void()> on_shared_change_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace aftercare::serve
