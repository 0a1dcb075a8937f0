// A Dear ImGui font loader whose glyphs come from the browser's own text engine (web/glyphs.js):
// every character the browser can draw in an HTML page, in the fonts of the customer's device.
#pragma once

#include <imgui.h>

namespace aftercare::web {

// Adds a face drawn by the browser at a CSS font weight (400 regular, 600 bold). Sizes come from
// PushFont, as for any ImGui 1.92 font; glyphs are drawn on first use at the display's density.
ImFont* AddBrowserFace(ImFontAtlas& atlas, int css_weight, const char* name);

} // namespace aftercare::web
