// HttpTransport on the browser's fetch(): requests go out through web/platform.js; each answer goes
// to its callback in the task it arrives in, between frames.
#pragma once

#include "net/http.h"

#include <deque>
#include <functional>
#include <map>

namespace aftercare::web {

class FetchTransport final : public portal::HttpTransport {
public:
    explicit FetchTransport(void* platform) : platform_(platform) {}

    void Send(portal::HttpRequest request, portal::HttpCallback done) override;
    void AbandonPending() override;
    void Defer(std::function<void()> work, Redraw redraw) override;

    // Called from JS (aftercare_fetch_done) when an answer, or the lack of one, arrives: runs its
    // callback now. The screen's reaction (parsing a ticket's JSON, say; ApiClient reads its fields
    // in a deferred task after this one) is then done before the frame that shows it, in tasks of
    // its own, where it used to lengthen that frame by a quarter (issue 22). ImGui sits between
    // frames here as it did at the start of a frame.
    void Complete(unsigned request_id, portal::HttpResponse response);

private:
    struct Deferred {
        std::function<void()> work;
        Redraw redraw;
    };

    // One task per Defer(): runs the oldest deferred work, then asks for a frame if it said so.
    static void RunDeferred(void* transport);

    void* platform_;
    unsigned next_id_ = 1;
    std::map<unsigned, portal::HttpCallback> pending_;
    std::deque<Deferred> deferred_;
};

} // namespace aftercare::web
