// FetchTransport; see fetch_transport.h.
#include "fetch_transport.h"

#include "js_bridge.h"
#include "web_platform.h"

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include <utility>

namespace aftercare::web {

// ApiClient calls this from a deferred task of its own (ApiClient::Send), so the fetch() here, ~6 ms
// of the main thread at a phone's speed, is never part of a frame.
void FetchTransport::Send(portal::HttpRequest request, portal::HttpCallback done) {
    const unsigned id = next_id_++;
    pending_.emplace(id, std::move(done));
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : request.headers) headers[name] = value;
    aftercare_fetch(platform_, id, request.method.c_str(), request.path.c_str(), headers.dump().c_str(),
                    request.body.data(), static_cast<int>(request.body.size()));
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
