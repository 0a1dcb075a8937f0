// HttpServer: hooks and dispatch. Handlers only parse, call a service and serialize; everything that
// applies to all requests lives here.
#include "server.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>
#include <stdexcept>
#include <thread>

#include <unistd.h>  // STDERR_FILENO

#include "client_address.hpp"
#include "core/service_number.h"
#include "http_util.hpp"
#include "json_text.hpp"
#include "log.hpp"
#include "request_decoding.hpp"
#include "response_compression.hpp"
#include "services/ticket_service.hpp"
#include "store/store.hpp"
#include "worker_pool.hpp"

namespace aftercare::serve {
namespace {

// Appends a number as std::to_chars writes it (a double: with the format and precision given), or
// null should it not fit.
template <typename Number, typename... Format>
void AppendNumber(std::string& out, Number value, Format... format) {
    char text[48];
    const auto [end, error] = std::to_chars(text, text + sizeof text, value, format...);
    if (error == std::errc()) out.append(text, end);
    else out += "null";
}

using Clock = std::chrono::steady_clock;

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
    case 408: return {"请求发送超时", "The request took too long to arrive."};
    case 413: return {"请求内容过大", "The request body is too large."};
    case 414: return {"请求地址过长", "The request URI is too long."};
    case 415: return {"不支持的内容类型或编码", "Unsupported media type or content encoding."};
    case 416: return {"请求的范围无效", "The requested range cannot be satisfied."};
    case 429: return {"请求过于频繁，请稍后再试", "Too many requests; try again later."};
    case 431: return {"请求头过大", "The request header is too large."};
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
    case 408: return "request_timeout";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 415: return "unsupported_media_type";
    case 416: return "range_not_satisfiable";
    case 429: return "rate_limited";
    case 431: return "header_too_large";
    default: return status >= 500 ? "internal" : "error";
    }
}

bool IsRead(const HttpRequest& req) { return req.method == "GET" || req.method == "HEAD"; }

}  // namespace

class HttpServer::Impl {
public:
    Impl(int read_threads, int write_threads, ListenerLimits limits, ListenerHooks hooks)
        : reads(read_threads), writes(write_threads), listener(limits, std::move(hooks)) {}
    // Reads and writes want pools of different sizes (config.cpp, ReadThreads).
    WorkerPool& PoolFor(const HttpRequest& req) { return IsRead(req) ? reads : writes; }
    WorkerPool reads;
    WorkerPool writes;
    HttpListener listener;
};

HttpServer::HttpServer(const Config& config, Metrics& metrics, LiveUpdates& live, TokenResolver resolver)
    : config_(config),
      metrics_(metrics),
      live_(live),
      resolver_(std::move(resolver)),
      lookup_limiter_(config.limits.lookup_per_minute, std::chrono::seconds(60)),
      create_limiter_(config.limits.create_per_minute, std::chrono::seconds(60)),
      login_limiter_(config.limits.login_per_minute, std::chrono::seconds(60)),
      standard_headers_(config.embed_origins),
      request_log_(STDERR_FILENO) {
    ListenerLimits limits;
    limits.max_connections = config_.max_connections;
    limits.max_connections_per_client = config_.max_connections_per_client;
    // Parsing and writing are cheap next to the handlers' SQLite work: one I/O thread per core, at most 4.
    limits.io_threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
    ListenerHooks hooks;
    hooks.body_limit = [this](const HttpRequest& head) { return BodyLimit(head); };
    hooks.on_request = [this](std::shared_ptr<Exchange> exchange) {
        exchange->req.client = ClientOf(exchange->req);
        WorkerPool& pool = impl_->PoolFor(exchange->req);
        pool.Post([this, exchange = std::move(exchange)] { Handle(exchange, true); });
    };
    impl_ = std::make_unique<Impl>(ReadThreads(config_), config_.threads, limits, std::move(hooks));
    metrics_.AddCollector([this](std::string& out) { impl_->listener.Collect(out); });
}

HttpServer::~HttpServer() {
    Stop();
    impl_->reads.Stop();
    impl_->writes.Stop();
}

void HttpServer::InstallRoutes() {
    for (const Route& route : routes_.routes()) {
        // The ticket-token check compares the token's ticket with the route's first capture, so a
        // Ticket route must name the ticket first; anything else is a programming error.
        if (route.access == Access::Ticket && route.path.rfind("/api/v1/tickets/{number}", 0) != 0)
            throw std::logic_error("ticket route without a leading {number}: " + route.path);
        if (!RouteTable::WellFormed(route.path))
            throw std::logic_error("a placeholder is not a whole segment: " + route.path);
    }
}

