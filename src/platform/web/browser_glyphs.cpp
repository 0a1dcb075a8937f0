// The browser font loader (see browser_glyphs.h): ImGui asks for a glyph the first time a size and
// density of a face draws it; web/glyphs.js measures it at once (layout needs its advance) and
// paints it with the canvas's fillText later in the frame, within a time budget (PaintPendingGlyphs),
// into the place this reserved for it in ImGui's dynamic atlas.
#include "browser_glyphs.h"

#include "js_bridge.h"

#include <imgui_internal.h>  // ImFontLoader and the atlas packing API

#include <emscripten.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace aftercare::web {
namespace {

// A glyph measured and placed in the atlas whose pixels are still to be painted. The baked size is
// named by its id, as ImGui may move or discard it between frames.
struct PendingGlyph {
    ImGuiID baked_id;
    ImWchar codepoint;
    ImFontAtlasRectId pack_id;
    float pixel_size;
    int x0, y0, width, height;  // the ink box from the baseline origin, device pixels
};

// One per face (ImGui font source). ImGui's font size is a line's height, as with its own
// rasterizer: the em is that height divided by the stack's line box (ascent + descent per em).
struct BrowserFace {
    int css_weight;  // 400 regular, 600 bold
    float ascent;    // per em, from the browser's fonts: the same for every face
    float descent;
    std::vector<PendingGlyph> pending;
    float EmPerLine() const { return 1.0f / (ascent + descent); }
    // The CSS font size the browser draws a baked size in, in device pixels.
    float PixelSize(float baked_size, float density) const { return baked_size * EmPerLine() * density; }
};

int measured_glyphs = 0;

BrowserFace& Face(const ImFontConfig* src) { return *static_cast<BrowserFace*>(src->FontLoaderData); }

// What aftercare_glyphs_measure writes: the advance, the ink box's offset from the pen's baseline
// origin and its size (device pixels).
enum GlyphBox { kAdvance, kX0, kY0, kWidth, kHeight, kBoxSize };

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
    src->FontLoaderData = IM_NEW(BrowserFace){static_cast<int>(src->FontLoaderFlags), line[0], line[1], {}};
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
    BrowserFace& face = Face(src);
    // Drawn at device pixels (CSS size × devicePixelRatio) so text stays crisp at any DPR and zoom.
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    const float pixel_size = face.PixelSize(baked->Size, density);
    float box[kBoxSize] = {};
    aftercare_glyphs_measure(codepoint, face.css_weight, pixel_size, box);
    ++measured_glyphs;
    // Whole device pixels per advance: with the pen starting on a pixel, every glyph's bitmap lands
    // on the pixel grid and is sampled 1:1.
    const float advance = std::round(box[kAdvance]) / density;
    if (out_advance_x != nullptr) {  // layout only: CalcTextSize of text not drawn
        *out_advance_x = advance;
        return true;
    }
    out_glyph->Codepoint = codepoint;
    out_glyph->AdvanceX = advance;
    const int width = static_cast<int>(box[kWidth]);
    const int height = static_cast<int>(box[kHeight]);
    if (width <= 0 || height <= 0) return true;  // a space: an advance, nothing to draw

    const ImFontAtlasRectId pack_id = ImFontAtlasPackAddRect(atlas, width, height);
    if (pack_id == ImFontAtlasRectId_Invalid) return false;  // the atlas is at its largest
    const float baseline = std::round(baked->Ascent);
    out_glyph->X0 = box[kX0] / density;
    out_glyph->Y0 = box[kY0] / density + baseline;
    out_glyph->X1 = (box[kX0] + width) / density;
    out_glyph->Y1 = (box[kY0] + height) / density + baseline;
    out_glyph->Visible = true;
    out_glyph->PackId = pack_id;
    // The place stays blank until PaintPendingGlyphs fills it, later in this frame or the next.
    face.pending.push_back({baked->BakedId, codepoint, pack_id, pixel_size, static_cast<int>(box[kX0]),
                            static_cast<int>(box[kY0]), width, height});
    return true;
}

// Paints one pending glyph into its place, unless ImGui has since dropped the glyph's size. True when
// it turned out to have its own colours: this frame drew it in the text colour, the next must not.
bool Paint(ImFontAtlas& atlas, ImFontConfig* src, const PendingGlyph& pending) {
    ImFontBaked* baked = static_cast<ImFontBaked*>(atlas.Builder->BakedMap.GetVoidPtr(pending.baked_id));
    if (baked == nullptr) return false;
    ImFontGlyph* glyph = baked->FindGlyphNoFallback(pending.codepoint);
    if (glyph == nullptr || glyph->PackId != pending.pack_id) return false;
    ImTextureRect* rect = ImFontAtlasPackGetRect(&atlas, pending.pack_id);
    if (rect == nullptr) return false;

    ImVector<unsigned char>& buffer = atlas.Builder->TempBuffer;
    if (buffer.Size == 0) buffer.resize(64 * 64 * 4);
    const BrowserFace& face = Face(src);
    auto paint = [&] {
        return aftercare_glyphs_paint(pending.codepoint, face.css_weight, pending.pixel_size, pending.x0, pending.y0,
                                      pending.width, pending.height, buffer.Data, buffer.Size);
    };
    int written = paint();
    if (written < 0) {  // a big glyph (a title's emoji at DPR 3): once more with room
        buffer.resize(-written);
        written = paint();
    }
    if (written <= 0) return false;
    // An emoji keeps its colours instead of taking the text colour.
    glyph->Colored = written == pending.width * pending.height * 4;
    if (glyph->Colored) atlas.TexPixelsUseColors = atlas.TexData->UseColors = true;
    const ImTextureFormat format = glyph->Colored ? ImTextureFormat_RGBA32 : ImTextureFormat_Alpha8;
    ImFontAtlasBakedSetFontGlyphBitmap(&atlas, baked, src, glyph, rect, buffer.Data, format,
                                       glyph->Colored ? pending.width * 4 : pending.width);
    return glyph->Colored;
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

int MeasuredGlyphCount() { return measured_glyphs; }

bool PaintPendingGlyphs(ImFontAtlas& atlas, double budget_ms) {
    const double deadline = emscripten_get_now() + budget_ms;
    bool redraw = false;
    for (ImFontConfig& src : atlas.Sources) {
        if (src.FontLoader != &BrowserLoader()) continue;
        std::vector<PendingGlyph>& pending = Face(&src).pending;
        size_t painted = 0;
        while (painted < pending.size() && emscripten_get_now() < deadline) {
            redraw = Paint(atlas, &src, pending[painted++]) || redraw;
        }
        pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(painted));
        if (!pending.empty()) return true;
    }
    return redraw;
}

void PrepareBrowserFont(const ImFont& font, float size, float density) {
    if (font.Sources.empty() || font.Sources[0]->FontLoader != &BrowserLoader()) return;
    const ImFontConfig* src = font.Sources[0];
    const BrowserFace& face = Face(src);
    // As LoadGlyph will ask: ImGui rounds the size it bakes.
    aftercare_glyphs_prepare(face.css_weight,
                             face.PixelSize(ImGui::GetRoundedFontSize(size), src->RasterizerDensity * density));
}

ImFont* AddBrowserFace(ImFontAtlas& atlas, int css_weight, const char* name) {
    ImFontConfig config;
    config.FontLoader = &BrowserLoader();
    config.FontLoaderFlags = static_cast<unsigned>(css_weight);  // read back by SourceInit
    std::strncpy(config.Name, name, sizeof(config.Name) - 1);
    return atlas.AddFont(&config);
}

} // namespace aftercare::web
