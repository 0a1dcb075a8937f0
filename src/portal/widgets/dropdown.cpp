// Dropdown and CheckBox; see dropdown.h.
#include "widgets/dropdown.h"

#include "icons.h"

#include <algorithm>

namespace aftercare::portal {

bool Dropdown(Ui& ui, const char* id, std::string_view label, std::span<const std::string> options, int& selected,
              const DropdownOptions& opts) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImGui::PushID(id);
    if (!opts.label_inside) {
        PushTextStyle(theme, TextStyle::Small);
        ImGui::TextUnformatted(label.data(), label.data() + label.size());
        ImGui::PopFont();
    }
    const std::string current = selected >= 0 && selected < static_cast<int>(options.size())
                                    ? options[static_cast<size_t>(selected)]
                                    : std::string();
    PushTextStyle(theme, TextStyle::Small);
    const std::string prefix = opts.label_inside ? std::string(label) + "：" : std::string();
    float longest = 0.0f;
    for (const std::string& option : options) longest = std::max(longest, ImGui::CalcTextSize(option.c_str()).x);
    const float prefix_w = ImGui::CalcTextSize(prefix.c_str()).x;
    const float height = theme.Em(2.25f);
    const float width = opts.width > 0.0f ? opts.width : prefix_w + longest + theme.Em(3.0f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::BeginDisabled(!opts.enabled);
    bool pressed = ImGui::InvisibleButton("##dropdown", ImVec2(width, height));
    ImGui::EndDisabled();
    const ImGuiID item = ImGui::GetItemID();
    pressed = opts.enabled && (pressed || ui.a11y.TakeActivation(item));
    const bool hovered = opts.enabled && ImGui::IsItemHovered();
    const bool open = ImGui::IsPopupOpen("##options");
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    const bool invalid = !opts.error.empty();
    draw->AddRectFilled(pos, max, ToU32(opts.enabled ? p.surface : p.background), theme.Em(0.5f));
    draw->AddRect(pos, max, ToU32(invalid ? p.danger : (open || hovered) ? p.brand_hover : p.border), theme.Em(0.5f),
                  0, open ? 1.5f : 1.0f);
    const float text_y = pos.y + (height - ImGui::GetFontSize()) * 0.5f;
    draw->PushClipRect(pos, ImVec2(max.x - theme.Em(1.8f), max.y), true);
    draw->AddText(ImVec2(pos.x + theme.Em(0.75f), text_y), ToU32(p.text_muted), prefix.c_str());
    draw->AddText(ImVec2(pos.x + theme.Em(0.75f) + prefix_w, text_y), ToU32(opts.enabled ? p.text : p.text_muted),
                  current.c_str());
    draw->PopClipRect();
    ImGui::PopFont();
    PushTextStyle(theme, TextStyle::Body);
    const ImVec2 caret = ImGui::CalcTextSize(ICON_CARET_DOWN);
    draw->AddText(ImVec2(max.x - theme.Em(0.8f) - caret.x, pos.y + (height - caret.y) * 0.5f), ToU32(p.text_muted),
                  ICON_CARET_DOWN);
    ImGui::PopFont();
    DrawFocusRing(ui, item);
    ui.a11y.AddLastItem(Role::Button, label, opts.enabled ? A11yFlags_None : A11yFlags_Disabled, {}, current);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (pressed) ImGui::OpenPopup("##options");

    bool changed = false;
    ImGui::SetNextWindowPos(ImVec2(pos.x, max.y + theme.Em(0.25f)));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(std::max(width, longest + theme.Em(4.0f)), theme.Em(24.0f)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme.Em(0.375f), theme.Em(0.375f)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, theme.Em(0.125f)));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupBorderSize, 1.0f);
    if (ImGui::BeginPopup("##options")) {
        PushTextStyle(theme, TextStyle::Small);
        for (int i = 0; i < static_cast<int>(options.size()); ++i) {
            const bool is_selected = i == selected;
            const std::string& option = options[static_cast<size_t>(i)];
            ImGui::PushID(i);
            const ImVec2 row = ImGui::GetCursorScreenPos();
            const float row_w = ImGui::GetContentRegionAvail().x;
            const float row_h = theme.Em(2.0f);
            bool chosen = ImGui::InvisibleButton("##option", ImVec2(row_w, row_h));
            const ImGuiID option_id = ImGui::GetItemID();
            chosen |= ui.a11y.TakeActivation(option_id);
            ImDrawList* popup_draw = ImGui::GetWindowDrawList();
            if (ImGui::IsItemHovered() || is_selected) {
                popup_draw->AddRectFilled(row, ImVec2(row.x + row_w, row.y + row_h),
                                          ToU32(is_selected ? p.brand_soft : p.background), theme.Em(0.35f));
            }
            const float y = row.y + (row_h - ImGui::GetFontSize()) * 0.5f;
            popup_draw->AddText(ImVec2(row.x + theme.Em(0.6f), y), ToU32(is_selected ? p.brand : p.text), option.c_str());
            if (is_selected) {
                const ImVec2 check = ImGui::CalcTextSize(ICON_CHECK);
                popup_draw->AddText(ImVec2(row.x + row_w - check.x - theme.Em(0.6f), y), ToU32(p.brand), ICON_CHECK);
            }
            DrawFocusRing(ui, option_id);
            ui.a11y.AddLastItem(Role::Radio, option, (is_selected ? A11yFlags_Checked : A11yFlags_None) | A11yFlags_Overlay);
            if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (chosen) {
                changed = i != selected;
                selected = i;
                ImGui::CloseCurrentPopup();
            }
            ImGui::PopID();
        }
        ImGui::PopFont();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(3);
    if (invalid) Paragraph(ui, TextStyle::Small, opts.error, p.danger, Role::Alert);
    ImGui::PopID();
    return changed;
}

