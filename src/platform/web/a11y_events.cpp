// Entry points the ARIA mirror (web/a11y.js) calls when something happens in the DOM: focus moved,
// an element was activated from the keyboard, text was edited, the scroll container moved.
// Each records the event for the next frame and asks for one.
#include "web_platform.h"

#include <emscripten.h>
#include <imgui.h>

#include <cfloat>

using aftercare::web::WebPlatform;

extern "C" {

EMSCRIPTEN_KEEPALIVE void aftercare_dom_focus(WebPlatform* platform, unsigned id, int focus_visible) {
    platform->app.a11y.OnDomFocus(id, focus_visible != 0);
    platform->RequestFrames();
}

EMSCRIPTEN_KEEPALIVE void aftercare_dom_activate(WebPlatform* platform, unsigned id) {
    platform->NoteActivity();
    platform->app.a11y.OnDomActivate(id);
    platform->RequestFrames();
}

EMSCRIPTEN_KEEPALIVE void aftercare_dom_edit(WebPlatform* platform, unsigned id, const char* text,
                                             int selection_start, int selection_end) {
    platform->NoteActivity();
    platform->app.a11y.OnDomEdit({id, text, selection_start, selection_end});
    platform->RequestFrames();
}

EMSCRIPTEN_KEEPALIVE void aftercare_dom_scroll(WebPlatform* platform, float y) {
    platform->NoteActivity();
    platform->app.a11y.OnDomScroll(y);
    if (platform->touch_active && !platform->touch_scrolled) {
        // The finger is scrolling, not pressing: take the pointer off whatever it was over, so the
        // release that ends the scroll does not click it.
        platform->touch_scrolled = true;
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        io.AddMouseButtonEvent(0, false);
    }
    platform->RequestFrames();
}

} // extern "C"
