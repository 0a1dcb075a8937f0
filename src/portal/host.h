// What the portal needs from the place it runs in (the browser, or a headless test harness).
// The portal never calls a platform API directly: everything goes through this interface.
#pragma once

#include "net/http.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace aftercare::portal {

// What the customer may pick, and how much of it the host reads.
struct FilePickOptions {
    std::string accept;              // the file dialog's filter: "image/jpeg,image/png,.pdf"
    std::int64_t max_bytes = 0;      // larger files arrive with their size but without bytes
    int thumbnail_px = 0;            // side of the square image previews; 0: none
};

// One file the customer picked.
struct PickedFile {
    std::string name;
    std::string content_type;        // the browser's guess from the name (the server sniffs the bytes)
    std::int64_t size_bytes = 0;
    std::string bytes;               // empty when larger than FilePickOptions::max_bytes or unreadable
    int thumbnail_px = 0;            // 0: no preview (not an image, or the browser could not decode it)
    std::vector<unsigned char> thumbnail_rgba;  // thumbnail_px² RGBA pixels, cover-cropped
};

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

    // Opens the platform's file dialog (call it from a press: browsers only open it in a user
    // gesture). `done` runs at the start of a later frame with the files picked, never when the
    // dialog was cancelled; a new pick replaces one still pending.
    virtual void PickFiles(const FilePickOptions& options, std::function<void(std::vector<PickedFile>)> done) = 0;
};

} // namespace aftercare::portal
