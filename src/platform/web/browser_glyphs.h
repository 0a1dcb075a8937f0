// A Dear ImGui font loader whose glyphs come from the browser's own text engine (web/glyphs.js):
// every character the browser can draw in an HTML page, in the fonts of the customer's device.
#pragma once

#include <imgui.h>

namespace aftercare::web {

// Adds a face drawn by the browser at a CSS font weight (400 regular, 600 bold). Sizes come from
// PushFont, as for any ImGui 1.92 font; glyphs are drawn on first use at the display's density.
ImFont* AddBrowserFace(ImFontAtlas& atlas, int css_weight, const char* name);

// Has the browser set up, in a task of its own, the font a browser face draws at this size (as
// passed to PushFont) and density. The first character measured in a new font costs the browser
// 0.4-3 ms on a desktop (the font and its CJK fallback are looked up and instantiated), every later
// one ~0.02 ms: fonts the first screen uses are prepared before it is laid out, not during it.
void PrepareBrowserFont(const ImFont& font, float size, float density);

// How many glyphs the browser has measured since the page started: a frame that raised it by many
// met new text (a screen opened, an answer arrived).
int MeasuredGlyphCount();

// Paints glyphs measured this frame (or earlier) into their atlas places until budget_ms have
// passed: a screen full of text never new to the atlas costs one long task. Call after the UI is
// built and before ImGui::Render(). Returns true when the next frame is owed: glyphs are left, or
// one painted now has its own colours (an emoji), which this frame drew in the text colour.
bool PaintPendingGlyphs(ImFontAtlas& atlas, double budget_ms);

} // namespace aftercare::web
