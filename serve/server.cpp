// HttpServer: hooks and dispatch. Handlers only parse, call a service and serialize; everything that
// applies to all requests lives here.
#include "server.hpp"

#include <sys/socket.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>
#include <stdexcept>

#include "core/service_number.h"
#include "http_util.hpp"
#include "log.hpp"
#include "response_compression.hpp"

namespace aftercare::serve {
namespace {

using Clock = std::chrono::steady_clock;

// httplib runs a request start-to-finish on one worker thread, so per-request bookkeeping that the
// hooks share (start time, matched route) can live in a thread_local instead of a global map.
struct RequestTrace {
    Clock::time_point start{};
    bool started = false;
    std::string route;
    double duration_ms = 0;
};
thread_local RequestTrace tl_trace;

// Powerful browser features the portal never uses are off for it and for anything it frames.
constexpr const char* kPermissionsPolicy =
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

bool IsApiPath(const std::string& path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

std::string DefaultCode(int status);

struct Message {
    const char* zh;
    const char* en;
};

Message DefaultMessage(int status) {
    switch (status) {
    case 400: return {"请求无法识别", "The request could not be understood."};
    case 401: return {"需要有效的访问令牌", "Authentication is required."};
    case 403: return {"无权执行此操作", "This credential may not do that."};
    case 404: return {"没有找到", "Nothing is here."};
    case 405: return {"不支持该请求方法", "This method is not allowed here."};
    case 413: return {"请求内容过大", "The request body is too large."};
    case 414: return {"请求地址过长", "The request URI is too long."};
    case 415: return {"不支持的内容类型", "Unsupported media type."};
    case 416: return {"请求的范围无效", "The requested range cannot be satisfied."};
    case 429: return {"请求过于频繁，请稍后再试", "Too many requests; try again later."};
    default:
        return status >= 500 ? Message{"服务器内部错误，请稍后再试", "Something went wrong on our side."}
                             : Message{"请求失败", "The request failed."};
    }
}

Json DefaultError(int status) {
    const Message message = DefaultMessage(status);
    return SimpleErrorBody(DefaultCode(status), message.zh, message.en);
}

std::string DefaultCode(int status) {
    switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 415: return "unsupported_media_type";
    case 429: return "rate_limited";
    default: return status >= 500 ? "internal" : "error";
    }
}

}  // namespace

// Exposes the listening socket so the accept backlog can be raised: the shared library was built with
// a backlog of 5, which drops SYNs (1 s client retry) when a load balancer or wrk opens many
// connections at once.
class HttpServer::Impl : public httplib::Server {
public:
    void RaiseBacklog() {
        const auto fd = svr_sock_.load();
        if (fd != INVALID_SOCKET) ::listen(fd, 1024);
    }
    std::vector<std::pair<std::regex, const Route*>> compiled;
};

HttpServer::HttpServer(const Config& config, Metrics& metrics, TokenResolver resolver)
    : config_(config),
      metrics_(metrics),
      resolver_(std::move(resolver)),
      impl_(std::make_unique<Impl>()),
      lookup_limiter_(config.limits.lookup_per_minute, std::chrono::seconds(60)),
      create_limiter_(config.limits.create_per_minute, std::chrono::seconds(60)),
      login_limiter_(config.limits.login_per_minute, std::chrono::seconds(60)) {
    csp_ = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
           "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
           "base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
    for (const auto& origin : config_.embed_origins) csp_ += " " + origin;

    auto& server = *impl_;
    const int threads = config_.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    server.set_payload_max_length(kMaxRequestBytes);
    server.set_keep_alive_max_count(10000);
    server.set_keep_alive_timeout(5);
    server.set_read_timeout(10);
    server.set_write_timeout(10);
    server.set_tcp_nodelay(true);

    server.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        tl_trace.start = Clock::now();
        tl_trace.started = true;
        tl_trace.route.clear();
        return httplib::Server::HandlerResponse::Unhandled;
    });

    // Security headers on every response, including errors produced inside httplib.
    server.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        // Metrics are counted here, before the response is written, so a client that has its answer
        // always finds its request in /metrics (the logger hook runs only after the write).
        tl_trace.duration_ms =
            tl_trace.started ? std::chrono::duration<double, std::milli>(Clock::now() - tl_trace.start).count() : 0;
        metrics_.ObserveRequest(req.method, tl_trace.route.empty() ? "unmatched" : tl_trace.route, res.status,
                                tl_trace.duration_ms / 1000.0);

        CompressJsonResponse(req, res);
        if (!res.has_header("Content-Security-Policy")) res.set_header("Content-Security-Policy", csp_);
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_header("Referrer-Policy", "no-referrer");
        res.set_header("Permissions-Policy", kPermissionsPolicy);
        // embed.js is the one file vendor sites load from another origin (one <script> tag).
        res.set_header("Cross-Origin-Resource-Policy", req.path == "/embed.js" ? "cross-origin" : "same-origin");
        if (IsApiPath(req.path) && !res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
    });

    // Fills the JSON error shape into any error response that has no body yet (httplib's own 400/413/
    // 404 and handler-less statuses); bodies written by handlers are left alone.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty() || res.content_length_ > 0) return httplib::Server::HandlerResponse::Unhandled;
            WriteJson(res, res.status, DefaultError(res.status));
            return httplib::Server::HandlerResponse::Handled;
        }));

    // The backstop: anything that escaped a handler becomes a bare 500. The detail goes to the log,
    // never to the client.
    server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        LogEvent("error", "unhandled exception at " + req.path, what);
        WriteJson(res, 500, DefaultError(500));
    });

    server.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        const double ms = tl_trace.duration_ms;
        std::string route = tl_trace.route.empty() ? "unmatched" : tl_trace.route;
        tl_trace.started = false;
        tl_trace.route.clear();
        tl_trace.duration_ms = 0;
        char duration[32];
        std::snprintf(duration, sizeof duration, "%.3f", ms);
        // The query string is never logged: it is where a careless client would put a token.
        std::string line = "{\"ts\":\"" + UtcTimestamp() + "\",\"level\":\"info\",\"method\":\"" +
                           JsonEscape(req.method) + "\",\"path\":\"" + JsonEscape(req.path) + "\",\"route\":\"" +
                           JsonEscape(route) + "\",\"status\":" + std::to_string(res.status) +
                           ",\"duration_ms\":" + duration + ",\"bytes\":" + std::to_string(res.body.size()) +
                           ",\"client\":\"" + JsonEscape(req.remote_addr) + "\"}\n";
        std::fwrite(line.data(), 1, line.size(), stderr);
    });
}