bool CheckBox(Ui& ui, const char* id, std::string_view label, bool& value) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    PushTextStyle(theme, TextStyle::Body);
    const float box = theme.Em(1.125f);
    const ImVec2 text = ImGui::CalcTextSize(label.data(), label.data() + label.size());
    const float height = std::max(box, text.y) + theme.Em(0.5f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    bool pressed = ImGui::InvisibleButton("##check", ImVec2(box + theme.Em(0.5f) + text.x, height));
    ImGui::PopID();
    const ImGuiID item = ImGui::GetItemID();
    pressed |= ui.a11y.TakeActivation(item);
    if (pressed) value = !value;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 box_min(pos.x, pos.y + (height - box) * 0.5f);
    const ImVec2 box_max(box_min.x + box, box_min.y + box);
    if (value) {
        draw->AddRectFilled(box_min, box_max, ToU32(p.brand), theme.Em(0.25f));
        PushTextStyle(theme, TextStyle::Caption);
        const ImVec2 check = ImGui::CalcTextSize(ICON_CHECK);
        draw->AddText(ImVec2(box_min.x + (box - check.x) * 0.5f, box_min.y + (box - check.y) * 0.5f), IM_COL32_WHITE,
                      ICON_CHECK);
        ImGui::PopFont();
    } else {
        draw->AddRectFilled(box_min, box_max, ToU32(p.surface), theme.Em(0.25f));
        draw->AddRect(box_min, box_max, ToU32(ImGui::IsItemHovered() ? p.brand_hover : p.border), theme.Em(0.25f), 0,
                      1.5f);
    }
    draw->AddText(ImVec2(box_max.x + theme.Em(0.5f), pos.y + (height - text.y) * 0.5f), ToU32(p.text), label.data(),
                  label.data() + label.size());
    ImGui::PopFont();
    DrawFocusRing(ui, item);
    ui.a11y.AddLastItem(Role::CheckBox, label, value ? A11yFlags_Checked : A11yFlags_None);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed;
}

} // namespace aftercare::portal
