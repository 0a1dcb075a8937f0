// What the portal needs from the place it runs in (the browser, or a headless test harness).
// The portal never calls a platform API directly: everything goes through this interface.
#pragma once

#include <string>

namespace aftercare::portal {

class Host {
public:
    virtual ~Host() = default;

    // Mirrors the current screen's title into the browser tab / accessibility tree.
    virtual void SetDocumentTitle(const std::string& title) = 0;
    // Mirrors the UI language into <html lang>, so screen readers and the IME pick the right one.
    virtual void SetDocumentLanguage(const char* bcp47_tag) = 0;
    // The portal is drawn on demand; a live countdown asks to be drawn again after a delay.
    virtual void RequestRedrawAfter(double seconds) = 0;
    // Seconds since the Unix epoch (UTC), for SLA countdowns and deadlines.
    virtual double NowUnixSeconds() const = 0;
};

} // namespace aftercare::portal
