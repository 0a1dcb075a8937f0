// HttpTransport on the browser's fetch(): requests go out through web/platform.js; answers are
// queued when they arrive and handed to their callbacks at the start of the next frame.
#pragma once

#include "net/http.h"

#include <deque>
#include <map>
#include <utility>
#include <vector>

namespace aftercare::web {

class FetchTransport final : public portal::HttpTransport {
public:
    explicit FetchTransport(void* platform) : platform_(platform) {}

    void Send(portal::HttpRequest request, portal::HttpCallback done) override;
    void AbandonPending() override;

    // Called from JS (aftercare_fetch_done) when an answer, or the lack of one, arrives.
    void Complete(unsigned request_id, portal::HttpResponse response);
    // Runs the callbacks of every answer that arrived; returns whether there were any.
    bool DeliverCompleted();

private:
    // Requests made during a frame go to the browser in a task of their own, right after it: a
    // fetch() costs the main thread real time (~6 ms at a phone's speed), which the frame that
    // asked, often the first, does not wait for.
    static void SendQueued(void* transport);

    void* platform_;
    unsigned next_id_ = 1;
    std::vector<std::pair<unsigned, portal::HttpRequest>> queued_;
    bool send_scheduled_ = false;
    std::map<unsigned, portal::HttpCallback> pending_;
    std::deque<std::pair<unsigned, portal::HttpResponse>> completed_;
};

} // namespace aftercare::web
