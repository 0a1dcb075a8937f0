// HttpListener: the only translation unit that includes Boost.Beast/Asio (they compile slowly).
// Each I/O thread runs an io_context of its own, and each connection is a Session on one of them
// (on a strand); a request is read header first, checked, then the body is read under its limit,
// and the Exchange goes to the server; Send() posts the answer back to the connection's thread.
#include "http_listener.hpp"

#include <sys/resource.h>
#include <sys/socket.h>

#include <cerrno>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace aftercare::serve {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using error_code = beast::error_code;

bool IEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    }
    return true;
}

// Time to move `bytes` at the slowest rate a real client is allowed (a phone on a poor mobile link):
// added to the fixed deadlines, so a 10 MiB upload or a large static file is not cut off, while a
// trickling client still ends within a bound.
std::chrono::seconds AtMinimumRate(std::uint64_t bytes) {
    constexpr std::uint64_t kMinimumBytesPerSecond = 16 * 1024;
    return std::chrono::seconds(bytes / kMinimumBytesPerSecond);
}

// A parse error is the client's malformed request (400); anything else (closed, reset, timed out)
// ends the connection without an answer.
bool IsParseError(const error_code& ec) {
    return ec.category() == http::make_error_code(http::error::bad_method).category() && ec != http::error::end_of_stream &&
           ec != http::error::partial_message;
}

}  // namespace

struct HttpListener::Impl : std::enable_shared_from_this<HttpListener::Impl> {
    Impl(ListenerLimits l, ListenerHooks h)
        : limits(l), hooks(std::move(h)), ios(MakeContexts(l.io_threads)), io(*ios.front()), acceptor(io) {}

    // One io_context per I/O thread rather than one shared by all: threads sharing a context hand
    // every ready socket to each other through the scheduler's lock and a futex wake-up (per read of
    // a ticket, 13.6 futex and 3.3 epoll_ctl calls against 4.6 and 1 this way; docs/benchmarks.md).
    // A connection stays on the context it was accepted onto.
    static std::vector<std::unique_ptr<asio::io_context>> MakeContexts(int count) {
        std::vector<std::unique_ptr<asio::io_context>> contexts;
        for (int i = 0; i < std::max(count, 1); ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
        return contexts;
    }
    asio::io_context& NextContext() { return *ios[next_context++ % ios.size()]; }

    ListenerLimits limits;
    ListenerHooks hooks;
    std::vector<std::unique_ptr<asio::io_context>> ios;
    asio::io_context& io;  // the first: the acceptor's
    std::size_t next_context = 0;  // on the acceptor's context only
    tcp::acceptor acceptor;
    std::atomic<bool> stopping{false};
    std::atomic<int> in_flight{0};  // requests handed to the server whose answer is not yet written
    asio::steady_timer grace{io};   // on Stop: how long answers still on their way may take

    std::mutex mutex;  // guards the connection counts
    std::unordered_map<std::string, int> per_client;
    int open = 0;
    std::atomic<std::uint64_t> refused{0};

    // Counts a new connection in, or refuses it when its address or the server is at its cap.
    bool Admit(const std::string& client) {
        std::lock_guard lock(mutex);
        int& mine = per_client[client];
        if (open >= limits.max_connections || mine >= limits.max_connections_per_client) {
            if (mine == 0) per_client.erase(client);
            ++refused;
            return false;
        }
        ++mine;
        ++open;
        return true;
    }
    void Release(const std::string& client) {
        std::lock_guard lock(mutex);
        auto it = per_client.find(client);
        if (it != per_client.end() && --it->second <= 0) per_client.erase(it);
        --open;
    }

    void Accept();
    void WaitForAnswers(std::chrono::steady_clock::time_point until) {
        if (in_flight <= 0 || std::chrono::steady_clock::now() >= until) {
            for (auto& context : ios) context->stop();
            return;
        }
        grace.expires_after(std::chrono::milliseconds(20));
        grace.async_wait([self = shared_from_this(), until](error_code) { self->WaitForAnswers(until); });
    }
};

namespace {

class Session;

class SessionExchange final : public Exchange, public std::enable_shared_from_this<SessionExchange> {
public:
    explicit SessionExchange(std::shared_ptr<Session> session) : session_(std::move(session)) {}
    // A request handed to the server counts as in flight until its exchange is gone: answered and
    // written, or dropped unanswered because its client hung up.
    ~SessionExchange() override {
        if (in_flight_) --*in_flight_;
    }
    void CountIn(std::atomic<int>& in_flight) {
        in_flight_ = &in_flight;
        ++in_flight;
    }
    void Send() override;
    void OnHangUp(std::function<void()> gone) override;

