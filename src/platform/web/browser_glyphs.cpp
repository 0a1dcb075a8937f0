// The browser font loader (see browser_glyphs.h): ImGui asks for a glyph the first time a size and
// density of a face draws it; web/glyphs.js draws it with the canvas's fillText and this copies the
// bitmap into ImGui's dynamic atlas.
#include "browser_glyphs.h"

#include "js_bridge.h"

#include <imgui_internal.h>  // ImFontLoader and the atlas packing API

#include <cmath>
#include <cstring>

namespace aftercare::web {
namespace {

// One per face (ImGui font source). ImGui's font size is a line's height, as with its own
// rasterizer: the em is that height divided by the stack's line box (ascent + descent per em).
struct BrowserFace {
    int css_weight;  // 400 regular, 600 bold
    float ascent;    // per em, from the browser's fonts: the same for every face
    float descent;
    float EmPerLine() const { return 1.0f / (ascent + descent); }
};

const BrowserFace& Face(const ImFontConfig* src) { return *static_cast<const BrowserFace*>(src->FontLoaderData); }

// What aftercare_glyphs_draw writes: the advance, the bitmap's offset from the pen's baseline
// origin, its size, and 1 for a glyph with its own colours (device pixels).
enum GlyphBox { kAdvance, kX0, kY0, kWidth, kHeight, kColored, kBoxSize };

// The icons are a font of our own in the Private Use Area (merged after the browser face), and
// control characters are never drawn: everything else is the browser's to draw, even a character
// no installed font has (it then shows the same missing-glyph box an HTML page shows).
bool BrowserDraws(ImWchar codepoint) {
    if (codepoint < 0x20 || (codepoint >= 0x7F && codepoint < 0xA0)) return false;
    return codepoint < 0xE000 || codepoint > 0xF8FF;
}

bool SourceInit(ImFontAtlas*, ImFontConfig* src) {
    // The browser's font metrics, measured once its fonts are settled (see aftercare_glyphs_init).
    float line[2] = {};
    aftercare_glyphs_line_metrics(line);
    src->FontLoaderData = IM_NEW(BrowserFace){static_cast<int>(src->FontLoaderFlags), line[0], line[1]};
    return true;
}

void SourceDestroy(ImFontAtlas*, ImFontConfig* src) {
    IM_DELETE(static_cast<BrowserFace*>(src->FontLoaderData));
    src->FontLoaderData = nullptr;
}

bool ContainsGlyph(ImFontAtlas*, ImFontConfig*, ImWchar codepoint) { return BrowserDraws(codepoint); }

bool BakedInit(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    if (!src->MergeMode) {
        // Line height is the font size; the baseline sits at the same fraction of it in every
        // face and size, so regular and bold text on one line share a baseline.
        const BrowserFace& face = Face(src);
        baked->Ascent = std::ceil(face.ascent * face.EmPerLine() * baked->Size);
        baked->Descent = baked->Ascent - baked->Size;
    }
    return true;
}

bool LoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar codepoint,
               ImFontGlyph* out_glyph, float* out_advance_x) {
    if (!BrowserDraws(codepoint)) return false;
    // Drawn at device pixels (CSS size × devicePixelRatio) so text stays crisp at any DPR and zoom.
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    const float pixel_size = baked->Size * Face(src).EmPerLine() * density;
    const bool metrics_only = out_advance_x != nullptr;

    ImVector<unsigned char>& buffer = atlas->Builder->TempBuffer;
    if (buffer.Size == 0) buffer.resize(64 * 64 * 4);
    float box[kBoxSize] = {};
    int needed = aftercare_glyphs_draw(codepoint, Face(src).css_weight, pixel_size, metrics_only, box, buffer.Data,
                                       buffer.Size);
    if (needed > buffer.Size) {  // a big glyph (a title's emoji at DPR 3): once more with room
        buffer.resize(needed);
        needed = aftercare_glyphs_draw(codepoint, Face(src).css_weight, pixel_size, 0, box, buffer.Data, buffer.Size);
    }
    // Whole device pixels per advance: with the pen starting on a pixel, every glyph's bitmap lands
    // on the pixel grid and is sampled 1:1.
    const float advance = std::round(box[kAdvance]) / density;
    if (metrics_only) {
        *out_advance_x = advance;
        return true;
    }
    out_glyph->Codepoint = codepoint;
    out_glyph->AdvanceX = advance;
    const int width = static_cast<int>(box[kWidth]);
    const int height = static_cast<int>(box[kHeight]);
    if (width <= 0 || height <= 0 || needed <= 0) return true;  // a space: an advance, nothing to draw

    const ImFontAtlasRectId pack_id = ImFontAtlasPackAddRect(atlas, width, height);
    if (pack_id == ImFontAtlasRectId_Invalid) return false;  // the atlas is at its largest
    ImTextureRect* rect = ImFontAtlasPackGetRect(atlas, pack_id);
    const float baseline = std::round(baked->Ascent);
    out_glyph->X0 = box[kX0] / density;
    out_glyph->Y0 = box[kY0] / density + baseline;
    out_glyph->X1 = (box[kX0] + width) / density;
    out_glyph->Y1 = (box[kY0] + height) / density + baseline;
    out_glyph->Visible = true;
    out_glyph->Colored = box[kColored] != 0.0f;  // an emoji keeps its colours instead of the text colour
    out_glyph->PackId = pack_id;
    const ImTextureFormat format = out_glyph->Colored ? ImTextureFormat_RGBA32 : ImTextureFormat_Alpha8;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out_glyph, rect, buffer.Data, format,
                                       out_glyph->Colored ? width * 4 : width);
    return true;
}

const ImFontLoader& BrowserLoader() {
    static const ImFontLoader loader = [] {
        ImFontLoader l;
        l.Name = "browser";
        l.FontSrcInit = SourceInit;
        l.FontSrcDestroy = SourceDestroy;
        l.FontSrcContainsGlyph = ContainsGlyph;
        l.FontBakedInit = BakedInit;
        l.FontBakedLoadGlyph = LoadGlyph;
        return l;
    }();
    return loader;
}

} // namespace

ImFont* AddBrowserFace(ImFontAtlas& atlas, int css_weight, const char* name) {
    ImFontConfig config;
    config.FontLoader = &BrowserLoader();
    config.FontLoaderFlags = static_cast<unsigned>(css_weight);  // read back by SourceInit
    std::strncpy(config.Name, name, sizeof(config.Name) - 1);
    return atlas.AddFont(&config);
}

} // namespace aftercare::web
