// Compiles ImGui's widget code before the first screen is laid out.
//
// Chromium compiles a wasm function the first time it is called, on the page's main thread (V8's
// lazy compilation, on by default). The first layout of a screen is the first call of most of
// ImGui's widget code, so its task also compiled that code: ImGui's functions were ~260 of the ~500
// compiled in the home screen's first layout, 30-55 ms of that task at 4× CPU in Chrome traces
// (docs/benchmarks.md, issue 22). Laying out one of each widget in a frame of its own, before the
// first layout, moves that compilation into a task of its own.
#pragma once

#include "theme.h"

namespace aftercare::web {

// Lays out, between ImGui::NewFrame and ImGui::EndFrame of a frame that is never drawn, one of each
// widget the portal's screens use, in every text style, in a window out of sight that takes no
// input. Its text is a few Latin letters and digits, which nearly every screen shows.
void WarmUpWidgetCode(const portal::Theme& theme);

} // namespace aftercare::web