    bool written = false;  // Write has begun: on the session's strand only

private:
    std::shared_ptr<Session> session_;
    std::atomic<int>* in_flight_ = nullptr;
};

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, std::shared_ptr<HttpListener::Impl> owner, std::string client)
        : stream_(std::move(socket)), owner_(std::move(owner)), client_(std::move(client)) {}
    ~Session() { owner_->Release(client_); }

    void Start() { ReadHeader(); }

    // On the session's strand: writes the answer, then reads the next request or closes.
    void Write(std::shared_ptr<SessionExchange> exchange) {
        exchange->written = true;
        ++hang_up_watch_;  // a watch still pending is for an answer now given
        const HttpResponse& res = exchange->res;
        const bool close = !keep_alive_ || exchange->refusal != 0 || owner_->stopping;
        const int status = res.status;
        head_ = "HTTP/1.1 " + std::to_string(status) + " " +
                std::string(http::obsolete_reason(static_cast<http::status>(status))) + "\r\n";
        for (const auto& [name, value] : res.headers) {
            // Framing is ours to write, from the body actually sent.
            if (IEquals(name, "Content-Length") || IEquals(name, "Transfer-Encoding") || IEquals(name, "Connection"))
                continue;
            head_ += name;
            head_ += ": ";
            head_ += value;
            head_ += "\r\n";
        }
        head_ += res.standard_headers;
        const std::string_view body = res.body_view();
        const bool bodyless = status < 200 || status == 204 || status == 304;
        if (!bodyless) head_ += "Content-Length: " + std::to_string(body.size()) + "\r\n";
        if (close) head_ += "Connection: close\r\n";
        head_ += "\r\n";
        const bool send_body = !bodyless && exchange->req.method != "HEAD" && !body.empty();
        std::array<asio::const_buffer, 2> buffers{asio::buffer(head_),
                                                  send_body ? asio::buffer(body.data(), body.size()) : asio::const_buffer()};
        stream_.expires_after(owner_->limits.write_timeout + AtMinimumRate(body.size()));
        // `exchange` rides along: it owns the body until the write completes.
        asio::async_write(stream_, buffers, [self = shared_from_this(), exchange, close](error_code ec, std::size_t) {
            if (ec) return self->Close();
            if (close) return self->Linger();
            self->first_ = false;
            self->ReadHeader();
        });
    }

    auto executor() { return stream_.get_executor(); }

    // On the session's strand: while `exchange` waits for its answer, nothing else reads the socket;
    // it becomes readable when the client closes it (or, rarely, sends its next request early).
    void WatchHangUp(const std::shared_ptr<SessionExchange>& exchange, std::function<void()> gone) {
        if (exchange->written) return;
        AwaitHangUp(++hang_up_watch_, std::move(gone));
    }

private:
    void AwaitHangUp(std::uint64_t watch, std::function<void()> gone) {
        stream_.socket().async_wait(tcp::socket::wait_read, [self = shared_from_this(), watch,
                                                             gone = std::move(gone)](error_code ec) mutable {
            if (ec || self->hang_up_watch_ != watch) return;
            // Readiness is only a hint: with several I/O threads an event for bytes the request's own
            // read already took can arrive late, and a poll whose client is still there was dropped
            // as gone (1 in ~20 runs of 2,000 polls on a busy machine). Only the socket can tell.
            char probe;
            const ssize_t n = ::recv(self->stream_.socket().native_handle(), &probe, 1, MSG_PEEK | MSG_DONTWAIT);
            if (n > 0) return;  // a pipelined request: the client is still there
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                return self->AwaitHangUp(watch, std::move(gone));  // nothing there: watch on
            gone();  // 0: the client closed its side; an error: the connection was reset
        });
    }

