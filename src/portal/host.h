// What the portal needs from the place it runs in (the browser, or a headless test harness).
// The portal never calls a platform API directly: everything goes through this interface.
#pragma once

#include "net/http.h"

#include <optional>
#include <string>

namespace aftercare::portal {

class Host {
public:
    virtual ~Host() = default;

    // Mirrors the current screen's title into the browser tab / accessibility tree.
    virtual void SetDocumentTitle(const std::string& title) = 0;
    // Mirrors the UI language into <html lang>, so screen readers and the IME pick the right one.
    virtual void SetDocumentLanguage(const char* bcp47_tag) = 0;
    // Puts the route in the address bar: a new history entry, or replacing the current one.
    virtual void SetRoute(const std::string& hash, bool replace) = 0;
    // Mirrors the accessibility tree into the DOM (called only when it changed; see a11y.h).
    virtual void PublishAccessibilityTree(const std::string& serialized) = 0;
    // Embedded in a vendor's page: a JSON message to it, and the height the page should give us.
    // Both do nothing when the portal is not embedded.
    virtual void PostToEmbedder(const std::string& message_json) = 0;
    virtual void ReportContentHeight(float css_pixels) = 0;

    // The portal is drawn on demand; a live countdown asks to be drawn again after a delay.
    virtual void RequestRedrawAfter(double seconds) = 0;
    // Seconds since the Unix epoch (UTC), for SLA countdowns and deadlines.
    virtual double NowUnixSeconds() const = 0;
    // The customer's UTC offset in minutes (east positive), for dates shown and the returns window.
    virtual int UtcOffsetMinutes() const = 0;

    // Small persistent values on this device (drafts, the last ticket's token).
    virtual std::optional<std::string> LoadLocal(const std::string& key) = 0;
    virtual void SaveLocal(const std::string& key, const std::string& value) = 0;
    virtual void RemoveLocal(const std::string& key) = 0;

    virtual void CopyToClipboard(const std::string& text) = 0;
    // 128 random bits as hex from the platform's CSPRNG (idempotency keys).
    virtual std::string RandomHex128() = 0;
};

} // namespace aftercare::portal