const Route* HttpServer::Match(HttpRequest& req) const {
    // HEAD is answered like GET, without the body.
    const std::string& method = req.method == "HEAD" ? std::string("GET") : req.method;
    std::vector<std::string> captures;
    for (const Route& route : routes_.routes()) {
        if (route.method != method || !RouteTable::Matches(route.path, req.path, &captures)) continue;
        req.matches.assign(1, req.path);
        req.matches.insert(req.matches.end(), std::make_move_iterator(captures.begin()),
                           std::make_move_iterator(captures.end()));
        return &route;
    }
    return nullptr;
}

std::size_t HttpServer::BodyLimit(const HttpRequest& head) const {
    // Uploads and imports (declared with their own media types) take up to kMaxRequestBytes; every
    // JSON body (and anything unrouted) is small, and is refused or cut off at kMaxJsonBodyBytes
    // before the rest of it is read.
    HttpRequest probe;
    probe.method = head.method;
    probe.path = head.path;
    const Route* route = Match(probe);
    if (route != nullptr && route->endpoint != nullptr && !route->endpoint->request_media.empty())
        return kMaxRequestBytes;
    return kMaxJsonBodyBytes;
}

void HttpServer::Handle(const std::shared_ptr<Exchange>& exchange, bool may_wait, const Principal* resumed_as) {
    HttpRequest& req = exchange->req;
    HttpResponse& res = exchange->res;
    res = HttpResponse{};  // a parked request runs again from the start
    std::string_view route_name = "unmatched";  // a route's template lives as long as the server
    try {
        if (exchange->refusal != 0) {
            WriteJson(res, exchange->refusal, DefaultError(exchange->refusal));
        } else if (const int refused = req.has_header("Content-Encoding") ? DecodeRequestBody(req, BodyLimit(req)) : 0;
                   refused != 0) {
            WriteJson(res, refused, DefaultError(refused));
        } else if (const Route* route = Match(req)) {
            route_name = route->path;
            if (!Dispatch(*route, exchange, may_wait, resumed_as)) return;  // parked: answered on wake-up
        } else {
            if (!IsApiPath(req.path) && (req.method == "GET" || req.method == "HEAD")) route_name = "static";
            NoRoute(req, res);
        }
    } catch (const std::exception& e) {
        // The backstop: the detail goes to the log, never to the client.
        LogEvent("error", "unhandled exception at " + req.path, e.what());
        res = HttpResponse{};
        WriteJson(res, 500, DefaultError(500));
    }
    Finish(exchange, route_name);
}

void HttpServer::Finish(const std::shared_ptr<Exchange>& exchange, std::string_view route) {
    const HttpRequest& req = exchange->req;
    HttpResponse& res = exchange->res;
    if (res.status < 0) res.status = 404;
    // Fills the JSON error shape into an error answer a handler left without a body.
    if (res.status >= 400 && res.body_view().empty()) WriteJson(res, res.status, DefaultError(res.status));

    // Counted before the answer is written, so a client that has its answer always finds its
    // request in /metrics.
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - req.received).count();
    metrics_.ObserveRequest(req.method, route, res.status, ms / 1000.0);

    CompressJsonResponse(req, res);
    // embed.js is the one file vendor sites load from another origin (one <script> tag).
    const bool own_csp = res.has_header("Content-Security-Policy");
    const bool no_store = IsApiPath(req.path) && !res.has_header("Cache-Control");
    res.standard_headers = standard_headers_.Lines(own_csp, req.path == "/embed.js", no_store);

    // One buffer per worker thread, reused: the line is written once per answer. Numbers go in with
    // to_chars: snprintf's formatting was 1 % of a read's CPU.
    thread_local std::string line;
    line.assign("{\"ts\":\"");
    AppendUtcTimestamp(line);
    line += "\",\"level\":\"info\",\"method\":\"";
    AppendJsonEscaped(line, req.method);
    // The query string is never logged: it is where a careless client would put a token.
    line += "\",\"path\":\"";
    AppendJsonEscaped(line, req.path);
    line += "\",\"route\":\"";
    AppendJsonEscaped(line, route);
    line += "\",\"status\":";
    AppendNumber(line, res.status);
    line += ",\"duration_ms\":";
    AppendNumber(line, ms, std::chars_format::fixed, 3);
    line += ",\"bytes\":";
    AppendNumber(line, res.body_view().size());
    line += ",\"client\":\"";
    AppendJsonEscaped(line, req.client);
    line += "\"}\n";
    request_log_.Add(line);
    exchange->Send();
}

