// Option cards; see option_cards.h.
#include "widgets/option_cards.h"


#include <algorithm>
#include <vector>

namespace aftercare::portal {
namespace {

// One option's interaction: returns true when it was chosen by pointer or keyboard.
bool OptionButton(Ui& ui, int index, const ImVec2& size, bool enabled, ImGuiID& item_id) {
    ImGui::PushID(index);
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::InvisibleButton("##option", size);
    ImGui::EndDisabled();
    item_id = ImGui::GetItemID();
    ImGui::PopID();
    return enabled && (clicked || ui.a11y.TakeActivation(item_id));
}

A11yFlags OptionFlags(bool checked, bool enabled, bool invalid) {
    A11yFlags flags = checked ? A11yFlags_Checked : A11yFlags_None;
    if (!enabled) flags |= A11yFlags_Disabled;
    if (invalid) flags |= A11yFlags_Invalid;
    return flags;
}

void GroupError(Ui& ui, std::string_view error) {
    if (!error.empty()) Paragraph(ui, TextStyle::Small, error, ui.theme.palette.danger, Role::Alert);
}

// The small label above the group, with a red asterisk when required (TextField's look).
void GroupLabel(Ui& ui, std::string_view label, bool required) {
    if (label.empty()) return;
    const Palette& p = ui.theme.palette;
    PushTextStyle(ui.theme, TextStyle::Small);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text);
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    ImGui::PopStyleColor();
    if (required) {
        ImGui::SameLine(0, ui.theme.Em(0.2f));
        ImGui::TextColored(p.danger, "*");
    }
    ImGui::PopFont();
}

} // namespace

bool OptionCards(Ui& ui, const char* id, std::string_view group_label, std::span<const ChoiceOption> options,
                 int& selected, const OptionCardsOptions& group) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    GroupLabel(ui, group_label, group.required);
    ImGui::PushID(id);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.75f);
    const int columns = avail >= theme.Em(34.0f) ? std::max(1, group.columns) : 1;
    const float card_w = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float pad = theme.Em(1.0f);
    const float disc = theme.Em(2.5f);
    const float radio = theme.Em(1.25f);
    const float text_w = card_w - pad * 3.0f - disc - radio - theme.Em(0.5f);
    const float title_px = theme.FontPx(TextStyle::Body);
    const float body_px = theme.FontPx(TextStyle::Small);
    ImFont* title_font = theme.fonts.bold ? theme.fonts.bold : theme.fonts.regular;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    bool changed = false;

    // Cards in a row share the height of the tallest, so the grid stays even.
    const int count = static_cast<int>(options.size());
    std::vector<float> heights(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        const ChoiceOption& option = options[static_cast<size_t>(i)];
        ImGui::PushFont(theme.fonts.regular, body_px);
        const float body_h = option.hint.empty()
                                 ? 0.0f
                                 : ImGui::CalcTextSize(option.hint.data(),
                                                       option.hint.data() + option.hint.size(), false,
                                                       text_w).y + theme.Em(0.25f);
        ImGui::PopFont();
        ImGui::PushFont(title_font, title_px);
        const float title_h = ImGui::CalcTextSize(option.label.data(), option.label.data() + option.label.size(),
                                                  false, text_w).y;
        ImGui::PopFont();
        heights[static_cast<size_t>(i)] = std::max(disc, title_h + body_h) + pad * 2.0f;
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y;
    for (int row_start = 0; row_start < count; row_start += columns) {
        float row_h = 0.0f;
        for (int i = row_start; i < std::min(count, row_start + columns); ++i) row_h = std::max(row_h, heights[static_cast<size_t>(i)]);
        for (int i = row_start; i < std::min(count, row_start + columns); ++i) {
            const ChoiceOption& option = options[static_cast<size_t>(i)];
            const float x = origin.x + static_cast<float>(i - row_start) * (card_w + gap);
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            ImGuiID item = 0;
            if (OptionButton(ui, i, ImVec2(card_w, row_h), option.enabled, item) && selected != i) {
                selected = i;
                changed = true;
            }
            const bool checked = i == selected;
            const bool hovered = option.enabled && ImGui::IsItemHovered();
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            const float rounding = theme.Em(0.75f);
            draw->AddRectFilled(min, max, ToU32(checked ? p.brand_soft : p.surface), rounding);
            draw->AddRect(min, max, ToU32(checked ? p.brand : hovered ? p.brand_hover : p.border), rounding, 0,
                          checked ? 2.0f : 1.0f);
            // Icon disc, then title and explanation, then the radio mark on the right.
            const ImVec2 disc_centre(min.x + pad + disc * 0.5f, min.y + pad + disc * 0.5f);
            if (option.icon) {
                draw->AddCircleFilled(disc_centre, disc * 0.5f, ToU32(checked ? p.surface : p.brand_soft));
                ImGui::PushFont(theme.fonts.regular, theme.FontPx(TextStyle::Title3));
                const ImVec2 icon_size = ImGui::CalcTextSize(option.icon);
                draw->AddText(ImVec2(disc_centre.x - icon_size.x * 0.5f, disc_centre.y - icon_size.y * 0.5f),
                              ToU32(p.brand), option.icon);
                ImGui::PopFont();
            }
            const float text_x = min.x + pad * 2.0f + disc;
            ImGui::PushFont(title_font, title_px);
            const float title_h = ImGui::CalcTextSize(option.label.data(), option.label.data() + option.label.size(),
                                                      false, text_w).y;
            draw->AddText(title_font, title_px, ImVec2(text_x, min.y + pad), ToU32(p.text), option.label.data(),
                          option.label.data() + option.label.size(), text_w);
            ImGui::PopFont();
            if (!option.hint.empty()) {
                draw->AddText(theme.fonts.regular, body_px, ImVec2(text_x, min.y + pad + title_h + theme.Em(0.25f)),
                              ToU32(p.text_muted), option.hint.data(),
                              option.hint.data() + option.hint.size(), text_w);
            }
            const ImVec2 radio_centre(max.x - pad - radio * 0.5f, min.y + pad + radio * 0.5f + theme.Em(0.1f));
            draw->AddCircle(radio_centre, radio * 0.5f, ToU32(checked ? p.brand : p.border), 0, 1.5f);
            if (checked) draw->AddCircleFilled(radio_centre, radio * 0.28f, ToU32(p.brand));

            DrawFocusRing(ui, item);
            ui.a11y.AddLastItem(Role::Radio, option.label, OptionFlags(checked, option.enabled, !group.error.empty()),
                                {}, option.hint);
            if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
        y += row_h + gap;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(avail, std::max(0.0f, y - gap - origin.y)));
    ImGui::PopID();
    GroupError(ui, group.error);
    return changed;
}

} // namespace aftercare::portal