    void ReadHeader() {
        if (owner_->stopping) return Close();
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(owner_->limits.max_header_bytes));
        // No limit while the header is read (async_read_header reads no body); the route's own limit
        // is set once the header is known, and a larger Content-Length is refused before any body byte.
        parser_->body_limit(boost::none);
        stream_.expires_after(first_ ? owner_->limits.header_timeout : owner_->limits.idle_timeout);
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = shared_from_this()](error_code ec, std::size_t) { self->OnHeader(ec); });
    }

    void OnHeader(error_code ec) {
        if (ec == http::error::header_limit) return Refuse(431);
        if (ec) return IsParseError(ec) ? Refuse(400) : Close();
        received_ = std::chrono::steady_clock::now();
        auto& head = parser_->get();
        FillHead(head);
        if (head.target().size() > owner_->limits.max_target_bytes) return Refuse(414);
        if (parser_->is_done()) return Dispatch();  // no body
        const std::size_t limit = owner_->hooks.body_limit(exchange_->req);
        if (const auto length = parser_->content_length(); length && *length > limit) return Refuse(413);
        parser_->body_limit(limit);
        // A body of unknown length is read into one reservation of the limit (Beast reserves a known
        // Content-Length itself): the string never doubles and copies itself while it grows, and
        // pages the body never reaches are never touched.
        if (!parser_->content_length()) parser_->get().body().reserve(limit);
        stream_.expires_after(owner_->limits.body_timeout + AtMinimumRate(parser_->content_length().value_or(limit)));
        if (IEquals(head[http::field::expect], "100-continue")) {
            static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
            asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                              [self = shared_from_this()](error_code write_ec, std::size_t) {
                                  if (write_ec) return self->Close();
                                  self->ReadBody();
                              });
            return;
        }
        ReadBody();
    }

    void ReadBody() {
        http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](error_code ec, std::size_t) {
            if (ec == http::error::body_limit) return self->Refuse(413);
            if (ec == beast::error::timeout) return self->Refuse(408);
            if (ec) return IsParseError(ec) ? self->Refuse(400) : self->Close();
            self->Dispatch();
        });
    }

    void FillHead(const http::request_parser<http::string_body>::value_type& head) {
        exchange_ = std::make_shared<SessionExchange>(shared_from_this());
        HttpRequest& req = exchange_->req;
        req.method = std::string(head.method_string());
        const std::string_view target = head.target();
        const std::size_t question = target.find('?');
        req.path = UrlDecode(target.substr(0, question), false);
        if (question != std::string_view::npos) req.params = ParseQuery(target.substr(question + 1));
        for (const auto& field : head) req.headers.emplace(std::string(field.name_string()), std::string(field.value()));
        req.remote_addr = client_;
        req.received = received_;
    }

    void Dispatch() {
        stream_.expires_never();  // a parked long-poll may take its time; the server answers it
        keep_alive_ = parser_->keep_alive();
        exchange_->req.body = std::move(parser_->get().body());
        parser_.reset();
        auto exchange = std::move(exchange_);
        exchange->CountIn(owner_->in_flight);
        owner_->hooks.on_request(std::move(exchange));
    }

    // The answer is an error and the connection closes after it: the rest of the request is not read.
    void Refuse(int status) {
        stream_.expires_never();
        keep_alive_ = false;
        if (!exchange_) {
            exchange_ = std::make_shared<SessionExchange>(shared_from_this());
            exchange_->req.remote_addr = client_;
            exchange_->req.received = std::chrono::steady_clock::now();
        }
        exchange_->refusal = status;
        parser_.reset();
        auto exchange = std::move(exchange_);
        exchange->CountIn(owner_->in_flight);
        owner_->hooks.on_request(std::move(exchange));
    }

    // After an answer that closes the connection: stop sending, then read and drop what the client
    // still sends for a moment, so that closing does not reset the connection before the client has
    // read the answer (a refused upload would otherwise see "connection reset" instead of 413).
    void Linger() {
        error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.expires_after(std::chrono::seconds(2));
        Drain();
    }
    void Drain() {
        if (!drain_) drain_ = std::make_unique<std::array<char, 16 * 1024>>();  // only while lingering
        stream_.async_read_some(asio::buffer(*drain_), [self = shared_from_this()](error_code ec, std::size_t n) {
            self->drained_ += n;
            if (ec || self->drained_ > kMaxDrainBytes) return self->Close();
            self->Drain();
        });
    }
    static constexpr std::size_t kMaxDrainBytes = 32 * 1024 * 1024;  // at most 2 s of it, in a 16 KiB buffer

    void Close() {
        error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_{8192};
    std::optional<http::request_parser<http::string_body>> parser_;
    std::shared_ptr<HttpListener::Impl> owner_;
    std::string client_;
    std::shared_ptr<SessionExchange> exchange_;
    std::chrono::steady_clock::time_point received_{};
    std::string head_;
    std::unique_ptr<std::array<char, 16 * 1024>> drain_;
    std::size_t drained_ = 0;
    std::uint64_t hang_up_watch_ = 0;  // the current watch; older ones are stale
    bool first_ = true;
    bool keep_alive_ = false;
};

