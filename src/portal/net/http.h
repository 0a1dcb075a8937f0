// The portal's view of HTTP: a request, a response, and a transport the host provides.
// Responses are delivered through a queue the app drains at the start of a frame, so screens
// never see a callback in the middle of drawing.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace aftercare::portal {

struct HttpRequest {
    std::string method = "GET";
    std::string path;  // relative to the page's origin: built by UrlOf (net/target.h)
    std::string body;  // JSON, or raw bytes for uploads
    std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpResponse {
    int status = 0;           // 0: no answer (offline, DNS, connection reset, timeout)
    std::string body;
    int retry_after_seconds = 0;  // from Retry-After on 429/503
};

using HttpCallback = std::function<void(HttpResponse)>;

class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    // Sends the request; `done` is called once (unless abandoned), from the frame loop, never
    // re-entrantly.
    virtual void Send(HttpRequest request, HttpCallback done) = 0;
    // Forgets every request in flight: their callbacks are never called. A kiosk reset does this so
    // that an answer meant for the customer who left never reaches the next one.
    virtual void AbandonPending() = 0;
    // Whether deferred work changes what the screen shows. A frame is drawn after it only if so:
    // building a request or keeping a token changes nothing there, and on a phone each frame of a
    // ticket page is milliseconds of the main thread (three frames follow every redraw asked for).
    enum class Redraw : bool { No, Yes };
    // Runs `work` later, between frames, in a task of its own, unless AbandonPending() comes first.
    // ApiClient builds and sends each request in a deferred task, and reads an answer's JSON in the
    // task it arrives in and its fields in a deferred one: on a phone, work taken out of a frame or
    // split in two is a shorter stall of the page (issue 22).
    virtual void Defer(std::function<void()> work, Redraw redraw) = 0;
};

} // namespace aftercare::portal