HttpServer::~HttpServer() = default;

void HttpServer::InstallRoutes() {
    auto& server = *impl_;
    for (const Route& route : routes_.routes()) {
        // The ticket-token check compares the token's ticket with the route's first capture, so a
        // Ticket route must name the ticket first; anything else is a programming error.
        if (route.access == Access::Ticket && route.path.rfind("/api/v1/tickets/{number}", 0) != 0)
            throw std::logic_error("ticket route without a leading {number}: " + route.path);
        const std::string pattern = RouteTable::PatternFor(route.path);
        impl_->compiled.emplace_back(std::regex(pattern), &route);
        auto handler = [this, &route](const httplib::Request& req, httplib::Response& res) {
            Dispatch(route, req, res);
        };
        if (route.method == "GET") server.Get(pattern, handler);
        else if (route.method == "POST") server.Post(pattern, handler);
        else if (route.method == "PUT") server.Put(pattern, handler);
        else if (route.method == "PATCH") server.Patch(pattern, handler);
        else if (route.method == "DELETE") server.Delete(pattern, handler);
    }
    // Everything else: static files for GET/HEAD, JSON 404/405 otherwise.
    auto fallback = [this](const httplib::Request& req, httplib::Response& res) { NoRoute(req, res); };
    server.Get(".*", fallback);
    server.Post(".*", fallback);
    server.Put(".*", fallback);
    server.Patch(".*", fallback);
    server.Delete(".*", fallback);
}

