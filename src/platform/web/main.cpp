// Entry point of the wasm portal: creates the ImGui context, installs the browser callbacks, and
// runs the on-demand main loop (a frame only when one is owed). Frames are drawn by the page's
// renderer (shell/renderer.js), to which each one is sent encoded (frame_encoder.h).
#include "browser_glyphs.h"
#include "js_bridge.h"
#include "web_platform.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>  // the window list, for the layout check

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace aftercare::web {
namespace {

const char* CssCursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
    case ImGuiMouseCursor_None: return "none";
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
    }
}

constexpr int kMaxLayoutFrames = 8;  // a layout that has not settled by then never will (oscillation)
constexpr double kGlyphPaintBudgetMs = 6;  // per task: ~50 glyphs on a desktop, a phone's task stays short
constexpr int kNewTextGlyphs = 24;  // characters new to a frame that make it lay out only (Frame)

// Positions, sizes and content sizes of the windows drawn this frame, hashed: equal hashes mean the
// layout settled. Content size counts too: a table that grows its rows changes no window size but
// brings a scrollbar one frame later.
unsigned LayoutHash() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    unsigned hash = 2166136261u;
    for (const ImGuiWindow* window : g.Windows) {
        if (!window->Active) continue;
        const float values[] = {window->Pos.x,         window->Pos.y,         window->SizeFull.x,
                                window->SizeFull.y,    window->ContentSize.x, window->ContentSize.y};
        hash = ImHashData(values, sizeof values, hash);
    }
    return hash;
}

// Glyphs a frame left unpainted are painted in short tasks of their own, back to back until none
// are left, and then the frame that shows them is drawn: the text completes after a few
// milliseconds of work instead of 6 ms per displayed frame, and still never in one long task.
void ScheduleGlyphPainting(WebPlatform& p);

void PaintGlyphsBetweenFrames(void* user) {
    WebPlatform& p = *static_cast<WebPlatform*>(user);
    p.glyph_task_scheduled = false;
    if (PaintPendingGlyphs(*ImGui::GetIO().Fonts, kGlyphPaintBudgetMs)) {
        ScheduleGlyphPainting(p);
    } else {
        p.RequestFrames(1);
    }
}

void ScheduleGlyphPainting(WebPlatform& p) {
    if (p.glyph_task_scheduled) return;
    p.glyph_task_scheduled = true;
    emscripten_async_call(PaintGlyphsBetweenFrames, &p, 0);
}

void Frame(void* user);

// The drawing frame after a frame that only laid the screen out, as the next task rather than at the
// next animation frame: the screen appears up to a display refresh sooner. Should the animation
// frame come first after all, it draws, and nothing is owed here any more.
void DrawAfterLayout(void* user) {
    if (static_cast<WebPlatform*>(user)->scheduler.frames_owed > 0) Frame(user);
}

