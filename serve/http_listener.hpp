// The HTTP/1.1 connection layer (Boost.Beast on Boost.Asio): a few I/O threads read requests and write
// answers for every connection; nothing here blocks. A request is handed to the server as an Exchange,
// and the connection waits, costing no thread, until the server calls Send() — from a worker thread
// at once, or much later for a parked long-poll.
//
// Hygiene, all before a handler sees anything: an absolute deadline for the request header and one
// for the body, an idle keep-alive timeout, a header size limit, a per-request body limit that the
// server chooses from the header (Content-Length above it is refused before reading; a chunked body
// is cut off at it), a cap on open connections per client address and in all, and a bounded backlog.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http_types.hpp"

namespace aftercare::serve {

struct ListenerLimits {
    std::size_t max_header_bytes = 16 * 1024;  // request line and header fields together
    std::size_t max_target_bytes = 8 * 1024;   // beyond: 414
    std::chrono::seconds header_timeout{10};   // from the first byte awaited to the header's end
    std::chrono::seconds body_timeout{60};     // the whole body, plus 1 s per 16 KiB of it
    std::chrono::seconds idle_timeout{5};      // a kept-alive connection waiting for its next request
    std::chrono::seconds write_timeout{30};    // sending one answer, plus 1 s per 16 KiB of it
    int max_connections = 16000;
    int max_connections_per_client = 256;
    int backlog = 1024;  // connections the kernel holds before accept
    int io_threads = 2;
};

// One request and its answer. The listener fills `req` (or `refusal`); the server fills `res` and
// calls Send() exactly once, from any thread.
class Exchange {
public:
    virtual ~Exchange() = default;
    HttpRequest req;
    HttpResponse res;
    // Non-zero when the listener refused the request itself (400, 408, 413, 414, 431): the server
    // answers with that status and its error body, and the connection closes after it.
    int refusal = 0;
    virtual void Send() = 0;
    // For an answer that may take long (a parked long-poll): `gone` runs once, on an I/O thread, if
    // the client closes the connection before the answer is sent, so that what the request holds
    // (a waiting place) is given up then, not at its deadline. Never runs once Send() has been called.
    virtual void OnHangUp(std::function<void()> gone) = 0;
};

struct ListenerHooks {
    // The body limit for a request, decided from its method, path and headers (req.body is empty).
    std::function<std::size_t(const HttpRequest& head)> body_limit;
    // A complete request, or a refusal (Exchange::refusal). Called on an I/O thread: hand it on.
    std::function<void(std::shared_ptr<Exchange>)> on_request;
};

class HttpListener {
public:
    HttpListener(ListenerLimits limits, ListenerHooks hooks);
    ~HttpListener();

    // Binds and listens; returns the port (a free one when `port` is 0), or -1.
    int Bind(const std::string& address, int port);
    // Serves on the I/O threads (this one among them) until Stop().
    void Run();
    // From any thread: stops accepting and ends every connection.
    void Stop();

    // /metrics: open connections and connections refused at accept.
    void Collect(std::string& out) const;

    struct Impl;  // defined in http_listener.cpp; public only so that its sessions can name it

private:
    std::shared_ptr<Impl> impl_;
};

}  // namespace aftercare::serve