void HttpServer::NoRoute(const httplib::Request& req, httplib::Response& res) {
    if (!IsApiPath(req.path) && (req.method == "GET" || req.method == "HEAD")) {
        tl_trace.route = "static";
        if (static_files_ && static_files_->Serve(req, res)) return;
        WriteJson(res, 404, DefaultError(404));
        return;
    }
    std::string allow;
    for (const auto& [regex, route] : impl_->compiled) {
        if (std::regex_match(req.path, regex)) {
            if (!allow.empty()) allow += ", ";
            allow += route->method;
        }
    }
    if (!allow.empty()) {
        res.set_header("Allow", allow);
        WriteJson(res, 405, DefaultError(405));
        return;
    }
    WriteJson(res, 404, SimpleErrorBody("route_not_found", "没有这个接口", "There is no such endpoint."));
}

void HttpServer::Dispatch(const Route& route, const httplib::Request& req, httplib::Response& res) {
    tl_trace.route = route.path;
    RequestContext context{req, res, Principal{}, req.remote_addr};
    try {
        RateLimiter* limiter = nullptr;
        switch (route.rate) {
        case RateClass::Lookup: limiter = &lookup_limiter_; break;
        case RateClass::Create: limiter = &create_limiter_; break;
        case RateClass::Login: limiter = &login_limiter_; break;
        case RateClass::None: break;
        }
        // Charged before any validation, so malformed guesses cost the same as well-formed ones.
        if (limiter != nullptr) {
            if (int wait = limiter->Take(context.client); wait > 0) {
                DomainError error(ErrorKind::RateLimited, "rate_limited", "请求过于频繁，请稍后再试",
                                  "Too many requests from this address; try again later.");
                error.retry_after_seconds = wait;
                throw error;
            }
        }

        if (route.access != Access::Public) {
            const std::string token = BearerToken(req);
            std::optional<Principal> who = token.empty() ? std::nullopt : resolver_(token);
            if (!who) {
                res.set_header("WWW-Authenticate", "Bearer");
                // A customer's token ends by expiry, by "sign out on all devices", or some time after
                // the ticket closed; in every case the way back is the same, so the answer says it.
                if (route.access == Access::Ticket)
                    throw DomainError(ErrorKind::Unauthenticated, "unauthorized",
                                      "此访问已失效，请用服务编号和手机号后四位重新验证",
                                      "This access has ended; verify again with the service number and the "
                                      "phone's last 4 digits.");
                throw DomainError(ErrorKind::Unauthenticated, "unauthorized", "需要有效的访问令牌",
                                  "A valid access token is required.");
            }
            if (route.access == Access::Staff && who->kind != Principal::Kind::Staff)
                throw DomainError(ErrorKind::Forbidden, "forbidden", "此接口仅供服务人员使用",
                                  "This endpoint is for service staff.");
            if (route.access == Access::ApiKey && who->kind != Principal::Kind::Integration)
                throw DomainError(ErrorKind::Forbidden, "forbidden", "此接口需要集成 API 密钥",
                                  "This endpoint needs an integration API key.");
            if (route.access == Access::Ticket) {
                if (who->kind != Principal::Kind::Customer)
                    throw DomainError(ErrorKind::Forbidden, "forbidden", "此接口需要该工单的访问令牌",
                                      "This endpoint needs the ticket's own access token.");
                // A token for ticket A answers exactly like a missing ticket when asked about B,
                // so it can never be used to learn whether B exists.
                auto number = core::ParseServiceNumber(PathParam(req, 1));
                if (!number || who->service_number != number.Value().compact)
                    throw DomainError(ErrorKind::NotFound, "not_found", "没有找到这张工单",
                                      "No ticket matches.");
            }
            context.who = std::move(*who);
        }
        route.handler(context);
    } catch (const DomainError& error) {
        WriteError(res, error, RequestLanguage(req));
    } catch (const std::exception& e) {
        LogEvent("error", "handler failed: " + route.path, e.what());
        WriteJson(res, 500, DefaultError(500));
    }
}

int HttpServer::Bind() {
    auto& server = *impl_;
    int port = config_.port;
    if (port == 0) {
        port = server.bind_to_any_port(config_.bind);
        if (port <= 0) return -1;
    } else if (!server.bind_to_port(config_.bind, port)) {
        return -1;
    }
    impl_->RaiseBacklog();
    return port;
}

bool HttpServer::Run() { return impl_->listen_after_bind(); }

void HttpServer::Stop() { impl_->stop(); }

}  // namespace aftercare::serve