void Frame(void* user) {
    WebPlatform& p = *static_cast<WebPlatform*>(user);
    // Nothing to draw until the fonts are ready and ImGui's widget code has run once (fonts.cpp,
    // widget_warm_up.h), while the renderer's GPU context is lost, or when no frame is owed. The
    // app's state (everything typed) lives on regardless.
    if (p.scheduler.frames_owed <= 0 || !p.widget_code_warm || p.renderer_lost ||
        p.renderer_failed) {
        p.scheduler.loop_paused = true;
        emscripten_pause_main_loop();
        return;
    }
    --p.scheduler.frames_owed;
    const double frame_start_ms = emscripten_get_now();

    p.SyncCanvasSize();
    ImGuiIO& io = ImGui::GetIO();
    const double now = emscripten_get_now();
    // After a pause the real gap can be minutes; ImGui only needs a small positive step.
    io.DeltaTime = p.last_frame_ms > 0 ? static_cast<float>(std::clamp((now - p.last_frame_ms) / 1000.0, 1e-4, 0.1))
                                       : 1.0f / 60.0f;
    p.last_frame_ms = now;

    // Picked files that arrived since the last frame reach their screens before anything is drawn
    // (network answers already did, in the task they arrived in: FetchTransport::Complete).
    p.DeliverPickedFiles();

    const int glyphs_measured_before = MeasuredGlyphCount();
    ImGui::NewFrame();
    portal::DrawApp(p.app, p);
    // The very first frame, and one that met much new text (a screen opened, an answer arrived), only
    // lays the screen out, in a task of its own: ImGui measured every new character (the browser's
    // measureText) and the mirror got its elements; the next frame, with all of that known and its
    // code compiled, draws. Two tasks of about half the length each, where one long one kept a
    // phone's page from answering input (issue 22). The frame after such a frame always draws, so
    // text that is new on every frame cannot keep the screen from being drawn.
    const bool new_text = MeasuredGlyphCount() - glyphs_measured_before >= kNewTextGlyphs;
    if (!p.last_frame_laid_out_only && (!p.first_layout_done || new_text)) {
        p.first_layout_done = true;
        p.last_frame_laid_out_only = true;
        ImGui::EndFrame();
        p.RequestFrames(1);
        emscripten_async_call(DrawAfterLayout, &p, 0);
        return;
    }
    p.last_frame_laid_out_only = false;
    // Characters new to the atlas were measured while the screen was built; their pixels are painted
    // now, a few milliseconds' worth, and the rest right after the frame (ScheduleGlyphPainting), so
    // a screen of new text never freezes the page.
    const bool glyphs_pending = PaintPendingGlyphs(*io.Fonts, kGlyphPaintBudgetMs);
    if (glyphs_pending) ScheduleGlyphPainting(p);
    ImGui::Render();
    const std::vector<std::uint32_t>& frame = p.frames.Encode(
        ImGui::GetDrawData(), p.framebuffer_width, p.framebuffer_height, p.app.theme.palette.background);

    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != p.last_cursor) {
        aftercare_set_cursor(CssCursor(cursor));
        p.last_cursor = cursor;
    }
    const unsigned layout = LayoutHash();
    if (layout != p.scheduler.layout_hash && p.scheduler.layout_frames < kMaxLayoutFrames) {
        ++p.scheduler.layout_frames;
        p.RequestFrames(1);
    } else if (layout == p.scheduler.layout_hash) {
        p.scheduler.layout_frames = 0;
    }
    p.scheduler.layout_hash = layout;
    // The text caret blinks: while a field is being edited, come back for the next blink.
    if (io.WantTextInput) p.RequestRedrawAfter(0.53);
    aftercare_render_frame(frame.data(), static_cast<int>(frame.size() * sizeof(std::uint32_t)), glyphs_pending ? 1 : 0,
                           emscripten_get_now() - frame_start_ms);
}

} // namespace

// shell/renderer.js's reports (web/platform.js). The browser may drop the renderer's WebGL context
// (GPU reset, too many contexts, a driver update) and later give it back: then every texture is
// sent again. Without WebGL2 nothing can be drawn; the loading state says so.
enum RendererState { kRendererReady = 0, kRendererLost = 1, kRendererFailed = 2 };

extern "C" EMSCRIPTEN_KEEPALIVE void aftercare_renderer_changed(WebPlatform* platform, int state) {
    WebPlatform& p = *platform;
    p.renderer_lost = state == kRendererLost;
    p.renderer_failed = p.renderer_failed || state == kRendererFailed;
    if (state == kRendererReady) {
        p.frames.ResendTextures();
        p.RequestFrames();
    }
}

} // namespace aftercare::web

namespace {

// The second half of the start, in a task of its own: at Lighthouse's 4× CPU slowdown the whole start
// was one task of 100–200 ms (issue 22). The first half made the app's state (its string tables and
// policy) and the ImGui context; this half reads the page (kiosk, embedding, address), builds the
// ARIA mirror and starts the fonts and the frames.
void FinishStart(void* user) {
    using namespace aftercare;
    auto* platform = static_cast<web::WebPlatform*>(user);
    if (aftercare_kiosk_init(platform) != 0) {
        platform->kiosk = true;
        portal::EnableKioskMode(platform->app, platform->NowUnixSeconds());
    }
    char* embed_config = aftercare_embed_init(platform);
    if (embed_config[0] != '\0') portal::ApplyEmbedParameters(platform->app, embed_config);
    std::free(embed_config);
    aftercare_a11y_init(platform);
    char* initial_hash = aftercare_route_init(platform);
    portal::OnAddressChanged(platform->app, initial_hash);
    std::free(initial_hash);
    web::InstallInputCallbacks(*platform);
    web::StartFonts(*platform);
    emscripten_set_main_loop_arg(web::Frame, platform, 0, EM_FALSE);
    aftercare_render_init(platform);  // its first report may already be waiting
    platform->RequestFrames();
}

} // namespace

int main() {
    using namespace aftercare;
    auto* platform = new web::WebPlatform();  // lives as long as the page

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini on the web: state lives in the URL and the app
    io.LogFilename = nullptr;
    // No ImGui keyboard navigation: keyboard focus lives in the ARIA mirror's DOM elements (a11y.h).
    io.BackendPlatformName = "aftercare_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    platform->frames.Init();
    portal::ApplyTheme(platform->app.theme);
    emscripten_async_call(FinishStart, platform, 0);
    return 0;
}
