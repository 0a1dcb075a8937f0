// What the portal needs from the place it runs in (the browser, or a headless test harness).
// The portal never calls a platform API directly: everything goes through this interface.
#pragma once

#include "net/http.h"

#include <optional>
#include <string>

namespace aftercare::portal {

// A printable receipt (kiosk): plain texts in the UI language and the QR code as an SVG path; the
// host lays it out for paper (web/kiosk.js, shell/kiosk.css) and prints it.
struct ReceiptDocument {
    std::string language_tag;     // "zh-CN" / "en"
    std::string vendor;
    std::string title;            // "报修凭条"
    std::string number_label;     // "服务编号"
    std::string service_number;
    std::string promise;          // the SLA promise in words
    std::string created_label;
    std::string created;          // local date and time
    std::string scan_hint;        // "用手机扫码查看进度"
    std::string tracking_url;     // what the QR code encodes
    int qr_size = 0;              // modules per side
    std::string qr_path;          // dark modules, SVG path in module units (kiosk/qr_code.h)
    std::string footer;
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

    // Small persistent values on this device (drafts, the last ticket's token). A kiosk keeps them
    // in memory only (a shared device must not remember one customer for the next).
    virtual std::optional<std::string> LoadLocal(const std::string& key) = 0;
    virtual void SaveLocal(const std::string& key, const std::string& value) = 0;
    virtual void RemoveLocal(const std::string& key) = 0;

    virtual void CopyToClipboard(const std::string& text) = 0;
    // The page's origin ("https://service.example.com"), for links printed on receipts.
    virtual std::string PageOrigin() const = 0;
    // Lays out the receipt for paper and opens the print dialog (window.print).
    virtual void PrintReceipt(const ReceiptDocument& receipt) = 0;
    // Kiosk reset: forgets everything the page holds for the customer who left — stored values
    // (memory and localStorage), the mirror's DOM fields, the last receipt. AppState is the app's.
    virtual void ForgetCustomer() = 0;
    // 128 random bits as hex from the platform's CSPRNG (idempotency keys).
    virtual std::string RandomHex128() = 0;
};

} // namespace aftercare::portal
