// Applies the Aftercare light theme to ImGui; see theme.h.
#include "theme.h"

namespace aftercare::portal {

float Theme::FontPx(TextStyle style) const {
    switch (style) {
    case TextStyle::Caption: return body_px * 0.75f;
    case TextStyle::Small: return body_px * 0.875f;
    case TextStyle::Body: return body_px;
    case TextStyle::Title3: return body_px * 1.125f;
    case TextStyle::Title2: return body_px * 1.375f;
    case TextStyle::Title1: return body_px * 1.75f;
    case TextStyle::Display: return body_px * 2.25f;
    }
    return body_px;
}

ImFont* Theme::Font(TextStyle style) const {
    const bool bold = style == TextStyle::Title1 || style == TextStyle::Title2 ||
                      style == TextStyle::Title3 || style == TextStyle::Display;
    return bold && fonts.bold ? fonts.bold : fonts.regular;
}

void PushTextStyle(const Theme& theme, TextStyle style) { ImGui::PushFont(theme.Font(style), theme.FontPx(style)); }

ImU32 ToU32(const ImVec4& colour) { return ImGui::ColorConvertFloat4ToU32(colour); }

void ApplyTheme(const Theme& theme) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    const Palette& p = theme.palette;

    style.WindowPadding = ImVec2(theme.Em(1.25f), theme.Em(1.25f));
    style.FramePadding = ImVec2(theme.Em(0.75f), theme.Em(0.6f));
    style.ItemSpacing = ImVec2(theme.Em(0.75f), theme.Em(0.75f));
    style.ItemInnerSpacing = ImVec2(theme.Em(0.5f), theme.Em(0.4f));
    style.ScrollbarSize = theme.Em(0.6f);
    style.WindowRounding = 0.0f;
    style.ChildRounding = theme.Em(0.75f);
    style.FrameRounding = theme.Em(0.5f);
    style.PopupRounding = theme.Em(0.75f);
    style.GrabRounding = theme.Em(0.5f);
    style.ScrollbarRounding = theme.Em(0.3f);
    style.WindowBorderSize = 0.0f;
    style.ChildBorderSize = 1.0f;
    style.FrameBorderSize = 1.0f;
    style.FontSizeBase = theme.body_px;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.text_muted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = p.surface;
    c[ImGuiCol_PopupBg] = p.surface;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = p.surface;
    c[ImGuiCol_FrameBgHovered] = p.surface;
    c[ImGuiCol_FrameBgActive] = p.surface;
    c[ImGuiCol_Button] = p.brand;
    c[ImGuiCol_ButtonHovered] = p.brand_hover;
    c[ImGuiCol_ButtonActive] = p.brand_active;
    c[ImGuiCol_Header] = p.brand_soft;
    c[ImGuiCol_HeaderHovered] = p.brand_soft;
    c[ImGuiCol_HeaderActive] = p.brand_soft;
    c[ImGuiCol_CheckMark] = p.brand;
    c[ImGuiCol_SliderGrab] = p.brand;
    c[ImGuiCol_SliderGrabActive] = p.brand_active;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0, 0, 0, 0.18f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0, 0, 0, 0.28f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0, 0, 0, 0.36f);
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_TextSelectedBg] = ImVec4(p.brand.x, p.brand.y, p.brand.z, 0.25f);
    c[ImGuiCol_NavCursor] = p.brand;
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.114f, 0.129f, 0.161f, 0.45f);
}

} // namespace aftercare::portal
