// Entry point of the wasm portal: creates the WebGL2 context and the ImGui context, installs the
// browser callbacks, and runs the on-demand main loop (a frame only when one is owed).
#include "browser_glyphs.h"
#include "js_bridge.h"
#include "web_platform.h"

#include <emscripten.h>
#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_internal.h>  // the window list, for the layout check

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace aftercare::web {
namespace {

constexpr const char* kCanvas = "#canvas";

// Keeps the drawing buffer at CSS size × devicePixelRatio, so text is crisp at any DPR and zoom.
// Resizing reallocates the drawing buffer and waits for the GPU: done once before the context
// exists (CreateGlContext), then only when the page's size or zoom changes.
void SizeCanvas(WebPlatform& p) {
    double w = 0, h = 0;
    emscripten_get_element_css_size(kCanvas, &w, &h);
    const double ratio = emscripten_get_device_pixel_ratio();
    const int fb_w = static_cast<int>(std::lround(w * ratio));
    const int fb_h = static_cast<int>(std::lround(h * ratio));
    if (fb_w != p.framebuffer_width || fb_h != p.framebuffer_height) {
        emscripten_set_canvas_element_size(kCanvas, fb_w, fb_h);
        p.framebuffer_width = fb_w;
        p.framebuffer_height = fb_h;
    }
    p.css_width = w;
    p.css_height = h;
    p.pixel_ratio = ratio;
}

void SyncCanvasSize(WebPlatform& p) {
    SizeCanvas(p);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(p.css_width), static_cast<float>(p.css_height));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(p.pixel_ratio), static_cast<float>(p.pixel_ratio));
}

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

void Frame(void* user) {
    WebPlatform& p = *static_cast<WebPlatform*>(user);
    // Nothing to draw until the fonts are ready (fonts.cpp), while the GPU context is lost, or when no
    // frame is owed. The app's state (everything typed) lives on regardless.
    if (p.scheduler.frames_owed <= 0 || p.app.theme.fonts.regular == nullptr || p.gl_lost || p.gl_failed) {
        p.scheduler.loop_paused = true;
        emscripten_pause_main_loop();
        return;
    }
    --p.scheduler.frames_owed;
    const double frame_start_ms = emscripten_get_now();

    SyncCanvasSize(p);
    ImGuiIO& io = ImGui::GetIO();
    const double now = emscripten_get_now();
    // After a pause the real gap can be minutes; ImGui only needs a small positive step.
    io.DeltaTime = p.last_frame_ms > 0 ? static_cast<float>(std::clamp((now - p.last_frame_ms) / 1000.0, 1e-4, 0.1))
                                       : 1.0f / 60.0f;
    p.last_frame_ms = now;

    // Answers (and picked files) that arrived since the last frame reach their screens before anything is drawn.
    p.http.DeliverCompleted();
    p.DeliverPickedFiles();

    ImGui::NewFrame();
    portal::DrawApp(p.app, p);
    // The very first frame only lays the screen out, in a task of its own: ImGui measures every
    // character the screen shows (the browser's measureText) and the mirror gets its elements; the
    // next frame, with all of that known, draws. Two tasks of about half the length each, where one
    // long one kept a phone's page from answering input (issue 22).
    if (!p.first_layout_done) {
        p.first_layout_done = true;
        ImGui::EndFrame();
        p.RequestFrames(1);
        return;
    }
    // Characters new to the atlas were measured while the screen was built; their pixels are painted
    // now, a few milliseconds' worth, and the rest right after the frame (ScheduleGlyphPainting), so
    // a screen of new text never freezes the page.
    const bool glyphs_pending = PaintPendingGlyphs(*io.Fonts, kGlyphPaintBudgetMs);
    if (glyphs_pending) ScheduleGlyphPainting(p);
    ImGui::Render();

    glViewport(0, 0, p.framebuffer_width, p.framebuffer_height);
    const ImVec4& bg = p.app.theme.palette.background;
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    switch (p.renderer.Render(ImGui::GetDrawData(), p.framebuffer_width, p.framebuffer_height)) {
    case RenderOutcome::kDrawn: break;
    case RenderOutcome::kCompiling:  // the GPU process is still compiling: draw again next frame
        p.RequestFrames(1);
        return;
    case RenderOutcome::kBroken:
        p.gl_failed = true;
        aftercare_show_fatal("webgl");
        return;
    }

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
    aftercare_frame_drawn(emscripten_get_now() - frame_start_ms, glyphs_pending ? 1 : 0);
    if (!p.first_frame_shown) {
        p.first_frame_shown = true;
        aftercare_app_ready();
    }
}

// The browser may drop the WebGL context (GPU reset, too many contexts, a driver update).
// Accepting the loss lets it be restored; then every GL object is made again and ImGui re-uploads
// its font textures (a texture the backend destroyed is re-created on the next frame).
EM_BOOL OnContextLost(int, const void*, void* user) {
    static_cast<WebPlatform*>(user)->gl_lost = true;
    return EM_TRUE;
}

EM_BOOL OnContextRestored(int, const void*, void* user) {
    WebPlatform& p = *static_cast<WebPlatform*>(user);
    emscripten_webgl_make_context_current(p.gl);
    p.renderer.ForgetDeviceObjects();
    p.renderer.CreateDeviceObjects();
    p.gl_lost = false;
    p.RequestFrames();
    return EM_TRUE;
}

bool CreateGlContext(WebPlatform& p) {
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    // shell/portal.js makes this context while the wasm downloads, with these same attributes, and
    // this call gets it back: keep the two in step.
    attributes.majorVersion = 2;
    attributes.alpha = EM_FALSE;
    attributes.antialias = EM_FALSE;  // ImGui anti-aliases its own geometry
    attributes.depth = EM_FALSE;
    attributes.stencil = EM_FALSE;
    // WebGL2 has all ImGui needs; enabling every extension the browser offers took ~160 ms at a
    // phone's CPU speed (docs/benchmarks.md, issue 22).
    attributes.enableExtensionsByDefault = EM_FALSE;
    SizeCanvas(p);
    p.gl = emscripten_webgl_create_context(kCanvas, &attributes);
    return p.gl > 0 && emscripten_webgl_make_context_current(p.gl) == EMSCRIPTEN_RESULT_SUCCESS;
}

} // namespace
} // namespace aftercare::web

int main() {
    using namespace aftercare;
    auto* platform = new web::WebPlatform();  // lives as long as the page

    if (!web::CreateGlContext(*platform)) {
        aftercare_show_fatal("webgl");
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini on the web: state lives in the URL and the app
    io.LogFilename = nullptr;
    // No ImGui keyboard navigation: keyboard focus lives in the ARIA mirror's DOM elements (a11y.h).
    io.BackendPlatformName = "aftercare_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    platform->renderer.Init(platform->gl);
    // The shaders compile in the GPU process while the fonts start; nothing here waits for them.
    platform->renderer.CreateDeviceObjects();
    emscripten_set_webglcontextlost_callback(web::kCanvas, platform, EM_FALSE, web::OnContextLost);
    emscripten_set_webglcontextrestored_callback(web::kCanvas, platform, EM_FALSE, web::OnContextRestored);
    portal::ApplyTheme(platform->app.theme);

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
    platform->RequestFrames();
    return 0;
}
