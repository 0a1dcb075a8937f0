// Choice groups; see choice_chips.h.
#include "widgets/choice_chips.h"

#include "icons.h"

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

namespace aftercare::portal {
namespace {

struct OptionState {
    bool pressed = false;
    bool hovered = false;
    bool held = false;
    bool focused = false;  // keyboard focus is on its mirrored radio
};

// The focus ring follows the option's own shape, just outside it.
void FocusRing(const Ui& ui, ImVec2 min, ImVec2 max, float rounding) {
    const float gap = 3.0f;
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - gap, min.y - gap), ImVec2(max.x + gap, max.y + gap),
                                        ToU32(ui.theme.palette.brand), rounding + gap, 0, 2.0f);
}

// The invisible hit area of one option, its activation and its mirrored radio.
OptionState OptionItem(Ui& ui, const ChoiceOption& option, size_t index, bool checked, ImVec2 size) {
    OptionState state;
    // Options built at run time (days, parts) have no id of their own: their position tells them apart.
    ImGui::PushID(static_cast<int>(index));
    state.pressed = ImGui::InvisibleButton(*option.id ? option.id : "##option", size);
    ImGui::PopID();
    const ImGuiID item_id = ImGui::GetItemID();
    state.pressed |= ui.a11y.TakeActivation(item_id);
    state.pressed &= option.enabled;
    state.hovered = option.enabled && ImGui::IsItemHovered();
    state.held = option.enabled && ImGui::IsItemActive();
    A11yFlags flags = checked ? A11yFlags(A11yFlags_Checked) : A11yFlags(A11yFlags_None);
    if (!option.enabled) flags |= A11yFlags_Disabled;
    ui.a11y.AddLastItem(Role::Radio, option.label, flags, {}, option.hint);
    state.focused = ui.a11y.HasVisibleDomFocus(item_id);
    if (state.hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return state;
}

void DrawChips(Ui& ui, std::span<const ChoiceOption> options, int& selected, bool& changed) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float height = theme.Em(2.75f);  // 44 px at 16 px: a comfortable tap target
    const float pad = theme.Em(1.1f);
    const float gap = theme.Em(0.5f);
    const float avail = ImGui::GetContentRegionAvail().x;
    float line_used = 0.0f;
    PushTextStyle(theme, TextStyle::Body);
    for (size_t i = 0; i < options.size(); ++i) {
        const ChoiceOption& option = options[i];
        const bool checked = static_cast<int>(i) == selected;
        const char* icon = checked ? ICON_CHECK : option.icon;
        const float icon_w = icon ? ImGui::CalcTextSize(icon).x + theme.Em(0.45f) : 0.0f;
        const float label_w = ImGui::CalcTextSize(option.label.data(), option.label.data() + option.label.size()).x;
        const float width = std::min(avail, label_w + icon_w + pad * 2.0f);
        if (i > 0 && line_used + gap + width <= avail) {
            ImGui::SameLine(0.0f, gap);
            line_used += gap + width;
        } else {
            line_used = width;
        }
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const OptionState state = OptionItem(ui, option, i, checked, ImVec2(width, height));
        if (state.pressed && !checked) {
            selected = static_cast<int>(i);
            changed = true;
        }

        const ImVec2 max(pos.x + width, pos.y + height);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec4 fill = checked ? p.brand_soft : (!option.enabled ? p.background : p.surface);
        const ImVec4 edge = checked ? p.brand : (state.hovered ? p.brand_hover : p.border);
        draw->AddRectFilled(pos, max, ToU32(state.held ? p.brand_soft : fill), height * 0.5f);
        draw->AddRect(pos, max, ToU32(edge), height * 0.5f, 0, checked ? 1.5f : 1.0f);
        if (state.focused) FocusRing(ui, pos, max, height * 0.5f);
        const ImVec4 ink = !option.enabled ? p.text_muted : (checked ? p.brand : p.text);
        const float text_y = pos.y + (height - ImGui::GetFontSize()) * 0.5f;
        float x = pos.x + pad;
        if (icon) {
            draw->AddText(ImVec2(x, text_y), ToU32(checked ? p.brand : p.text_muted), icon);
            x += icon_w;
        }
        draw->PushClipRect(pos, max, true);
        draw->AddText(ImVec2(x, text_y), ToU32(ink), option.label.data(), option.label.data() + option.label.size());
        draw->PopClipRect();
    }
    ImGui::PopFont();
}

