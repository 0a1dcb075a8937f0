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
    draw->AddLine(ImVec2(origin.x, origin.y + height - 1.0f), ImVec2(origin.x + width, origin.y + height - 1.0f),
                  ToU32(p.border));
    int activated = -1;
    float x = origin.x;
    for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
        const std::string& label = labels[static_cast<size_t>(i)];
        const bool current = i == selected;
        PushTextStyle(theme, current ? TextStyle::Title3 : TextStyle::Body);
        const ImVec2 text = ImGui::CalcTextSize(label.c_str());
        ImGui::PopFont();
        const float tab_width = text.x + pad * 2.0f;
        ImGui::SetCursorScreenPos(ImVec2(x, origin.y));
        ImGui::PushID(i);
        bool pressed = ImGui::InvisibleButton("##tab", ImVec2(tab_width, height));
        ImGui::PopID();
        const ImGuiID item = ImGui::GetItemID();
        pressed |= ui.a11y.TakeActivation(item);
        const bool hovered = ImGui::IsItemHovered();
        if (hovered && !current) {
            draw->AddRectFilled(ImVec2(x, origin.y + theme.Em(0.2f)), ImVec2(x + tab_width, origin.y + height - 2.0f),
                                ToU32(p.brand_soft), theme.Em(0.4f));
        }
        // Current: bold text in the brand colour over a thick underline. The Title3 face is the
        // bold one; its size is kept close to the body size so the row does not jump.
        PushTextStyle(theme, current ? TextStyle::Title3 : TextStyle::Body);
        const float text_y = origin.y + (height - ImGui::GetFontSize()) * 0.5f;
        draw->AddText(ImVec2(x + pad, text_y), ToU32(current ? p.brand : p.text_muted), label.c_str());
        ImGui::PopFont();
        if (current) {
            draw->AddRectFilled(ImVec2(x + pad * 0.5f, origin.y + height - theme.Em(0.2f)),
                                ImVec2(x + tab_width - pad * 0.5f, origin.y + height), ToU32(p.brand), theme.Em(0.1f));
        }
        DrawFocusRing(ui, item);
        ui.a11y.AddLastItem(Role::Tab, label, current ? A11yFlags_Selected : A11yFlags_None);
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (pressed) activated = i;
        x += tab_width;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(width, 0.0f));
    ImGui::PopID();
    return activated;
}

} // namespace aftercare::portal
