// FetchTransport; see fetch_transport.h.
#include "fetch_transport.h"

#include "js_bridge.h"
#include "web_platform.h"

#include <emscripten.h>

#include <utility>
#include <vector>

namespace aftercare::web {

// ApiClient calls this from a deferred task of its own (ApiClient::Send), so the fetch() here, ~6 ms
// of the main thread at a phone's speed, is never part of a frame.
void FetchTransport::Send(portal::HttpRequest request, portal::HttpCallback done) {
    const unsigned id = next_id_++;
    pending_.emplace(id, std::move(done));
    // Names and values go over as they are, with no encoding for the JS to parse: a value cannot add
    // a header of its own (a tracking link's token comes from the address bar), and the first
    // request's task no longer runs a JSON serializer's code for the first time, which was 60 % of
    // that task at a phone's speed (issue 22).
    std::vector<const char*> headers;
    headers.reserve(request.headers.size() * 2);
    for (const auto& [name, value] : request.headers) {
        headers.push_back(name.c_str());
        headers.push_back(value.c_str());
    }
    aftercare_fetch(platform_, id, request.method.c_str(), request.path.c_str(), headers.data(),
                    static_cast<int>(request.headers.size()), request.body.data(),
                    static_cast<int>(request.body.size()));
}

void FetchTransport::AbandonPending() {
    // Requests not yet built (deferred work) are never sent; the browser's fetches still finish, and
    // Complete() then finds no callback.
    pending_.clear();
    deferred_.clear();
}

void FetchTransport::Defer(std::function<void()> work, Redraw redraw) {
    deferred_.push_back({std::move(work), redraw});
    emscripten_async_call(RunDeferred, this, 0);
}

void FetchTransport::RunDeferred(void* transport) {
    auto& self = *static_cast<FetchTransport*>(transport);
    if (self.deferred_.empty()) return;  // abandoned
    Deferred next = std::move(self.deferred_.front());
    self.deferred_.pop_front();
    next.work();
    if (next.redraw == Redraw::Yes) static_cast<WebPlatform*>(self.platform_)->RequestFrames();
}

void FetchTransport::Complete(unsigned request_id, portal::HttpResponse response) {
    const auto it = pending_.find(request_id);
    if (it == pending_.end()) return;
    portal::HttpCallback done = std::move(it->second);
    pending_.erase(it);
    // A callback may send another request: it goes out in a task of its own (ApiClient::Send).
    done(std::move(response));
}

} // namespace aftercare::web
