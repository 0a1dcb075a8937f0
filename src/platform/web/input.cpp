// Browser input → ImGui events: pointer (mouse and touch), wheel, keys, focus, resize and
// visibility. Every handler queues the event and asks for frames; nothing is drawn here.
//
// Pointer and key events are taken on the document, because the ARIA mirror's elements lie over
// the canvas and receive them first. Text never arrives as key events: it is typed into the
// mirror's DOM fields (IME, paste, phone keyboards) and reaches ImGui as whole-text edits.
#include "js_bridge.h"
#include "key_map.h"
#include "web_platform.h"

#include <imgui.h>
#include <imgui_internal.h>  // HoveredWindow, ScrollMax: which window the wheel is over

#include <cfloat>

namespace aftercare::web {
namespace {

constexpr const char* kCanvas = "#canvas";

WebPlatform& Platform(void* user) { return *static_cast<WebPlatform*>(user); }

void AddModifiers(ImGuiIO& io, bool ctrl, bool shift, bool alt, bool meta) {
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(ImGuiMod_Super, meta);
}

// DOM button numbers are 0 left, 1 middle, 2 right; ImGui's are 0 left, 1 right, 2 middle.
int ImGuiButton(unsigned short dom_button) {
    switch (dom_button) {
    case 1: return 2;
    case 2: return 1;
    default: return dom_button;
    }
}

EM_BOOL OnMouseMove(int, const EmscriptenMouseEvent* e, void* user) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
    Platform(user).NoteActivity();
    Platform(user).RequestFrames();
    return EM_FALSE;
}

EM_BOOL OnMouseButton(int type, const EmscriptenMouseEvent* e, void* user) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
    AddModifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    io.AddMouseButtonEvent(ImGuiButton(e->button), type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    Platform(user).NoteActivity();
    Platform(user).RequestFrames();
    return EM_FALSE;  // keep the default: a mirrored field under the pointer takes DOM focus
}

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void* user) {
    // ImGui counts wheel "lines"; the DOM gives pixels (most browsers), lines or pages.
    const double per_line = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 0.3;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX / per_line),
                                      static_cast<float>(-e->deltaY / per_line));
    Platform(user).NoteActivity();
    Platform(user).RequestFrames();
    return EM_TRUE;  // the page itself must not scroll under the canvas
}

// True when the pointer is over an ImGui area that scrolls by itself (a table body, a long list)
// rather than with the page: walking up from the hovered window, such an area comes before the
// page's scroll window.
bool OverInnerScrollArea(const WebPlatform& platform) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (const ImGuiWindow* window = g.HoveredWindow; window != nullptr; window = window->ParentWindow) {
        if (window->ID == platform.app.a11y.ScrollWindowId()) return false;
        if (window->ScrollMax.y > 0.0f && !(window->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return true;
    }
    return false;
}

// The mirror's scroll container lies over the page and scrolls it natively; over an inner
// scrolling area the wheel is ImGui's instead, and the page must not move.
EM_BOOL OnMirrorWheel(int type, const EmscriptenWheelEvent* e, void* user) {
    if (!OverInnerScrollArea(Platform(user))) return EM_FALSE;
    return OnWheel(type, e, user);
}

EM_BOOL OnTouch(int type, const EmscriptenTouchEvent* e, void* user) {
    if (e->numTouches < 1) return EM_FALSE;
    WebPlatform& platform = Platform(user);
    const EmscriptenTouchPoint& t = e->touches[0];
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    const bool ending = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    const bool scrolled = platform.touch_scrolled;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
        platform.touch_active = true;
        platform.touch_scrolled = false;
        io.AddMousePosEvent(static_cast<float>(t.clientX), static_cast<float>(t.clientY));
        io.AddMouseButtonEvent(0, true);
    } else if (!scrolled) {
        // Once a touch has turned into a scroll (see aftercare_dom_scroll) it presses nothing.
        io.AddMousePosEvent(static_cast<float>(t.clientX), static_cast<float>(t.clientY));
    }
    if (ending) {
        platform.touch_active = false;
        if (!scrolled) io.AddMouseButtonEvent(0, false);
        // A finger leaves nothing hovered behind.
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }
    platform.NoteActivity();
    platform.RequestFrames();
    // Never cancel start/move (the mirror scrolls natively, with inertia); cancel the end of a tap
    // so the browser does not replay it as mouse events, which would press twice.
    return type == EMSCRIPTEN_EVENT_TOUCHEND && !scrolled ? EM_TRUE : EM_FALSE;
}

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void* user) {
    // A focused mirrored text field edits natively (and handles Enter/Escape in web/a11y.js).
    if (aftercare_a11y_text_focused()) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    AddModifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    const ImGuiKey key = KeyFromDom(e->key, e->code);
    // Tab moves DOM focus through the mirror (visual order); Enter/Space click the focused element.
    if (key == ImGuiKey_None || key == ImGuiKey_Tab || key == ImGuiKey_Enter || key == ImGuiKey_Space) {
        return EM_FALSE;
    }
    io.AddKeyEvent(key, type == EMSCRIPTEN_EVENT_KEYDOWN);
    Platform(user).NoteActivity();
    Platform(user).RequestFrames();
    return EM_FALSE;
}

EM_BOOL OnFocus(int type, const EmscriptenFocusEvent*, void* user) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    Platform(user).RequestFrames();
    return EM_FALSE;
}

EM_BOOL OnResize(int, const EmscriptenUiEvent*, void* user) {
    Platform(user).RequestFrames();
    return EM_FALSE;
}

EM_BOOL OnVisibility(int, const EmscriptenVisibilityChangeEvent* e, void* user) {
    // A hidden tab is never drawn; coming back draws once to catch up.
    if (!e->hidden) Platform(user).RequestFrames();
    return EM_FALSE;
}

} // namespace

void InstallInputCallbacks(WebPlatform& platform) {
    void* user = &platform;
    const char* doc = EMSCRIPTEN_EVENT_TARGET_DOCUMENT;
    emscripten_set_mousedown_callback(doc, user, EM_FALSE, OnMouseButton);
    emscripten_set_mouseup_callback(doc, user, EM_FALSE, OnMouseButton);
    emscripten_set_mousemove_callback(doc, user, EM_FALSE, OnMouseMove);
    // The mirror's scroll container scrolls natively; the wheel over the rest of the canvas is ImGui's.
    emscripten_set_wheel_callback(kCanvas, user, EM_FALSE, OnWheel);
    emscripten_set_wheel_callback("#a11y-scroll", user, EM_FALSE, OnMirrorWheel);
    emscripten_set_touchstart_callback(doc, user, EM_FALSE, OnTouch);
    emscripten_set_touchmove_callback(doc, user, EM_FALSE, OnTouch);
    emscripten_set_touchend_callback(doc, user, EM_FALSE, OnTouch);
    emscripten_set_touchcancel_callback(doc, user, EM_FALSE, OnTouch);
    // The portal owns its document (a page of its own, or an iframe on a vendor's site).
    emscripten_set_keydown_callback(doc, user, EM_FALSE, OnKey);
    emscripten_set_keyup_callback(doc, user, EM_FALSE, OnKey);
    emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, user, EM_FALSE, OnFocus);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, user, EM_FALSE, OnFocus);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, user, EM_FALSE, OnResize);
    emscripten_set_visibilitychange_callback(user, EM_FALSE, OnVisibility);
}

} // namespace aftercare::web
