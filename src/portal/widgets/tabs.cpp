// TabBar; see tabs.h.
#include "widgets/tabs.h"

namespace aftercare::portal {

int TabBar(Ui& ui, const char* id, std::span<const std::string> labels, int selected) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = theme.Em(2.75f);
    const float pad = theme.Em(1.0f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    int activated = -1;
    float x = origin.x;
    float row_y = origin.y;  // tabs that do not fit (a phone) wrap onto another row, never off-screen
    auto underline_row = [&](float y) {
        draw->AddLine(ImVec2(origin.x, y + height - 1.0f), ImVec2(origin.x + width, y + height - 1.0f), ToU32(p.border));
    };
    underline_row(row_y);
    for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
        const std::string& label = labels[static_cast<size_t>(i)];
        const bool current = i == selected;
        PushTextStyle(theme, current ? TextStyle::Title3 : TextStyle::Body);
        const ImVec2 text = ImGui::CalcTextSize(label.c_str());
        ImGui::PopFont();
        const float tab_width = text.x + pad * 2.0f;
        if (x > origin.x && x + tab_width > origin.x + width) {
            x = origin.x;
            row_y += height;
            underline_row(row_y);
        }
        ImGui::SetCursorScreenPos(ImVec2(x, row_y));
        ImGui::PushID(i);
        bool pressed = ImGui::InvisibleButton("##tab", ImVec2(tab_width, height));
        ImGui::PopID();
        const ImGuiID item = ImGui::GetItemID();
        pressed |= ui.a11y.TakeActivation(item);
        const bool hovered = ImGui::IsItemHovered();
        if (hovered && !current) {
            draw->AddRectFilled(ImVec2(x, row_y + theme.Em(0.2f)), ImVec2(x + tab_width, row_y + height - 2.0f),
                                ToU32(p.brand_soft), theme.Em(0.4f));
        }
        // Current: bold text in the brand colour over a thick underline. The Title3 face is the
        // bold one; its size is kept close to the body size so the row does not jump.
        PushTextStyle(theme, current ? TextStyle::Title3 : TextStyle::Body);
        const float text_y = row_y + (height - ImGui::GetFontSize()) * 0.5f;
        draw->AddText(ImVec2(x + pad, text_y), ToU32(current ? p.brand : p.text_muted), label.c_str());
        ImGui::PopFont();
        if (current) {
            draw->AddRectFilled(ImVec2(x + pad * 0.5f, row_y + height - theme.Em(0.2f)),
                                ImVec2(x + tab_width - pad * 0.5f, row_y + height), ToU32(p.brand), theme.Em(0.1f));
        }
        DrawFocusRing(ui, item);
        ui.a11y.AddLastItem(Role::Tab, label, current ? A11yFlags_Selected : A11yFlags_None);
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (pressed) activated = i;
        x += tab_width;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, row_y + height));
    ImGui::Dummy(ImVec2(width, 0.0f));
    ImGui::PopID();
    return activated;
}

} // namespace aftercare::portal
