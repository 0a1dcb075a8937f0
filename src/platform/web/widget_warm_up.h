// Compiles ImGui's widget code before the first screen is laid out.
//
// Chromium compiles a wasm function the first time it is called, on the page's main thread (V8's
// lazy compilation, on by default). The first layout of a screen is the first call of most of
// ImGui's widget code, so its task also compiled that code: ImGui's functions were ~260 of the ~500
// compiled in the home screen's first layout, 30-55 ms of that task at 4× CPU in Chrome traces
// (docs/benchmarks.md, issue 22). Laying out one of each widget in tasks of their own, before the
// first layout, moves that compilation out of it.
#pragma once

namespace aftercare::web {

struct WebPlatform;

// Once the fonts are ready, in two tasks of their own after the tasks that prepare the fonts: runs an
// empty ImGui frame, then lays out one of each widget the portal's screens use, in every text style,
// in a window out of sight that takes no input, in an ImGui frame that is never drawn; then sets
// widget_code_warm and asks for the first frame. Its text is a few Latin letters and digits, which
// nearly every screen shows.
void WarmUpWidgetCodeThenDraw(WebPlatform& platform);

} // namespace aftercare::web
