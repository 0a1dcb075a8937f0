// The HTTP server: the route table and the cross-cutting hooks (request log, metrics, security
// headers, the JSON error shape, body limits, rate limits, access control) on top of the event-driven
// connection layer (http_listener.hpp). Handlers run on a worker pool; a long-poll with nothing new
// is parked in LiveUpdates and holds no thread while it waits.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "config.hpp"
#include "http_listener.hpp"
#include "live_updates.hpp"
#include "metrics.hpp"
#include "rate_limit.hpp"
#include "request_log.hpp"
#include "routes/route_table.hpp"
#include "standard_headers.hpp"
#include "static_files.hpp"

namespace aftercare::serve {

class SharedReads;  // store/store.hpp

// Turns a bearer token into a principal, or nullopt when it is unknown or expired.
using TokenResolver = std::function<std::optional<Principal>(const std::string& token)>;

// Upper bound for any request body: one 10 MB attachment plus multipart framing. JSON routes apply
// their own much smaller limit (kMaxJsonBodyBytes), and the listener applies that one before reading.
constexpr std::size_t kMaxRequestBytes = 11 * 1024 * 1024;

class HttpServer {
public:
    HttpServer(const Config& config, Metrics& metrics, LiveUpdates& live, TokenResolver resolver);
    ~HttpServer();
    // The per-address lookup, create and login budgets in `buckets` (PostgreSQL), shared by every
    // instance. Before Run.
    void ShareRateLimits(const std::shared_ptr<SharedBuckets>& buckets) {
        lookup_limiter_.Share(buckets, "lookup:");
        create_limiter_.Share(buckets, "create:");
        login_limiter_.Share(buckets, "login:");
    }

    RouteTable& routes() { return routes_; }
    void SetStaticFiles(std::shared_ptr<StaticFiles> files) { static_files_ = std::move(files); }
    // How a StoreReads::Shared route opens its shared snapshot (Store::ShareReads). Before Run.
    void SetShareReads(std::function<std::unique_ptr<SharedReads>()> share) { share_reads_ = std::move(share); }

    // Compiles the route table's patterns; call once after all Register*Routes.
    void InstallRoutes();
    // Binds and starts listening (connections queue up); returns the port, or -1.
    int Bind();
    // Serves until Stop(); returns false if the server could not run.
    bool Run();
    void Stop();

private:
    class Impl;
    // `resumed_as`: a parked poll running again, with the principal it was admitted as.
    void Handle(const std::shared_ptr<Exchange>& exchange, bool may_wait, const Principal* resumed_as = nullptr);
    std::size_t BodyLimit(const HttpRequest& head) const;
    const Route* Match(HttpRequest& req) const;
    // Runs the route; returns false when the request was parked (the answer comes later).
    bool Dispatch(const Route& route, const std::shared_ptr<Exchange>& exchange, bool may_wait,
                  const Principal* resumed_as);
    void Admit(const Route& route, RequestContext& context);
    void NoRoute(const HttpRequest& req, HttpResponse& res);
    std::string ClientOf(const HttpRequest& req) const;
    void Finish(const std::shared_ptr<Exchange>& exchange, std::string_view route);

    const Config& config_;
    Metrics& metrics_;
    LiveUpdates& live_;
    TokenResolver resolver_;
    RouteTable routes_;
    std::shared_ptr<StaticFiles> static_files_;
    std::function<std::unique_ptr<SharedReads>()> share_reads_;
    std::unique_ptr<Impl> impl_;
    RateLimiter lookup_limiter_;
    RateLimiter create_limiter_;
    RateLimiter login_limiter_;
    StandardHeaders standard_headers_;
    RequestLog request_log_;  // written by the workers, which stop before it goes
    std::atomic<bool> stopping_{false};
};

}  // namespace aftercare::serve
