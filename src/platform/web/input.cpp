// Browser input → ImGui events: pointer (mouse and touch), wheel, keys, text, focus, resize and
// visibility. Every handler queues the event and asks for frames; nothing is drawn here.
#include "key_map.h"
#include "web_platform.h"

#include <imgui.h>

#include <cstring>

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
    Platform(user).RequestFrames();
    return EM_FALSE;
}

EM_BOOL OnMouseButton(int type, const EmscriptenMouseEvent* e, void* user) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
    AddModifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    io.AddMouseButtonEvent(ImGuiButton(e->button), type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    Platform(user).RequestFrames();
    return EM_FALSE;  // keep the default, so the canvas takes keyboard focus on click
}

EM_BOOL OnWheel(int, const EmscriptenWheelEvent* e, void* user) {
    // ImGui counts wheel "lines"; the DOM gives pixels (most browsers), lines or pages.
    const double per_line = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 0.3;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX / per_line),
                                      static_cast<float>(-e->deltaY / per_line));
    Platform(user).RequestFrames();
    return EM_TRUE;  // the page itself must not scroll under the canvas
}

EM_BOOL OnTouch(int type, const EmscriptenTouchEvent* e, void* user) {
    if (e->numTouches < 1) return EM_FALSE;
    const EmscriptenTouchPoint& t = e->touches[0];
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(static_cast<float>(t.clientX), static_cast<float>(t.clientY));
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) io.AddMouseButtonEvent(0, true);
    if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
        io.AddMouseButtonEvent(0, false);
        // A finger leaves nothing hovered behind.
        io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }
    Platform(user).RequestFrames();
    return EM_TRUE;  // no synthetic mouse events, no page pan under the canvas
}

bool IsPrintable(const EmscriptenKeyboardEvent* e) {
    // A single-character `key` is text (its UTF-8 is at most 4 bytes); named keys are longer words.
    const size_t len = std::strlen(e->key);
    return len > 0 && len <= 4 && (static_cast<unsigned char>(e->key[0]) >= 0x80 || len == 1);
}

EM_BOOL OnKey(int type, const EmscriptenKeyboardEvent* e, void* user) {
    ImGuiIO& io = ImGui::GetIO();
    AddModifiers(io, e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    const ImGuiKey key = KeyFromDom(e->key, e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, type == EMSCRIPTEN_EVENT_KEYDOWN);
    Platform(user).RequestFrames();
    if (type != EMSCRIPTEN_EVENT_KEYDOWN) return EM_FALSE;
    // Text keys must reach `keypress`, and clipboard shortcuts the browser's copy/paste events;
    // Tab, arrows, Enter, Backspace... are ours while ImGui is using the keyboard.
    if (IsPrintable(e) || e->ctrlKey || e->metaKey) return EM_FALSE;
    return io.WantCaptureKeyboard && key != ImGuiKey_None ? EM_TRUE : EM_FALSE;
}

EM_BOOL OnKeyPress(int, const EmscriptenKeyboardEvent* e, void* user) {
    if (e->ctrlKey || e->metaKey || !IsPrintable(e)) return EM_FALSE;
    ImGui::GetIO().AddInputCharactersUTF8(e->key);
    Platform(user).RequestFrames();
    return EM_TRUE;
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
    emscripten_set_mousedown_callback(kCanvas, user, EM_FALSE, OnMouseButton);
    // Moves and releases are followed on the document, so a drag that leaves the canvas still ends.
    emscripten_set_mouseup_callback(doc, user, EM_FALSE, OnMouseButton);
    emscripten_set_mousemove_callback(doc, user, EM_FALSE, OnMouseMove);
    emscripten_set_wheel_callback(kCanvas, user, EM_FALSE, OnWheel);
    emscripten_set_touchstart_callback(kCanvas, user, EM_FALSE, OnTouch);
    emscripten_set_touchmove_callback(kCanvas, user, EM_FALSE, OnTouch);
    emscripten_set_touchend_callback(kCanvas, user, EM_FALSE, OnTouch);
    emscripten_set_touchcancel_callback(kCanvas, user, EM_FALSE, OnTouch);
    // Keys only while the canvas has focus: a host page keeps its own keys.
    emscripten_set_keydown_callback(kCanvas, user, EM_FALSE, OnKey);
    emscripten_set_keyup_callback(kCanvas, user, EM_FALSE, OnKey);
    emscripten_set_keypress_callback(kCanvas, user, EM_FALSE, OnKeyPress);
    emscripten_set_focus_callback(kCanvas, user, EM_FALSE, OnFocus);
    emscripten_set_blur_callback(kCanvas, user, EM_FALSE, OnFocus);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, user, EM_FALSE, OnResize);
    emscripten_set_visibilitychange_callback(user, EM_FALSE, OnVisibility);
}

} // namespace aftercare::web
