// NOTIFY on one session, LISTEN on another. The payload is "<instance>:<ticket id>".
#include "pg_live_relay.hpp"

#include <poll.h>

#include <charconv>
#include <chrono>
#include <random>

#include "log.hpp"

namespace aftercare::serve {

namespace {
constexpr const char* kChannel = "LISTEN aftercare_live";
}  // namespace

PgLiveRelay::PgLiveRelay(std::string conninfo, LiveUpdates& live) : conninfo_(std::move(conninfo)), live_(live) {
    std::random_device random;
    instance_ = std::to_string(random()) + std::to_string(random());
}

PgLiveRelay::~PgLiveRelay() { Stop(); }

void PgLiveRelay::Start() {
    publisher_ = std::make_unique<pg::Connection>(conninfo_);
    listener_ = std::make_unique<pg::Connection>(conninfo_);
    listener_->Exec(kChannel);
    live_.SetRelay([this](std::int64_t ticket_id) { Publish(ticket_id); });
    thread_ = std::thread([this] { Listen(); });
}

void PgLiveRelay::Stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
}

void PgLiveRelay::Publish(std::int64_t ticket_id) {
    // Called after the change committed, on the request's thread. A failure here must not turn a
    // stored change into an error answer: the other instances' polls then end at their deadline
    // (--long-poll-seconds) and read the change, just later.
    try {
        std::lock_guard lock(publish_mutex_);
        if (!publisher_->EnsureOpen()) throw pg::Error("postgresql: cannot reconnect", "", true);
        publisher_->Run("SELECT pg_notify('aftercare_live', $1)",
                        pg::Params().Add(instance_ + ":" + std::to_string(ticket_id)));
    } catch (const std::exception& e) {
        LogEvent("warn", "live update not sent to other instances", e.what());
    }
}

bool PgLiveRelay::Connect() {
    try {
        if (!listener_->EnsureOpen()) return false;
        listener_->Exec(kChannel);
        return true;
    } catch (const pg::Error&) {
        return false;
    }
}

void PgLiveRelay::Listen() {
    bool connected = true;
    while (!stopping_) {
        if (!connected) {
            if (!Connect()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(500));
                continue;
            }
            connected = true;
            // Notifications sent while the session was down are lost: every parked poll reads again.
            LogEvent("info", "live updates from other instances resumed");
            if (on_shared_change_) on_shared_change_();
            live_.WakeAll();
        }
        PGconn* conn = listener_->handle();
        pollfd fd{PQsocket(conn), POLLIN, 0};
        // A bounded wait, so Stop is noticed within half a second.
        if (fd.fd < 0 || poll(&fd, 1, 500) < 0) {
            connected = false;
            continue;
        }
        if (PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK) {
            LogEvent("warn", "live updates from other instances interrupted", PQerrorMessage(conn));
            connected = false;
            continue;
        }
        while (PGnotify* notify = PQnotifies(conn)) {
            const std::string_view payload(notify->extra);
            const auto colon = payload.find(':');
            std::int64_t ticket_id = 0;
            if (colon != std::string_view::npos && payload.substr(0, colon) != instance_) {
                const auto digits = payload.substr(colon + 1);
                if (std::from_chars(digits.data(), digits.data() + digits.size(), ticket_id).ec == std::errc()) {
                    // First the new settings, then the wake-up: a console woken reads the new policy.
                    if (ticket_id == 0 && on_shared_change_) on_shared_change_();
                    live_.NotifyFromPeer(ticket_id);
                }
            }
            PQfreemem(notify);
        }
    }
}

}  // namespace aftercare::serve