void SessionExchange::Send() {
    asio::post(session_->executor(), [self = shared_from_this()] { self->session_->Write(self); });
}

void SessionExchange::OnHangUp(std::function<void()> gone) {
    // The watch holds the session but not this exchange: an exchange dropped unanswered ends.
    asio::post(session_->executor(), [session = session_, self = weak_from_this(), gone = std::move(gone)]() mutable {
        if (auto exchange = self.lock()) session->WatchHangUp(exchange, std::move(gone));
    });
}

}  // namespace

void HttpListener::Impl::Accept() {
    auto strand = asio::make_strand(NextContext());
    acceptor.async_accept(strand, [self = shared_from_this()](error_code ec, tcp::socket socket) {
        if (self->stopping) return;
        if (!ec) {
            error_code addr_ec;
            const auto endpoint = socket.remote_endpoint(addr_ec);
            std::string client = addr_ec ? std::string() : endpoint.address().to_string();
            if (self->Admit(client)) {
                socket.set_option(tcp::no_delay(true), addr_ec);
                std::make_shared<Session>(std::move(socket), self, std::move(client))->Start();
            } else {
                socket.close(addr_ec);  // at the cap: closed at once, before a byte is read
            }
        }
        // Out of file descriptors (EMFILE) and the like: keep accepting; the next try may succeed.
        self->Accept();
    });
}

HttpListener::HttpListener(ListenerLimits limits, ListenerHooks hooks)
    : impl_(std::make_shared<Impl>(limits, std::move(hooks))) {}

HttpListener::~HttpListener() { Stop(); }

int HttpListener::Bind(const std::string& address, int port) {
    // Each waiting client is an open socket: allow as many descriptors as the system lets us.
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    error_code ec;
    const auto ip = asio::ip::make_address(address == "localhost" ? "127.0.0.1" : address, ec);
    if (ec) return -1;
    const tcp::endpoint endpoint(ip, static_cast<unsigned short>(port));
    auto& acceptor = impl_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (ec) return -1;
    acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    acceptor.bind(endpoint, ec);
    if (ec) return -1;
    acceptor.listen(impl_->limits.backlog, ec);
    if (ec) return -1;
    return acceptor.local_endpoint().port();
}

void HttpListener::Run() {
    impl_->Accept();
    // The other contexts have nothing to do until a connection lands on them: kept running.
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep;
    std::vector<std::thread> others;
    for (std::size_t i = 1; i < impl_->ios.size(); ++i) {
        keep.push_back(asio::make_work_guard(*impl_->ios[i]));
        others.emplace_back([this, i] { impl_->ios[i]->run(); });
    }
    impl_->io.run();
    for (auto& thread : others) thread.join();
    error_code ignored;
    impl_->acceptor.close(ignored);
}

void HttpListener::Stop() {
    if (impl_->stopping.exchange(true)) return;
    // Stop accepting at once; answers already on their way (parked polls that the shutdown woke)
    // get up to 3 s to be written, then every connection ends.
    asio::post(impl_->io, [impl = impl_] {
        error_code ignored;
        impl->acceptor.close(ignored);
        impl->WaitForAnswers(std::chrono::steady_clock::now() + std::chrono::seconds(3));
    });
}

void HttpListener::Collect(std::string& out) const {
    int open = 0;
    {
        std::lock_guard lock(impl_->mutex);
        open = impl_->open;
    }
    out += "# HELP aftercare_http_connections Open HTTP connections.\n# TYPE aftercare_http_connections gauge\n";
    out += "aftercare_http_connections " + std::to_string(open) + "\n";
    out += "# HELP aftercare_http_connections_refused_total Connections closed at accept: a client or the server "
           "was at its connection cap.\n# TYPE aftercare_http_connections_refused_total counter\n";
    out += "aftercare_http_connections_refused_total " + std::to_string(impl_->refused.load()) + "\n";
}

}  // namespace aftercare::serve
