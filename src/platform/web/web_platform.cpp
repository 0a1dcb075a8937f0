// WebPlatform's Host side and the on-demand frame scheduler; see web_platform.h.
#include "web_platform.h"

#include "js_bridge.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace aftercare::web {

// Keeps the drawing buffer at CSS size × devicePixelRatio, so text is crisp at any DPR and zoom.
// The renderer resizes its canvas when a frame's size differs (the canvas may belong to a worker).
void WebPlatform::SyncCanvasSize() {
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const double ratio = emscripten_get_device_pixel_ratio();
    framebuffer_width = static_cast<int>(std::lround(w * ratio));
    framebuffer_height = static_cast<int>(std::lround(h * ratio));
    css_width = w;
    css_height = h;
    pixel_ratio = ratio;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(css_width), static_cast<float>(css_height));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(pixel_ratio), static_cast<float>(pixel_ratio));
}

void WebPlatform::SetDocumentTitle(const std::string& title) { aftercare_set_title(title.c_str()); }

void WebPlatform::SetDocumentLanguage(const char* bcp47_tag) { aftercare_set_lang(bcp47_tag); }

namespace {

void PublishPendingTree(void* user) {
    WebPlatform& p = *static_cast<WebPlatform*>(user);
    p.a11y_publish_scheduled = false;
    if (p.a11y_tree_pending.empty()) return;
    aftercare_a11y_publish(p.a11y_tree_pending.c_str());
    p.a11y_tree_pending.clear();
}

} // namespace

// The mirror's DOM is written in a task of its own, right after the frame's: a screen's first frame
// makes every element there (a quarter of that frame's time at a phone's speed), and the frame need
// not wait for it (issue 22). A frame drawn before the task runs only replaces the tree it writes.
void WebPlatform::PublishAccessibilityTree(const std::string& serialized) {
    a11y_tree_pending = serialized;
    if (a11y_publish_scheduled) return;
    a11y_publish_scheduled = true;
    emscripten_async_call(PublishPendingTree, this, 0);
}

// A kiosk keeps no history of its own: back/forward have nowhere to go (web/kiosk.js guards the
// entry before the page).
void WebPlatform::SetRoute(const std::string& hash, bool replace) {
    aftercare_set_route(hash.c_str(), replace || kiosk);
}

void WebPlatform::ReplacePage(const std::string& relative_url) { aftercare_replace_page(relative_url.c_str()); }

void WebPlatform::PostToEmbedder(const std::string& message_json) { aftercare_embed_post(message_json.c_str()); }

void WebPlatform::ReportContentHeight(float css_pixels) { aftercare_embed_report_height(css_pixels); }

double WebPlatform::NowUnixSeconds() const { return emscripten_date_now() / 1000.0; }

int WebPlatform::UtcOffsetMinutes() const { return aftercare_utc_offset_minutes(); }

