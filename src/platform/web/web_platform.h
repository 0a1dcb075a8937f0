// The browser platform layer: owns the ImGui context, the on-demand main loop and what each frame
// sends to the page's renderer (frame_encoder.h). Everything lives in one WebPlatform struct handed
// to every callback, so there is no global state besides the single pointer the JS side needs.
#pragma once

#include "app.h"
#include "fetch_transport.h"
#include "frame_encoder.h"
#include "host.h"

#include <emscripten/html5.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace aftercare::web {

// Draws only when something changed: input, a network answer, a timer, or a font arriving.
// ImGui needs a few frames after an event to settle (hover, focus, layout), hence "frames owed".
struct FrameScheduler {
    int frames_owed = 0;
    // Auto-resizing child windows (cards in columns in the screen) reach their size one nesting
    // level per frame: while any window still changes size, one more frame is owed (a few at most).
    unsigned layout_hash = 0;
    int layout_frames = 0;
    bool loop_paused = false;
    // Every wake-up asked for (RequestRedrawAfter), soonest first, and the one timer armed for the
    // soonest. A screen asks once (a typing pause, "copied" fading) and counts on it, even when an
    // earlier wake-up (the caret's blink) comes first and its frame does not ask again.
    std::vector<double> wake_ups_ms;
    double timer_due_ms = 0.0;  // when the armed timer fires; 0 when none
    long timer_id = 0;
};

// Host::PickFiles: the batch arriving from web/files.js, then handed over at the start of a frame.
struct FilePicks {
    unsigned next_id = 1;
    unsigned active_id = 0;  // the pick whose files are still welcome (a new pick replaces it)
    std::function<void(std::vector<portal::PickedFile>)> done;
    std::vector<portal::PickedFile> arriving;
    bool ready = false;
};

// What the first frame waits for: the icon subset and the browser's fonts (fonts.cpp).
struct FontStart {
    std::vector<unsigned char> icons;
    int pending = 0;
    bool failed = false;
};

struct WebPlatform final : portal::Host {
    FrameEncoder frames;
    double css_width = 0, css_height = 0, pixel_ratio = 1;
    int framebuffer_width = 0, framebuffer_height = 0;
    double last_frame_ms = 0;
    bool widget_code_warm = false;   // fonts ready and ImGui's widget code run once (widget_warm_up.h)
    bool first_layout_done = false;  // the first frame only lays the screen out (main.cpp, Frame)
    bool last_frame_laid_out_only = false;  // so this one draws (main.cpp, Frame)
    int last_cursor = -2;
    bool touch_active = false;
    bool touch_scrolled = false;  // the touch became a scroll: it must not press anything
    bool renderer_lost = false;   // the renderer's GPU context is gone until the browser restores it
    bool renderer_failed = false; // no WebGL2 (or the program did not link): nothing can be drawn
    bool glyph_task_scheduled = false;  // glyphs left by a frame are being painted between frames
    // The newest mirror, written to the DOM in a task right after the frame (PublishAccessibilityTree).
    std::string a11y_tree_pending;
    bool a11y_publish_scheduled = false;
    bool kiosk = false;           // shell/kiosk.html: <html data-mode="kiosk">
    // Kiosk mode keeps "local" values here instead of localStorage: gone with the session.
    std::map<std::string, std::string> kiosk_storage;

    FrameScheduler scheduler;
    FontStart fonts;
    FilePicks picks;
    FetchTransport http{this};
    portal::AppState app{http};

    // portal::Host
    void SetDocumentTitle(const std::string& title) override;
    void SetDocumentLanguage(const char* bcp47_tag) override;
    void SetRoute(const std::string& hash, bool replace) override;
    void ReplacePage(const std::string& relative_url) override;
    void PublishAccessibilityTree(const std::string& serialized) override;
    void PostToEmbedder(const std::string& message_json) override;
    void ReportContentHeight(float css_pixels) override;
    void RequestRedrawAfter(double seconds) override;
    double NowUnixSeconds() const override;
    int UtcOffsetMinutes() const override;
    std::optional<std::string> LoadLocal(const std::string& key) override;
    void SaveLocal(const std::string& key, const std::string& value) override;
    void RemoveLocal(const std::string& key) override;
    void CopyToClipboard(const std::string& text) override;
    void SaveFile(const std::string& file_name, const std::string& mime_type, const std::string& bytes) override;
    std::string PageOrigin() const override;
    void PrintReceipt(const portal::ReceiptDocument& receipt) override;
    void PrintServiceReport(const portal::ServiceReportDocument& report) override;
    void ForgetCustomer() override;
    std::string RandomHex128() override;
    void PickFiles(const portal::FilePickOptions& options,
                   std::function<void(std::vector<portal::PickedFile>)> done) override;

    // Hands a finished file pick to the portal; called at the start of a frame, before drawing.
    void DeliverPickedFiles();

    // Input from the customer: keeps a kiosk session alive (see portal::OnUserActivity).
    void NoteActivity();

    // Reads the canvas's CSS size and the devicePixelRatio into ImGui's display size and scale.
    void SyncCanvasSize();

    // Asks for the next frames now (resumes the paused loop).
    void RequestFrames(int count = 3);
    void ArmWakeUpTimer();
};

void InstallInputCallbacks(WebPlatform& platform);
void StartFonts(WebPlatform& platform);

} // namespace aftercare::web
