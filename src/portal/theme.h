// The portal's look: brand colour, light palette, spacing and the type scale.
// Sizes are in em (multiples of the body font size) so that they follow DPI, zoom and kiosk scale.
#pragma once

#include <imgui.h>

namespace aftercare::portal {

struct Palette {
    ImVec4 brand{0.086f, 0.392f, 1.000f, 1.0f};        // #1664FF
    ImVec4 brand_hover{0.251f, 0.502f, 1.000f, 1.0f};  // #4080FF
    ImVec4 brand_active{0.055f, 0.259f, 0.824f, 1.0f}; // #0E42D2
    ImVec4 brand_soft{0.910f, 0.953f, 1.000f, 1.0f};   // #E8F3FF, tinted backgrounds
    ImVec4 background{0.961f, 0.969f, 0.980f, 1.0f};   // #F5F7FA
    ImVec4 surface{1.0f, 1.0f, 1.0f, 1.0f};
    ImVec4 border{0.898f, 0.906f, 0.922f, 1.0f};       // #E5E7EB
    ImVec4 text{0.114f, 0.129f, 0.161f, 1.0f};         // #1D2129
    ImVec4 text_muted{0.306f, 0.349f, 0.412f, 1.0f};   // #4E5969
    ImVec4 success{0.000f, 0.706f, 0.165f, 1.0f};      // #00B42A
    ImVec4 warning{1.000f, 0.490f, 0.000f, 1.0f};      // #FF7D00
    ImVec4 danger{0.961f, 0.247f, 0.247f, 1.0f};       // #F53F3F
};

enum class TextStyle { Body, Small, Caption, Title3, Title2, Title1, Display };
inline constexpr TextStyle kTextStyles[] = {TextStyle::Body,   TextStyle::Small,  TextStyle::Caption, TextStyle::Title3,
                                            TextStyle::Title2, TextStyle::Title1, TextStyle::Display};

struct FontSet {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
};

struct Theme {
    Palette palette;
    FontSet fonts;
    float body_px = 16.0f;  // CSS pixels of 1 em; the kiosk raises it

    float FontPx(TextStyle style) const;
    ImFont* Font(TextStyle style) const;  // titles are bold
    float Em(float ems) const { return ems * body_px; }
};

// Applies the palette and em-based metrics to ImGui's style (call again after body_px changes).
void ApplyTheme(const Theme& theme);

// Pushes the font and size of a text style; pair with ImGui::PopFont().
void PushTextStyle(const Theme& theme, TextStyle style);

ImU32 ToU32(const ImVec4& colour);

} // namespace aftercare::portal