std::optional<std::string> WebPlatform::LoadLocal(const std::string& key) {
    if (kiosk) {
        const auto it = kiosk_storage.find(key);
        return it == kiosk_storage.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    char* value = aftercare_storage_get(key.c_str());
    if (value == nullptr) return std::nullopt;
    std::string out(value);
    std::free(value);
    return out;
}

void WebPlatform::SaveLocal(const std::string& key, const std::string& value) {
    if (kiosk) {
        kiosk_storage[key] = value;
        return;
    }
    aftercare_storage_set(key.c_str(), value.c_str());
}

void WebPlatform::RemoveLocal(const std::string& key) {
    if (kiosk) {
        kiosk_storage.erase(key);
        return;
    }
    aftercare_storage_remove(key.c_str());
}

void WebPlatform::CopyToClipboard(const std::string& text) { aftercare_copy_text(text.c_str()); }

void WebPlatform::SaveFile(const std::string& file_name, const std::string& mime_type, const std::string& bytes) {
    aftercare_save_file(file_name.c_str(), mime_type.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

std::string WebPlatform::PageOrigin() const {
    char* origin = aftercare_page_origin();
    std::string out(origin);
    std::free(origin);
    return out;
}

void WebPlatform::PrintReceipt(const portal::ReceiptDocument& r) {
    const nlohmann::json receipt = {
        {"lang", r.language_tag},     {"vendor", r.vendor},       {"title", r.title},
        {"numberLabel", r.number_label}, {"serviceNumber", r.service_number}, {"promise", r.promise},
        {"createdLabel", r.created_label}, {"created", r.created}, {"scanHint", r.scan_hint},
        {"trackingUrl", r.tracking_url}, {"qrSize", r.qr_size},   {"qrPath", r.qr_path},
        {"footer", r.footer},
    };
    aftercare_kiosk_print_receipt(receipt.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void WebPlatform::PrintServiceReport(const portal::ServiceReportDocument& r) {
    nlohmann::json sections = nlohmann::json::array();
    for (const portal::PrintSection& section : r.sections) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& [label, value] : section.rows) rows.push_back({label, value});
        sections.push_back({{"heading", section.heading}, {"rows", rows}});
    }
    const nlohmann::json report = {
        {"lang", r.language_tag},   {"vendor", r.vendor},       {"title", r.title},
        {"numberLabel", r.number_label}, {"serviceNumber", r.service_number}, {"sections", sections},
        {"scanHint", r.scan_hint},  {"trackingUrl", r.tracking_url}, {"qrSize", r.qr_size},
        {"qrPath", r.qr_path},      {"signatures", r.signature_labels},
    };
    aftercare_print_report(report.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void WebPlatform::ForgetCustomer() {
    kiosk_storage.clear();
    a11y_tree_pending.clear();  // a mirror not yet written may still hold what the customer typed
    aftercare_kiosk_forget();
}

void WebPlatform::NoteActivity() { portal::OnUserActivity(app, NowUnixSeconds()); }

std::string WebPlatform::RandomHex128() {
    unsigned char bytes[16];
    aftercare_random_bytes(bytes, sizeof bytes);
    std::string hex;
    char pair[3];
    for (unsigned char b : bytes) {
        std::snprintf(pair, sizeof pair, "%02x", b);
        hex += pair;
    }
    return hex;
}

void WebPlatform::RequestFrames(int count) {
    if (scheduler.frames_owed < count) scheduler.frames_owed = count;
    if (scheduler.loop_paused) {
        scheduler.loop_paused = false;
        emscripten_resume_main_loop();
    }
}

void WebPlatform::RequestRedrawAfter(double seconds) {
    // A wake-up at most kMergeMs before this one is moved to it (a frame a little later than asked
    // is fine, an earlier one is not): the caret asks every frame, and the list stays short.
    constexpr double kMergeMs = 50.0;
    const double due = emscripten_get_now() + seconds * 1000.0;
    std::vector<double>& wake_ups = scheduler.wake_ups_ms;
    const auto near = std::find_if(wake_ups.begin(), wake_ups.end(),
                                   [due](double at) { return at <= due && due - at <= kMergeMs; });
    if (near != wake_ups.end()) *near = due;
    else wake_ups.push_back(due);
    std::sort(wake_ups.begin(), wake_ups.end());
    ArmWakeUpTimer();
}

void WebPlatform::ArmWakeUpTimer() {
    if (scheduler.wake_ups_ms.empty()) return;
    const double soonest = scheduler.wake_ups_ms.front();
    // An armed timer that fires sooner is kept: its callback arms the next one (no clearing and
    // setting a timeout on every frame the caret asks again).
    if (scheduler.timer_id != 0 && scheduler.timer_due_ms <= soonest) return;
    if (scheduler.timer_id != 0) emscripten_clear_timeout(scheduler.timer_id);
    scheduler.timer_due_ms = soonest;
    scheduler.timer_id = emscripten_set_timeout(
        [](void* user) {
            auto* self = static_cast<WebPlatform*>(user);
            FrameScheduler& s = self->scheduler;
            s.timer_id = 0;
            s.timer_due_ms = 0;
            const double now = emscripten_get_now();
            // Nothing may be due yet: the wake-up this timer was armed for has since moved later.
            if (std::erase_if(s.wake_ups_ms, [now](double at) { return at <= now; }) > 0) self->RequestFrames(1);
            self->ArmWakeUpTimer();
        },
        std::max(0.0, soonest - emscripten_get_now()), this);
}

} // namespace aftercare::web
