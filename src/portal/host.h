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

// A printable service report (售后服务报告单): titled sections of label/value rows in the UI
// language, a QR code to the ticket's lookup and signature lines; laid out for A4 by the host
// (web/print.js, shell/portal.css).
struct PrintSection {
    std::string heading;
    std::vector<std::pair<std::string, std::string>> rows;
};
struct ServiceReportDocument {
    std::string language_tag;
    std::string vendor;
    std::string title;          // "售后服务报告单"
    std::string number_label;   // "服务编号"
    std::string service_number;
    std::vector<PrintSection> sections;
    std::string scan_hint;
    std::string tracking_url;   // what the QR code encodes (no token: paper is left around)
    int qr_size = 0;
    std::string qr_path;
    std::vector<std::string> signature_labels; // "工程师签字", "客户签字"
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
    // Leaves this page for another page of the portal's site ("staff.html#/staff"), replacing it in
    // the history so that Back does not return to the page left.
    virtual void ReplacePage(const std::string& relative_url) = 0;
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

    // Small stored values (drafts, ticket tokens). In a browser only the ticket tokens and the list of
    // recent tickets stay on the device; drafts, which carry names, phones and addresses, last as long
    // as the tab (web/storage.js). A kiosk keeps everything in memory only (a shared device must not
    // remember one customer for the next).
    virtual std::optional<std::string> LoadLocal(const std::string& key) = 0;
    virtual void SaveLocal(const std::string& key, const std::string& value) = 0;
    virtual void RemoveLocal(const std::string& key) = 0;

    virtual void CopyToClipboard(const std::string& text) = 0;
    // Hands `bytes` to the user as a file of that name and type (the browser's download; call it
    // from a press or an answer to one).
    virtual void SaveFile(const std::string& file_name, const std::string& mime_type, const std::string& bytes) = 0;
    // The page's origin ("https://service.example.com"), for links printed on receipts.
    virtual std::string PageOrigin() const = 0;
    // Lays out the receipt for paper and opens the print dialog (window.print).
    virtual void PrintReceipt(const ReceiptDocument& receipt) = 0;
    // Lays out the service report for paper and opens the print dialog.
    virtual void PrintServiceReport(const ServiceReportDocument& report) = 0;
    // Kiosk reset: forgets everything the page holds for the customer who left — stored values
    // (memory and localStorage), the mirror's DOM fields, the last receipt. AppState is the app's.
    virtual void ForgetCustomer() = 0;
    // 128 random bits as hex from the platform's CSPRNG (idempotency keys).
    virtual std::string RandomHex128() = 0;

    // Opens the platform's file dialog (call it from a press: browsers only open it in a user
    // gesture). `done` runs at the start of a later frame with the files picked, never when the
    // dialog was cancelled; a new pick replaces one still pending.
    virtual void PickFiles(const FilePickOptions& options, std::function<void(std::vector<PickedFile>)> done) = 0;
};

} // namespace aftercare::portal