void DrawCards(Ui& ui, std::span<const ChoiceOption> options, int& selected, bool& changed, float min_width) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float gap = theme.Em(0.75f);
    const float pad = theme.Em(1.0f);
    const float radio = theme.Em(0.65f);  // radius of the radio ring
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = avail >= min_width * 2.0f + gap ? 2 : 1;
    const float width = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float text_x = pad + radio * 2.0f + theme.Em(0.75f);
    const float text_w = width - text_x - pad;
    const float title_px = theme.FontPx(TextStyle::Body);
    const float hint_px = theme.FontPx(TextStyle::Small);
    const float line_gap = theme.Em(0.25f);

    // Heights first: the cards of a row share the tallest one's height.
    std::vector<float> heights(options.size());
    for (size_t i = 0; i < options.size(); ++i) {
        const ChoiceOption& o = options[i];
        float h = ImGui::GetFont()->CalcTextSizeA(title_px, FLT_MAX, text_w, o.label.data(),
                                                  o.label.data() + o.label.size()).y;
        if (!o.hint.empty()) {
            h += line_gap + ImGui::GetFont()->CalcTextSizeA(hint_px, FLT_MAX, text_w, o.hint.data(),
                                                            o.hint.data() + o.hint.size()).y;
        }
        heights[i] = std::max(h + pad * 2.0f, theme.Em(3.5f));
    }

    ImFont* font = theme.fonts.regular ? theme.fonts.regular : ImGui::GetFont();
    for (size_t i = 0; i < options.size(); ++i) {
        const ChoiceOption& option = options[i];
        const size_t row_start = i - i % static_cast<size_t>(columns);
        float height = 0.0f;
        for (size_t j = row_start; j < std::min(options.size(), row_start + static_cast<size_t>(columns)); ++j) {
            height = std::max(height, heights[j]);
        }
        if (i % static_cast<size_t>(columns) != 0) ImGui::SameLine(0.0f, gap);
        const bool checked = static_cast<int>(i) == selected;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const OptionState state = OptionItem(ui, option, i, checked, ImVec2(width, height));
        if (state.pressed && !checked) {
            selected = static_cast<int>(i);
            changed = true;
        }

        const ImVec2 max(pos.x + width, pos.y + height);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float rounding = theme.Em(0.75f);
        const ImVec4 fill = checked ? p.brand_soft : (!option.enabled ? p.background : p.surface);
        draw->AddRectFilled(pos, max, ToU32(state.held ? p.brand_soft : fill), rounding);
        draw->AddRect(pos, max, ToU32(checked ? p.brand : (state.hovered ? p.brand_hover : p.border)), rounding, 0,
                      checked ? 2.0f : 1.0f);
        if (state.focused) FocusRing(ui, pos, max, rounding);

        // The radio ring, level with the first line of the title.
        const ImVec2 centre(pos.x + pad + radio, pos.y + pad + title_px * 0.5f + 1.0f);
        if (checked) {
            draw->AddCircleFilled(centre, radio, ToU32(p.brand));
            draw->AddCircleFilled(centre, radio * 0.4f, IM_COL32_WHITE);
        } else {
            draw->AddCircle(centre, radio, ToU32(option.enabled ? p.text_muted : p.border), 0, 1.5f);
        }

        // Titles may be data (a product's model), so they are drawn in the regular face.
        const ImVec4 ink = option.enabled ? p.text : p.text_muted;
        const ImVec2 title_pos(pos.x + text_x, pos.y + pad);
        draw->AddText(font, title_px, title_pos, ToU32(ink), option.label.data(), option.label.data() + option.label.size(),
                      text_w);
        if (!option.hint.empty()) {
            const float title_h = font->CalcTextSizeA(title_px, FLT_MAX, text_w, option.label.data(),
                                                      option.label.data() + option.label.size()).y;
            draw->AddText(font, hint_px, ImVec2(title_pos.x, title_pos.y + title_h + line_gap), ToU32(p.text_muted),
                          option.hint.data(), option.hint.data() + option.hint.size(), text_w);
        }
    }
}

} // namespace

bool ChoiceGroup(Ui& ui, const char* id, std::string_view label, std::span<const ChoiceOption> options, int& selected,
                 const ChoiceGroupOptions& group) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    bool changed = false;
    ImGui::PushID(id);
    if (!label.empty()) {
        PushTextStyle(theme, TextStyle::Small);
        ImGui::TextUnformatted(label.data(), label.data() + label.size());
        ui.a11y.AddText(Role::Text, label);
        if (group.required) {
            ImGui::SameLine(0, theme.Em(0.2f));
            ImGui::TextColored(p.danger, "*");
        }
        ImGui::PopFont();
    }
    if (group.style == ChoiceStyle::Chips) {
        DrawChips(ui, options, selected, changed);
    } else {
        DrawCards(ui, options, selected, changed, theme.Em(group.card_min_width_em));
    }
    if (!group.error.empty()) Paragraph(ui, TextStyle::Small, group.error, p.danger, Role::Alert);
    ImGui::PopID();
    return changed;
}

} // namespace aftercare::portal
