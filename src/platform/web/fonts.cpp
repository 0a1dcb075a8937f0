// Fonts: text is drawn by the browser (browser_glyphs.h), so the only font downloaded is the small
// icon subset. The first frame waits for it and for the browser's fonts to be settled
// (aftercare_glyphs_init: immediate, unless a kiosk asked for the bundled CJK subsets).
#include "browser_glyphs.h"
#include "js_bridge.h"
#include "web_platform.h"
#include "widget_warm_up.h"

#include <emscripten.h>
#include <emscripten/html5.h>  // emscripten_get_device_pixel_ratio
#include <imgui.h>
#include <imgui_internal.h>  // ImFontAtlasGetFontLoaderForStbTruetype

#include <cstring>

namespace aftercare::web {
namespace {

// Icons are merged into each face, so an icon and text mix in one string. They are Font Awesome
// glyphs in the Private Use Area, drawn by ImGui's own rasterizer from the subset.
void MergeIcons(const std::vector<unsigned char>& icons) {
    ImFontConfig config;
    config.MergeMode = true;
    config.FontDataOwnedByAtlas = false;  // ImGui copies it
    config.FontLoader = ImFontAtlasGetFontLoaderForStbTruetype();
    std::strncpy(config.Name, "Font Awesome subset", sizeof(config.Name) - 1);
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(icons.data()),
                                               static_cast<int>(icons.size()), 0.0f, &config);
}

void AddFaces(WebPlatform& platform) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const auto density = static_cast<float>(emscripten_get_device_pixel_ratio());
    // The atlas starts as tall as the first screen's text needs at this density, so that its first
    // layout does not grow it: each growth copies every glyph so far into a new texture, 10-25 % of
    // that task at 4× CPU. The home screen and a ticket page fill 512 × 256 at a devicePixelRatio
    // of 1, 512 × 512 at 1.75 and 512 × 1024 at 3 (2 MB of RGBA); ImGui starts at 512 × 128.
    atlas.TexMinHeight = ImUpperPowerOfTwo(static_cast<int>(256.0f * density));
    portal::FontSet& set = platform.app.theme.fonts;
    set.regular = AddBrowserFace(atlas, 400, "Browser sans-serif");
    MergeIcons(platform.fonts.icons);
    set.bold = AddBrowserFace(atlas, 600, "Browser sans-serif bold");
    MergeIcons(platform.fonts.icons);
    if (!set.regular || !set.bold) {
        aftercare_show_fatal("font");
        return;
    }
    ImGui::GetIO().FontDefault = set.regular;
    for (const portal::TextStyle style : portal::kTextStyles) {
        PrepareBrowserFont(*platform.app.theme.Font(style), platform.app.theme.FontPx(style), density);
    }
    platform.fonts.icons.clear();
    platform.fonts.icons.shrink_to_fit();
    WarmUpWidgetCodeThenDraw(platform);
}

void OnStepDone(WebPlatform& platform) {
    if (--platform.fonts.pending == 0 && !platform.fonts.failed) AddFaces(platform);
}

void OnIconsLoaded(void* user, void* data, int size) {
    auto& platform = *static_cast<WebPlatform*>(user);
    const auto* bytes = static_cast<const unsigned char*>(data);
    platform.fonts.icons.assign(bytes, bytes + size);
    OnStepDone(platform);
}

void OnIconsFailed(void* user) {
    static_cast<WebPlatform*>(user)->fonts.failed = true;
    aftercare_show_fatal("font");
}

} // namespace

void StartFonts(WebPlatform& platform) {
    platform.fonts.pending = 2;  // the icon subset, and the browser's fonts
    emscripten_async_wget_data("fonts/icons.ttf", &platform, OnIconsLoaded, OnIconsFailed);
    aftercare_glyphs_init(&platform);
}

extern "C" EMSCRIPTEN_KEEPALIVE void aftercare_glyphs_ready(WebPlatform* platform) { OnStepDone(*platform); }

} // namespace aftercare::web
