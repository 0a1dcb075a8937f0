// Shared portal widgets; see widgets.h.
#include "widgets.h"

#include <imgui_internal.h>

namespace aftercare::portal {

bool ActionCard(const Theme& theme, const char* id, const char* icon, std::string_view title,
                std::string_view hint, float width) {
    const Palette& p = theme.palette;
    const float pad = theme.Em(1.0f);
    const float disc = theme.Em(2.75f);
    const float height = disc + pad * 2.0f;

    ImGui::PushID(id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##card", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    const ImVec2 max(pos.x + width, pos.y + height);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = theme.Em(0.75f);
    // A soft shadow, then the card; hover lifts the border to the brand colour.
    draw->AddRectFilled(ImVec2(pos.x, pos.y + 2.0f), ImVec2(max.x, max.y + 2.0f), IM_COL32(29, 33, 41, 14),
                        rounding);
    draw->AddRectFilled(pos, max, ToU32(held ? p.brand_soft : p.surface), rounding);
    draw->AddRect(pos, max, ToU32(hovered ? p.brand_hover : p.border), rounding, 0, hovered ? 1.5f : 1.0f);

    const ImVec2 disc_centre(pos.x + pad + disc * 0.5f, pos.y + height * 0.5f);
    draw->AddCircleFilled(disc_centre, disc * 0.5f, ToU32(p.brand_soft));
    PushTextStyle(theme, TextStyle::Title2);
    const ImVec2 icon_size = ImGui::CalcTextSize(icon);
    draw->AddText(ImVec2(disc_centre.x - icon_size.x * 0.5f, disc_centre.y - icon_size.y * 0.5f), ToU32(p.brand),
                  icon);
    ImGui::PopFont();

    const float text_x = pos.x + pad * 2.0f + disc;
    const float text_width = max.x - pad - text_x;
    PushTextStyle(theme, TextStyle::Title3);
    const float title_h = ImGui::GetFontSize();
    const float hint_h = theme.FontPx(TextStyle::Small);
    const float text_top = pos.y + (height - title_h - hint_h - theme.Em(0.3f)) * 0.5f;
    draw->PushClipRect(ImVec2(text_x, pos.y), ImVec2(text_x + text_width, max.y), true);
    draw->AddText(ImVec2(text_x, text_top), ToU32(p.text), title.data(), title.data() + title.size());
    ImGui::PopFont();
    PushTextStyle(theme, TextStyle::Small);
    draw->AddText(ImVec2(text_x, text_top + title_h + theme.Em(0.3f)), ToU32(p.text_muted), hint.data(),
                  hint.data() + hint.size());
    ImGui::PopFont();
    draw->PopClipRect();

    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopID();
    return pressed;
}

void TextWrapped(const Theme& theme, TextStyle style, std::string_view text, const ImVec4& colour) {
    PushTextStyle(theme, style);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void BeginCard(const Theme& theme, const char* id) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme.Em(1.25f), theme.Em(1.0f)));
    ImGui::BeginChild(id, ImVec2(0, 0),
                      ImGuiChildFlags_Borders | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar);
}

void EndCard() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

} // namespace aftercare::portal
