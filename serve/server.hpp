// The HTTP server: httplib plus the cross-cutting hooks (request log, metrics, security headers, the
// JSON error shape, body limits, rate limits, access control) and the route table it serves.
#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "config.hpp"
#include "metrics.hpp"
#include "rate_limit.hpp"
#include "routes/route_table.hpp"
#include "static_files.hpp"

namespace aftercare::serve {

// Turns a bearer token into a principal, or nullopt when it is unknown or expired.
using TokenResolver = std::function<std::optional<Principal>(const std::string& token)>;

// Upper bound for any request body: one 10 MB attachment plus multipart framing. JSON routes apply
// their own much smaller limit (kMaxJsonBodyBytes). httplib treats 0 as "unlimited", so never 0.
constexpr std::size_t kMaxRequestBytes = 11 * 1024 * 1024;

class HttpServer {
public:
    HttpServer(const Config& config, Metrics& metrics, TokenResolver resolver);
    ~HttpServer();

    RouteTable& routes() { return routes_; }
    void SetStaticFiles(std::shared_ptr<StaticFiles> files) { static_files_ = std::move(files); }

    // Registers the route table with httplib; call once after all Register*Routes.
    void InstallRoutes();
    // Binds and starts listening (connections queue up); returns the port, or -1.
    int Bind();
    // Serves until Stop(); returns false if the server could not run.
    bool Run();
    void Stop();

    // The Content-Security-Policy every response carries (attachments add `sandbox`).
    const std::string& csp() const { return csp_; }

private:
    class Impl;
    void Dispatch(const Route& route, const httplib::Request& req, httplib::Response& res);
    void NoRoute(const httplib::Request& req, httplib::Response& res);

    const Config& config_;
    Metrics& metrics_;
    TokenResolver resolver_;
    RouteTable routes_;
    std::shared_ptr<StaticFiles> static_files_;
    std::unique_ptr<Impl> impl_;
    RateLimiter lookup_limiter_;
    RateLimiter create_limiter_;
    RateLimiter login_limiter_;
    std::string csp_;
};

}  // namespace aftercare::serve
