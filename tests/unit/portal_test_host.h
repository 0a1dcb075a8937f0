// A Host and an HttpTransport for the portal's screen-free logic in unit tests: the transport holds
// each request until the test answers it, and the host's clock moves only when the test says so.
#pragma once

#include "host.h"
#include "net/http.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <utility>
#include <vector>

namespace aftercare::test {

class HeldTransport : public portal::HttpTransport {
public:
    struct Pending {
        portal::HttpRequest request;
        portal::HttpCallback done;
    };

    void Send(portal::HttpRequest request, portal::HttpCallback done) override {
        pending_.push_back({std::move(request), std::move(done)});
    }
    void AbandonPending() override {
        pending_.clear();
        deferred_.clear();
    }
    // At once: the tests see an answer's effect as soon as they give it. With `hold_deferred`, the
    // work waits for RunDeferred(), as it waits for its own task in the browser.
    void Defer(std::function<void()> work, Redraw redraw) override {
        deferred_redraws.push_back(redraw);
        if (hold_deferred) {
            deferred_.push_back(std::move(work));
        } else {
            work();
        }
    }
    bool hold_deferred = false;
    std::vector<Redraw> deferred_redraws;  // what each deferred work said of the screen, in order
    // Runs the deferred work held so far, and any it defers in turn.
    void RunDeferred() {
        while (!deferred_.empty()) {
            std::function<void()> work = std::move(deferred_.front());
            deferred_.pop_front();
            work();
        }
    }

    std::size_t PendingCount() const { return pending_.size(); }
    const portal::HttpRequest& Request(std::size_t index) const { return pending_.at(index).request; }

    // Answers the oldest request in flight.
    void Answer(int status, std::string body = {}, int retry_after_seconds = 0) {
        REQUIRE_FALSE(pending_.empty());
        Pending oldest = std::move(pending_.front());
        pending_.erase(pending_.begin());
        oldest.done(portal::HttpResponse{status, std::move(body), retry_after_seconds});
    }

private:
    std::vector<Pending> pending_;
    std::deque<std::function<void()>> deferred_;
};

class TestHost : public portal::Host {
public:
    double now = 1'780'000'000;             // the host clock, seconds
    std::vector<double> redraw_requests;     // delays asked for by RequestRedrawAfter
    std::map<std::string, std::string> stored;

    void SetDocumentTitle(const std::string&) override {}
    void SetDocumentLanguage(const char*) override {}
    void SetRoute(const std::string&, bool) override {}
    void ReplacePage(const std::string&) override {}  // the unit tests link the console itself
    void PublishAccessibilityTree(const std::string&) override {}
    void PostToEmbedder(const std::string&) override {}
    void ReportContentHeight(float) override {}
    void RequestRedrawAfter(double seconds) override { redraw_requests.push_back(seconds); }
    double NowUnixSeconds() const override { return now; }
    int UtcOffsetMinutes() const override { return 480; }
    std::optional<std::string> LoadLocal(const std::string& key) override {
        const auto it = stored.find(key);
        return it == stored.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    void SaveLocal(const std::string& key, const std::string& value) override { stored[key] = value; }
    void RemoveLocal(const std::string& key) override { stored.erase(key); }
    void CopyToClipboard(const std::string&) override {}
    void SaveFile(const std::string&, const std::string&, const std::string&) override {}
    std::string PageOrigin() const override { return "https://service.example.com"; }
    void PrintReceipt(const portal::ReceiptDocument&) override {}
    void PrintServiceReport(const portal::ServiceReportDocument&) override {}
    void ForgetCustomer() override { stored.clear(); }
    // Distinct on every call, as the real one is, so a test can tell one attempt's key from the next.
    std::string RandomHex128() override {
        char hex[33];
        std::snprintf(hex, sizeof hex, "%032x", ++random_calls);
        return hex;
    }
    unsigned random_calls = 0;
    void PickFiles(const portal::FilePickOptions&, std::function<void(std::vector<portal::PickedFile>)>) override {}
};

} // namespace aftercare::test