std::string HttpServer::ClientOf(const HttpRequest& req) const {
    std::string forwarded_for;
    const auto [first, last] = req.headers.equal_range("X-Forwarded-For");
    for (auto it = first; it != last; ++it) forwarded_for += (forwarded_for.empty() ? "" : ",") + it->second;
    return ClientKey(req.remote_addr, forwarded_for, config_.trusted_proxies);
}

void HttpServer::NoRoute(const HttpRequest& req, HttpResponse& res) {
    if (!IsApiPath(req.path) && (req.method == "GET" || req.method == "HEAD")) {
        if (static_files_ && static_files_->Serve(req, res)) return;
        WriteJson(res, 404, DefaultError(404));
        return;
    }
    std::string allow;
    for (const Route& route : routes_.routes()) {
        if (RouteTable::Matches(route.path, req.path)) {
            if (!allow.empty()) allow += ", ";
            allow += route.method;
        }
    }
    if (!allow.empty()) {
        res.set_header("Allow", allow);
        WriteJson(res, 405, DefaultError(405));
        return;
    }
    WriteJson(res, 404, SimpleErrorBody("route_not_found", "没有这个接口", "There is no such endpoint."));
}

// The per-request gate: the rate limit of the route's class, then the credential its access class
// needs. Throws DomainError (429, 401, 403, 404) when the request may not run.
void HttpServer::Admit(const Route& route, RequestContext& context) {
    const HttpRequest& req = context.req;
    HttpResponse& res = context.res;
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
}

bool HttpServer::Dispatch(const Route& route, const std::shared_ptr<Exchange>& exchange, bool may_wait,
                          const Principal* resumed_as) {
    const HttpRequest& req = exchange->req;
    HttpResponse& res = exchange->res;
    RequestContext context{req, res, Principal{}, req.client, may_wait};
    try {
        // Opened before the token check, so the check and the handler read one snapshot.
        std::unique_ptr<SharedReads> shared_reads;
        if (route.reads == StoreReads::Shared && share_reads_) shared_reads = share_reads_();
        // A parked poll that runs again was admitted when it arrived, as a poll blocked in a thread
        // was before: it is not charged or checked twice (a sign-out on all devices wakes the polls of
        // the ticket, and they end with what that token could read, not with a 401).
        if (resumed_as != nullptr) context.who = *resumed_as;
        else Admit(route, context);
        try {
            route.handler(context);
        } catch (const ParkRequest& park) {
            // Nothing new yet: the request waits as a callback, not a thread, and runs again when its
            // ticket changes or its deadline passes. The wake-up only queues it for a worker.
            LiveUpdates::ParkedPoll parked;
            const auto outcome = live_.Suspend(
                park, [this, exchange, who = context.who] {
                    impl_->PoolFor(exchange->req).Post([this, exchange, who] { Handle(exchange, !stopping_, &who); });
                },
                &parked);
            if (outcome == LiveUpdates::Outcome::Parked) {
                // A page closed or reloaded mid-wait frees its place now, not at the deadline.
                exchange->OnHangUp([this, parked] { live_.Abandon(parked); });
                return false;
            }
            res = HttpResponse{};
            if (outcome == LiveUpdates::Outcome::Full) tickets::RefuseLiveWait();
            context.may_wait = false;  // stopping: answer with what there is
            route.handler(context);
        }
    } catch (const DomainError& error) {
        WriteError(res, error, RequestLanguage(req));
    } catch (const std::exception& e) {
        LogEvent("error", "handler failed: " + route.path, e.what());
        WriteJson(res, 500, DefaultError(500));
    }
    return true;
}

int HttpServer::Bind() { return impl_->listener.Bind(config_.bind, config_.port); }

bool HttpServer::Run() {
    impl_->listener.Run();
    return true;
}

void HttpServer::Stop() {
    stopping_ = true;
    impl_->listener.Stop();
}

}  // namespace aftercare::serve
